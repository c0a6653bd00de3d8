#include "corium/engine/decision_json.h"

#include <nlohmann/json.hpp>

namespace corium::engine {
namespace {

using Json = nlohmann::ordered_json;

Json CodesToJson(const std::vector<Code>& codes) {
  Json out = Json::array();
  for (const Code& c : codes) out.push_back(c.str());
  return out;
}

Json FindingToJson(const Finding& f) {
  Json out;
  out["rule"] = f.rule;
  out["effect"] = EffectName(f.effect);
  out["until"] = f.until ? Json(f.until->ToString()) : Json(nullptr);
  out["zones"] = CodesToJson(f.zones);
  out["summary"] = f.summary;
  out["basis"] = f.basis;
  out["sources"] = f.sources;
  return out;
}

Json ZoneToJson(const ZonePlan& z) {
  Json out;
  out["zone"] = z.zone.str();
  out["indication"] = z.indication.str();
  out["status"] = ZoneStatusName(z.status);
  if (z.depth) {
    out["depth_mm"] = {{"min", z.depth->min.millimetres()}, {"max", z.depth->max.millimetres()}};
  } else {
    out["depth_mm"] = nullptr;
  }
  out["limited_by"] = CapSourceName(z.limited_by);
  out["endpoint"] = z.endpoint.str();
  return out;
}

}  // namespace

std::string DecisionToJson(const Decision& decision, int indent) {
  Json out;
  out["decision"] = OutcomeName(decision.outcome);
  out["earliest_date"] =
      decision.earliest_date ? Json(decision.earliest_date->ToString()) : Json(nullptr);
  out["findings"] = Json::array();
  for (const Finding& f : decision.findings) out["findings"].push_back(FindingToJson(f));
  out["zones"] = Json::array();
  for (const ZonePlan& z : decision.zones) out["zones"].push_back(ZoneToJson(z));
  out["consent_items"] = decision.consent_items;
  out["kb"] = {{"version", decision.kb.version}, {"digest", decision.kb.digest}};
  return out.dump(indent);
}

std::string ErrorsToJson(const std::vector<FieldError>& errors, int indent) {
  Json out;
  out["errors"] = Json::array();
  for (const FieldError& e : errors) {
    out["errors"].push_back({{"path", e.path}, {"message", e.message}});
  }
  return out.dump(indent);
}

}  // namespace corium::engine
