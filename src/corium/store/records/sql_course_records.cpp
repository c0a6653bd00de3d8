#include "corium/store/records/sql_course_records.h"

#include <map>
#include <utility>

#include "corium/store/records/sql_inventory.h"

namespace corium::store {

using app::Id;

Result<bool> SqlCourseRecordRepository::HasClient(Id clinic_id, Id client_id) {
  return ClinicHasRow(db_, "clients", clinic_id, client_id);
}

Result<app::PlanView> SqlCourseRecordRepository::Plan(Id clinic_id, Id plan_id) {
  return chart_.Plan(clinic_id, plan_id);
}

Result<std::vector<app::PlanView>> SqlCourseRecordRepository::ActivePlans(Id clinic_id,
                                                                          Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db_.Query("SELECT id FROM plans WHERE clinic_id = $1 AND client_id = $2"
                                    " AND status = 'active' ORDER BY created_at, id",
                                    {clinic_id, client_id}));
  std::vector<app::PlanView> plans;
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::PlanView plan, chart_.Plan(clinic_id, row.Int(0)));
    plans.push_back(std::move(plan));
  }
  return plans;
}

Result<std::vector<app::CourseSessionRecord>> SqlCourseRecordRepository::ClientSessions(
    Id clinic_id, Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT s.id, s.plan_id, s.performed_on, z.zone, z.depth_um FROM sessions s"
                " LEFT JOIN session_zones z ON z.session_id = s.id"
                " WHERE s.clinic_id = $1 AND s.client_id = $2"
                " ORDER BY s.performed_on, s.id, z.position",
                {clinic_id, client_id}));
  std::vector<app::CourseSessionRecord> sessions;
  for (const SqlRow& row : rows) {
    if (sessions.empty() || sessions.back().id != row.Int(0)) {
      const auto date = Date::Parse(row.Text(2));
      if (!date) return Status::Internal("stored session date is not a date");
      sessions.push_back({row.Int(0), row.Int(1), *date, {}});
    }
    if (!row.IsNull(3)) {
      sessions.back().zones.push_back(
          {Code(row.Text(3)), Depth::FromMicrometres(static_cast<std::int32_t>(row.Int(4)))});
    }
  }
  return sessions;
}

Result<std::optional<std::string>> SqlCourseRecordRepository::LatestIntake(Id clinic_id,
                                                                           Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT intake_json FROM intakes WHERE clinic_id = $1 AND client_id = $2"
                " ORDER BY revision DESC LIMIT 1",
                {clinic_id, client_id}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.front().Text(0));
}

Result<std::optional<Date>> SqlCourseRecordRepository::LatestScreeningEarliest(Id clinic_id,
                                                                               Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT earliest_date FROM screenings WHERE clinic_id = $1 AND client_id = $2"
                " ORDER BY as_of DESC, id DESC LIMIT 1",
                {clinic_id, client_id}));
  if (rows.empty() || rows.front().IsNull(0)) return std::optional<Date>();
  return Date::Parse(rows.front().Text(0));
}

Result<std::optional<std::string>> SqlCourseRecordRepository::PlanOutcome(Id clinic_id,
                                                                          Id plan_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db_.Query("SELECT outcome FROM plans WHERE id = $1 AND clinic_id = $2",
                                    {plan_id, clinic_id}));
  if (rows.empty() || rows.front().IsNull(0)) return std::optional<std::string>();
  return std::optional<std::string>(rows.front().Text(0));
}

Result<std::int64_t> SqlCourseRecordRepository::SetPlanStatus(
    Id clinic_id, Id plan_id, std::int64_t version, const std::string& status,
    const std::optional<std::string>& outcome) {
  SqlValue outcome_value;  // NULL
  if (outcome) outcome_value = *outcome;
  return db_.Execute(
      "UPDATE plans SET status = $1, outcome = $2, version = version + 1"
      " WHERE id = $3 AND clinic_id = $4 AND version = $5",
      {status, outcome_value, plan_id, clinic_id, version});
}

}  // namespace corium::store
