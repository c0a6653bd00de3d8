// Depth: a needle setting in millimetres, held as whole micrometres so that caps compare exactly
// (0.1 + 0.2 never drifts past 0.3). A plain value type.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

namespace corium {

class Depth {
 public:
  constexpr Depth() = default;
  // nullopt for negative, non-finite or absurd (> 100 mm) values.
  static std::optional<Depth> FromMillimetres(double mm);
  static constexpr Depth FromMicrometres(std::int32_t um) { return Depth(um); }

  double millimetres() const { return static_cast<double>(um_) / 1000.0; }
  std::int32_t micrometres() const { return um_; }
  bool is_zero() const { return um_ == 0; }

  // Decimal text with at least one decimal: "0.25", "1.5", "2.0".
  std::string ToString() const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>.
  friend constexpr auto operator<=>(Depth, Depth) = default;

 private:
  explicit constexpr Depth(std::int32_t um) : um_(um) {}
  std::int32_t um_ = 0;
};

}  // namespace corium
