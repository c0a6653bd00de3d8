// Small read-only views of a Decision for test assertions: names as the contract spells them
// ("decline", "blocked", "scope"), so that failures print readable text rather than enum values.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "corium/domain/decision.h"

namespace corium::testing {

inline std::string DecisionName(const Decision& d) { return std::string(OutcomeName(d.outcome)); }

// "(no finding)" when absent, so a missing finding fails with a clear message.
inline std::string EffectOf(const Finding* f) {
  return f == nullptr ? "(no finding)" : std::string(EffectName(f->effect));
}

// The finding's `until` as text: "null" for an undated finding, "(no finding)" when absent.
inline std::string UntilOf(const Finding* f) {
  if (f == nullptr) return "(no finding)";
  return f->until ? f->until->ToString() : "null";
}

inline std::string EarliestDateOf(const Decision& d) {
  return d.earliest_date ? d.earliest_date->ToString() : "null";
}

inline std::vector<std::string> ZonesOf(const Finding* f) {
  std::vector<std::string> out;
  if (f == nullptr) return out;
  for (const Code& z : f->zones) out.push_back(z.str());
  return out;
}

inline const ZonePlan* ZoneFor(const Decision& d, const std::string& zone,
                               const std::string& indication) {
  for (const ZonePlan& z : d.zones) {
    if (z.zone == zone && z.indication == indication) return &z;
  }
  return nullptr;
}

inline std::string StatusOf(const ZonePlan* z) {
  return z == nullptr ? "(no zone)" : std::string(ZoneStatusName(z->status));
}

inline std::string LimitedByOf(const ZonePlan* z) {
  return z == nullptr ? "(no zone)" : std::string(CapSourceName(z->limited_by));
}

inline std::string EndpointOf(const ZonePlan* z) {
  return z == nullptr ? "(no zone)" : z->endpoint.str();
}

// Depths in micrometres (exact); -1 when the zone is absent or has no depth.
inline int MaxUm(const ZonePlan* z) {
  return z == nullptr || !z->depth ? -1 : z->depth->max.micrometres();
}
inline int MinUm(const ZonePlan* z) {
  return z == nullptr || !z->depth ? -1 : z->depth->min.micrometres();
}

inline bool HasConsent(const Decision& d, const std::string& item) {
  return std::find(d.consent_items.begin(), d.consent_items.end(), item) != d.consent_items.end();
}

inline std::vector<std::string> ZoneOrder(const Decision& d) {
  std::vector<std::string> out;
  for (const ZonePlan& z : d.zones) out.push_back(z.zone.str());
  return out;
}

}  // namespace corium::testing
