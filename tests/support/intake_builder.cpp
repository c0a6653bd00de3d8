#include "support/intake_builder.h"

#include "support/test_kb.h"

namespace corium::testing {

IntakeBuilder::IntakeBuilder()
    : json_(nlohmann::json::parse(R"({
        "as_of": "2026-11-20",
        "setting": "clinic",
        "client": {"birth_date": "1988-03-14", "fitzpatrick": 2, "pregnant": false,
                   "breastfeeding": false},
        "conditions": [], "medications": [], "allergies": [], "procedures": [],
        "requests": [{"indication": "wrinkles", "zones": ["cheeks"]}],
        "practitioner": {"role": "physician", "jurisdiction": "US-UT"},
        "device": {"kind": "pen", "cleared": true, "max_depth_mm": 2.5,
                   "needle_material": "stainless_steel"}
      })")) {}

IntakeBuilder& IntakeBuilder::Set(const std::string& pointer, nlohmann::json value) {
  json_[nlohmann::json::json_pointer(pointer)] = std::move(value);
  return *this;
}

IntakeBuilder& IntakeBuilder::Remove(const std::string& pointer) {
  const nlohmann::json::json_pointer ptr(pointer);
  json_[ptr.parent_pointer()].erase(ptr.back());
  return *this;
}

IntakeBuilder& IntakeBuilder::Add(const std::string& list, nlohmann::json item) {
  json_[list].push_back(std::move(item));
  return *this;
}

IntakeBuilder& IntakeBuilder::Request(const std::string& indication,
                                      const std::vector<std::string>& zones) {
  json_["requests"] = nlohmann::json::array({{{"indication", indication}, {"zones", zones}}});
  return *this;
}

IntakeBuilder& IntakeBuilder::Practitioner(const std::string& role,
                                           const std::string& jurisdiction, bool supervised) {
  json_["practitioner"] = {{"role", role}, {"jurisdiction", jurisdiction},
                           {"supervised", supervised}};
  return *this;
}

Decision IntakeBuilder::Screen() const { return ScreenJson(str()); }

const Finding* FindingFor(const Decision& decision, const std::string& rule) {
  for (const Finding& f : decision.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

const ZonePlan* ZoneFor(const Decision& decision, const std::string& zone) {
  for (const ZonePlan& z : decision.zones) {
    if (z.zone == zone) return &z;
  }
  return nullptr;
}

}  // namespace corium::testing
