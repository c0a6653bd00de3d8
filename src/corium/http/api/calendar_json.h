// JSON for the calendar: rooms, working hours ("HH:MM" local times), appointment types, slots and
// appointments. Bodies arrive already valid against the OpenAPI schema; what a schema cannot say
// (a real clock time, a real date) is checked here with the field's path.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "corium/app/calendar.h"
#include "corium/base/result.h"

namespace corium::http {

nlohmann::json RoomToJson(const app::Room& room);
Result<std::vector<calendar::WeeklyHours>> WorkingHoursFromJson(const nlohmann::json& body);
nlohmann::json WorkingHoursToJson(app::Id staff_id,
                                  const std::vector<calendar::WeeklyHours>& hours);
Result<app::AppointmentTypeSpec> AppointmentTypeFromJson(const nlohmann::json& body);
nlohmann::json AppointmentTypeToJson(const app::AppointmentType& type);
nlohmann::json SlotToJson(const app::ProposedSlot& slot);
Result<app::CourseSlotQuery> CourseSlotQueryFromJson(const nlohmann::json& body);
Result<app::BookingRequest> BookingFromJson(const nlohmann::json& body);
Result<app::MoveRequest> MoveFromJson(const nlohmann::json& body);
nlohmann::json AppointmentToJson(const app::Appointment& appointment);

}  // namespace corium::http
