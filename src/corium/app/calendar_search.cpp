// The calendar's searches: turning the clinic's resources, hours and bookings into the pure slot
// search's input (calendar/slot_search.h), and placing one appointment at a chosen time.
#include <algorithm>
#include <utility>

#include "corium/app/calendar.h"
#include "corium/calendar/slot_search.h"

namespace corium::app {
namespace {

constexpr int kMaxSlots = 50;
constexpr int kMaxHorizonDays = 800;
constexpr size_t kMaxSessions = 24;

void AddBusy(std::map<Id, std::vector<calendar::Interval>>& busy, std::optional<Id> id,
             const calendar::Interval& time) {
  if (id) busy[*id].push_back(time);
}

ProposedSlot Proposal(const calendar::Slot& slot, bool room_pool, bool device_pool) {
  ProposedSlot proposal;
  proposal.time = slot.time;
  size_t pool = 0;
  proposal.placement.practitioner_id = slot.resources[pool++];
  if (room_pool) proposal.placement.room_id = slot.resources[pool++];
  if (device_pool) proposal.placement.device_id = slot.resources[pool];
  return proposal;
}

}  // namespace

struct Calendar::Search {
  std::unique_ptr<calendar::ClinicZone> zone;
  calendar::SlotRequest request;
  bool room_pool = false;
  bool device_pool = false;
};

Result<AppointmentType> Calendar::TypeOf(const Actor& actor, Id type_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto type,
                          repository_.FindAppointmentType(actor.clinic_id, type_id));
  if (!type) return Status::NotFound("type_id: appointment type not found");
  if (!type->active) return Status::Conflict("type_id: appointment type is no longer offered");
  return *type;
}

Result<Calendar::Search> Calendar::PrepareSearch(const Actor& actor, const AppointmentType& type,
                                                 std::optional<Id> practitioner_id,
                                                 const Placement* fixed, calendar::Interval window,
                                                 std::optional<Id> except) {
  Search search;
  CORIUM_ASSIGN_OR_RETURN(const std::string zone_name, repository_.ClinicTimeZone(actor.clinic_id));
  CORIUM_ASSIGN_OR_RETURN(search.zone, zones_(zone_name));
  CORIUM_ASSIGN_OR_RETURN(const auto hours, repository_.WorkingHours(actor.clinic_id));
  CORIUM_ASSIGN_OR_RETURN(const auto booked,
                          repository_.BookedBetween(actor.clinic_id, window, except));
  std::map<Id, std::vector<calendar::Interval>> by_practitioner;
  std::map<Id, std::vector<calendar::Interval>> by_room;
  std::map<Id, std::vector<calendar::Interval>> by_device;
  for (const Appointment& a : booked) {
    AddBusy(by_practitioner, a.placement.practitioner_id, a.time);
    AddBusy(by_room, a.placement.room_id, a.time);
    AddBusy(by_device, a.placement.device_id, a.time);
  }
  // A day either side, so that hours near midnight are complete in any zone.
  const Date first = search.zone->DateOf(window.start).AddDays(-1);
  const Date last = search.zone->DateOf(window.end).AddDays(1);

  calendar::ResourcePool practitioners;
  for (const auto& [staff_id, spans] : hours) {
    if (practitioner_id && staff_id != *practitioner_id) continue;
    practitioners.candidates.push_back(
        {staff_id, calendar::Opening::kWithinHours,
         calendar::ExpandWorkingHours(spans, first, last, *search.zone),
         calendar::Normalized(by_practitioner[staff_id])});
  }
  search.request.pools.push_back(std::move(practitioners));

  if (type.spec.needs_room) {
    CORIUM_ASSIGN_OR_RETURN(const auto rooms, repository_.ListRooms(actor.clinic_id));
    calendar::ResourcePool pool;
    for (const Room& room : rooms) {
      if (!room.active || (fixed && fixed->room_id && *fixed->room_id != room.id)) continue;
      pool.candidates.push_back(
          {room.id, calendar::Opening::kAlways, {}, calendar::Normalized(by_room[room.id])});
    }
    if (fixed && fixed->room_id && pool.candidates.empty()) {
      return Status::NotFound("room_id: room not found or out of use");
    }
    search.request.pools.push_back(std::move(pool));
    search.room_pool = true;
  }
  if (type.spec.device_kind) {
    CORIUM_ASSIGN_OR_RETURN(const auto devices,
                            repository_.ActiveDevices(actor.clinic_id, *type.spec.device_kind));
    calendar::ResourcePool pool;
    for (const Id device : devices) {
      if (fixed && fixed->device_id && *fixed->device_id != device) continue;
      pool.candidates.push_back(
          {device, calendar::Opening::kAlways, {}, calendar::Normalized(by_device[device])});
    }
    if (fixed && fixed->device_id && pool.candidates.empty()) {
      return Status::NotFound("device_id: no active device of the type's kind with this id");
    }
    search.request.pools.push_back(std::move(pool));
    search.device_pool = true;
  }
  search.request.duration = std::int64_t{type.spec.duration_minutes} * calendar::kMinute;
  search.request.horizon_end = window.end;
  return search;
}

Result<std::vector<ProposedSlot>> Calendar::FindSlots(const Actor& actor, const SlotQuery& query) {
  std::vector<FieldError> errors;
  if (query.count < 1 || query.count > kMaxSlots) errors.push_back({"count", "must be 1 to 50"});
  if (query.horizon_days < 1 || query.horizon_days > kMaxHorizonDays) {
    errors.push_back({"horizon_days", "must be 1 to 800"});
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  const Instant from = std::max(query.from, clock_.NowSeconds());
  std::vector<ProposedSlot> proposals;
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const AppointmentType type, TypeOf(actor, query.type_id));
    const calendar::Interval window{from, from + query.horizon_days * calendar::kDay};
    CORIUM_ASSIGN_OR_RETURN(const Search search, PrepareSearch(actor, type, query.practitioner_id,
                                                               nullptr, window, std::nullopt));
    for (const calendar::Slot& slot : calendar::FindSlots(search.request, from, query.count)) {
      proposals.push_back(Proposal(slot, search.room_pool, search.device_pool));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return proposals;
}

Result<std::vector<ProposedSlot>> Calendar::FindCourseSlots(const Actor& actor,
                                                            const CourseSlotQuery& query) {
  CourseSlotQuery resolved = query;
  if (resolved.plan_id) {
    if (!resolved.earliest.empty()) {
      return Status::InvalidFields({{"earliest", "not with plan_id: the course gives them"}});
    }
    CORIUM_RETURN_IF_ERROR(work_.Lookup([&]() -> Status {
      CORIUM_ASSIGN_OR_RETURN(resolved.earliest, UnbookedEarliest(actor, *resolved.plan_id,
                                                                  resolved.min_interval_days));
      return Status::Ok();
    }));
    if (resolved.earliest.empty()) {
      return Status::NotFound("every session of the plan is already done or booked");
    }
  }
  std::vector<FieldError> errors;
  if (resolved.earliest.empty() || resolved.earliest.size() > kMaxSessions) {
    errors.push_back({"earliest", "one to 24 sessions"});
  }
  if (resolved.min_interval_days < 0 || resolved.min_interval_days > 365) {
    errors.push_back({"min_interval_days", "must be 0 to 365"});
  }
  if (resolved.horizon_days < 1 || resolved.horizon_days > kMaxHorizonDays) {
    errors.push_back({"horizon_days", "must be 1 to 800"});
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  const Instant now = clock_.NowSeconds();
  std::vector<ProposedSlot> proposals;
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const AppointmentType type, TypeOf(actor, resolved.type_id));
    const calendar::Interval window{now, now + resolved.horizon_days * calendar::kDay};
    CORIUM_ASSIGN_OR_RETURN(
        const Search search,
        PrepareSearch(actor, type, resolved.practitioner_id, nullptr, window, std::nullopt));
    const calendar::CourseRequest course{resolved.earliest, resolved.min_interval_days, now};
    const auto placed = calendar::FindCourseSlots(search.request, course, *search.zone);
    if (!placed) return Status::NotFound("no placement of the whole course within the horizon");
    for (const calendar::Slot& slot : *placed) {
      proposals.push_back(Proposal(slot, search.room_pool, search.device_pool));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return proposals;
}

Result<calendar::Interval> Calendar::LocalDays(const Actor& actor, Date first, int days) {
  if (days < 1 || days > 62) return Status::InvalidFields({{"days", "must be 1 to 62"}});
  calendar::Interval span;
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const std::string zone_name,
                            repository_.ClinicTimeZone(actor.clinic_id));
    CORIUM_ASSIGN_OR_RETURN(const auto zone, zones_(zone_name));
    span = {zone->ToInstant(first, 0), zone->ToInstant(first.AddDays(days), 0)};
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return span;
}

Result<Appointment> Calendar::Place(const Actor& actor, const AppointmentType& type,
                                    const Placement& wanted, Instant starts_at,
                                    std::optional<Id> except) {
  const std::int64_t duration = std::int64_t{type.spec.duration_minutes} * calendar::kMinute;
  const calendar::Interval window{starts_at, starts_at + duration};
  CORIUM_ASSIGN_OR_RETURN(const Search search, PrepareSearch(actor, type, wanted.practitioner_id,
                                                             &wanted, window, except));
  const auto found = calendar::FindSlots(search.request, starts_at, 1);
  if (found.empty() || found.front().time.start != starts_at) {
    return Status::Conflict(
        "starts_at: outside the practitioner's working hours, or a needed resource is taken");
  }
  Appointment placed;
  placed.type_id = type.id;
  placed.time = window;
  placed.placement = Proposal(found.front(), search.room_pool, search.device_pool).placement;
  return placed;
}

}  // namespace corium::app
