// Code: a vocabulary code (`active_acne`, `cheeks`, `physician`). Which codes exist is the knowledge
// base's business; this type only keeps codes apart from free text at compile time.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <utility>

namespace corium {

class Code {
 public:
  Code() = default;
  explicit Code(std::string value) : value_(std::move(value)) {}

  const std::string& str() const { return value_; }
  bool empty() const { return value_.empty(); }

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>.
  friend auto operator<=>(const Code&, const Code&) = default;
  friend bool operator==(const Code&, const Code&) = default;
  friend bool operator==(const Code& a, std::string_view b) { return a.value_ == b; }

 private:
  std::string value_;
};

}  // namespace corium
