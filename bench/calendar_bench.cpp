// Finding slots for a 6-session course (28 days apart, each session needing a practitioner, a
// room and a pen) in a clinic with 20 practitioners, 10 rooms, 5 pens and a year of bookings:
// 8 of 20 practitioners and 8 of 10 rooms busy every working hour, two appointments in five with a
// pen. The clinic is in a fixed UTC-7 zone (Denver in winter) so that only the calendar library is
// measured.
#include <benchmark/benchmark.h>

#include <map>
#include <vector>

#include "corium/calendar/fixed_offset_zone.h"
#include "corium/calendar/slot_search.h"
#include "corium/calendar/working_hours.h"

namespace corium::calendar {
namespace {

constexpr int kPractitioners = 20;
constexpr int kRooms = 10;
constexpr int kPens = 5;
const Date kFirstDay = Date::FromYmd(2027, 1, 4);  // a Monday
constexpr int kDays = 365;

struct Booking {
  int practitioner;
  int room;
  int pen;  // -1: no pen
  Interval time;
};

// A year of one-hour appointments, 09:00–17:00 on weekdays: at each hour 8 of the
// practitioners are busy, each in their own room; two in five of those use a pen while one is free.
std::vector<Booking> YearOfBookings(const ClinicZone& zone) {
  std::vector<Booking> bookings;
  for (int d = 0; d < kDays; ++d) {
    const Date day = kFirstDay.AddDays(d);
    if (IsoWeekday(day) > 5) continue;
    for (int hour = 9; hour < 17; ++hour) {
      int room = 0;
      int pen = 0;
      for (int p = 0; p < kPractitioners && room < kRooms; ++p) {
        if ((p * 7 + d * 3 + hour * 5) % 10 >= 4) continue;
        const Instant start = zone.ToInstant(day, hour * 60);
        const bool uses_pen = (p + d + hour) % 5 < 2 && pen < kPens;
        bookings.push_back({p, room++, uses_pen ? pen++ : -1, {start, start + kHour}});
      }
    }
  }
  return bookings;
}

// What the app layer does before each search: expand hours and gather each resource's bookings.
SlotRequest BuildRequest(const std::vector<Booking>& bookings, const ClinicZone& zone) {
  std::vector<WeeklyHours> hours;
  for (int weekday = 1; weekday <= 5; ++weekday) hours.push_back({weekday, 9 * 60, 17 * 60});
  const std::vector<Interval> open =
      ExpandWorkingHours(hours, kFirstDay.AddDays(-1), kFirstDay.AddDays(kDays + 1), zone);
  std::map<int, std::vector<Interval>> by_practitioner;
  std::map<int, std::vector<Interval>> by_room;
  std::map<int, std::vector<Interval>> by_pen;
  for (const Booking& b : bookings) {
    by_practitioner[b.practitioner].push_back(b.time);
    by_room[b.room].push_back(b.time);
    if (b.pen >= 0) by_pen[b.pen].push_back(b.time);
  }
  SlotRequest request;
  request.duration = kHour;
  request.horizon_end = zone.ToInstant(kFirstDay.AddDays(kDays), 0);
  request.pools.resize(3);
  for (int p = 0; p < kPractitioners; ++p) {
    request.pools[0].candidates.push_back(
        {p, Opening::kWithinHours, open, Normalized(by_practitioner[p])});
  }
  for (int r = 0; r < kRooms; ++r) {
    request.pools[1].candidates.push_back({r, Opening::kAlways, {}, Normalized(by_room[r])});
  }
  for (int n = 0; n < kPens; ++n) {
    request.pools[2].candidates.push_back({n, Opening::kAlways, {}, Normalized(by_pen[n])});
  }
  return request;
}

CourseRequest SixSessions(const ClinicZone& zone) {
  CourseRequest course;
  course.earliest.assign(6, kFirstDay.AddDays(10));
  course.min_interval_days = 28;
  course.not_before = zone.ToInstant(kFirstDay, 0);
  return course;
}

// The slot search alone, over calendars already built.
void BM_CourseSlotsSearch(benchmark::State& state) {
  const FixedOffsetZone zone(-7 * 60);
  const auto bookings = YearOfBookings(zone);
  const SlotRequest request = BuildRequest(bookings, zone);
  const CourseRequest course = SixSessions(zone);
  for (auto _ : state) {
    auto placed = FindCourseSlots(request, course, zone);
    if (!placed || placed->size() != 6) state.SkipWithError("course not placed");
    benchmark::DoNotOptimize(placed);
  }
  state.counters["bookings"] = static_cast<double>(bookings.size());
}
BENCHMARK(BM_CourseSlotsSearch)->Unit(benchmark::kMicrosecond);

// Building the calendars from a year of bookings (hours expanded, busy lists sorted) and then
// searching: the whole of what one course search costs above the database.
void BM_CourseSlotsBuildAndSearch(benchmark::State& state) {
  const FixedOffsetZone zone(-7 * 60);
  const auto bookings = YearOfBookings(zone);
  const CourseRequest course = SixSessions(zone);
  for (auto _ : state) {
    const SlotRequest request = BuildRequest(bookings, zone);
    auto placed = FindCourseSlots(request, course, zone);
    if (!placed || placed->size() != 6) state.SkipWithError("course not placed");
    benchmark::DoNotOptimize(placed);
  }
}
BENCHMARK(BM_CourseSlotsBuildAndSearch)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corium::calendar

BENCHMARK_MAIN();
