// Slot search: the earliest times at which one resource of every pool an appointment needs (a
// practitioner, a room, a device) is free for the whole appointment, and the earliest placement
// of a course of sessions that keeps each session at or after its own earliest date and at least
// an interval after the one before. Pure: the busy intervals and opening hours come in, already
// read from storage and expanded in the clinic's zone; nothing here reads a clock or a database.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "corium/calendar/clinic_zone.h"
#include "corium/calendar/interval.h"
#include "corium/domain/date.h"

namespace corium::calendar {

// Appointments start and end on this grid (the database's occupancy slots have the same size).
inline constexpr std::int64_t kSlotSeconds = 15 * kMinute;

enum class Opening { kAlways, kWithinHours };

// One bookable resource: when it may be booked and when it is already taken.
struct ResourceCalendar {
  std::int64_t id = 0;  // the caller's id (staff, room or device)
  Opening opening = Opening::kAlways;
  std::vector<Interval> open;  // normalized; used when opening is kWithinHours
  std::vector<Interval> busy;  // normalized
};

// Any one of the candidates will do (any room; any pen; the chosen practitioner alone).
struct ResourcePool {
  std::vector<ResourceCalendar> candidates;
};

struct SlotRequest {
  std::int64_t duration = 0;        // seconds, a multiple of kSlotSeconds
  Instant horizon_end = 0;          // no slot ends after this
  std::vector<ResourcePool> pools;  // every pool must supply one free resource
};

struct Slot {
  Interval time;
  std::vector<std::int64_t> resources;  // the chosen candidate's id, one per pool, in pool order
};

// Up to `count` slots, in time order, starting at or after `earliest` on the kSlotSeconds grid.
std::vector<Slot> FindSlots(const SlotRequest& request, Instant earliest, int count);

// A course: session i may not start before local midnight of earliest[i], nor before `not_before`,
// nor before local midnight of the previous session's local date plus `min_interval_days`.
struct CourseRequest {
  std::vector<Date> earliest;  // one per session
  int min_interval_days = 0;
  Instant not_before = 0;
};

// The earliest placement of every session (greedy, session by session, which is earliest for each
// in turn); nullopt when some session finds no slot before the horizon.
std::optional<std::vector<Slot>> FindCourseSlots(const SlotRequest& request,
                                                 const CourseRequest& course,
                                                 const ClinicZone& zone);

}  // namespace corium::calendar
