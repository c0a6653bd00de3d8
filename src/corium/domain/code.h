// Code: a vocabulary code (`active_acne`, `cheeks`, `physician`). Which codes exist is the
// knowledge base's business; this type only keeps codes apart from free text at compile time.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace corium {

class Code {
 public:
  Code() = default;
  explicit Code(std::string value) : value_(std::move(value)), hash_(HashOf(value_)) {}
  Code(const Code&) = default;
  Code& operator=(const Code&) = default;
  // A moved-from code is the empty code, its hash included.
  Code(Code&& other) noexcept : value_(std::move(other.value_)), hash_(other.hash_) {
    other.Clear();
  }
  Code& operator=(Code&& other) noexcept {
    value_ = std::move(other.value_);
    hash_ = other.hash_;
    if (&other != this) other.Clear();
    return *this;
  }
  ~Code() = default;

  const std::string& str() const { return value_; }
  bool empty() const { return value_.empty(); }
  // The hash of the text, computed once: a code is compared far more often than it is made.
  std::size_t hash() const { return hash_; }

  // By text alone; the hash only lets unequal codes part without reading their text.
  friend std::strong_ordering operator<=>(const Code& a, const Code& b) {
    return a.value_ <=> b.value_;
  }
  friend bool operator==(const Code& a, const Code& b) {
    return a.hash_ == b.hash_ && a.value_ == b.value_;
  }
  friend bool operator==(const Code& a, std::string_view b) { return a.value_ == b; }

  // Zero for the empty text, so that an empty or moved-from code costs no hashing.
  static std::size_t HashOf(std::string_view text) noexcept {
    return text.empty() ? 0 : std::hash<std::string_view>{}(text);
  }

 private:
  void Clear() {
    value_.clear();
    hash_ = 0;
  }

  std::string value_;
  std::size_t hash_ = 0;  // HashOf(value_)
};

// Hashes a code by its text; transparent, so a set of codes can be asked about a string_view.
struct CodeHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return Code::HashOf(text); }
  std::size_t operator()(const Code& code) const noexcept { return code.hash(); }
};

// A set of codes that is only ever asked "is this code in it?" (the codes a rule matches): the
// code's own hash answers most questions, where an ordered set compares text at every level.
using CodeSet = std::unordered_set<Code, CodeHash, std::equal_to<>>;

}  // namespace corium
