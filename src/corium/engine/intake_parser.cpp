#include "corium/engine/intake_parser.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "corium/engine/json_value.h"
#include "corium/engine/strict_json.h"

namespace corium::engine {
namespace {

using Value = JsonValue;

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

// An object's allowed members that are not null, kept in one walk over the object that also finds
// the unknown ones (asking the object for each field would walk all its members again each time).
// Holds no list on the heap: a request reads some twenty of these. False when what was read was
// no object (and no member is kept).
class Fields {
 public:
  // The most members an object of the intake allows (the intake itself has ten).
  static constexpr size_t kMaxMembers = 10;

  explicit operator bool() const { return is_object_; }
  void MarkObject() { is_object_ = true; }

  // Keeps the member `key` unless its value is null (absent and null mean the same in an intake).
  void Keep(std::string_view key, JsonValue value) {
    assert(count_ < kMaxMembers);
    if (count_ < kMaxMembers && !value.IsNull()) {
      std::construct_at(&slots_.members[count_++], Member{key, value});
    }
  }

  // The member `key` unless it is absent or null.
  std::optional<JsonValue> Present(std::string_view key) const {
    for (size_t i = 0; i < count_; ++i) {
      if (slots_.members[i].key == key) return slots_.members[i].value;
    }
    return std::nullopt;
  }

 private:
  struct Member {
    std::string_view key;
    JsonValue value;
  };
  // The first count_ members are set; the others are left unmade (not cleared for each object,
  // as an array of optionals would be: g++ zeroes an optional's whole storage).
  union Slots {
    Slots() {}  // NOLINT(modernize-use-equals-default): makes no member
    std::array<Member, kMaxMembers> members;
  } slots_;
  size_t count_ = 0;
  bool is_object_ = false;
};

class IntakeParser {
 public:
  IntakeParser(const kb::KnowledgeBase& kb, Date default_as_of)
      : kb_(kb), zone_codes_(CodesOf("zones")), default_as_of_(default_as_of) {}

  Result<Intake> Parse(const Value& document);

 private:
  void Error(const FieldPath& path, std::string message) {
    errors_.push_back({path.str(), std::move(message)});
  }

  // The members of `object`, after reporting those not in `allowed`; false (and reported) when
  // `object` is not an object.
  Fields Object(const Value& object, const FieldPath& path,
                std::initializer_list<std::string_view> allowed);

  using CodeLabels = kb::Vocabulary::CodeLabels;
  // The codes of a vocabulary category (none for a category it lacks): looked up once for a list
  // of codes, not for each code.
  const CodeLabels& CodesOf(std::string_view category) const;
  // The vocabulary's own code (copied once, where it goes, hash and all), or null after an error.
  const Code* ReadCode(const Value& value, const FieldPath& path, const CodeLabels& codes);
  std::optional<Date> ReadDate(const Value& value, const FieldPath& path);
  // A date in the client's history: must not be after as_of.
  std::optional<Date> ReadPastDate(const Value& value, const FieldPath& path);
  std::optional<bool> ReadBool(const Value& value, const FieldPath& path);
  std::optional<Depth> ReadDepth(const Value& value, const FieldPath& path);
  std::vector<Code> ReadZones(const Fields& object, const FieldPath& path, bool required);
  // The list `key` of the intake, or nullopt when it is absent, null or no list.
  std::optional<Value> ReadList(const Fields& root, const char* key);

  void ReadClient(const Fields& root, Intake& intake);
  void ReadConditions(const Fields& root, Intake& intake);
  void ReadMedications(const Fields& root, Intake& intake);
  void ReadAllergies(const Fields& root, Intake& intake);
  void ReadProcedures(const Fields& root, Intake& intake);
  void ReadRequests(const Fields& root, Intake& intake);
  void ReadPractitioner(const Fields& root, Intake& intake);
  void ReadDevice(const Fields& root, Intake& intake);

  const kb::KnowledgeBase& kb_;
  const CodeLabels& zone_codes_;  // every request names zones, and most entries do
  Date default_as_of_;
  Date as_of_;
  std::vector<FieldError> errors_;
};

Fields IntakeParser::Object(const Value& object, const FieldPath& path,
                            std::initializer_list<std::string_view> allowed) {
  Fields fields;  // one object returned on every path, so it is never copied
  if (!object.IsObject()) {
    const std::string where = path.str();
    errors_.push_back({where.empty() ? "(intake)" : where, "expected an object"});
    return fields;
  }
  fields.MarkObject();
  std::vector<std::string_view> unknown;
  object.ForEachMember([&](std::string_view key, JsonValue value) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      unknown.push_back(key);
    } else {
      fields.Keep(key, value);  // an allowed key comes once: the strict read refused repeats
    }
  });
  // By name, whatever order the text had them in, so both forms of a document answer alike.
  std::sort(unknown.begin(), unknown.end());
  for (const std::string_view key : unknown) Error(path.Member(key), "unknown field");
  return fields;
}

const IntakeParser::CodeLabels& IntakeParser::CodesOf(std::string_view category) const {
  static const CodeLabels no_codes;
  const auto found = kb_.vocabulary.labels.find(category);
  return found == kb_.vocabulary.labels.end() ? no_codes : found->second;
}

const Code* IntakeParser::ReadCode(const Value& value, const FieldPath& path,
                                   const CodeLabels& codes) {
  if (!value.IsString()) {
    Error(path, "expected a code (text)");
    return nullptr;
  }
  // The text is hashed once, to look it up; the code found carries its hash.
  const std::string_view text = value.String();
  if (const auto known = codes.find(text); known != codes.end()) return &known->first;
  Error(path, "unknown code \"" + std::string(text) + "\"");
  return nullptr;
}

std::optional<Date> IntakeParser::ReadDate(const Value& value, const FieldPath& path) {
  if (!value.IsString()) {
    Error(path, "expected a date YYYY-MM-DD");
    return std::nullopt;
  }
  const std::string_view text = value.String();
  const auto date = Date::Parse(text);
  if (!date) {
    Error(path, "\"" + std::string(text) + "\" is not a real date in the form YYYY-MM-DD");
  } else if (date->year() < 1900 || date->year() > 2200) {
    Error(path, "date " + date->ToString() + " is out of range (1900 to 2200)");
    return std::nullopt;
  }
  return date;
}

std::optional<Date> IntakeParser::ReadPastDate(const Value& value, const FieldPath& path) {
  const auto date = ReadDate(value, path);
  if (date && *date > as_of_) {
    Error(path, "date " + date->ToString() + " is after as_of " + as_of_.ToString());
    return std::nullopt;
  }
  return date;
}

std::optional<bool> IntakeParser::ReadBool(const Value& value, const FieldPath& path) {
  if (!value.IsBool()) {
    Error(path, "expected true or false");
    return std::nullopt;
  }
  return value.Bool();
}

std::optional<Depth> IntakeParser::ReadDepth(const Value& value, const FieldPath& path) {
  if (!value.IsNumber()) {
    Error(path, "expected a depth in millimetres (a number)");
    return std::nullopt;
  }
  const double mm = value.Number();
  if (!std::isfinite(mm) || mm < 0.0 || mm > 10.0) {
    Error(path, "depth must be between 0 and 10 mm");
    return std::nullopt;
  }
  return Depth::FromMillimetres(mm);
}

std::vector<Code> IntakeParser::ReadZones(const Fields& object, const FieldPath& path,
                                          bool required) {
  std::vector<Code> zones;
  const FieldPath zones_path = path.Member("zones");
  const auto list = object.Present("zones");
  if (!list) {
    if (required) Error(zones_path, "at least one zone is required");
    return zones;
  }
  if (!list->IsArray()) {
    Error(zones_path, "expected a list of zone codes");
    return zones;
  }
  const size_t count = list->ItemCount();
  if (required && count == 0) Error(zones_path, "at least one zone is required");
  zones.reserve(count);
  list->ForEachItem([&](size_t i, const Value& item) {
    if (const Code* zone = ReadCode(item, zones_path.Item(i), zone_codes_)) zones.push_back(*zone);
  });
  return zones;
}

std::optional<Value> IntakeParser::ReadList(const Fields& root, const char* key) {
  auto list = root.Present(key);
  if (list && !list->IsArray()) {
    Error(key, "expected a list");
    return std::nullopt;
  }
  return list;
}

void IntakeParser::ReadClient(const Fields& root, Intake& intake) {
  const auto c = root.Present("client");
  if (!c) {
    Error("client", "required");
    return;
  }
  const auto client =
      Object(*c, "client", {"birth_date", "fitzpatrick", "pregnant", "breastfeeding"});
  if (!client) return;
  if (const auto birth_date = client.Present("birth_date"); !birth_date) {
    Error("client.birth_date", "required");
  } else if (auto birth = ReadPastDate(*birth_date, "client.birth_date")) {
    intake.client.birth_date = *birth;
  }
  if (const auto f = client.Present("fitzpatrick")) {
    const auto type = f->Integer();
    if (!type || *type < 1 || *type > 6) {
      Error("client.fitzpatrick", "expected a whole number from 1 to 6");
    } else {
      intake.client.fitzpatrick = static_cast<int>(*type);
    }
  }
  if (const auto pregnant = client.Present("pregnant")) {
    intake.client.pregnant = ReadBool(*pregnant, "client.pregnant").value_or(false);
  }
  if (const auto breastfeeding = client.Present("breastfeeding")) {
    intake.client.breastfeeding = ReadBool(*breastfeeding, "client.breastfeeding").value_or(false);
  }
}

void IntakeParser::ReadConditions(const Fields& root, Intake& intake) {
  const auto list = ReadList(root, "conditions");
  if (!list) return;
  const FieldPath list_path("conditions");
  intake.conditions.reserve(list->ItemCount());
  const CodeLabels& codes = CodesOf("conditions");
  list->ForEachItem([&](size_t i, const Value& item) {
    const FieldPath path = list_path.Item(i);
    const auto fields = Object(item, path, {"code", "zones", "controlled", "resolved"});
    if (!fields) return;
    ConditionEntry& entry = intake.conditions.emplace_back();
    if (const auto code = fields.Present("code"); !code) {
      Error(path.Member("code"), "required");
    } else if (const Code* known = ReadCode(*code, path.Member("code"), codes)) {
      entry.code = *known;
    }
    entry.zones = ReadZones(fields, path, false);
    if (const auto controlled = fields.Present("controlled")) {
      entry.controlled = ReadBool(*controlled, path.Member("controlled"));
    }
    if (const auto resolved = fields.Present("resolved")) {
      entry.resolved = ReadPastDate(*resolved, path.Member("resolved"));
    }
  });
}

void IntakeParser::ReadMedications(const Fields& root, Intake& intake) {
  const auto list = ReadList(root, "medications");
  if (!list) return;
  const FieldPath list_path("medications");
  intake.medications.reserve(list->ItemCount());
  const CodeLabels& codes = CodesOf("medications");
  list->ForEachItem([&](size_t i, const Value& item) {
    const FieldPath path = list_path.Item(i);
    const auto fields = Object(item, path, {"code", "current", "last_dose", "zones"});
    if (!fields) return;
    MedicationEntry& entry = intake.medications.emplace_back();
    if (const auto code = fields.Present("code"); !code) {
      Error(path.Member("code"), "required");
    } else if (const Code* known = ReadCode(*code, path.Member("code"), codes)) {
      entry.code = *known;
    }
    if (const auto current = fields.Present("current")) {
      entry.current = ReadBool(*current, path.Member("current")).value_or(true);
    }
    if (const auto last_dose = fields.Present("last_dose")) {
      entry.last_dose = ReadPastDate(*last_dose, path.Member("last_dose"));
    }
    entry.zones = ReadZones(fields, path, false);
  });
}

void IntakeParser::ReadAllergies(const Fields& root, Intake& intake) {
  const auto list = ReadList(root, "allergies");
  if (!list) return;
  const FieldPath list_path("allergies");
  intake.allergies.reserve(list->ItemCount());
  const CodeLabels& codes = CodesOf("allergies");
  list->ForEachItem([&](size_t i, const Value& item) {
    const FieldPath path = list_path.Item(i);
    const auto fields = Object(item, path, {"code"});
    if (!fields) return;
    if (const auto code = fields.Present("code"); !code) {
      Error(path.Member("code"), "required");
    } else if (const Code* known = ReadCode(*code, path.Member("code"), codes)) {
      intake.allergies.push_back({*known});
    }
  });
}

void IntakeParser::ReadProcedures(const Fields& root, Intake& intake) {
  const auto list = ReadList(root, "procedures");
  if (!list) return;
  const FieldPath list_path("procedures");
  intake.procedures.reserve(list->ItemCount());
  const CodeLabels& codes = CodesOf("procedures");
  list->ForEachItem([&](size_t i, const Value& item) {
    const FieldPath path = list_path.Item(i);
    const auto fields = Object(item, path, {"code", "date", "zones", "depth_mm"});
    if (!fields) return;
    ProcedureEntry& entry = intake.procedures.emplace_back();
    if (const auto code = fields.Present("code"); !code) {
      Error(path.Member("code"), "required");
    } else if (const Code* known = ReadCode(*code, path.Member("code"), codes)) {
      entry.code = *known;
    }
    if (const auto date = fields.Present("date"); !date) {
      Error(path.Member("date"), "required: the day of the procedure");
    } else if (auto day = ReadPastDate(*date, path.Member("date"))) {
      entry.date = *day;
    }
    entry.zones = ReadZones(fields, path, false);
    if (const auto depth = fields.Present("depth_mm")) {
      entry.depth = ReadDepth(*depth, path.Member("depth_mm"));
    }
  });
}

void IntakeParser::ReadRequests(const Fields& root, Intake& intake) {
  if (!root.Present("requests")) {
    Error("requests", "at least one request (indication and zones) is required");
    return;
  }
  const auto list = ReadList(root, "requests");
  if (!list) return;
  const FieldPath list_path("requests");
  const size_t count = list->ItemCount();
  if (count == 0) Error("requests", "at least one request (indication and zones) is required");
  intake.requests.reserve(count);
  const CodeLabels& indications = CodesOf("indications");
  list->ForEachItem([&](size_t i, const Value& item) {
    const FieldPath path = list_path.Item(i);
    const auto fields = Object(item, path, {"indication", "zones"});
    if (!fields) return;
    TreatmentRequest& request = intake.requests.emplace_back();
    if (const auto indication = fields.Present("indication"); !indication) {
      Error(path.Member("indication"), "required");
    } else if (const Code* code = ReadCode(*indication, path.Member("indication"), indications)) {
      request.indication = *code;
    }
    request.zones = ReadZones(fields, path, true);
  });
}

void IntakeParser::ReadPractitioner(const Fields& root, Intake& intake) {
  const auto home_role = kb_.vocabulary.setting_default_role.find(intake.setting);
  const bool setting_has_role = home_role != kb_.vocabulary.setting_default_role.end();
  const auto p = root.Present("practitioner");
  if (!p) {
    if (setting_has_role) {
      intake.practitioner.role = home_role->second;
    } else {
      Error("practitioner", "required in the " + intake.setting.str() + " setting");
    }
    return;
  }
  const auto practitioner = Object(*p, "practitioner", {"role", "jurisdiction", "supervised"});
  if (!practitioner) return;
  if (const auto role_value = practitioner.Present("role"); !role_value) {
    Error("practitioner.role", "required");
  } else if (const Code* role = ReadCode(*role_value, "practitioner.role", CodesOf("roles"))) {
    intake.practitioner.role = *role;
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
  if (const auto jurisdiction = practitioner.Present("jurisdiction")) {
    if (!jurisdiction->IsString() || jurisdiction->String().empty()) {
      Error("practitioner.jurisdiction", "expected a jurisdiction code such as US-UT");
    } else {
      intake.practitioner.jurisdiction = std::string(jurisdiction->String());
    }
  }
  if (const auto supervised = practitioner.Present("supervised")) {
    intake.practitioner.supervised =
        ReadBool(*supervised, "practitioner.supervised").value_or(false);
  }
}

void IntakeParser::ReadDevice(const Fields& root, Intake& intake) {
  const auto d = root.Present("device");
  if (!d) return;
  const auto device_fields =
      Object(*d, "device", {"kind", "cleared", "max_depth_mm", "needle_material"});
  if (!device_fields) return;
  Device device;
  if (const auto kind_value = device_fields.Present("kind"); !kind_value) {
    Error("device.kind", "required");
  } else if (const Code* kind = ReadCode(*kind_value, "device.kind", CodesOf("device_kinds"))) {
    device.kind = *kind;
  }
  if (const auto cleared = device_fields.Present("cleared")) {
    device.cleared = ReadBool(*cleared, "device.cleared").value_or(false);
  }
  if (const auto max_depth = device_fields.Present("max_depth_mm")) {
    device.max_depth = ReadDepth(*max_depth, "device.max_depth_mm");
  }
  if (const auto material = device_fields.Present("needle_material")) {
    const CodeLabels& materials = CodesOf("needle_materials");
    if (const Code* known = ReadCode(*material, "device.needle_material", materials)) {
      device.needle_material = *known;
    }
  }
  intake.device = std::move(device);
}

Result<Intake> IntakeParser::Parse(const Value& document) {
  const auto fields = Object(document, "",
                             {"as_of", "setting", "client", "conditions", "medications",
                              "allergies", "procedures", "requests", "practitioner", "device"});
  if (!fields) return Status::InvalidFields(errors_);
  const Fields& root = fields;
  Intake intake;
  as_of_ = default_as_of_;
  if (const auto as_of = root.Present("as_of")) {
    if (auto date = ReadDate(*as_of, "as_of")) as_of_ = *date;
  }
  intake.as_of = as_of_;
  const Code* setting = nullptr;
  if (const auto setting_value = root.Present("setting")) {
    setting = ReadCode(*setting_value, "setting", CodesOf("settings"));
  }
  intake.setting = setting != nullptr ? *setting : Code("clinic");
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
  auto document = ReadStrictJson(json_text, kMaxIntakeDepth);
  if (auto* error = std::get_if<StrictJsonError>(&document)) {
    return Status::InvalidFields({{"(intake)", std::move(error->message)}});
  }
  return ParseIntakeDocument(std::get<StrictJsonDocument>(document), kb, default_as_of);
}

Result<Intake> ParseIntakeDocument(const StrictJsonDocument& document, const kb::KnowledgeBase& kb,
                                   Date default_as_of) {
  return IntakeParser(kb, default_as_of).Parse(document.Root());
}

Result<Intake> ParseIntakeDocument(const nlohmann::json& document, const kb::KnowledgeBase& kb,
                                   Date default_as_of) {
  return IntakeParser(kb, default_as_of).Parse(JsonValue(document));
}

}  // namespace corium::engine
