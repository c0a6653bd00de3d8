// Decision: the screening's answer (contracts.md §1.2): what may be done, from when, how deep in
// each requested zone, and every finding with the facts and sources behind it. Plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"

namespace corium {

// A finding's effect, least severe first; the order is the contract's.
enum class Effect { kInfo, kCaution, kDefer, kRefer, kDecline };

// The overall decision, least severe first; it is the most severe effect among the findings.
enum class Outcome { kProceed, kProceedWithCaution, kDefer, kRefer, kDecline };

std::string_view EffectName(Effect effect);
std::optional<Effect> EffectFromName(std::string_view name);
std::string_view OutcomeName(Outcome outcome);
Outcome OutcomeOf(Effect effect);

enum class ZoneStatus { kOk, kDeferred, kOutOfScope, kBlocked };
std::string_view ZoneStatusName(ZoneStatus status);

// What bound a zone's maximum depth; on a tie the first of this order names it (contract §1.2).
enum class CapSource { kSetting, kScope, kDevice, kCondition, kZone, kIndication };
std::string_view CapSourceName(CapSource source);
std::optional<CapSource> CapSourceFromName(std::string_view name);

struct Finding {
  std::string rule;
  Effect effect = Effect::kInfo;
  std::optional<Date> until;  // defer only; nullopt: no date (until a condition clears)
  std::vector<Code> zones;    // empty: applies to every zone
  std::string summary;
  std::string basis;
  std::vector<std::string> sources;
  bool from_scope = false;  // a scope-of-practice finding: its zones are out of scope
};

struct DepthRange {
  Depth min;
  Depth max;
};

struct ZonePlan {
  Code zone;
  Code indication;
  ZoneStatus status = ZoneStatus::kOk;
  std::optional<DepthRange> depth;  // nullopt: the caps leave no depth
  CapSource limited_by = CapSource::kZone;
  Code endpoint;
};

struct KbStamp {
  std::string version;
  std::string digest;
};

struct Decision {
  Outcome outcome = Outcome::kProceed;
  std::optional<Date> earliest_date;
  std::vector<Finding> findings;
  std::vector<ZonePlan> zones;
  std::vector<std::string> consent_items;
  KbStamp kb;
};

}  // namespace corium
