#include "corium/engine/intake_parser.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "corium/engine/strict_json.h"

namespace corium::engine {
namespace {

using nlohmann::json;

// An intake is four levels deep at most; the limit only keeps hostile text from the parser.
constexpr int kMaxIntakeDepth = 32;

// Where a value sits in the intake ("procedures[1].zones[0]"), spelled out only when an error
// names it: building every field's path as text cost a third of reading a valid intake. A path
// points at its parent, so a child must not outlive the path it was made from.
class FieldPath {
 public:
  FieldPath() = default;  // the intake itself
  // A path written out in full ("client.birth_date"), for fields at a fixed place.
  FieldPath(const char* spelled) : key_(spelled) {}  // NOLINT(google-explicit-constructor)

  FieldPath Member(std::string_view key) const { return {this, key, kNoIndex}; }
  FieldPath Item(size_t index) const { return {this, {}, index}; }

  std::string str() const {
    std::string out = parent_ == nullptr ? std::string() : parent_->str();
    if (index_ != kNoIndex) return out + "[" + std::to_string(index_) + "]";
    if (!out.empty()) out += '.';
    return out.append(key_);
  }

 private:
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);
  FieldPath(const FieldPath* parent, std::string_view key, size_t index)
      : parent_(parent), key_(key), index_(index) {}

  const FieldPath* parent_ = nullptr;
  std::string_view key_;
  size_t index_ = kNoIndex;
};

class IntakeParser {
 public:
  IntakeParser(const kb::KnowledgeBase& kb, Date default_as_of)
      : kb_(kb), default_as_of_(default_as_of) {}

  Result<Intake> Parse(const json& root);

 private:
  void Error(const FieldPath& path, std::string message) {
    errors_.push_back({path.str(), std::move(message)});
  }

  // Reports fields of `object` that are not in `allowed`; false when `object` is not an object.
  bool Object(const json& object, const FieldPath& path,
              std::initializer_list<std::string_view> allowed);
  static bool Present(const json& object, const char* key) {
    return object.contains(key) && !object[key].is_null();
  }

  std::optional<Code> ReadCode(const json& value, const FieldPath& path,
                               const std::string& category);
  std::optional<Date> ReadDate(const json& value, const FieldPath& path);
  // A date in the client's history: must not be after as_of.
  std::optional<Date> ReadPastDate(const json& value, const FieldPath& path);
  std::optional<bool> ReadBool(const json& value, const FieldPath& path);
  std::optional<Depth> ReadDepth(const json& value, const FieldPath& path);
  std::vector<Code> ReadZones(const json& object, const FieldPath& path, bool required);
  const json* ReadList(const json& root, const char* key);

  void ReadClient(const json& root, Intake& intake);
  void ReadConditions(const json& root, Intake& intake);
  void ReadMedications(const json& root, Intake& intake);
  void ReadAllergies(const json& root, Intake& intake);
  void ReadProcedures(const json& root, Intake& intake);
  void ReadRequests(const json& root, Intake& intake);
  void ReadPractitioner(const json& root, Intake& intake);
  void ReadDevice(const json& root, Intake& intake);

  const kb::KnowledgeBase& kb_;
  Date default_as_of_;
  Date as_of_;
  std::vector<FieldError> errors_;
};

bool IntakeParser::Object(const json& object, const FieldPath& path,
                          std::initializer_list<std::string_view> allowed) {
  if (!object.is_object()) {
    const std::string where = path.str();
    errors_.push_back({where.empty() ? "(intake)" : where, "expected an object"});
    return false;
  }
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const std::string_view name : allowed) known = known || name == key;
    if (!known) Error(path.Member(key), "unknown field");
  }
  return true;
}

std::optional<Code> IntakeParser::ReadCode(const json& value, const FieldPath& path,
                                           const std::string& category) {
  if (!value.is_string()) {
    Error(path, "expected a code (text)");
    return std::nullopt;
  }
  Code code(value.get<std::string>());
  if (!kb_.vocabulary.Has(category, code)) {
    Error(path, "unknown code \"" + code.str() + "\"");
    return std::nullopt;
  }
  return code;
}

std::optional<Date> IntakeParser::ReadDate(const json& value, const FieldPath& path) {
  if (!value.is_string()) {
    Error(path, "expected a date YYYY-MM-DD");
    return std::nullopt;
  }
  const auto date = Date::Parse(value.get<std::string>());
  if (!date) {
    Error(path, "\"" + value.get<std::string>() + "\" is not a real date in the form YYYY-MM-DD");
  } else if (date->year() < 1900 || date->year() > 2200) {
    Error(path, "date " + date->ToString() + " is out of range (1900 to 2200)");
    return std::nullopt;
  }
  return date;
}

std::optional<Date> IntakeParser::ReadPastDate(const json& value, const FieldPath& path) {
  const auto date = ReadDate(value, path);
  if (date && *date > as_of_) {
    Error(path, "date " + date->ToString() + " is after as_of " + as_of_.ToString());
    return std::nullopt;
  }
  return date;
}

std::optional<bool> IntakeParser::ReadBool(const json& value, const FieldPath& path) {
  if (!value.is_boolean()) {
    Error(path, "expected true or false");
    return std::nullopt;
  }
  return value.get<bool>();
}

std::optional<Depth> IntakeParser::ReadDepth(const json& value, const FieldPath& path) {
  if (!value.is_number()) {
    Error(path, "expected a depth in millimetres (a number)");
    return std::nullopt;
  }
  const double mm = value.get<double>();
  if (!std::isfinite(mm) || mm < 0.0 || mm > 10.0) {
    Error(path, "depth must be between 0 and 10 mm");
    return std::nullopt;
  }
  return Depth::FromMillimetres(mm);
}

std::vector<Code> IntakeParser::ReadZones(const json& object, const FieldPath& path,
                                          bool required) {
  std::vector<Code> zones;
  const FieldPath zones_path = path.Member("zones");
  if (!Present(object, "zones")) {
    if (required) Error(zones_path, "at least one zone is required");
    return zones;
  }
  const json& list = object["zones"];
  if (!list.is_array()) {
    Error(zones_path, "expected a list of zone codes");
    return zones;
  }
  if (required && list.empty()) Error(zones_path, "at least one zone is required");
  for (size_t i = 0; i < list.size(); ++i) {
    if (auto zone = ReadCode(list[i], zones_path.Item(i), "zones")) {
      zones.push_back(std::move(*zone));
    }
  }
  return zones;
}

const json* IntakeParser::ReadList(const json& root, const char* key) {
  if (!Present(root, key)) return nullptr;
  if (!root[key].is_array()) {
    Error(key, "expected a list");
    return nullptr;
  }
  return &root[key];
}

void IntakeParser::ReadClient(const json& root, Intake& intake) {
  if (!Present(root, "client")) {
    Error("client", "required");
    return;
  }
  const json& c = root["client"];
  if (!Object(c, "client", {"birth_date", "fitzpatrick", "pregnant", "breastfeeding"})) return;
  if (!Present(c, "birth_date")) {
    Error("client.birth_date", "required");
  } else if (auto birth = ReadPastDate(c["birth_date"], "client.birth_date")) {
    intake.client.birth_date = *birth;
  }
  if (Present(c, "fitzpatrick")) {
    const json& f = c["fitzpatrick"];
    if (!f.is_number_integer() || f.get<long long>() < 1 || f.get<long long>() > 6) {
      Error("client.fitzpatrick", "expected a whole number from 1 to 6");
    } else {
      intake.client.fitzpatrick = f.get<int>();
    }
  }
  if (Present(c, "pregnant")) {
    intake.client.pregnant = ReadBool(c["pregnant"], "client.pregnant").value_or(false);
  }
  if (Present(c, "breastfeeding")) {
    intake.client.breastfeeding =
        ReadBool(c["breastfeeding"], "client.breastfeeding").value_or(false);
  }
}

void IntakeParser::ReadConditions(const json& root, Intake& intake) {
  const json* list = ReadList(root, "conditions");
  const FieldPath list_path("conditions");
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const FieldPath path = list_path.Item(i);
    if (!Object(item, path, {"code", "zones", "controlled", "resolved"})) continue;
    ConditionEntry entry;
    if (!Present(item, "code")) {
      Error(path.Member("code"), "required");
    } else if (auto code = ReadCode(item["code"], path.Member("code"), "conditions")) {
      entry.code = std::move(*code);
    }
    entry.zones = ReadZones(item, path, false);
    if (Present(item, "controlled")) {
      entry.controlled = ReadBool(item["controlled"], path.Member("controlled"));
    }
    if (Present(item, "resolved")) {
      entry.resolved = ReadPastDate(item["resolved"], path.Member("resolved"));
    }
    intake.conditions.push_back(std::move(entry));
  }
}

void IntakeParser::ReadMedications(const json& root, Intake& intake) {
  const json* list = ReadList(root, "medications");
  const FieldPath list_path("medications");
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const FieldPath path = list_path.Item(i);
    if (!Object(item, path, {"code", "current", "last_dose", "zones"})) continue;
    MedicationEntry entry;
    if (!Present(item, "code")) {
      Error(path.Member("code"), "required");
    } else if (auto code = ReadCode(item["code"], path.Member("code"), "medications")) {
      entry.code = std::move(*code);
    }
    if (Present(item, "current")) {
      entry.current = ReadBool(item["current"], path.Member("current")).value_or(true);
    }
    if (Present(item, "last_dose")) {
      entry.last_dose = ReadPastDate(item["last_dose"], path.Member("last_dose"));
    }
    entry.zones = ReadZones(item, path, false);
    intake.medications.push_back(std::move(entry));
  }
}

void IntakeParser::ReadAllergies(const json& root, Intake& intake) {
  const json* list = ReadList(root, "allergies");
  const FieldPath list_path("allergies");
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const FieldPath path = list_path.Item(i);
    if (!Object(item, path, {"code"})) continue;
    if (!Present(item, "code")) {
      Error(path.Member("code"), "required");
    } else if (auto code = ReadCode(item["code"], path.Member("code"), "allergies")) {
      intake.allergies.push_back({std::move(*code)});
    }
  }
}

void IntakeParser::ReadProcedures(const json& root, Intake& intake) {
  const json* list = ReadList(root, "procedures");
  const FieldPath list_path("procedures");
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const FieldPath path = list_path.Item(i);
    if (!Object(item, path, {"code", "date", "zones", "depth_mm"})) continue;
    ProcedureEntry entry;
    if (!Present(item, "code")) {
      Error(path.Member("code"), "required");
    } else if (auto code = ReadCode(item["code"], path.Member("code"), "procedures")) {
      entry.code = std::move(*code);
    }
    if (!Present(item, "date")) {
      Error(path.Member("date"), "required: the day of the procedure");
    } else if (auto date = ReadPastDate(item["date"], path.Member("date"))) {
      entry.date = *date;
    }
    entry.zones = ReadZones(item, path, false);
    if (Present(item, "depth_mm")) {
      entry.depth = ReadDepth(item["depth_mm"], path.Member("depth_mm"));
    }
    intake.procedures.push_back(std::move(entry));
  }
}

void IntakeParser::ReadRequests(const json& root, Intake& intake) {
  if (!Present(root, "requests")) {
    Error("requests", "at least one request (indication and zones) is required");
    return;
  }
  const json* list = ReadList(root, "requests");
  const FieldPath list_path("requests");
  if (list == nullptr) return;
  if (list->empty()) Error("requests", "at least one request (indication and zones) is required");
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const FieldPath path = list_path.Item(i);
    if (!Object(item, path, {"indication", "zones"})) continue;
    TreatmentRequest request;
    if (!Present(item, "indication")) {
      Error(path.Member("indication"), "required");
    } else if (auto code = ReadCode(item["indication"], path.Member("indication"), "indications")) {
      request.indication = std::move(*code);
    }
    request.zones = ReadZones(item, path, true);
    intake.requests.push_back(std::move(request));
  }
}

void IntakeParser::ReadPractitioner(const json& root, Intake& intake) {
  const auto home_role = kb_.vocabulary.setting_default_role.find(intake.setting);
  const bool setting_has_role = home_role != kb_.vocabulary.setting_default_role.end();
  if (!Present(root, "practitioner")) {
    if (setting_has_role) {
      intake.practitioner.role = home_role->second;
    } else {
      Error("practitioner", "required in the " + intake.setting.str() + " setting");
    }
    return;
  }
  const json& p = root["practitioner"];
  if (!Object(p, "practitioner", {"role", "jurisdiction", "supervised"})) return;
  if (!Present(p, "role")) {
    Error("practitioner.role", "required");
  } else if (auto role = ReadCode(p["role"], "practitioner.role", "roles")) {
    intake.practitioner.role = std::move(*role);
    if (setting_has_role && intake.practitioner.role != home_role->second) {
      Error("practitioner.role", "the " + intake.setting.str() + " setting is for role \"" +
                                     home_role->second.str() + "\"");
    }
    for (const auto& [setting, role_of_setting] : kb_.vocabulary.setting_default_role) {
      if (setting != intake.setting && intake.practitioner.role == role_of_setting) {
        Error("practitioner.role", "role \"" + role_of_setting.str() + "\" belongs to the " +
                                       setting.str() + " setting");
      }
    }
  }
  if (Present(p, "jurisdiction")) {
    if (!p["jurisdiction"].is_string() || p["jurisdiction"].get<std::string>().empty()) {
      Error("practitioner.jurisdiction", "expected a jurisdiction code such as US-UT");
    } else {
      intake.practitioner.jurisdiction = p["jurisdiction"].get<std::string>();
    }
  }
  if (Present(p, "supervised")) {
    intake.practitioner.supervised =
        ReadBool(p["supervised"], "practitioner.supervised").value_or(false);
  }
}

void IntakeParser::ReadDevice(const json& root, Intake& intake) {
  if (!Present(root, "device")) return;
  const json& d = root["device"];
  if (!Object(d, "device", {"kind", "cleared", "max_depth_mm", "needle_material"})) return;
  Device device;
  if (!Present(d, "kind")) {
    Error("device.kind", "required");
  } else if (auto kind = ReadCode(d["kind"], "device.kind", "device_kinds")) {
    device.kind = std::move(*kind);
  }
  if (Present(d, "cleared")) {
    device.cleared = ReadBool(d["cleared"], "device.cleared").value_or(false);
  }
  if (Present(d, "max_depth_mm")) {
    device.max_depth = ReadDepth(d["max_depth_mm"], "device.max_depth_mm");
  }
  if (Present(d, "needle_material")) {
    device.needle_material =
        ReadCode(d["needle_material"], "device.needle_material", "needle_materials");
  }
  intake.device = std::move(device);
}

Result<Intake> IntakeParser::Parse(const json& root) {
  if (!Object(root, "",
              {"as_of", "setting", "client", "conditions", "medications", "allergies", "procedures",
               "requests", "practitioner", "device"})) {
    return Status::InvalidFields(errors_);
  }
  Intake intake;
  as_of_ = default_as_of_;
  if (Present(root, "as_of")) {
    if (auto date = ReadDate(root["as_of"], "as_of")) as_of_ = *date;
  }
  intake.as_of = as_of_;
  intake.setting = Code("clinic");
  if (Present(root, "setting")) {
    if (auto setting = ReadCode(root["setting"], "setting", "settings")) intake.setting = *setting;
  }
  ReadClient(root, intake);
  ReadConditions(root, intake);
  ReadMedications(root, intake);
  ReadAllergies(root, intake);
  ReadProcedures(root, intake);
  ReadRequests(root, intake);
  ReadPractitioner(root, intake);
  ReadDevice(root, intake);
  if (!errors_.empty()) return Status::InvalidFields(std::move(errors_));
  return intake;
}

}  // namespace

Result<Intake> ParseIntake(std::string_view json_text, const kb::KnowledgeBase& kb,
                           Date default_as_of) {
  auto document = ParseStrictJson(json_text, kMaxIntakeDepth);
  if (auto* error = std::get_if<StrictJsonError>(&document)) {
    return Status::InvalidFields({{"(intake)", std::move(error->message)}});
  }
  return IntakeParser(kb, default_as_of).Parse(std::get<json>(document));
}

Result<Intake> ParseIntakeDocument(const json& document, const kb::KnowledgeBase& kb,
                                   Date default_as_of) {
  return IntakeParser(kb, default_as_of).Parse(document);
}

}  // namespace corium::engine
