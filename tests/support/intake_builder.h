// IntakeBuilder: intakes for tests, starting from a clean baseline (an adult of Fitzpatrick II,
// nothing in her history, wrinkles on the cheeks, a physician in Utah with a cleared 2.5 mm pen,
// screened on 2026-11-20) and changed one fact at a time.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "corium/domain/decision.h"

namespace corium::testing {

class IntakeBuilder {
 public:
  IntakeBuilder();

  // Sets the value at a JSON pointer, e.g. Set("/client/fitzpatrick", 5).
  IntakeBuilder& Set(const std::string& pointer, nlohmann::json value);
  // Removes the value at a JSON pointer.
  IntakeBuilder& Remove(const std::string& pointer);
  // Appends to a list: Add("conditions", {{"code", "active_acne"}, {"zones", {"cheeks"}}}).
  IntakeBuilder& Add(const std::string& list, nlohmann::json item);
  // Replaces the requests with one request.
  IntakeBuilder& Request(const std::string& indication, const std::vector<std::string>& zones);
  IntakeBuilder& Practitioner(const std::string& role, const std::string& jurisdiction,
                              bool supervised = false);

  const nlohmann::json& json() const { return json_; }
  std::string str() const { return json_.dump(); }
  // Screens against the shipped knowledge base (the intake must be valid).
  Decision Screen() const;

 private:
  nlohmann::json json_;
};

// The finding for `rule`, or nullptr.
const Finding* FindingFor(const Decision& decision, const std::string& rule);
// The zone plan for `zone` (first indication), or nullptr.
const ZonePlan* ZoneFor(const Decision& decision, const std::string& zone);

}  // namespace corium::testing
