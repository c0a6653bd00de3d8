// SqlSafetyRepository: the app's SafetyRepository (adverse events, outcome assessments) over a
// SqlConnection, in portable SQL for both engines. Single-threaded, like the connection.
#pragma once

#include "corium/app/safety.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlSafetyRepository final : public app::SafetyRepository {
 public:
  explicit SqlSafetyRepository(SqlConnection& db) : db_(db) {}

  Result<bool> HasClient(app::Id clinic_id, app::Id client_id) override;
  Result<std::optional<app::Id>> SessionClient(app::Id clinic_id, app::Id session_id) override;
  Result<std::optional<app::AssessedPlan>> PlanToAssess(app::Id clinic_id,
                                                        app::Id plan_id) override;
  Result<std::optional<app::Id>> PhotoClient(app::Id clinic_id, app::Id photo_id) override;
  Result<bool> HasDevice(app::Id clinic_id, app::Id device_id) override;
  Result<bool> HasCartridgeLot(app::Id clinic_id, app::Id lot_id) override;
  Result<bool> HasProduct(app::Id clinic_id, app::Id product_id) override;
  Result<app::Id> InsertAdverseEvent(app::Id clinic_id, app::Id reported_by,
                                     std::int64_t created_at,
                                     const app::AdverseEventReport& report) override;
  Result<std::optional<app::AdverseEventRecord>> FindAdverseEvent(app::Id clinic_id,
                                                                  app::Id id) override;
  Result<std::int64_t> UpdateAdverseEventOutcome(app::Id clinic_id, app::Id id,
                                                 std::int64_t version,
                                                 app::AdverseOutcome outcome) override;
  Result<app::Id> InsertOutcomeAssessment(app::Id clinic_id, app::Id client_id, app::Id assessed_by,
                                          const app::OutcomeAssessment& assessment) override;

 private:
  // The client_id of the row `id` of `table` in the clinic, if there is one.
  Result<std::optional<app::Id>> OwningClient(std::string_view table, app::Id clinic_id,
                                              app::Id id);
  SqlConnection& db_;
};

}  // namespace corium::store
