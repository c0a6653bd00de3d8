// Intake: what the client and the practitioner told us at consultation, validated and typed
// (contracts.md §1.1). Built by the engine's intake parser; read by the screening. Plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"

namespace corium {

struct Client {
  Date birth_date;
  std::optional<int> fitzpatrick;  // 1..6
  bool pregnant = false;
  bool breastfeeding = false;
};

// A listed condition is present now, unless it carries a `resolved` date.
struct ConditionEntry {
  Code code;
  std::vector<Code> zones;  // empty: the whole body
  std::optional<bool> controlled;
  std::optional<Date> resolved;
};

struct MedicationEntry {
  Code code;
  bool current = true;
  std::optional<Date> last_dose;  // for a topical, the last application
  std::vector<Code> zones;
};

struct AllergyEntry {
  Code code;
};

struct ProcedureEntry {
  Code code;
  Date date;
  std::vector<Code> zones;
  std::optional<Depth> depth;
};

struct TreatmentRequest {
  Code indication;
  std::vector<Code> zones;
};

struct Practitioner {
  Code role;
  std::string jurisdiction;  // ISO 3166-2 style, e.g. US-UT; empty when not given
  bool supervised = false;
};

struct Device {
  Code kind;
  bool cleared = false;  // not recorded counts as not cleared
  std::optional<Depth> max_depth;
  std::optional<Code> needle_material;  // nullopt: not stated
};

struct Intake {
  Date as_of;
  Code setting;
  Client client;
  std::vector<ConditionEntry> conditions;
  std::vector<MedicationEntry> medications;
  std::vector<AllergyEntry> allergies;
  std::vector<ProcedureEntry> procedures;
  std::vector<TreatmentRequest> requests;
  Practitioner practitioner;
  std::optional<Device> device;
};

}  // namespace corium
