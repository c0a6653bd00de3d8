#include "corium/calendar/slot_search.h"

#include <algorithm>

namespace corium::calendar {
namespace {

// The search walks forward a week at a time, so that finding a slot next Tuesday never looks at
// bookings of next year.
constexpr std::int64_t kWindow = 7 * kDay;

// Intervals of `sorted` (normalized) that overlap `window`, clipped to it.
std::vector<Interval> Clip(const std::vector<Interval>& sorted, const Interval& window) {
  std::vector<Interval> out;
  auto it = std::upper_bound(sorted.begin(), sorted.end(), window.start,
                             [](Instant t, const Interval& i) { return t < i.end; });
  for (; it != sorted.end() && it->start < window.end; ++it) {
    out.push_back({std::max(it->start, window.start), std::min(it->end, window.end)});
  }
  return out;
}

// Start times (as intervals of starts) at which `resource` is free for `duration` within `window`
// (the appointment itself may run past the window's end).
std::vector<Interval> FreeStarts(const ResourceCalendar& resource, const Interval& window,
                                 std::int64_t duration) {
  const Interval reach{window.start, window.end + duration};
  std::vector<Interval> open = resource.opening == Opening::kAlways ? std::vector<Interval>{reach}
                                                                    : Clip(resource.open, reach);
  std::vector<Interval> starts;
  for (const Interval& free : Subtract(open, Clip(resource.busy, reach))) {
    // Starting at s fits when s + duration <= free.end: starts [free.start, free.end - duration].
    if (free.length() >= duration) starts.push_back({free.start, free.end - duration + 1});
  }
  return starts;
}

bool Fits(const ResourceCalendar& resource, const Interval& time) {
  if (resource.opening == Opening::kWithinHours) {
    auto it = std::upper_bound(resource.open.begin(), resource.open.end(), time.start,
                               [](Instant t, const Interval& i) { return t < i.end; });
    if (it == resource.open.end() || !it->Contains(time)) return false;
  }
  auto it = std::upper_bound(resource.busy.begin(), resource.busy.end(), time.start,
                             [](Instant t, const Interval& i) { return t < i.end; });
  return it == resource.busy.end() || !it->Overlaps(time);
}

std::optional<std::int64_t> FirstFitting(const ResourcePool& pool, const Interval& time) {
  for (const ResourceCalendar& candidate : pool.candidates) {
    if (Fits(candidate, time)) return candidate.id;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Slot> FindSlots(const SlotRequest& request, Instant earliest, int count) {
  std::vector<Slot> slots;
  if (request.duration <= 0 || count <= 0) return slots;
  for (Instant from = AlignUp(earliest, kSlotSeconds);
       from + request.duration <= request.horizon_end; from += kWindow) {
    const Interval window{from,
                          std::min(from + kWindow, request.horizon_end - request.duration + 1)};
    std::vector<Interval> starts{window};
    for (const ResourcePool& pool : request.pools) {
      std::vector<Interval> any;
      for (const ResourceCalendar& candidate : pool.candidates) {
        const auto free = FreeStarts(candidate, window, request.duration);
        any.insert(any.end(), free.begin(), free.end());
      }
      starts = Intersect(starts, Normalized(std::move(any)));
      if (starts.empty()) break;
    }
    for (const Interval& span : starts) {
      for (Instant s = AlignUp(span.start, kSlotSeconds); s < span.end; s += kSlotSeconds) {
        Slot slot{{s, s + request.duration}, {}};
        for (const ResourcePool& pool : request.pools) {
          // Starts were intersected pool by pool, so some candidate of each pool fits.
          slot.resources.push_back(FirstFitting(pool, slot.time).value_or(0));
        }
        slots.push_back(std::move(slot));
        if (static_cast<int>(slots.size()) == count) return slots;
      }
    }
  }
  return slots;
}

std::optional<std::vector<Slot>> FindCourseSlots(const SlotRequest& request,
                                                 const CourseRequest& course,
                                                 const ClinicZone& zone) {
  std::vector<Slot> placed;
  for (const Date& own_earliest : course.earliest) {
    Instant earliest = std::max(course.not_before, zone.ToInstant(own_earliest, 0));
    if (!placed.empty()) {
      const Date after = zone.DateOf(placed.back().time.start).AddDays(course.min_interval_days);
      earliest = std::max(earliest, zone.ToInstant(after, 0));
    }
    std::vector<Slot> found = FindSlots(request, earliest, 1);
    if (found.empty()) return std::nullopt;
    placed.push_back(std::move(found.front()));
  }
  return placed;
}

}  // namespace corium::calendar
