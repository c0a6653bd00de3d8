#include "corium/calendar/interval.h"

#include <algorithm>

namespace corium::calendar {

std::vector<Interval> Normalized(std::vector<Interval> intervals) {
  std::erase_if(intervals, [](const Interval& i) { return i.end <= i.start; });
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& a, const Interval& b) { return a.start < b.start; });
  std::vector<Interval> merged;
  for (const Interval& i : intervals) {
    if (!merged.empty() && i.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, i.end);
    } else {
      merged.push_back(i);
    }
  }
  return merged;
}

std::vector<Interval> Subtract(const std::vector<Interval>& from,
                               const std::vector<Interval>& remove) {
  std::vector<Interval> out;
  size_t r = 0;
  for (const Interval& f : from) {
    Instant cursor = f.start;
    while (r < remove.size() && remove[r].end <= cursor) ++r;
    size_t k = r;
    while (k < remove.size() && remove[k].start < f.end) {
      if (remove[k].start > cursor) out.push_back({cursor, remove[k].start});
      cursor = std::max(cursor, remove[k].end);
      ++k;
    }
    if (cursor < f.end) out.push_back({cursor, f.end});
  }
  return out;
}

std::vector<Interval> Intersect(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::vector<Interval> out;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const Instant start = std::max(a[i].start, b[j].start);
    const Instant end = std::min(a[i].end, b[j].end);
    if (start < end) out.push_back({start, end});
    if (a[i].end < b[j].end) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

Instant AlignUp(Instant instant, std::int64_t step) {
  const Instant remainder = ((instant % step) + step) % step;
  return remainder == 0 ? instant : instant + (step - remainder);
}

}  // namespace corium::calendar
