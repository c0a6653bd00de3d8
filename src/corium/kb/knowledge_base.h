// KnowledgeBase: the clinic's protocol as immutable, typed tables, built from the YAML files of
// kb/ by LoadKnowledgeBase (loader.h). Once built it is never modified, so any number of threads
// may screen against one instance concurrently.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "corium/domain/code.h"
#include "corium/domain/decision.h"
#include "corium/domain/depth.h"
#include "corium/kb/course_protocol.h"
#include "corium/kb/message_templates.h"

namespace corium::kb {

// The vocabulary of contracts.md §3: which codes exist in each category, and their labels.
struct Vocabulary {
  // A category's codes and their labels, hashed: the intake parser asks about every code it reads
  // and every finding's text asks for labels. For the codes in file order, see `order`.
  using CodeLabels = std::unordered_map<Code, std::string, CodeHash, std::equal_to<>>;
  // category -> code -> label
  std::unordered_map<std::string, CodeLabels, CodeHash, std::equal_to<>> labels;
  std::set<Code> prescriber_roles;
  std::map<Code, Code> setting_default_role;        // setting -> role (home -> home_user)
  std::map<Code, std::set<Code>> needle_allergens;  // needle material -> allergy codes
  std::vector<Code> zone_order;                     // head to foot, as listed
  std::set<Code> manual_device_kinds;               // kinds listed with motorised: false
  std::map<std::string, std::vector<Code>> order;   // category -> codes, as listed
  // The explanatory note of a code, where the vocabulary gives one (category -> code -> note).
  std::map<std::string, std::map<Code, std::string>> notes;
  // The details of an intake entry that the rules read, so a form asks for them (category ->
  // code -> asks, in the order listed): conditions, medications and procedures.
  std::map<std::string, std::map<Code, std::vector<std::string>>> asks;

  bool Has(std::string_view category, const Code& code) const;
  // The label of a code, or the code itself when it has none.
  std::string Label(std::string_view category, const Code& code) const;
  // Whether a device of this kind runs at a speed of its own, so a session states the speed
  // (TP-08). A kind this vocabulary does not list counts as motorised: the conservative answer
  // asks for one line too many rather than lose the setting an outbreak review would need.
  bool IsMotorised(const Code& device_kind) const;
  // The note of a code, or nullptr when it has none.
  const std::string* Note(const std::string& category, const Code& code) const;
  // The details the rules read for a code; empty when it asks for none.
  const std::vector<std::string>& Asks(const std::string& category, const Code& code) const;
};

// A reference of kb/sources.yaml: its citation and its addresses, first the main one.
struct Source {
  std::string id;
  std::string citation;
  std::vector<std::string> urls;
};

// An outcome assessment scale (brief §8, FU-02) and, when the knowledge base gives it, the range
// of scores it allows.
struct ScoreRange {
  double min = 0;
  double max = 0;
};
struct OutcomeScale {
  Code code;
  std::string label;
  std::optional<ScoreRange> scores;
};

struct ZoneInfo {
  Code zone;
  Code region;  // face | body
  std::optional<DepthRange> typical;
  std::optional<Depth> cap;       // nullopt: no depth at all (a blocked zone)
  std::optional<Depth> scar_cap;  // for a prescriber treating a scar indication
};

struct IndicationInfo {
  Code indication;
  Depth cap;
  bool scar = false;
  // The outcome scales suitable for the indication, as listed (KnowledgeBase::outcome_scale_rule),
  // and the months after the course at which it is assessed (empty when the brief gives none).
  std::vector<Code> outcome_scales;
  std::vector<int> assess_months;

  bool SuitsScale(const Code& scale) const;
};

enum class ScopeAccess { kPermitted, kSupervised, kNotPermitted };

struct ScopeEntry {
  std::vector<Code> roles;
  ScopeAccess access = ScopeAccess::kNotPermitted;
  std::optional<Depth> cap_unsupervised;
  std::optional<Depth> cap_supervised;
  std::string rule;
};

struct Jurisdiction {
  std::string code;
  std::string country;
  std::string label;
  std::vector<ScopeEntry> scope;
};

// --- Rule cases: what a case matches (one subject) -------------------------------------------

struct ClientMatch {
  std::optional<int> age_at_least;
  std::optional<int> age_below;
  std::vector<Code> flags;  // pregnant, breastfeeding
  std::optional<int> fitzpatrick_at_least;
};
enum class ConditionStatus { kPresent, kResolved };
enum class ControlFilter { kAny, kUncontrolled, kControlledOrUnknown };
struct ConditionMatch {
  CodeSet codes;
  ConditionStatus status = ConditionStatus::kPresent;
  ControlFilter control = ControlFilter::kAny;
};
struct MedicationMatch {
  CodeSet codes;
  std::optional<bool> current;
  bool anywhere = false;  // a systemic effect: applies to every zone whatever zones are listed
};
struct AllergyMatch {
  CodeSet codes;
  std::optional<bool> needle_contains_allergen;
};
struct ProcedureMatch {
  CodeSet codes;
  std::optional<Depth> depth_above;    // an unknown depth counts as above
  std::optional<Depth> depth_at_most;  // an unknown depth never matches
  bool anywhere = false;               // any zone counts, requested or not
};
struct RequestMatch {
  CodeSet indications;
  CodeSet zones;
};
struct DeviceMatch {
  CodeSet kinds;
  std::optional<bool> cleared;
  std::optional<Depth> max_depth_at_least;
  std::optional<Depth> max_depth_below;
};
enum class ScopeSituation { kNotPermitted, kNeedsSupervision };
struct ScopeMatch {
  ScopeSituation situation = ScopeSituation::kNotPermitted;
};
struct AlwaysMatch {};

using Subject = std::variant<ClientMatch, ConditionMatch, MedicationMatch, AllergyMatch,
                             ProcedureMatch, RequestMatch, DeviceMatch, ScopeMatch, AlwaysMatch>;

struct Qualifiers {
  std::optional<Code> setting;
  std::optional<std::string> country;
  std::optional<Code> requested_region;
};

// `clearance` is stored as {prescriber: caution, other: refer}.
// `none` yields no finding: the case only adds a consent item or a cap.
struct EffectSpec {
  bool none = false;
  Effect prescriber = Effect::kInfo;
  Effect other = Effect::kInfo;
};

enum class WindowFrom { kLastDose, kDate, kResolved };
struct Window {
  WindowFrom from = WindowFrom::kDate;
  int days = 0;
  int months = 0;
};

struct RuleCase {
  Subject subject;
  Qualifiers qualifiers;
  EffectSpec effect;
  std::optional<Window> window;
  std::optional<Depth> cap;
  CapSource cap_source = CapSource::kCondition;
  std::optional<Code> endpoint;
  std::vector<std::string> consent;
  std::string summary;
  std::string basis;
  int line = 0;  // where the case starts in its file, for messages
};

// TP-05: when bleeding may be the endpoint; every other zone uses `otherwise`.
struct EndpointPolicy {
  Code bleeding;
  Code otherwise;
  Code setting;       // the only setting where bleeding is allowed
  Depth depth_above;  // the zone's maximum must exceed this
};

// TP-06: the steps of the procedure a session's checklist ticks (brief §5), in the order done.
struct ChecklistStep {
  Code step;
  std::string label;
  bool may_skip = false;  // may be ticked "not used" instead of done
};
struct ChecklistPolicy {
  std::vector<ChecklistStep> steps;
  const ChecklistStep* Find(const Code& step) const;
};

// TP-01: the checklist steps whose products enter the skin through the channels, and so must be
// sterile and labelled for broken skin.
struct ProductPolicy {
  std::set<Code> sterile_at_steps;
};

// TP-03: the checklist step that records a topical anaesthetic, and its contact time in minutes.
struct AnaestheticPolicy {
  Code step;
  int min_contact_minutes = 0;
  int max_contact_minutes = 0;
};

struct Rule {
  std::string id;
  std::string title;
  std::string stage;
  std::string rationale;
  std::vector<std::string> sources;
  std::string confidence;
  bool configurable = false;
  std::vector<RuleCase> cases;
  std::optional<EndpointPolicy> endpoint_policy;
  std::optional<ChecklistPolicy> checklist_policy;
  std::optional<ProductPolicy> product_policy;
  std::optional<AnaestheticPolicy> anaesthetic_policy;
};

// An item of consent.yaml (brief §12.6): what the client reads and signs, in plain language.
struct ConsentItem {
  std::string id;  // CN-01…
  std::string title;
  std::string applies_when;
  std::string text;
  std::vector<std::string> sources;
};

// The aftercare sheet of kb/aftercare.yaml (AF-01, AF-02, ES-01..ES-07). Days count from the
// session date.
struct AftercarePhase {
  std::string when;
  int from_day = 0;
  int to_day = 0;
  std::string expect;
  std::vector<std::string> steps;
};
struct AftercareAvoid {
  std::string what;  // may hold {zones}: the treated zones' labels
  int days = 0;
  std::optional<int> deep_days;  // instead of `days` after a deep session
  std::string rule;
};
struct AftercareCheckIn {
  std::string label;
  int days = 0;
  std::string rule;
};
struct WarningSign {
  std::string rule;
  std::string signs;
  std::string action;
  std::string urgency;  // emergency | same_day | within_48h | specialist | clinician
};
struct AftercareNote {
  std::string rule;
  bool blood_thinner_only = false;
  std::string text;
};
struct AftercarePolicy {
  Depth deep_above;
  std::set<Code> blood_thinners;  // medication codes
  std::vector<AftercarePhase> timeline;
  std::vector<AftercareAvoid> avoid;
  std::vector<AftercareCheckIn> check_ins;
  std::vector<WarningSign> warning_signs;
  std::vector<AftercareNote> notes;
};

struct KnowledgeBase {
  std::string version;
  std::string digest;  // "sha256:<hex>" of every file's name and bytes
  Vocabulary vocabulary;
  std::vector<ZoneInfo> zones;
  std::vector<IndicationInfo> indications;
  std::vector<OutcomeScale> outcome_scales;
  // The rule (FU-02) that an outcome assessment uses a scale suitable for its plan's indication.
  std::string outcome_scale_rule;
  std::vector<Jurisdiction> jurisdictions;
  std::string unknown_jurisdiction;
  std::vector<Rule> rules;
  std::set<std::string> source_ids;
  std::map<std::string, Source> sources;  // by id
  std::set<std::string> consent_ids;
  std::vector<ConsentItem> consent_items;  // in file order
  CourseProtocol course;                   // kb/course.yaml
  AftercarePolicy aftercare;
  std::vector<MessageTemplate> messages;  // kb/messages.yaml: the outbox's reminders and check-ins

  const ZoneInfo* FindZone(const Code& zone) const;
  const IndicationInfo* FindIndication(const Code& indication) const;
  const OutcomeScale* FindOutcomeScale(const Code& scale) const;
  const Rule* FindRule(const std::string& id) const;
  const ConsentItem* FindConsentItem(const std::string& id) const;
  const Source* FindSource(const std::string& id) const;
  // The row for a jurisdiction code; unknown codes get the `unknown` row.
  const Jurisdiction& JurisdictionFor(const std::string& code) const;
  const EndpointPolicy* Endpoint() const;
  // The session policies (TP-06, TP-01, TP-03). The loader guarantees that exactly one rule
  // carries each, so these are null only for a knowledge base that was not loaded.
  const ChecklistPolicy* Checklist() const;
  const ProductPolicy* Products() const;
  const AnaestheticPolicy* Anaesthetic() const;
};

}  // namespace corium::kb
