#include "corium/http/api/screening_json.h"

#include <string>
#include <utility>

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

json ScreeningToJson(const app::Screening& screening) {
  json decision = json::parse(screening.decision_json, nullptr, /*allow_exceptions=*/false);
  if (decision.is_discarded()) decision = json::object();  // written by the engine, so valid
  json overrides = json::array();
  for (const app::ScreeningOverride& entry : screening.overrides) {
    overrides.push_back(OverrideToJson(entry));
  }
  return {{"id", screening.id},
          {"client_id", screening.client_id},
          {"intake_id", screening.intake_id},
          {"as_of", screening.as_of.ToString()},
          {"decision", std::move(decision)},
          {"kb_version", screening.kb_version},
          {"kb_digest", screening.kb_digest},
          {"screened_by", screening.screened_by},
          {"screened_at", screening.screened_at},
          {"overrides", std::move(overrides)}};
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
