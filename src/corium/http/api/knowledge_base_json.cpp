#include "corium/http/api/knowledge_base_json.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace corium::http {
namespace {

using nlohmann::json;

// The categories whose entries list the intake details the rules read.
constexpr std::array<const char*, 3> kAskingCategories = {"conditions", "medications",
                                                          "procedures"};
constexpr std::array<const char*, 6> kPlainCategories = {
    "indications", "allergies", "settings", "device_kinds", "needle_materials", "endpoints"};

json Entry(const kb::Vocabulary& vocab, const std::string& category, const Code& code,
           const std::string& label) {
  json entry = {{"code", code.str()}, {"label", label}};
  if (const std::string* note = vocab.Note(category, code)) entry["help"] = *note;
  return entry;
}

// The category's entries in the order the vocabulary lists them.
json Category(const kb::Vocabulary& vocab, const std::string& category) {
  json entries = json::array();
  const auto order = vocab.order.find(category);
  if (order == vocab.order.end()) return entries;
  for (const Code& code : order->second) {
    entries.push_back(Entry(vocab, category, code, vocab.Label(category, code)));
  }
  return entries;
}

json Zones(const kb::KnowledgeBase& kb) {
  json zones = json::array();
  for (const Code& code : kb.vocabulary.zone_order) {
    json entry = Entry(kb.vocabulary, "zones", code, kb.vocabulary.Label("zones", code));
    const kb::ZoneInfo* zone = kb.FindZone(code);
    entry["region"] = zone != nullptr ? zone->region.str() : "body";
    zones.push_back(std::move(entry));
  }
  return zones;
}

json Sources(const kb::KnowledgeBase& kb, const std::vector<std::string>& ids) {
  json sources = json::array();
  for (const std::string& id : ids) {
    json source = {{"id", id}};
    if (const kb::Source* found = kb.FindSource(id)) {
      source["citation"] = found->citation;
      if (!found->urls.empty()) source["url"] = found->urls.front();
    } else {
      source["citation"] = id;  // the loader refuses unknown ids; kept total all the same
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

// TP-06: the session checklist's steps in the order they are done; empty when the kb has none.
json Checklist(const kb::KnowledgeBase& kb) {
  json steps = json::array();
  const kb::ChecklistPolicy* policy = kb.Checklist();
  if (policy == nullptr) return steps;
  for (const kb::ChecklistStep& step : policy->steps) {
    steps.push_back(
        {{"code", step.step.str()}, {"label", step.label}, {"may_skip", step.may_skip}});
  }
  return steps;
}

// The outcome scales (FU-02) with their score range when the kb gives one (min and max null
// otherwise).
json OutcomeScales(const kb::KnowledgeBase& kb) {
  json scales = json::array();
  for (const kb::OutcomeScale& scale : kb.outcome_scales) {
    json entry = {
        {"code", scale.code.str()}, {"label", scale.label}, {"min", nullptr}, {"max", nullptr}};
    if (scale.scores) {
      entry["min"] = scale.scores->min;
      entry["max"] = scale.scores->max;
    }
    scales.push_back(std::move(entry));
  }
  return scales;
}

// FU-02: each indication entry also lists the outcome scales suitable for it (any other is
// refused for its plans) and the months after the course at which it is assessed, so a form offers
// only those.
void AddOutcomeScales(const kb::KnowledgeBase& kb, json& indications) {
  for (json& entry : indications) {
    const kb::IndicationInfo* info = kb.FindIndication(Code(entry["code"].get<std::string>()));
    json scales = json::array();
    std::vector<int> months;
    if (info != nullptr) {
      for (const Code& scale : info->outcome_scales) scales.push_back(scale.str());
      months = info->assess_months;
    }
    entry["outcome_scales"] = std::move(scales);
    entry["assess_months"] = months;
  }
}

}  // namespace

json KnowledgeBaseIdentityToJson(const kb::KnowledgeBase& kb) {
  return {{"version", kb.version}, {"digest", kb.digest}};
}

json VocabularyToJson(const kb::KnowledgeBase& kb) {
  const kb::Vocabulary& vocab = kb.vocabulary;
  json out = {{"kb", KnowledgeBaseIdentityToJson(kb)}, {"zones", Zones(kb)}};
  for (const char* category : kPlainCategories) out[category] = Category(vocab, category);
  for (const char* category : kAskingCategories) {
    json entries = Category(vocab, category);
    for (json& entry : entries) {
      entry["asks"] = vocab.Asks(category, Code(entry["code"].get<std::string>()));
    }
    out[category] = std::move(entries);
  }
  json roles = Category(vocab, "roles");
  for (json& role : roles) {
    role["prescriber"] = vocab.prescriber_roles.count(Code(role["code"].get<std::string>())) != 0;
  }
  out["roles"] = std::move(roles);
  out["checklist"] = Checklist(kb);
  AddOutcomeScales(kb, out["indications"]);
  out["outcome_scales"] = OutcomeScales(kb);
  return out;
}

json RulesToJson(const kb::KnowledgeBase& kb) {
  std::vector<const kb::Rule*> rules;
  rules.reserve(kb.rules.size());
  for (const kb::Rule& rule : kb.rules) rules.push_back(&rule);
  std::sort(rules.begin(), rules.end(),
            [](const kb::Rule* a, const kb::Rule* b) { return a->id < b->id; });
  json out = json::array();
  for (const kb::Rule* rule : rules) {
    out.push_back({{"id", rule->id},
                   {"title", rule->title},
                   {"stage", rule->stage},
                   {"rationale", rule->rationale},
                   {"confidence", rule->confidence},
                   {"configurable", rule->configurable},
                   {"sources", Sources(kb, rule->sources)}});
  }
  return {{"kb", KnowledgeBaseIdentityToJson(kb)}, {"rules", std::move(out)}};
}

}  // namespace corium::http
