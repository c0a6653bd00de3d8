// JSON for clients, their intake revisions and their chart, as api/paths/clients.json describes
// them; and the list envelope every paged list of the API answers with. Field names are the
// request bodies' own, so an error a use case reports by field name points at the body's field.
// Pure functions; safe from any thread.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "corium/app/clients.h"
#include "corium/app/consultation.h"
#include "corium/base/result.h"
#include "corium/engine/json_writer.h"
#include "corium/http/api.h"

namespace corium::http {

inline app::PageRequest ToPageRequest(const ApiCall::Page& page) {
  return app::PageRequest{page.limit, page.offset};
}

// {"items": [...], "total": N, "limit": L, "offset": O}
template <typename T, typename ToJson>
nlohmann::json PageToJson(const app::Listing<T>& found, const ApiCall::Page& page, ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const T& item : found.items) items.push_back(to_json(item));
  return {{"items", std::move(items)},
          {"total", found.total},
          {"limit", page.limit},
          {"offset", page.offset}};
}

nlohmann::json ClientToJson(const app::Client& client);
// The body of POST /clients and PUT /clients/{client_id} (schema ClientDraft).
Result<app::ClientDraft> ClientDraftFromJson(const nlohmann::json& body);
// `q` and `birth_date` of GET /clients, naming the bad parameter.
Result<app::ClientQuery> ClientQueryFromCall(const ApiCall& call);

// An intake revision written straight as text, its history spliced in as stored; IntakeToJson is
// the same object as a tree.
void WriteIntake(engine::JsonWriter& out, const app::IntakeRecord& intake);
nlohmann::json IntakeToJson(const app::IntakeRecord& intake);

// {"client": …, "intakes": [...], "screenings": [...]}: one member per part of the record, so the
// chart grows by adding members. Written straight as text, with every stored history and decision
// spliced in as it is: the chart is read at every visit, and parsing each stored document into a
// tree to print it back cost more than the chart's queries (bench/RESULTS.md).
std::string ChartJsonText(const app::ClientChart& chart);

}  // namespace corium::http
