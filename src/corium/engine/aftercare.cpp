#include "corium/engine/aftercare.h"

#include <string_view>

namespace corium::engine {
namespace {

// The treated zones' labels, joined for the {zones} placeholder.
std::string ZoneLabels(const std::vector<Code>& zones, const kb::KnowledgeBase& kb) {
  std::string out;
  for (const Code& zone : zones) {
    if (!out.empty()) out += ", ";
    out += kb.vocabulary.Label("zones", zone);
  }
  return out.empty() ? "the treated zones" : out;
}

std::string WithZones(std::string text, const std::string& zones) {
  constexpr std::string_view kPlaceholder = "{zones}";
  const size_t at = text.find(kPlaceholder);
  if (at != std::string::npos) text.replace(at, kPlaceholder.size(), zones);
  return text;
}

}  // namespace

AftercareSheet BuildAftercareSheet(const AftercareFacts& facts, const kb::KnowledgeBase& kb) {
  const kb::AftercarePolicy& policy = kb.aftercare;
  const Date day0 = facts.session_date;
  // AF-01: an unrecorded depth is treated as deep, so the longer wait applies.
  const bool deep = !facts.deepest || *facts.deepest > policy.deep_above;
  const std::string zones = ZoneLabels(facts.zones, kb);

  AftercareSheet sheet;
  for (const kb::AftercarePhase& phase : policy.timeline) {
    sheet.timeline.push_back({phase.when, day0.AddDays(phase.from_day), day0.AddDays(phase.to_day),
                              phase.expect, phase.steps});
  }
  for (const kb::AftercareAvoid& avoid : policy.avoid) {
    const int days = deep && avoid.deep_days ? *avoid.deep_days : avoid.days;
    sheet.avoid.push_back({WithZones(avoid.what, zones), day0.AddDays(days), avoid.rule});
  }
  for (const kb::AftercareCheckIn& check_in : policy.check_ins) {
    sheet.check_ins.push_back({check_in.label, day0.AddDays(check_in.days), check_in.rule});
  }
  sheet.warning_signs = policy.warning_signs;
  for (const kb::AftercareNote& note : policy.notes) {
    // AF-02: the blood-thinner statement goes to those who take one, and only to them.
    if (note.blood_thinner_only && !facts.blood_thinner) continue;
    sheet.notes.push_back({note.rule, note.text});
  }
  return sheet;
}

}  // namespace corium::engine
