#include "corium/http/api/client_json.h"

#include <string>
#include <utility>
#include <vector>

#include "corium/http/api/json_read.h"
#include "corium/http/api/screening_json.h"

namespace corium::http {
namespace {

using nlohmann::json;

constexpr size_t kMaxSearchText = 100;

}  // namespace

json ClientToJson(const app::Client& client) {
  const app::ClientDraft& d = client.details;
  return {{"id", client.id},
          {"given_name", d.given_name},
          {"family_name", d.family_name},
          {"birth_date", d.birth_date.ToString()},
          {"email", d.email},
          {"phone", d.phone},
          {"fitzpatrick", d.fitzpatrick ? json(*d.fitzpatrick) : json(nullptr)},
          {"version", client.version},
          {"created_at", client.created_at},
          {"updated_at", client.updated_at}};
}

Result<app::ClientDraft> ClientDraftFromJson(const json& body) {
  BodyReader read(body);
  app::ClientDraft draft;
  draft.given_name = read.String("given_name");
  draft.family_name = read.String("family_name");
  draft.birth_date = read.RequiredDate("birth_date");
  draft.email = read.String("email");
  draft.phone = read.String("phone");
  if (const auto fitzpatrick = read.OptionalInt("fitzpatrick")) {
    // The schema bounds it to 1–6; the use case checks again.
    draft.fitzpatrick = static_cast<int>(*fitzpatrick);
  }
  CORIUM_RETURN_IF_ERROR(read.status());
  return draft;
}

Result<app::ClientQuery> ClientQueryFromCall(const ApiCall& call) {
  app::ClientQuery query;
  std::vector<FieldError> errors;
  if (const auto q = call.Query("q")) {
    if (q->size() > kMaxSearchText) {
      errors.push_back({"q", "at most " + std::to_string(kMaxSearchText) + " characters"});
    }
    query.name = std::string(*q);
  }
  if (const auto birth_date = call.Query("birth_date")) {
    query.birth_date = Date::Parse(std::string(*birth_date));
    if (!query.birth_date) errors.push_back({"birth_date", "expected a date as YYYY-MM-DD"});
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  return query;
}

json IntakeToJson(const app::IntakeRecord& intake) {
  json history = json::parse(intake.intake_json, nullptr, /*allow_exceptions=*/false);
  if (history.is_discarded()) history = json::object();  // stored by RecordIntake, so valid
  return {{"id", intake.id},
          {"client_id", intake.client_id},
          {"revision", intake.revision},
          {"history", std::move(history)},
          {"recorded_by", intake.recorded_by},
          {"recorded_at", intake.recorded_at}};
}

json ChartToJson(const app::ClientChart& chart) {
  json intakes = json::array();
  for (const app::IntakeRecord& intake : chart.intakes) intakes.push_back(IntakeToJson(intake));
  json screenings = json::array();
  for (const app::Screening& screening : chart.screenings) {
    screenings.push_back(ScreeningToJson(screening));
  }
  return {{"client", ClientToJson(chart.client)},
          {"intakes", std::move(intakes)},
          {"screenings", std::move(screenings)}};
}

}  // namespace corium::http
