#include "corium/engine/decision_json.h"

#include <optional>
#include <string>
#include <vector>

#include "corium/engine/json_writer.h"

namespace corium::engine {
namespace {

void WriteCodes(JsonWriter& out, const std::vector<Code>& codes) {
  out.BeginArray();
  for (const Code& c : codes) out.String(c.str());
  out.EndArray();
}

void WriteStrings(JsonWriter& out, const std::vector<std::string>& texts) {
  out.BeginArray();
  for (const std::string& text : texts) out.String(text);
  out.EndArray();
}

void WriteDate(JsonWriter& out, const std::optional<Date>& date) {
  if (date) {
    out.String(date->ToString());
  } else {
    out.Null();
  }
}

void WriteFinding(JsonWriter& out, const Finding& f) {
  out.BeginObject();
  out.Key("rule").String(f.rule);
  out.Key("effect").String(EffectName(f.effect));
  out.Key("until");
  WriteDate(out, f.until);
  out.Key("zones");
  WriteCodes(out, f.zones);
  out.Key("summary").String(f.summary);
  out.Key("basis").String(f.basis);
  out.Key("sources");
  WriteStrings(out, f.sources);
  out.EndObject();
}

void WriteZone(JsonWriter& out, const ZonePlan& z) {
  out.BeginObject();
  out.Key("zone").String(z.zone.str());
  out.Key("indication").String(z.indication.str());
  out.Key("status").String(ZoneStatusName(z.status));
  out.Key("depth_mm");
  if (z.depth) {
    out.BeginObject();
    out.Key("min").Thousandths(z.depth->min.micrometres());
    out.Key("max").Thousandths(z.depth->max.micrometres());
    out.EndObject();
  } else {
    out.Null();
  }
  out.Key("limited_by").String(CapSourceName(z.limited_by));
  out.Key("endpoint").String(z.endpoint.str());
  out.EndObject();
}

}  // namespace

// Written directly rather than through a JSON tree: the decision is every screening request's
// reply, and building the tree cost more than screening the intake (bench/RESULTS.md).
std::string DecisionToJson(const Decision& decision) {
  JsonWriter out;
  out.BeginObject();
  out.Key("decision").String(OutcomeName(decision.outcome));
  out.Key("earliest_date");
  WriteDate(out, decision.earliest_date);
  out.Key("findings").BeginArray();
  for (const Finding& f : decision.findings) WriteFinding(out, f);
  out.EndArray();
  out.Key("zones").BeginArray();
  for (const ZonePlan& z : decision.zones) WriteZone(out, z);
  out.EndArray();
  out.Key("consent_items");
  WriteStrings(out, decision.consent_items);
  out.Key("kb").BeginObject();
  out.Key("version").String(decision.kb.version);
  out.Key("digest").String(decision.kb.digest);
  out.EndObject();
  out.EndObject();
  return out.Take();
}

std::string ErrorsToJson(const std::vector<FieldError>& errors) {
  JsonWriter out;
  out.BeginObject();
  out.Key("errors").BeginArray();
  for (const FieldError& e : errors) {
    out.BeginObject();
    out.Key("path").String(e.path);
    out.Key("message").String(e.message);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
  return out.Take();
}

}  // namespace corium::engine
