// Interval: a half-open span of time [start, end) in seconds since the epoch (UTC), the unit the
// calendar reasons in; local clock times become instants before they reach the slot search.
// Plain values; every function is pure.
#pragma once

#include <cstdint>
#include <vector>

namespace corium::calendar {

using Instant = std::int64_t;  // seconds since the epoch, UTC

inline constexpr std::int64_t kMinute = 60;
inline constexpr std::int64_t kHour = 60 * kMinute;
inline constexpr std::int64_t kDay = 24 * kHour;

struct Interval {
  Instant start = 0;
  Instant end = 0;  // exclusive

  std::int64_t length() const { return end - start; }
  bool Contains(const Interval& other) const { return start <= other.start && other.end <= end; }
  bool Overlaps(const Interval& other) const { return start < other.end && other.start < end; }
  friend bool operator==(const Interval&, const Interval&) = default;
};

// Sorts by start and merges overlapping or touching intervals; drops empty ones.
std::vector<Interval> Normalized(std::vector<Interval> intervals);

// The parts of `from` (normalized) not covered by `remove` (normalized).
std::vector<Interval> Subtract(const std::vector<Interval>& from,
                               const std::vector<Interval>& remove);

// The parts common to both (each normalized).
std::vector<Interval> Intersect(const std::vector<Interval>& a, const std::vector<Interval>& b);

// The smallest multiple of `step` (> 0) at or after `instant`.
Instant AlignUp(Instant instant, std::int64_t step);

}  // namespace corium::calendar
