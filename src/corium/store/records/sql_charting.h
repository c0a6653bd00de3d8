// SqlChartRepository: the charting use cases' storage (app::ChartRepository) over a SqlConnection,
// in portable SQL for SQLite and PostgreSQL alike. Single-threaded, like the connection it wraps.
#pragma once

#include "corium/app/charting.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlChartRepository final : public app::ChartRepository {
 public:
  explicit SqlChartRepository(SqlConnection& db) : db_(db) {}

  Result<app::ScreeningRecord> FindScreening(app::Id clinic_id, app::Id screening_id) override;
  Result<bool> HasScreeningOverride(app::Id clinic_id, app::Id screening_id) override;

  Result<app::PlanRecord> FindPlan(app::Id clinic_id, app::Id plan_id) override;
  Result<app::Id> InsertPlan(const app::NewPlan& plan) override;
  Result<app::SessionContext> FindSessionContext(app::Id clinic_id, app::Id plan_id,
                                                 Date as_of) override;

  Result<app::Id> InsertConsent(const app::NewConsent& consent) override;

  Result<app::CartridgeRecord> FindCartridge(app::Id clinic_id, app::Id cartridge_id) override;
  Result<app::DeviceRecord> FindDevice(app::Id clinic_id, app::Id device_id) override;
  Result<app::ProductRecord> FindProduct(app::Id clinic_id, app::Id product_id) override;

  Result<app::SessionRecord> FindSession(app::Id clinic_id, app::Id session_id) override;
  Result<app::Id> InsertSession(app::Id clinic_id, app::Id client_id, app::Id plan_id,
                                std::int64_t created_at,
                                const app::SessionContent& content) override;
  Status UpdateDraftSession(app::Id clinic_id, app::Id session_id, std::int64_t version,
                            const app::SessionContent& content) override;
  Status MarkSessionSigned(app::Id clinic_id, app::Id session_id, std::int64_t version,
                           app::Id signed_by, std::int64_t signed_at) override;

  Result<app::Id> ClientOfRecord(app::Id clinic_id, const std::string& record_type,
                                 app::Id record_id) override;
  Result<app::Id> InsertAmendment(const app::NewAmendment& amendment) override;

 private:
  Status InsertSessionDetails(app::Id session_id, const app::SessionContent& content);
  // Appends the plan's zones, in zone-code order.
  Status ReadPlanZones(app::PlanRecord& plan);
  SqlConnection& db_;
};

}  // namespace corium::store
