#include "corium/kb/rules_builder.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "corium/kb/node_reader.h"

namespace corium::kb {
namespace {

// The placeholders a summary or basis may use (docs/knowledge-base.md); anything else is a typo
// that would otherwise reach a clinician as literal braces.
constexpr std::array<std::string_view, 19> kPlaceholders = {
    "code",         "label",           "zones",  "date",
    "last_dose",    "resolved",        "until",  "age",
    "as_of",        "fitzpatrick",     "flags",  "depth_mm",
    "max_depth_mm", "needle_material", "kind",   "indication",
    "role",         "jurisdiction",    "control"};

void CheckPlaceholders(const NodeReader& c, const std::string& key, const std::string& text) {
  size_t open = text.find('{');
  while (open != std::string::npos) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) {
      c.Problem(key, "unclosed '{'");
      return;
    }
    const std::string name = text.substr(open + 1, close - open - 1);
    if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
      c.Problem(key, "unknown placeholder {" + name + "}");
    }
    open = text.find('{', close);
  }
}

// Which date a window may start from depends on the subject that gives the date.
void CheckWindowSubject(const NodeReader& c, const RuleCase& rc) {
  if (!rc.window) return;
  const bool fits = (rc.window->from == WindowFrom::kLastDose &&
                     std::holds_alternative<MedicationMatch>(rc.subject)) ||
                    (rc.window->from == WindowFrom::kDate &&
                     std::holds_alternative<ProcedureMatch>(rc.subject)) ||
                    (rc.window->from == WindowFrom::kResolved &&
                     std::holds_alternative<ConditionMatch>(rc.subject));
  if (!fits) {
    c.Problem("window",
              "from: last_dose needs a medication, date a procedure, resolved a condition");
  }
}

constexpr std::array<std::string_view, 9> kSubjects = {"client",  "condition", "medication",
                                                       "allergy", "procedure", "request",
                                                       "device",  "scope",     "always"};

CodeSet ReadCodeSet(const NodeReader& node, const std::string& key, const std::string& category,
                       References& refs) {
  CodeSet out;
  const auto codes = node.Strings(key);
  for (size_t i = 0; i < codes.size(); ++i) {
    refs.Use(category, codes[i], node.doc(), node.pointer() + "/" + key + "/" + std::to_string(i));
    out.insert(Code(codes[i]));
  }
  return out;
}

ClientMatch ReadClient(const NodeReader& n) {
  ClientMatch m;
  m.age_at_least = n.OptionalInt("age_at_least");
  m.age_below = n.OptionalInt("age_below");
  m.fitzpatrick_at_least = n.OptionalInt("fitzpatrick_at_least");
  for (Code& flag : n.Codes("flags")) {
    if (flag != "pregnant" && flag != "breastfeeding") {
      n.Problem("flags", "unknown client flag \"" + flag.str() + "\"");
    }
    m.flags.push_back(std::move(flag));
  }
  return m;
}

ConditionMatch ReadCondition(const NodeReader& n, References& refs) {
  ConditionMatch m;
  m.codes = ReadCodeSet(n, "codes", "conditions", refs);
  if (n.OptionalString("status").value_or("present") == "resolved") {
    m.status = ConditionStatus::kResolved;
  }
  const std::string control = n.OptionalString("control").value_or("any");
  if (control == "uncontrolled") {
    m.control = ControlFilter::kUncontrolled;
  } else if (control == "controlled_or_unknown") {
    m.control = ControlFilter::kControlledOrUnknown;
  }
  return m;
}

ProcedureMatch ReadProcedure(const NodeReader& n, References& refs) {
  ProcedureMatch m;
  m.codes = ReadCodeSet(n, "codes", "procedures", refs);
  m.depth_above = n.OptionalMillimetres("depth_above_mm");
  m.depth_at_most = n.OptionalMillimetres("depth_at_most_mm");
  m.anywhere = n.Bool("anywhere", false);
  return m;
}

DeviceMatch ReadDevice(const NodeReader& n, References& refs) {
  DeviceMatch m;
  m.kinds = ReadCodeSet(n, "kinds", "device_kinds", refs);
  if (n.Has("cleared")) m.cleared = n.Bool("cleared", false);
  m.max_depth_at_least = n.OptionalMillimetres("max_depth_at_least_mm");
  if (const auto from = n.OptionalMillimetres("max_depth_from_mm")) m.max_depth_at_least = from;
  m.max_depth_below = n.OptionalMillimetres("max_depth_below_mm");
  return m;
}

Subject ReadSubject(const NodeReader& when, std::string_view name, References& refs) {
  const NodeReader n = when.Child(std::string(name));
  if (name == "client") return ReadClient(n);
  if (name == "condition") return ReadCondition(n, refs);
  if (name == "medication") {
    MedicationMatch m;
    m.codes = ReadCodeSet(n, "codes", "medications", refs);
    if (n.Has("current")) m.current = n.Bool("current", true);
    m.anywhere = n.Bool("anywhere", false);
    return m;
  }
  if (name == "allergy") {
    AllergyMatch m;
    m.codes = ReadCodeSet(n, "codes", "allergies", refs);
    if (n.Has("needle_contains_allergen")) {
      m.needle_contains_allergen = n.Bool("needle_contains_allergen", true);
    }
    return m;
  }
  if (name == "procedure") return ReadProcedure(n, refs);
  if (name == "request") {
    RequestMatch m;
    m.indications = ReadCodeSet(n, "indications", "indications", refs);
    m.zones = ReadCodeSet(n, "zones", "zones", refs);
    return m;
  }
  if (name == "device") return ReadDevice(n, refs);
  if (name == "scope") {
    ScopeMatch m;
    const std::string situation = when.String("scope");
    if (situation == "needs_supervision") {
      m.situation = ScopeSituation::kNeedsSupervision;
    } else if (situation != "not_permitted") {
      when.Problem("scope", "expected not_permitted or needs_supervision");
    }
    return m;
  }
  return AlwaysMatch{};
}

EffectSpec ReadEffect(const NodeReader& c) {
  EffectSpec spec;
  const auto single = [&](const std::string& name,
                          const std::string& key) -> std::optional<Effect> {
    const auto effect = EffectFromName(name);
    if (!effect) c.Problem(key, "unknown effect \"" + name + "\"");
    return effect;
  };
  if (c.Has("effect") && c.json()["effect"].is_object()) {
    const NodeReader by_role = c.Child("effect");
    spec.prescriber = single(by_role.String("prescriber"), "effect").value_or(Effect::kDecline);
    spec.other = single(by_role.String("other"), "effect").value_or(Effect::kDecline);
    return spec;
  }
  const std::string name = c.String("effect");
  if (name == "none") {
    spec.none = true;
  } else if (name == "clearance") {
    spec.prescriber = Effect::kCaution;
    spec.other = Effect::kRefer;
  } else {
    spec.prescriber = spec.other = single(name, "effect").value_or(Effect::kDecline);
  }
  return spec;
}

std::optional<Window> ReadWindow(const NodeReader& c) {
  if (!c.Has("window")) return std::nullopt;
  const NodeReader w = c.Child("window");
  Window window;
  const std::string from = w.String("from");
  if (from == "last_dose") {
    window.from = WindowFrom::kLastDose;
  } else if (from == "resolved") {
    window.from = WindowFrom::kResolved;
  } else if (from != "date") {
    w.Problem("from", "expected last_dose, date or resolved");
  }
  window.days = w.OptionalInt("days").value_or(0);
  window.months = w.OptionalInt("months").value_or(0);
  if ((window.days > 0) == (window.months > 0)) {
    w.Problem("", "give a positive number of either days or months");
  }
  return window;
}

RuleCase ReadCase(const NodeReader& c, References& refs) {
  RuleCase rc;
  rc.line = c.line();
  const NodeReader when = c.Child("when");
  int subjects = 0;
  for (const std::string_view name : kSubjects) {
    if (when.Has(std::string(name))) {
      ++subjects;
      rc.subject = ReadSubject(when, name, refs);
    }
  }
  if (subjects != 1) c.Problem("when", "name exactly one subject (client, condition, …)");
  if (const auto setting = when.OptionalString("setting")) {
    rc.qualifiers.setting = Code(*setting);
    refs.Use("settings", *setting, c.doc(), when.pointer() + "/setting");
  }
  rc.qualifiers.country = when.OptionalString("country");
  if (const auto region = when.OptionalString("requested_region")) {
    rc.qualifiers.requested_region = Code(*region);
  }
  rc.effect = ReadEffect(c);
  rc.window = ReadWindow(c);
  if (c.Has("cap")) {
    const NodeReader cap = c.Child("cap");
    rc.cap = cap.Millimetres("mm");
    const std::string source = cap.OptionalString("limited_by").value_or("condition");
    const auto parsed = CapSourceFromName(source);
    if (!parsed || (*parsed != CapSource::kCondition && *parsed != CapSource::kSetting)) {
      cap.Problem("limited_by", "a rule's cap is limited_by condition or setting");
    } else {
      rc.cap_source = *parsed;
    }
  }
  if (const auto endpoint = c.OptionalString("endpoint")) {
    rc.endpoint = Code(*endpoint);
    refs.Use("endpoints", *endpoint, c.doc(), c.pointer() + "/endpoint");
  }
  rc.consent = c.Strings("consent");
  for (size_t i = 0; i < rc.consent.size(); ++i) {
    refs.Use("consent", rc.consent[i], c.doc(), c.pointer() + "/consent/" + std::to_string(i));
  }
  if (!rc.effect.none) {
    rc.summary = c.String("summary");
    rc.basis = c.String("basis");
    CheckPlaceholders(c, "summary", rc.summary);
    CheckPlaceholders(c, "basis", rc.basis);
  }
  CheckWindowSubject(c, rc);
  return rc;
}

std::optional<EndpointPolicy> ReadEndpointPolicy(const NodeReader& rule, References& refs) {
  if (!rule.Has("endpoint_policy")) return std::nullopt;
  const NodeReader p = rule.Child("endpoint_policy");
  EndpointPolicy policy;
  policy.bleeding = Code(p.String("bleeding"));
  policy.otherwise = Code(p.String("otherwise"));
  policy.setting = Code(p.String("bleeding_setting"));
  policy.depth_above = p.Millimetres("bleeding_depth_above_mm");
  refs.Use("endpoints", policy.bleeding.str(), p.doc(), p.pointer() + "/bleeding");
  refs.Use("endpoints", policy.otherwise.str(), p.doc(), p.pointer() + "/otherwise");
  refs.Use("settings", policy.setting.str(), p.doc(), p.pointer() + "/bleeding_setting");
  return policy;
}

std::optional<ChecklistPolicy> ReadChecklistPolicy(const NodeReader& rule, References& refs) {
  if (!rule.Has("checklist_policy")) return std::nullopt;
  ChecklistPolicy policy;
  for (const NodeReader& entry : rule.Child("checklist_policy").Items("steps")) {
    ChecklistStep step{Code(entry.String("step")), entry.String("label"),
                       entry.Bool("may_skip", false)};
    // A definition, so that a step listed twice is reported and the other policies' steps
    // are checked against this list.
    refs.Define("checklist_steps", step.step.str(), entry.doc(), entry.pointer() + "/step");
    const auto sources = entry.Strings("sources");
    for (size_t i = 0; i < sources.size(); ++i) {
      refs.Use("sources", sources[i], entry.doc(),
               entry.pointer() + "/sources/" + std::to_string(i));
    }
    policy.steps.push_back(std::move(step));
  }
  return policy;
}

std::optional<ProductPolicy> ReadProductPolicy(const NodeReader& rule, References& refs) {
  if (!rule.Has("product_policy")) return std::nullopt;
  const NodeReader p = rule.Child("product_policy");
  ProductPolicy policy;
  const auto steps = p.Strings("sterile_at_steps");
  for (size_t i = 0; i < steps.size(); ++i) {
    refs.Use("checklist_steps", steps[i], p.doc(),
             p.pointer() + "/sterile_at_steps/" + std::to_string(i));
    policy.sterile_at_steps.insert(Code(steps[i]));
  }
  return policy;
}

std::optional<AnaestheticPolicy> ReadAnaestheticPolicy(const NodeReader& rule, References& refs) {
  if (!rule.Has("anaesthetic_policy")) return std::nullopt;
  const NodeReader p = rule.Child("anaesthetic_policy");
  AnaestheticPolicy policy;
  policy.step = Code(p.String("step"));
  refs.Use("checklist_steps", policy.step.str(), p.doc(), p.pointer() + "/step");
  const NodeReader minutes = p.Child("contact_minutes");
  policy.min_contact_minutes = minutes.OptionalInt("min").value_or(0);
  policy.max_contact_minutes = minutes.OptionalInt("max").value_or(0);
  if (policy.min_contact_minutes > policy.max_contact_minutes) {
    minutes.Problem("min", "is above max");
  }
  return policy;
}

}  // namespace

void BuildRules(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems, References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  for (const NodeReader& entry : root.Items("rules")) {
    Rule rule;
    rule.id = entry.String("id");
    refs.Define("rules", rule.id, doc, entry.pointer() + "/id");
    rule.title = entry.String("title");
    rule.stage = entry.String("stage");
    rule.confidence = entry.String("confidence");
    rule.rationale = entry.String("rationale");
    // A folded YAML block ends in a line break that is no part of the text.
    while (!rule.rationale.empty() && rule.rationale.back() == '\n') rule.rationale.pop_back();
    rule.configurable = entry.Bool("configurable", false);
    rule.sources = entry.Strings("sources");
    for (size_t i = 0; i < rule.sources.size(); ++i) {
      refs.Use("sources", rule.sources[i], doc, entry.pointer() + "/sources/" + std::to_string(i));
    }
    for (const NodeReader& c : entry.Items("cases")) rule.cases.push_back(ReadCase(c, refs));
    rule.endpoint_policy = ReadEndpointPolicy(entry, refs);
    rule.checklist_policy = ReadChecklistPolicy(entry, refs);
    rule.product_policy = ReadProductPolicy(entry, refs);
    rule.anaesthetic_policy = ReadAnaestheticPolicy(entry, refs);
    kb.rules.push_back(std::move(rule));
  }
}

}  // namespace corium::kb
