#include "corium/engine/rule_matcher.h"

#include <algorithm>
#include <type_traits>

#include "corium/engine/fact_text.h"

namespace corium::engine {
namespace {

// Where a fact listed with `zones` touches the request: the requested zones among them. A fact
// with no zones touches every zone (represented by an empty list).
struct Touch {
  bool counts = false;
  std::vector<Code> zones;
};

Touch TouchOf(const ScreeningContext& ctx, const std::vector<Code>& fact_zones) {
  if (fact_zones.empty()) return {true, {}};
  Touch touch;
  for (const Code& zone : ctx.requested_zones) {
    if (std::find(fact_zones.begin(), fact_zones.end(), zone) != fact_zones.end()) {
      touch.zones.push_back(zone);
    }
  }
  touch.counts = !touch.zones.empty();
  return touch;
}

class Matcher {
 public:
  Matcher(const ScreeningContext& ctx, const kb::Rule& rule, const kb::RuleCase& rc,
          std::vector<Hit>& hits)
      : ctx_(ctx), intake_(*ctx.intake), rule_(rule), rc_(rc), hits_(hits), text_(ctx) {}

  void Run() {
    if (!QualifiersHold()) return;
    std::visit([this](const auto& subject) { Match(subject); }, rc_.subject);
  }

 private:
  bool QualifiersHold() {
    const kb::Qualifiers& q = rc_.qualifiers;
    if (q.setting && *q.setting != intake_.setting) return false;
    if (q.country && *q.country != ctx_.country) return false;
    if (q.requested_region) {
      for (const Code& zone : ctx_.requested_zones) {
        const kb::ZoneInfo* info = ctx_.Zone(zone);
        if (info != nullptr && info->region == *q.requested_region) region_zones_.push_back(zone);
      }
      if (region_zones_.empty()) return false;
    }
    return true;
  }

  // Records a hit unless its window has closed by as_of. `from` is the window's start date when
  // known.
  void Emit(std::vector<Code> zones, std::optional<Date> from, TextValues values) {
    if (rc_.qualifiers.requested_region) {
      // The finding applies to the requested zones of that region (within the fact's zones).
      std::vector<Code> narrowed;
      for (const Code& zone : region_zones_) {
        if (zones.empty() || std::find(zones.begin(), zones.end(), zone) != zones.end()) {
          narrowed.push_back(zone);
        }
      }
      if (narrowed.empty()) return;
      zones = std::move(narrowed);
    }
    Hit hit{&rule_, &rc_, std::move(zones), std::nullopt, std::move(values)};
    if (rc_.window) {
      if (from) {
        const Date until = rc_.window->months > 0 ? from->AddMonths(rc_.window->months)
                                                  : from->AddDays(rc_.window->days);
        if (until <= intake_.as_of) return;  // the wait is over
        hit.until = until;
        hit.values["until"] = until.ToString();
      } else {
        hit.values["until"] = "a date that cannot be set (start date not recorded)";
      }
    }
    hit.values["zones"] = text_.ZoneList(hit.zones);
    hits_.push_back(std::move(hit));
  }

  void Match(const kb::ClientMatch& m) {
    const Client& client = intake_.client;
    const int age = client.birth_date.WholeYearsUntil(intake_.as_of);
    if (m.age_at_least && age < *m.age_at_least) return;
    if (m.age_below && age >= *m.age_below) return;
    if (!m.flags.empty()) {
      std::vector<std::string> present;
      for (const Code& flag : m.flags) {
        if ((flag == "pregnant" && client.pregnant) ||
            (flag == "breastfeeding" && client.breastfeeding)) {
          present.push_back(flag.str());
        }
      }
      if (present.empty()) return;
      values_["flags"] = JoinWords(present);
    }
    if (m.fitzpatrick_at_least) {
      if (!client.fitzpatrick || *client.fitzpatrick < *m.fitzpatrick_at_least) return;
      values_["fitzpatrick"] = Roman(*client.fitzpatrick);
    }
    values_["age"] = std::to_string(age);
    Emit({}, std::nullopt, values_);
  }

  void Match(const kb::ConditionMatch& m) {
    for (const ConditionEntry& c : intake_.conditions) {
      if (m.codes.count(c.code) == 0) continue;
      const bool resolved = c.resolved.has_value();
      if ((m.status == kb::ConditionStatus::kResolved) != resolved) continue;
      if (m.control == kb::ControlFilter::kUncontrolled && c.controlled != false) continue;
      if (m.control == kb::ControlFilter::kControlledOrUnknown && c.controlled == false) continue;
      const Touch touch = TouchOf(ctx_, c.zones);
      if (!touch.counts) continue;
      auto values = text_.Describe("conditions", c.code);
      if (c.resolved) values["resolved"] = c.resolved->ToString();
      values["control"] = !c.controlled   ? "control not recorded"
                          : *c.controlled ? "controlled"
                                          : "not controlled";
      Emit(touch.zones, c.resolved, std::move(values));
    }
  }

  void Match(const kb::MedicationMatch& m) {
    for (const MedicationEntry& med : intake_.medications) {
      if (m.codes.count(med.code) == 0) continue;
      if (m.current && *m.current != med.current) continue;
      const Touch touch = m.anywhere ? Touch{true, {}} : TouchOf(ctx_, med.zones);
      if (!touch.counts) continue;
      auto values = text_.Describe("medications", med.code);
      // While a medicine is current its last dose is today.
      const std::optional<Date> last =
          med.current ? std::optional<Date>(intake_.as_of) : med.last_dose;
      values["last_dose"] = med.current     ? "today (still in use)"
                            : med.last_dose ? med.last_dose->ToString()
                                            : "not recorded";
      Emit(touch.zones, last, std::move(values));
    }
  }

  void Match(const kb::AllergyMatch& m) {
    for (const AllergyEntry& a : intake_.allergies) {
      if (m.codes.count(a.code) == 0) continue;
      if (m.needle_contains_allergen && *m.needle_contains_allergen != NeedleSetsOff(a.code)) {
        continue;
      }
      auto values = text_.Describe("allergies", a.code);
      values["needle_material"] = text_.NeedleMaterial();
      Emit({}, std::nullopt, std::move(values));
    }
  }

  // An unstated needle material is taken to contain every allergen (EX-07, conservative).
  bool NeedleSetsOff(const Code& allergy) const {
    if (!intake_.device || !intake_.device->needle_material) return true;
    const auto& table = ctx_.kb->vocabulary.needle_allergens;
    const auto it = table.find(*intake_.device->needle_material);
    return it == table.end() || it->second.count(allergy) != 0;
  }

  void Match(const kb::ProcedureMatch& m) {
    for (const ProcedureEntry& p : intake_.procedures) {
      if (m.codes.count(p.code) == 0) continue;
      if (m.depth_above && p.depth && *p.depth <= *m.depth_above) continue;
      if (m.depth_at_most && (!p.depth || *p.depth > *m.depth_at_most)) continue;
      const Touch touch = m.anywhere ? Touch{true, {}} : TouchOf(ctx_, p.zones);
      if (!touch.counts) continue;
      auto values = text_.Describe("procedures", p.code);
      values["date"] = p.date.ToString();
      values["depth_mm"] = p.depth ? p.depth->ToString() + " mm" : "an unrecorded depth";
      Emit(touch.zones, p.date, std::move(values));
    }
  }

  void Match(const kb::RequestMatch& m) {
    for (const TreatmentRequest& request : intake_.requests) {
      if (!m.indications.empty() && m.indications.count(request.indication) == 0) continue;
      std::vector<Code> zones;
      for (const Code& zone : ctx_.requested_zones) {
        const bool in_request =
            std::find(request.zones.begin(), request.zones.end(), zone) != request.zones.end();
        if (in_request && (m.zones.empty() || m.zones.count(zone) != 0)) zones.push_back(zone);
      }
      if (zones.empty()) continue;
      auto values = values_;
      values["indication"] = ctx_.kb->vocabulary.Label("indications", request.indication);
      Emit(zones, std::nullopt, std::move(values));
    }
  }

  void Match(const kb::DeviceMatch& m) {
    if (!intake_.device) return;
    const Device& d = *intake_.device;
    if (!m.kinds.empty() && m.kinds.count(d.kind) == 0) return;
    if (m.cleared && *m.cleared != d.cleared) return;
    if (m.max_depth_at_least && (!d.max_depth || *d.max_depth < *m.max_depth_at_least)) return;
    if (m.max_depth_below && (!d.max_depth || *d.max_depth >= *m.max_depth_below)) return;
    Emit({}, std::nullopt, values_);
  }

  void Match(const kb::ScopeMatch& m) {
    if (!ctx_.scope || !ctx_.scope->situation) return;
    if (*ctx_.scope->situation != m.situation || ctx_.scope->rule != rule_.id) return;
    Emit({}, std::nullopt, values_);
  }

  void Match(const kb::AlwaysMatch&) { Emit({}, std::nullopt, values_); }

  const ScreeningContext& ctx_;
  const Intake& intake_;
  const kb::Rule& rule_;
  const kb::RuleCase& rc_;
  std::vector<Hit>& hits_;
  FactText text_;
  std::vector<Code> region_zones_;
  TextValues values_;
};

}  // namespace

std::vector<Hit> MatchRules(const ScreeningContext& ctx) {
  constexpr std::string_view kConsultation = "consultation";
  std::vector<Hit> hits;
  for (const kb::Rule& rule : ctx.kb->rules) {
    if (rule.stage != kConsultation) continue;
    for (const kb::RuleCase& rc : rule.cases) Matcher(ctx, rule, rc, hits).Run();
  }
  return hits;
}

}  // namespace corium::engine
