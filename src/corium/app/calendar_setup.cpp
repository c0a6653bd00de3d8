// The calendar's set-up: rooms, working hours and appointment types.
#include <algorithm>
#include <array>
#include <utility>

#include "corium/app/calendar.h"
#include "corium/app/permissions.h"
#include "corium/calendar/slot_search.h"

namespace corium::app {
namespace {

constexpr std::array<std::pair<AppointmentPurpose, std::string_view>, 3> kPurposes{{
    {AppointmentPurpose::kConsultation, "consultation"},
    {AppointmentPurpose::kSession, "session"},
    {AppointmentPurpose::kReview, "review"},
}};

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kSlotMinutes = static_cast<int>(calendar::kSlotSeconds / calendar::kMinute);
// Longer than any clinic appointment; a typo such as 600 for 60 minutes is refused.
constexpr int kLongestAppointmentMinutes = 8 * 60;

}  // namespace

std::string_view AppointmentPurposeName(AppointmentPurpose purpose) {
  for (const auto& [value, name] : kPurposes) {
    if (value == purpose) return name;
  }
  return "session";
}

std::optional<AppointmentPurpose> ParseAppointmentPurpose(std::string_view text) {
  for (const auto& [value, name] : kPurposes) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view AppointmentStatusName(AppointmentStatus status) {
  return status == AppointmentStatus::kBooked ? "booked" : "cancelled";
}

Status Calendar::Audit(const Actor& actor, std::string action, std::optional<Id> record_id,
                       std::optional<Id> client_id, std::string detail, std::string record_type) {
  return audit_.Append(EntryFor(actor, clock_.NowSeconds(), std::move(action),
                                std::move(record_type), record_id, client_id, std::move(detail)));
}

Result<Id> Calendar::AddRoom(const Actor& actor, const std::string& name) {
  if (IsBlank(name)) return Status::InvalidFields({{"name", "required"}});
  Id id = 0;
  const Status done = work_.Write([&]() -> Status {
    auto inserted = repository_.InsertRoom(actor.clinic_id, name, clock_.NowSeconds());
    if (!inserted.ok()) {
      if (inserted.status().code() == StatusCode::kAlreadyExists) {
        return Status::AlreadyExists("name: a room with this name already exists");
      }
      return inserted.status();
    }
    id = *inserted;
    return Audit(actor, "create", id, std::nullopt, "", "room");
  });
  if (!done.ok()) return done;
  return id;
}

Result<std::vector<Room>> Calendar::Rooms(const Actor& actor) {
  std::vector<Room> rooms;
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(rooms, repository_.ListRooms(actor.clinic_id));
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return rooms;
}

Status Calendar::SetWorkingHours(const Actor& actor, Id staff_id,
                                 const std::vector<calendar::WeeklyHours>& hours) {
  std::vector<FieldError> errors;
  for (size_t i = 0; i < hours.size(); ++i) {
    const std::string at = "hours[" + std::to_string(i) + "]";
    const calendar::WeeklyHours& span = hours[i];
    if (span.weekday < 1 || span.weekday > 7) {
      errors.push_back({at + ".weekday", "must be 1 (Monday) to 7 (Sunday)"});
    }
    if (span.start_minute < 0 || span.start_minute % kSlotMinutes != 0) {
      errors.push_back({at + ".start", "must be a quarter hour"});
    }
    if (span.end_minute > kMinutesPerDay || span.end_minute % kSlotMinutes != 0) {
      errors.push_back({at + ".end", "must be a quarter hour, 24:00 at the latest"});
    } else if (span.end_minute <= span.start_minute) {
      errors.push_back({at + ".end", "must be after start"});
    }
    for (size_t j = 0; j < i; ++j) {
      const calendar::WeeklyHours& other = hours[j];
      if (other.weekday == span.weekday && other.start_minute < span.end_minute &&
          span.start_minute < other.end_minute) {
        errors.push_back({at, "overlaps hours[" + std::to_string(j) + "]"});
      }
    }
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  return work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const bool known,
                            repository_.HasRow(actor.clinic_id, "staff", staff_id));
    if (!known) return Status::NotFound("staff member not found");
    CORIUM_RETURN_IF_ERROR(repository_.ReplaceWorkingHours(actor.clinic_id, staff_id, hours));
    return Audit(actor, "update", staff_id, std::nullopt, std::to_string(hours.size()) + " spans",
                 "working_hours");
  });
}

Result<std::vector<calendar::WeeklyHours>> Calendar::WorkingHoursOf(const Actor& actor,
                                                                    Id staff_id) {
  std::vector<calendar::WeeklyHours> hours;
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const bool known,
                            repository_.HasRow(actor.clinic_id, "staff", staff_id));
    if (!known) return Status::NotFound("staff member not found");
    CORIUM_ASSIGN_OR_RETURN(const auto all, repository_.WorkingHours(actor.clinic_id));
    if (const auto it = all.find(staff_id); it != all.end()) hours = it->second;
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return hours;
}

Result<Id> Calendar::AddAppointmentType(const Actor& actor, const AppointmentTypeSpec& spec) {
  std::vector<FieldError> errors;
  if (IsBlank(spec.name)) errors.push_back({"name", "required"});
  if (spec.duration_minutes <= 0 || spec.duration_minutes % kSlotMinutes != 0 ||
      spec.duration_minutes > kLongestAppointmentMinutes) {
    errors.push_back({"duration_minutes", "must be a multiple of 15 minutes, up to 8 hours"});
  }
  if (spec.device_kind && !kb_.vocabulary.Has("device_kinds", *spec.device_kind)) {
    errors.push_back({"device_kind", "not a device kind of the vocabulary"});
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  Id id = 0;
  const Status done = work_.Write([&]() -> Status {
    auto inserted = repository_.InsertAppointmentType(actor.clinic_id, spec, clock_.NowSeconds());
    if (!inserted.ok()) {
      if (inserted.status().code() == StatusCode::kAlreadyExists) {
        return Status::AlreadyExists("name: an appointment type with this name already exists");
      }
      return inserted.status();
    }
    id = *inserted;
    return Audit(actor, "create", id, std::nullopt, "", "appointment_type");
  });
  if (!done.ok()) return done;
  return id;
}

Result<std::vector<AppointmentType>> Calendar::AppointmentTypes(const Actor& actor) {
  std::vector<AppointmentType> types;
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(types, repository_.ListAppointmentTypes(actor.clinic_id));
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return types;
}

}  // namespace corium::app
