#include "corium/kb/tables_builder.h"

#include "corium/kb/node_reader.h"

namespace corium::kb {
namespace {

void UseSources(const NodeReader& node, References& refs) {
  const auto items = node.Strings("sources");
  for (size_t i = 0; i < items.size(); ++i) {
    refs.Use("sources", items[i], node.doc(), node.pointer() + "/sources/" + std::to_string(i));
  }
}

void UseCodes(const NodeReader& node, const std::string& key, const std::string& category,
              References& refs) {
  const auto items = node.Strings(key);
  for (size_t i = 0; i < items.size(); ++i) {
    refs.Use(category, items[i], node.doc(), node.pointer() + "/" + key + "/" + std::to_string(i));
  }
}

std::optional<DepthRange> RangeOf(const NodeReader& entry, const std::string& key) {
  if (!entry.Has(key)) return std::nullopt;
  const nlohmann::json& range = entry.json()[key];
  if (!range.is_array() || range.size() != 2 || !range[0].is_number() || !range[1].is_number()) {
    entry.Problem(key, "expected a range [low, high] in millimetres");
    return std::nullopt;
  }
  const auto low = Depth::FromMillimetres(range[0].get<double>());
  const auto high = Depth::FromMillimetres(range[1].get<double>());
  if (!low || !high || *low > *high) {
    entry.Problem(key, "expected a range [low, high] with 0 <= low <= high");
    return std::nullopt;
  }
  return DepthRange{*low, *high};
}

std::optional<ScoreRange> ScoresOf(const NodeReader& scale) {
  if (!scale.Has("scores")) return std::nullopt;
  const nlohmann::json& scores = scale.json()["scores"];
  if (!scores.is_object() || !scores.contains("min") || !scores.contains("max") ||
      !scores["min"].is_number() || !scores["max"].is_number()) {
    scale.Problem("scores", "expected {min, max}");
    return std::nullopt;
  }
  const ScoreRange range{scores["min"].get<double>(), scores["max"].get<double>()};
  if (range.min > range.max) {
    scale.Problem("scores", "min is above max");
    return std::nullopt;
  }
  return range;
}

// The whole months of `assess_months` (null or absent: none).
std::vector<int> AssessMonthsOf(const NodeReader& entry) {
  std::vector<int> months;
  if (!entry.Has("assess_months") || entry.json()["assess_months"].is_null()) return months;
  for (const NodeReader& month : entry.Items("assess_months")) {
    if (!month.json().is_number_integer() || month.json().get<int>() < 1) {
      entry.Problem("assess_months", "expected whole months of 1 or more");
      return {};
    }
    months.push_back(month.json().get<int>());
  }
  return months;
}

}  // namespace

void BuildVocabulary(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                     References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  Vocabulary& vocab = kb.vocabulary;
  if (!doc.root.is_object()) {
    root.Problem("", "expected a mapping of vocabulary categories");
    return;
  }
  for (const auto& [category, entries] : doc.root.items()) {
    auto& labels = vocab.labels[category];
    for (const NodeReader& entry : root.Items(category)) {
      const Code code(entry.String("code"));
      if (labels.count(code) != 0) {
        entry.Problem("code", "\"" + code.str() + "\" is defined twice in " + category);
      }
      labels[code] = entry.String("label");
      vocab.order[category].push_back(code);
      if (const auto note = entry.OptionalString("note")) vocab.notes[category][code] = *note;
      if (entry.Has("asks")) vocab.asks[category][code] = entry.Strings("asks");
      if (category == "zones") vocab.zone_order.push_back(code);
      if (category == "roles" && entry.Bool("prescriber", false)) {
        vocab.prescriber_roles.insert(code);
      }
      if (category == "settings") {
        if (const auto role = entry.OptionalString("default_role")) {
          vocab.setting_default_role[code] = Code(*role);
          refs.Use("roles", *role, doc, entry.pointer() + "/default_role");
        }
      }
      if (category == "device_kinds" && !entry.Bool("motorised", true)) {
        vocab.manual_device_kinds.insert(code);
      }
      if (category == "needle_materials") {
        auto& allergens = vocab.needle_allergens[code];
        for (Code& allergen : entry.Codes("allergens")) allergens.insert(std::move(allergen));
        UseCodes(entry, "allergens", "allergies", refs);
      }
    }
  }
}

void BuildZones(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems, References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  for (const NodeReader& entry : root.Items("zones")) {
    ZoneInfo zone;
    zone.zone = Code(entry.String("zone"));
    refs.Use("zones", zone.zone.str(), doc, entry.pointer() + "/zone");
    zone.region = Code(entry.String("region"));
    zone.typical = RangeOf(entry, "typical_mm");
    zone.cap = entry.OptionalMillimetres("cap_mm");
    zone.scar_cap = entry.OptionalMillimetres("scar_cap_mm");
    if (zone.cap && !zone.typical) {
      entry.Problem("typical_mm", "a zone with a cap needs a typical range");
    }
    if (zone.cap && zone.scar_cap && *zone.scar_cap < *zone.cap) {
      entry.Problem("scar_cap_mm", "the scar cap must not be below the zone's cap");
    }
    if (const auto rule = entry.OptionalString("rule")) {
      refs.Use("rules", *rule, doc, entry.pointer() + "/rule");
    }
    UseSources(entry, refs);
    kb.zones.push_back(std::move(zone));
  }
}

void BuildIndications(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                      References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  kb.outcome_scale_rule = root.String("outcome_scale_rule");
  refs.Use("rules", kb.outcome_scale_rule, doc, "/outcome_scale_rule");
  for (const NodeReader& entry : root.Items("indications")) {
    IndicationInfo info;
    info.indication = Code(entry.String("indication"));
    refs.Use("indications", info.indication.str(), doc, entry.pointer() + "/indication");
    info.cap = entry.Millimetres("cap_mm");
    info.scar = entry.Bool("scar", false);
    UseSources(entry, refs);
    for (const NodeReader& scale : entry.Items("outcome_scales")) {
      const std::string code = scale.json().is_string() ? scale.json().get<std::string>() : "";
      refs.Use("outcome_scales", code, doc, scale.pointer());
      info.outcome_scales.emplace_back(code);
    }
    info.assess_months = AssessMonthsOf(entry);
    kb.indications.push_back(std::move(info));
  }
  for (const NodeReader& entry : root.Items("outcome_scales")) {
    OutcomeScale scale{Code(entry.String("code")), entry.String("label"), std::nullopt};
    refs.Define("outcome_scales", scale.code.str(), doc, entry.pointer());
    UseSources(entry, refs);
    scale.scores = ScoresOf(entry);
    kb.outcome_scales.push_back(std::move(scale));
  }
}

void BuildJurisdictions(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                        References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  kb.unknown_jurisdiction = root.String("unknown");
  bool unknown_found = false;
  for (const NodeReader& entry : root.Items("jurisdictions")) {
    Jurisdiction j;
    j.code = entry.String("code");
    j.country = entry.String("country");
    j.label = entry.String("label");
    unknown_found = unknown_found || j.code == kb.unknown_jurisdiction;
    UseSources(entry, refs);
    for (const NodeReader& row : entry.Items("scope")) {
      ScopeEntry scope;
      scope.roles = row.Codes("roles");
      UseCodes(row, "roles", "roles", refs);
      const std::string access = row.String("access");
      if (access == "permitted") {
        scope.access = ScopeAccess::kPermitted;
      } else if (access == "supervised") {
        scope.access = ScopeAccess::kSupervised;
      } else if (access == "not_permitted") {
        scope.access = ScopeAccess::kNotPermitted;
      } else {
        row.Problem("access", "expected permitted, supervised or not_permitted");
      }
      const NodeReader caps = row.Child("cap_mm");
      scope.cap_unsupervised = caps.OptionalMillimetres("unsupervised");
      scope.cap_supervised = caps.OptionalMillimetres("supervised");
      scope.rule = row.String("rule");
      refs.Use("rules", scope.rule, doc, row.pointer() + "/rule");
      j.scope.push_back(std::move(scope));
    }
    kb.jurisdictions.push_back(std::move(j));
  }
  if (!unknown_found) {
    root.Problem("unknown", "no jurisdiction row has the code \"" + kb.unknown_jurisdiction + "\"");
  }
}

void BuildAftercare(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                    References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  AftercarePolicy& policy = kb.aftercare;
  policy.deep_above = root.Millimetres("deep_above_mm");
  for (Code& code : root.Codes("blood_thinners")) policy.blood_thinners.insert(std::move(code));
  UseCodes(root, "blood_thinners", "medications", refs);
  const auto use_rule = [&](const NodeReader& entry) {
    std::string rule = entry.String("rule");
    refs.Use("rules", rule, doc, entry.pointer() + "/rule");
    return rule;
  };
  const auto day = [](const NodeReader& entry, const std::string& key) {
    return entry.OptionalInt(key).value_or(0);
  };
  for (const NodeReader& entry : root.Items("timeline")) {
    AftercarePhase phase{entry.String("when"), day(entry, "from_day"), day(entry, "to_day"),
                         entry.String("expect"), entry.Strings("do")};
    if (phase.from_day > phase.to_day) entry.Problem("to_day", "is before from_day");
    UseSources(entry, refs);
    policy.timeline.push_back(std::move(phase));
  }
  for (const NodeReader& entry : root.Items("avoid")) {
    policy.avoid.push_back({entry.String("what"), day(entry, "days"),
                            entry.OptionalInt("deep_days"), use_rule(entry)});
  }
  for (const NodeReader& entry : root.Items("check_ins")) {
    policy.check_ins.push_back({entry.String("label"), day(entry, "days"), use_rule(entry)});
  }
  for (const NodeReader& entry : root.Items("warning_signs")) {
    policy.warning_signs.push_back(
        {use_rule(entry), entry.String("signs"), entry.String("action"), entry.String("urgency")});
  }
  for (const NodeReader& entry : root.Items("notes")) {
    const bool only = entry.OptionalString("when").value_or("always") == "blood_thinner";
    policy.notes.push_back({use_rule(entry), only, entry.String("text")});
  }
}

void CollectDescriptive(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                        References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  for (const NodeReader& source : root.Items("sources")) {
    const std::string id = source.String("id");
    refs.Define("sources", id, doc, source.pointer());
    kb.source_ids.insert(id);
    Source& entry = kb.sources[id];
    entry.id = id;
    entry.citation = source.String("citation");
    if (source.Has("url")) {
      entry.urls = source.json()["url"].is_array() ? source.Strings("url")
                                                   : std::vector{source.String("url")};
    }
  }
  for (const NodeReader& item : root.Items("items")) {
    const std::string id = item.String("id");
    refs.Define("consent", id, doc, item.pointer());
    kb.consent_ids.insert(id);
    kb.consent_items.push_back({id, item.String("title"), item.String("applies_when"),
                                item.String("text"), item.Strings("sources")});
    UseSources(item, refs);
  }
  for (const NodeReader& conflict : root.Items("conflicts")) {
    UseSources(conflict, refs);
    const auto seeds = conflict.Strings("seeds");
    for (size_t i = 0; i < seeds.size(); ++i) {
      refs.Use("sources", seeds[i], doc, conflict.pointer() + "/seeds/" + std::to_string(i));
    }
  }
  for (const NodeReader& device : root.Items("devices")) {
    refs.Use("device_kinds", device.String("kind"), doc, device.pointer() + "/kind");
    UseSources(device, refs);
  }
}

}  // namespace corium::kb
