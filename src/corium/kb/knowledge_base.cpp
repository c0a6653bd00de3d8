#include "corium/kb/knowledge_base.h"

#include <cassert>

namespace corium::kb {

bool Vocabulary::Has(std::string_view category, const Code& code) const {
  const auto it = labels.find(category);
  return it != labels.end() && it->second.count(code) != 0;
}

std::string Vocabulary::Label(std::string_view category, const Code& code) const {
  const auto it = labels.find(category);
  if (it == labels.end()) return code.str();
  const auto entry = it->second.find(code);
  return entry == it->second.end() ? code.str() : entry->second;
}

bool Vocabulary::IsMotorised(const Code& device_kind) const {
  return manual_device_kinds.count(device_kind) == 0;
}

const std::string* Vocabulary::Note(const std::string& category, const Code& code) const {
  const auto of_category = notes.find(category);
  if (of_category == notes.end()) return nullptr;
  const auto note = of_category->second.find(code);
  return note == of_category->second.end() ? nullptr : &note->second;
}

const std::vector<std::string>& Vocabulary::Asks(const std::string& category,
                                                 const Code& code) const {
  static const std::vector<std::string> nothing;
  const auto of_category = asks.find(category);
  if (of_category == asks.end()) return nothing;
  const auto found = of_category->second.find(code);
  return found == of_category->second.end() ? nothing : found->second;
}

const ChecklistStep* ChecklistPolicy::Find(const Code& step) const {
  for (const ChecklistStep& s : steps) {
    if (s.step == step) return &s;
  }
  return nullptr;
}

const ZoneInfo* KnowledgeBase::FindZone(const Code& zone) const {
  for (const ZoneInfo& z : zones) {
    if (z.zone == zone) return &z;
  }
  return nullptr;
}

bool IndicationInfo::SuitsScale(const Code& scale) const {
  for (const Code& suitable : outcome_scales) {
    if (suitable == scale) return true;
  }
  return false;
}

const IndicationInfo* KnowledgeBase::FindIndication(const Code& indication) const {
  for (const IndicationInfo& i : indications) {
    if (i.indication == indication) return &i;
  }
  return nullptr;
}

const OutcomeScale* KnowledgeBase::FindOutcomeScale(const Code& scale) const {
  for (const OutcomeScale& s : outcome_scales) {
    if (s.code == scale) return &s;
  }
  return nullptr;
}

const Rule* KnowledgeBase::FindRule(const std::string& id) const {
  for (const Rule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const ConsentItem* KnowledgeBase::FindConsentItem(const std::string& id) const {
  for (const ConsentItem& item : consent_items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

const Source* KnowledgeBase::FindSource(const std::string& id) const {
  const auto found = sources.find(id);
  return found == sources.end() ? nullptr : &found->second;
}

const Jurisdiction& KnowledgeBase::JurisdictionFor(const std::string& code) const {
  const Jurisdiction* unknown = nullptr;
  for (const Jurisdiction& j : jurisdictions) {
    if (j.code == code) return j;
    if (j.code == unknown_jurisdiction) unknown = &j;
  }
  // The loader guarantees the unknown row exists and the table is not empty.
  assert(unknown != nullptr);
  return unknown != nullptr ? *unknown : jurisdictions.front();
}

namespace {

// The policy `member` of the first rule that carries one.
template <typename Policy>
const Policy* FirstPolicy(const std::vector<Rule>& rules, std::optional<Policy> Rule::*member) {
  for (const Rule& r : rules) {
    if (r.*member) return &*(r.*member);
  }
  return nullptr;
}

}  // namespace

const EndpointPolicy* KnowledgeBase::Endpoint() const {
  return FirstPolicy(rules, &Rule::endpoint_policy);
}

const ChecklistPolicy* KnowledgeBase::Checklist() const {
  return FirstPolicy(rules, &Rule::checklist_policy);
}

const ProductPolicy* KnowledgeBase::Products() const {
  return FirstPolicy(rules, &Rule::product_policy);
}

const AnaestheticPolicy* KnowledgeBase::Anaesthetic() const {
  return FirstPolicy(rules, &Rule::anaesthetic_policy);
}

}  // namespace corium::kb
