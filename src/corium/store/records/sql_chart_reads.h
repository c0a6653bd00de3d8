// SqlChartReadRepository: the app's ChartReadRepository (plans, consents, sessions, amendments
// as read back) over a SqlConnection, in portable SQL for both engines. Single-threaded, like the
// connection it wraps.
#pragma once

#include "corium/app/chart_reads.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlChartReadRepository final : public app::ChartReadRepository {
 public:
  explicit SqlChartReadRepository(SqlConnection& db) : db_(db) {}

  Result<bool> HasClient(app::Id clinic_id, app::Id client_id) override;
  Result<app::PlanView> Plan(app::Id clinic_id, app::Id plan_id) override;
  Result<app::Listing<app::PlanView>> ClientPlans(app::Id clinic_id, app::Id client_id,
                                                  app::PageRequest page) override;
  Result<std::string> ScreeningDecision(app::Id clinic_id, app::Id screening_id) override;
  Result<app::ConsentView> Consent(app::Id clinic_id, app::Id consent_id) override;
  Result<app::SessionView> Session(app::Id clinic_id, app::Id session_id) override;
  Result<app::Listing<app::SessionSummary>> ClientSessions(app::Id clinic_id, app::Id client_id,
                                                           app::PageRequest page) override;
  Result<app::Id> ClientOfRecord(app::Id clinic_id, const std::string& record_type,
                                 app::Id record_id) override;
  Result<app::AmendmentView> Amendment(app::Id clinic_id, app::Id amendment_id) override;
  Result<app::Listing<app::AmendmentView>> Amendments(app::Id clinic_id,
                                                      const std::string& record_type,
                                                      app::Id record_id,
                                                      app::PageRequest page) override;

 private:
  Status AddSessionDetails(app::SessionView& session);
  SqlConnection& db_;
};

}  // namespace corium::store
