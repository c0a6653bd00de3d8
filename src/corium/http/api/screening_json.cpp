#include "corium/http/api/screening_json.h"

#include <string>
#include <utility>

#include "corium/engine/json_check.h"
#include "corium/http/api/json_read.h"

namespace corium::http {
namespace {

using nlohmann::json;

std::vector<Code> Codes(const json& list) {
  std::vector<Code> codes;
  if (!list.is_array()) return codes;
  for (const json& item : list) {
    if (item.is_string()) codes.emplace_back(item.get<std::string>());
  }
  return codes;
}

Device DeviceFromJson(BodyReader& read) {
  Device device;
  device.kind = Code(read.String("kind"));
  device.cleared = read.Bool("cleared");
  if (!read.At("max_depth_mm").is_null()) device.max_depth = read.RequiredDepth("max_depth_mm");
  if (const auto material = read.OptionalString("needle_material")) {
    device.needle_material = Code(*material);
  }
  return device;
}

}  // namespace

json OverrideToJson(const app::ScreeningOverride& entry) {
  return {{"id", entry.id},
          {"screening_id", entry.screening_id},
          {"prescriber_id", entry.prescriber_id},
          {"reason", entry.reason},
          {"decided_at", entry.decided_at}};
}

void WriteScreening(engine::JsonWriter& out, const app::Screening& screening) {
  out.BeginObject();
  out.Key("id").Integer(screening.id);
  out.Key("client_id").Integer(screening.client_id);
  out.Key("intake_id").Integer(screening.intake_id);
  out.Key("as_of").String(screening.as_of.ToString());
  out.Key("decision");
  engine::WriteStoredObject(out, screening.decision_json);
  out.Key("kb_version").String(screening.kb_version);
  out.Key("kb_digest").String(screening.kb_digest);
  out.Key("screened_by").Integer(screening.screened_by);
  out.Key("screened_at").Integer(screening.screened_at);
  out.Key("overrides").BeginArray();
  for (const app::ScreeningOverride& entry : screening.overrides) {
    out.Verbatim(OverrideToJson(entry).dump());
  }
  out.EndArray();
  out.EndObject();
}

json ScreeningToJson(const app::Screening& screening) {
  engine::JsonWriter out;
  WriteScreening(out, screening);
  return json::parse(out.Take());
}

Result<ConsultBody> ConsultBodyFromJson(const json& body) {
  BodyReader read(body);
  ConsultBody consult;
  const json& requests = read.At("requests");
  if (requests.is_array()) {
    for (const json& item : requests) {
      BodyReader request(item);
      consult.requests.push_back(
          TreatmentRequest{Code(request.String("indication")), Codes(request.At("zones"))});
    }
  }
  if (read.At("device").is_object()) {
    BodyReader device(read.At("device"), "device.");
    consult.device = DeviceFromJson(device);
    read.Merge(device);
  }
  CORIUM_RETURN_IF_ERROR(read.status());
  return consult;
}

}  // namespace corium::http
