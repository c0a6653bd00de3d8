// SqlTodayRepository: the app's TodayRepository (the worklist's drafts, active plans and
// screenings awaiting clearance) over a SqlConnection, in portable SQL for both engines.
// Single-threaded, like the connection it wraps.
#pragma once

#include "corium/app/today.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlTodayRepository final : public app::TodayRepository {
 public:
  explicit SqlTodayRepository(SqlConnection& db) : db_(db) {}

  Result<std::vector<app::DraftSession>> DraftSessions(app::Id clinic_id) override;
  Result<std::vector<app::PlanProgress>> ActivePlans(app::Id clinic_id) override;
  Result<std::vector<app::ClearancePending>> AwaitingClearance(app::Id clinic_id) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
