#include "corium/domain/depth.h"

#include <cmath>
#include <cstdio>

namespace corium {

std::optional<Depth> Depth::FromMillimetres(double mm) {
  if (!std::isfinite(mm) || mm < 0.0 || mm > 100.0) return std::nullopt;
  return Depth(static_cast<std::int32_t>(std::lround(mm * 1000.0)));
}

std::string Depth::ToString() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%d.%03d", um_ / 1000, um_ % 1000);
  std::string text(buffer);
  // Keep one decimal at least: "1.0", "0.25", "1.5".
  while (text.back() == '0' && text[text.size() - 2] != '.') text.pop_back();
  return text;
}

}  // namespace corium
