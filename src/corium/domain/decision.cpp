#include "corium/domain/decision.h"

#include <array>

namespace corium {
namespace {

constexpr std::array<std::string_view, 5> kEffectNames = {"info", "caution", "defer", "refer",
                                                          "decline"};
constexpr std::array<std::string_view, 6> kCapSourceNames = {"setting", "scope",  "device",
                                                             "condition", "zone", "indication"};

}  // namespace

std::string_view EffectName(Effect effect) { return kEffectNames.at(static_cast<size_t>(effect)); }

std::optional<Effect> EffectFromName(std::string_view name) {
  for (size_t i = 0; i < kEffectNames.size(); ++i) {
    if (kEffectNames[i] == name) return static_cast<Effect>(i);
  }
  return std::nullopt;
}

std::string_view OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kProceed: return "proceed";
    case Outcome::kProceedWithCaution: return "proceed_with_caution";
    case Outcome::kDefer: return "defer";
    case Outcome::kRefer: return "refer";
    case Outcome::kDecline: return "decline";
  }
  return "decline";
}

Outcome OutcomeOf(Effect effect) {
  switch (effect) {
    case Effect::kInfo: return Outcome::kProceed;
    case Effect::kCaution: return Outcome::kProceedWithCaution;
    case Effect::kDefer: return Outcome::kDefer;
    case Effect::kRefer: return Outcome::kRefer;
    case Effect::kDecline: return Outcome::kDecline;
  }
  return Outcome::kDecline;
}

std::string_view ZoneStatusName(ZoneStatus status) {
  switch (status) {
    case ZoneStatus::kOk: return "ok";
    case ZoneStatus::kDeferred: return "deferred";
    case ZoneStatus::kOutOfScope: return "out_of_scope";
    case ZoneStatus::kBlocked: return "blocked";
  }
  return "blocked";
}

std::string_view CapSourceName(CapSource source) {
  return kCapSourceNames.at(static_cast<size_t>(source));
}

std::optional<CapSource> CapSourceFromName(std::string_view name) {
  for (size_t i = 0; i < kCapSourceNames.size(); ++i) {
    if (kCapSourceNames[i] == name) return static_cast<CapSource>(i);
  }
  return std::nullopt;
}

}  // namespace corium
