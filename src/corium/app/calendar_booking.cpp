// Booking, moving and cancelling appointments, and reading them back. Each change is one
// transaction holding the appointment, its occupancy rows (the database's guard against double
// booking), the messages it enqueues and its audit entry.
#include <set>
#include <utility>

#include "corium/app/calendar.h"
#include "corium/calendar/slot_search.h"

namespace corium::app {
namespace {

constexpr std::int64_t kLongestListing = 62 * calendar::kDay;
constexpr std::int64_t kLongestExport = 800 * calendar::kDay;

// The occupancy table's primary key turns a lost race into kAlreadyExists; to the caller it is a
// conflict with the current state of the calendar.
Status Occupied(const Status& status) {
  if (status.code() == StatusCode::kAlreadyExists) {
    return Status::Conflict("starts_at: the slot was taken by another booking");
  }
  return status;
}

Status CheckStart(Instant starts_at, Instant now) {
  if (starts_at % calendar::kSlotSeconds != 0) {
    return Status::InvalidFields({{"starts_at", "must be on a quarter hour"}});
  }
  if (starts_at < now) return Status::InvalidFields({{"starts_at", "is in the past"}});
  return Status::Ok();
}

}  // namespace

Result<Id> Calendar::Book(const Actor& actor, const BookingRequest& request) {
  CORIUM_RETURN_IF_ERROR(CheckStart(request.starts_at, clock_.NowSeconds()));
  Id id = 0;
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const bool client,
                            repository_.HasRow(actor.clinic_id, "clients", request.client_id));
    if (!client) return Status::NotFound("client_id: client not found");
    if (request.plan_id) {
      CORIUM_ASSIGN_OR_RETURN(const bool plan,
                              repository_.HasRow(actor.clinic_id, "plans", *request.plan_id));
      if (!plan) return Status::NotFound("plan_id: plan not found");
    }
    CORIUM_ASSIGN_OR_RETURN(const bool staff,
                            repository_.HasRow(actor.clinic_id, "staff", request.practitioner_id));
    if (!staff) return Status::NotFound("practitioner_id: staff member not found");
    CORIUM_ASSIGN_OR_RETURN(const AppointmentType type, TypeOf(actor, request.type_id));
    Appointment asked;
    asked.client_id = request.client_id;
    asked.plan_id = request.plan_id;
    asked.time = {request.starts_at, request.starts_at};
    CORIUM_RETURN_IF_ERROR(CheckCourse(actor, type, asked));
    const Placement wanted{request.practitioner_id, request.room_id, request.device_id};
    CORIUM_ASSIGN_OR_RETURN(Appointment appointment,
                            Place(actor, type, wanted, request.starts_at, std::nullopt));
    appointment.client_id = request.client_id;
    appointment.plan_id = request.plan_id;
    CORIUM_ASSIGN_OR_RETURN(id, repository_.InsertAppointment(actor.clinic_id, appointment,
                                                              actor.staff_id, clock_.NowSeconds()));
    appointment.id = id;
    CORIUM_RETURN_IF_ERROR(Occupied(repository_.Occupy(actor.clinic_id, appointment)));
    if (listener_ != nullptr) CORIUM_RETURN_IF_ERROR(listener_->Booked(actor, appointment, type));
    return Audit(actor, "create", id, appointment.client_id, "", "appointment");
  });
  if (!done.ok()) return done;
  return id;
}

Status Calendar::Move(const Actor& actor, Id appointment_id, std::int64_t version,
                      const MoveRequest& request) {
  CORIUM_RETURN_IF_ERROR(CheckStart(request.starts_at, clock_.NowSeconds()));
  return work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(auto found,
                            repository_.FindAppointment(actor.clinic_id, appointment_id));
    if (!found) return Status::NotFound("appointment not found");
    if (found->version != version) {
      return Status::Conflict("appointment changed since it was read (stale version)");
    }
    if (found->status != AppointmentStatus::kBooked) {
      return Status::Conflict("a cancelled appointment cannot be moved; book a new one");
    }
    const Placement wanted{request.practitioner_id.value_or(found->placement.practitioner_id),
                           request.room_id, request.device_id};
    if (request.practitioner_id) {
      CORIUM_ASSIGN_OR_RETURN(
          const bool staff, repository_.HasRow(actor.clinic_id, "staff", *request.practitioner_id));
      if (!staff) return Status::NotFound("practitioner_id: staff member not found");
    }
    CORIUM_ASSIGN_OR_RETURN(const AppointmentType type, TypeOf(actor, found->type_id));
    Appointment asked = *found;
    asked.time = {request.starts_at, request.starts_at};
    CORIUM_RETURN_IF_ERROR(CheckCourse(actor, type, asked));
    CORIUM_ASSIGN_OR_RETURN(const Appointment placed,
                            Place(actor, type, wanted, request.starts_at, appointment_id));
    Appointment moved = *found;
    moved.time = placed.time;
    moved.placement = placed.placement;
    CORIUM_ASSIGN_OR_RETURN(
        const auto changed,
        repository_.UpdateAppointment(actor.clinic_id, moved, version, clock_.NowSeconds()));
    if (changed != 1) {
      return Status::Conflict("appointment changed since it was read (stale version)");
    }
    moved.version = version + 1;
    CORIUM_RETURN_IF_ERROR(repository_.Vacate(appointment_id));
    CORIUM_RETURN_IF_ERROR(Occupied(repository_.Occupy(actor.clinic_id, moved)));
    if (listener_ != nullptr) {
      CORIUM_RETURN_IF_ERROR(listener_->Cancelled(actor, *found));
      CORIUM_RETURN_IF_ERROR(listener_->Booked(actor, moved, type));
    }
    return Audit(actor, "update", appointment_id, moved.client_id,
                 "moved from " + std::to_string(found->time.start), "appointment");
  });
}

Status Calendar::Cancel(const Actor& actor, Id appointment_id, std::int64_t version) {
  return work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(auto found,
                            repository_.FindAppointment(actor.clinic_id, appointment_id));
    if (!found) return Status::NotFound("appointment not found");
    if (found->version != version) {
      return Status::Conflict("appointment changed since it was read (stale version)");
    }
    if (found->status != AppointmentStatus::kBooked) {
      return Status::Conflict("appointment is already cancelled");
    }
    Appointment cancelled = *found;
    cancelled.status = AppointmentStatus::kCancelled;
    CORIUM_ASSIGN_OR_RETURN(
        const auto changed,
        repository_.UpdateAppointment(actor.clinic_id, cancelled, version, clock_.NowSeconds()));
    if (changed != 1) {
      return Status::Conflict("appointment changed since it was read (stale version)");
    }
    CORIUM_RETURN_IF_ERROR(repository_.Vacate(appointment_id));
    if (listener_ != nullptr) CORIUM_RETURN_IF_ERROR(listener_->Cancelled(actor, *found));
    return Audit(actor, "update", appointment_id, found->client_id, "cancelled", "appointment");
  });
}

Result<Appointment> Calendar::Find(const Actor& actor, Id appointment_id) {
  Appointment appointment;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(auto found,
                            repository_.FindAppointment(actor.clinic_id, appointment_id));
    if (!found) return Status::NotFound("appointment not found");
    appointment = *std::move(found);
    return Audit(actor, "read", appointment_id, appointment.client_id, "", "appointment");
  });
  if (!done.ok()) return done;
  return appointment;
}

Result<std::vector<Appointment>> Calendar::List(const Actor& actor,
                                                const AppointmentFilter& filter) {
  return ListWithin(actor, filter, kLongestListing);
}

Result<std::vector<Appointment>> Calendar::Export(const Actor& actor,
                                                  const AppointmentFilter& filter) {
  if (filter.client_id.has_value() == filter.practitioner_id.has_value()) {
    return Status::InvalidArgument("an export is of one client or of one practitioner");
  }
  return ListWithin(actor, filter, kLongestExport);
}

Result<std::vector<Appointment>> Calendar::ListWithin(const Actor& actor,
                                                      const AppointmentFilter& filter,
                                                      std::int64_t longest) {
  if (filter.to <= filter.from || filter.to - filter.from > longest) {
    return Status::InvalidFields(
        {{"to", "must be after from, at most " + std::to_string(longest / calendar::kDay) +
                    " days later"}});
  }
  std::vector<Appointment> appointments;
  const Status done = work_.Read([&]() -> Status {
    if (filter.client_id) {
      CORIUM_ASSIGN_OR_RETURN(const bool known,
                              repository_.HasRow(actor.clinic_id, "clients", *filter.client_id));
      if (!known) return Status::NotFound("client not found");
    }
    if (filter.practitioner_id) {
      CORIUM_ASSIGN_OR_RETURN(
          const bool known, repository_.HasRow(actor.clinic_id, "staff", *filter.practitioner_id));
      if (!known) return Status::NotFound("staff member not found");
    }
    CORIUM_ASSIGN_OR_RETURN(appointments, repository_.ListAppointments(actor.clinic_id, filter));
    // The diary names clients, so each client listed is audited as read, once.
    std::set<Id> audited;
    for (const Appointment& a : appointments) {
      if (!audited.insert(a.client_id).second) continue;
      CORIUM_RETURN_IF_ERROR(
          Audit(actor, "read", std::nullopt, a.client_id, "diary", "appointment"));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return appointments;
}

}  // namespace corium::app
