// JSON for stored screenings, their overrides and the body of a consultation, as
// api/paths/screenings.json describes them. A stored screening carries the contract's decision
// object (contracts.md §1.2) exactly as the engine wrote it. Pure functions; safe from any thread.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "corium/app/clients.h"
#include "corium/base/result.h"
#include "corium/domain/intake.h"
#include "corium/engine/json_writer.h"

namespace corium::http {

// A screening written straight as text, its decision spliced in as stored (for the chart, which
// holds every screening); ScreeningToJson is the same object as a tree.
void WriteScreening(engine::JsonWriter& out, const app::Screening& screening);
nlohmann::json ScreeningToJson(const app::Screening& screening);
nlohmann::json OverrideToJson(const app::ScreeningOverride& entry);

// The body of POST /clients/{client_id}/screenings: the contract intake's `requests` and `device`.
// Codes are taken as written; the consultation checks them with the engine's intake parser, whose
// errors name the same paths (requests[0].zones[1], device.kind).
struct ConsultBody {
  std::vector<TreatmentRequest> requests;
  std::optional<Device> device;
};
Result<ConsultBody> ConsultBodyFromJson(const nlohmann::json& body);

}  // namespace corium::http
