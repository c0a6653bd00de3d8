#include "corium/domain/depth.h"

#include <cmath>

namespace corium {

std::optional<Depth> Depth::FromMillimetres(double mm) {
  if (!std::isfinite(mm) || mm < 0.0 || mm > 100.0) return std::nullopt;
  return Depth(static_cast<std::int32_t>(std::lround(mm * 1000.0)));
}

std::string Depth::ToString() const {
  std::string fraction = std::to_string(um_ % 1000);
  fraction.insert(0, 3 - fraction.size(), '0');
  std::string text = std::to_string(um_ / 1000) + "." + fraction;
  // Keep one decimal at least: "1.0", "0.25", "1.5".
  while (text.back() == '0' && text[text.size() - 2] != '.') text.pop_back();
  return text;
}

}  // namespace corium
