// SqlSafetyReadRepository: the app's SafetyReadRepository (adverse events and outcome assessments
// as read back) over a SqlConnection, in portable SQL for both engines. Single-threaded, like the
// connection it wraps.
#pragma once

#include "corium/app/safety_reads.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlSafetyReadRepository final : public app::SafetyReadRepository {
 public:
  explicit SqlSafetyReadRepository(SqlConnection& db) : db_(db) {}

  Result<bool> HasClient(app::Id clinic_id, app::Id client_id) override;
  Result<std::optional<app::Id>> PlanClient(app::Id clinic_id, app::Id plan_id) override;
  Result<app::AdverseEventView> AdverseEvent(app::Id clinic_id, app::Id event_id) override;
  Result<app::Listing<app::AdverseEventView>> AdverseEvents(app::Id clinic_id,
                                                            std::optional<app::Id> client_id,
                                                            app::EventState state,
                                                            app::PageRequest page) override;
  Result<app::OutcomeAssessmentView> Assessment(app::Id clinic_id, app::Id assessment_id) override;
  Result<app::Listing<app::OutcomeAssessmentView>> PlanAssessments(app::Id clinic_id,
                                                                   app::Id plan_id,
                                                                   app::PageRequest page) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
