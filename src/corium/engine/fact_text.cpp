#include "corium/engine/fact_text.h"

#include <array>

namespace corium::engine {

std::string& TextValues::operator[](std::string_view name) {
  for (auto& [key, value] : entries_) {
    if (key == name) return value;
  }
  return entries_.emplace_back(std::string(name), std::string()).second;
}

const std::string* TextValues::Find(std::string_view name) const {
  for (const auto& [key, value] : entries_) {
    if (key == name) return &value;
  }
  return nullptr;
}

TextValues FactText::Common() const {
  const Intake& intake = *ctx_.intake;
  const kb::Vocabulary& vocab = ctx_.kb->vocabulary;
  TextValues values;
  values["as_of"] = intake.as_of.ToString();
  values["role"] = vocab.Label("roles", intake.practitioner.role);
  values["jurisdiction"] = ctx_.jurisdiction_label;
  values["needle_material"] = NeedleMaterial();
  if (intake.device) {
    values["kind"] = vocab.Label("device_kinds", intake.device->kind);
    values["max_depth_mm"] =
        intake.device->max_depth ? intake.device->max_depth->ToString() + " mm" : "unstated depth";
  }
  return values;
}

TextValues FactText::Describe(const std::string& category, const Code& code) const {
  TextValues values;
  values["code"] = code.str();
  values["label"] = ctx_.kb->vocabulary.Label(category, code);
  return values;
}

std::string FactText::ZoneList(const std::vector<Code>& zones) const {
  if (zones.empty()) return "all zones";
  std::vector<std::string> labels;
  labels.reserve(zones.size());
  for (const Code& zone : zones) labels.push_back(ctx_.kb->vocabulary.Label("zones", zone));
  return JoinWords(labels);
}

std::string FactText::NeedleMaterial() const {
  const Intake& intake = *ctx_.intake;
  if (!intake.device || !intake.device->needle_material) return "not stated";
  return ctx_.kb->vocabulary.Label("needle_materials", *intake.device->needle_material);
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

std::string Roman(int value) {
  static constexpr std::array<const char*, 7> kNumerals = {"0", "I", "II", "III", "IV", "V", "VI"};
  return value >= 1 && value <= 6 ? kNumerals.at(static_cast<size_t>(value))
                                  : std::to_string(value);
}

std::string FillTemplate(std::string_view text, const TextValues& values,
                         const TextValues& common) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text, i, open - i);
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const std::string* value = values.Find(name);
    if (value == nullptr) value = common.Find(name);
    if (value == nullptr) {
      out.append(text, open, close - open + 1);
    } else {
      out += *value;
    }
    i = close + 1;
  }
  out.append(text, i, std::string_view::npos);
  return out;
}

}  // namespace corium::engine
