// SqlCourseRecordRepository: the app's CourseRecordRepository (plans, sessions with their zone
// depths, the latest intake and screening) over a SqlConnection, in portable SQL for both engines.
// Single-threaded, like the connection it wraps.
#pragma once

#include "corium/app/course_reads.h"
#include "corium/store/records/sql_chart_reads.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlCourseRecordRepository final : public app::CourseRecordRepository {
 public:
  explicit SqlCourseRecordRepository(SqlConnection& db) : db_(db), chart_(db) {}

  Result<bool> HasClient(app::Id clinic_id, app::Id client_id) override;
  Result<app::PlanView> Plan(app::Id clinic_id, app::Id plan_id) override;
  Result<std::vector<app::PlanView>> ActivePlans(app::Id clinic_id, app::Id client_id) override;
  Result<std::vector<app::CourseSessionRecord>> ClientSessions(app::Id clinic_id,
                                                               app::Id client_id) override;
  Result<std::optional<std::string>> LatestIntake(app::Id clinic_id, app::Id client_id) override;
  Result<std::optional<Date>> LatestScreeningEarliest(app::Id clinic_id,
                                                      app::Id client_id) override;
  Result<std::optional<std::string>> PlanOutcome(app::Id clinic_id, app::Id plan_id) override;
  Result<std::int64_t> SetPlanStatus(app::Id clinic_id, app::Id plan_id, std::int64_t version,
                                     const std::string& status,
                                     const std::optional<std::string>& outcome) override;

 private:
  SqlConnection& db_;
  SqlChartReadRepository chart_;  // plans are read exactly as the chart reads them
};

}  // namespace corium::store
