// Aftercare: the client's sheet after a charted session (AF-01, AF-02, ES-01..ES-07), built from
// the knowledge base's aftercare policy (kb/aftercare.yaml). Pure: the session's facts and the
// knowledge base in, the sheet out; no clock, no I/O. Safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"
#include "corium/kb/knowledge_base.h"

namespace corium::engine {

struct AftercareFacts {
  Date session_date;
  std::optional<Depth> deepest;  // nullopt: no depth recorded (counts as deep)
  std::vector<Code> zones;       // treated zones
  bool blood_thinner = false;    // the client's latest intake lists one as current (AF-02)
};

struct AftercarePeriod {
  std::string when;
  Date from;
  Date to;
  std::string expect;
  std::vector<std::string> steps;
};
struct AftercareAvoidance {
  std::string what;
  Date until;
  std::string rule;
};
struct AftercareCheckInDate {
  std::string label;
  Date date;
  std::string rule;
};
struct AftercareStatement {
  std::string rule;
  std::string text;
};

struct AftercareSheet {
  std::vector<AftercarePeriod> timeline;
  std::vector<AftercareAvoidance> avoid;
  std::vector<AftercareCheckInDate> check_ins;
  std::vector<kb::WarningSign> warning_signs;
  std::vector<AftercareStatement> notes;
};

AftercareSheet BuildAftercareSheet(const AftercareFacts& facts, const kb::KnowledgeBase& kb);

}  // namespace corium::engine
