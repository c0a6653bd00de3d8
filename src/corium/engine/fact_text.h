// FactText: the intake's facts in words, for the `{placeholders}` of a rule's basis (labels from
// the vocabulary, dates, depths). Presentation only; no clinical judgement happens here.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corium/engine/screening_context.h"

namespace corium::engine {

// Placeholder name -> text. A hit has a handful of values and copies them once, so they sit in
// one short list searched in order: a tree would allocate a node per value.
class TextValues {
 public:
  // The value of `name`, added empty when absent.
  std::string& operator[](std::string_view name);
  // The value of `name`, or nullptr.
  const std::string* Find(std::string_view name) const;
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

class FactText {
 public:
  explicit FactText(const ScreeningContext& ctx) : ctx_(ctx) {}

  // Values every basis may use: as_of, role, jurisdiction, kind, max_depth_mm, needle_material.
  TextValues Common() const;
  // `code` and `label` of a vocabulary code.
  TextValues Describe(const std::string& category, const Code& code) const;
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
// Replaces each `{name}` in `text` by its value in `values`, else in `common`; unknown names are
// left as written.
std::string FillTemplate(std::string_view text, const TextValues& values, const TextValues& common);

}  // namespace corium::engine
