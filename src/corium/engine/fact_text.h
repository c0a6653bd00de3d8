// FactText: the intake's facts in words, for the `{placeholders}` of a rule's basis (labels from
// the vocabulary, dates, depths). Presentation only; no clinical judgement happens here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "corium/engine/screening_context.h"

namespace corium::engine {

class FactText {
 public:
  explicit FactText(const ScreeningContext& ctx) : ctx_(ctx) {}

  // Values every basis may use: as_of, role, jurisdiction, kind, max_depth_mm, needle_material.
  std::map<std::string, std::string> Common() const;
  // `code` and `label` of a vocabulary code.
  std::map<std::string, std::string> Describe(const std::string& category, const Code& code) const;
  // "Cheeks, Chin", or "all zones" for an empty list.
  std::string ZoneList(const std::vector<Code>& zones) const;
  std::string NeedleMaterial() const;

 private:
  const ScreeningContext& ctx_;
};

// "a", "a and b", "a, b and c".
std::string JoinWords(const std::vector<std::string>& words);
// Fitzpatrick types are written in Roman numerals (I to VI).
std::string Roman(int value);
// Replaces each `{name}` in `text` by its value; unknown names are left as written.
std::string FillTemplate(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace corium::engine
