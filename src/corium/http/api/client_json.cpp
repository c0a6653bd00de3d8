#include "corium/http/api/client_json.h"

#include <string>
#include <utility>
#include <vector>

#include "corium/engine/json_check.h"
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

void WriteIntake(engine::JsonWriter& out, const app::IntakeRecord& intake) {
  out.BeginObject();
  out.Key("id").Integer(intake.id);
  out.Key("client_id").Integer(intake.client_id);
  out.Key("revision").Integer(intake.revision);
  out.Key("history");
  engine::WriteStoredObject(out, intake.intake_json);
  out.Key("recorded_by").Integer(intake.recorded_by);
  out.Key("recorded_at").Integer(intake.recorded_at);
  out.EndObject();
}

json IntakeToJson(const app::IntakeRecord& intake) {
  engine::JsonWriter out;
  WriteIntake(out, intake);
  return json::parse(out.Take());
}

std::string ChartJsonText(const app::ClientChart& chart) {
  engine::JsonWriter out;
  out.BeginObject();
  out.Key("client").Verbatim(ClientToJson(chart.client).dump());
  out.Key("intakes").BeginArray();
  for (const app::IntakeRecord& intake : chart.intakes) WriteIntake(out, intake);
  out.EndArray();
  out.Key("screenings").BeginArray();
  for (const app::Screening& screening : chart.screenings) WriteScreening(out, screening);
  out.EndArray();
  out.EndObject();
  return out.Take();
}

}  // namespace corium::http
