#include "corium/store/records/sql_safety.h"

#include <string>

#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {

Result<bool> SqlSafetyRepository::HasClient(app::Id clinic_id, app::Id client_id) {
  return ClinicHasRow(db_, "clients", clinic_id, client_id);
}

Result<std::optional<app::Id>> SqlSafetyRepository::OwningClient(std::string_view table,
                                                                 app::Id clinic_id, app::Id id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query("SELECT client_id FROM " + std::string(table) +
                                                         " WHERE id = $1 AND clinic_id = $2",
                                                     {id, clinic_id}));
  if (rows.empty()) return std::optional<app::Id>();
  return std::optional<app::Id>(rows.front().Int(0));
}

Result<std::optional<app::Id>> SqlSafetyRepository::SessionClient(app::Id clinic_id,
                                                                  app::Id session_id) {
  return OwningClient("sessions", clinic_id, session_id);
}

Result<std::optional<app::AssessedPlan>> SqlSafetyRepository::PlanToAssess(app::Id clinic_id,
                                                                           app::Id plan_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query("SELECT client_id, indication FROM plans"
                                                     " WHERE id = $1 AND clinic_id = $2",
                                                     {plan_id, clinic_id}));
  if (rows.empty()) return std::optional<app::AssessedPlan>();
  return std::optional<app::AssessedPlan>(
      app::AssessedPlan{rows.front().Int(0), Code(rows.front().Text(1))});
}

Result<std::optional<app::Id>> SqlSafetyRepository::PhotoClient(app::Id clinic_id,
                                                                app::Id photo_id) {
  return OwningClient("photos", clinic_id, photo_id);
}

Result<bool> SqlSafetyRepository::HasDevice(app::Id clinic_id, app::Id device_id) {
  return ClinicHasRow(db_, "devices", clinic_id, device_id);
}

Result<bool> SqlSafetyRepository::HasCartridgeLot(app::Id clinic_id, app::Id lot_id) {
  return ClinicHasRow(db_, "cartridge_lots", clinic_id, lot_id);
}

Result<bool> SqlSafetyRepository::HasProduct(app::Id clinic_id, app::Id product_id) {
  return ClinicHasRow(db_, "products", clinic_id, product_id);
}

Result<app::Id> SqlSafetyRepository::InsertAdverseEvent(app::Id clinic_id, app::Id reported_by,
                                                        std::int64_t created_at,
                                                        const app::AdverseEventReport& r) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "INSERT INTO adverse_events (clinic_id, client_id, session_id, onset_on,"
          " description, grade, causality, suspected_device_id, suspected_lot_id,"
          " suspected_product_id, outcome, escalation, reported_by, created_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
          " RETURNING id",
          {clinic_id, r.client_id, OptionalId(r.session_id), r.onset_on.ToString(), r.description,
           std::int64_t{r.grade}, std::string(app::CausalityName(r.causality)),
           OptionalId(r.suspected_device_id), OptionalId(r.suspected_lot_id),
           OptionalId(r.suspected_product_id), std::string(app::AdverseOutcomeName(r.outcome)),
           r.escalation, reported_by, created_at}));
  return rows.front().Int(0);
}

Result<std::optional<app::AdverseEventRecord>> SqlSafetyRepository::FindAdverseEvent(
    app::Id clinic_id, app::Id id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query("SELECT id, client_id, grade, outcome, version FROM adverse_events"
                                 " WHERE id = $1 AND clinic_id = $2",
                                 {id, clinic_id}));
  if (rows.empty()) return std::optional<app::AdverseEventRecord>();
  const SqlRow& row = rows.front();
  const auto outcome = app::ParseAdverseOutcome(row.Text(3));
  if (!outcome) return Status::Internal("stored adverse event outcome unknown: " + row.Text(3));
  app::AdverseEventRecord record;
  record.id = row.Int(0);
  record.client_id = row.Int(1);
  record.grade = static_cast<int>(row.Int(2));
  record.outcome = *outcome;
  record.version = row.Int(4);
  return std::optional<app::AdverseEventRecord>(record);
}

Result<std::int64_t> SqlSafetyRepository::UpdateAdverseEventOutcome(app::Id clinic_id, app::Id id,
                                                                    std::int64_t version,
                                                                    app::AdverseOutcome outcome) {
  return db_.Execute(
      "UPDATE adverse_events SET outcome = $1, version = version + 1"
      " WHERE id = $2 AND clinic_id = $3 AND version = $4",
      {std::string(app::AdverseOutcomeName(outcome)), id, clinic_id, version});
}

Result<app::Id> SqlSafetyRepository::InsertOutcomeAssessment(
    app::Id clinic_id, app::Id client_id, app::Id assessed_by,
    const app::OutcomeAssessment& assessment) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO outcome_assessments (clinic_id, client_id, plan_id, scale, score,"
                " time_point, assessed_on, assessed_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                " RETURNING id",
                {clinic_id, client_id, assessment.plan_id, assessment.scale.str(), assessment.score,
                 std::string(app::TimePointName(assessment.time_point)),
                 assessment.assessed_on.ToString(), assessed_by}));
  const app::Id id = rows.front().Int(0);
  for (size_t i = 0; i < assessment.photo_ids.size(); ++i) {
    CORIUM_RETURN_IF_ERROR(db_.Execute("INSERT INTO outcome_assessment_photos (assessment_id,"
                                       " photo_id, position) VALUES ($1, $2, $3)",
                                       {id, assessment.photo_ids[i], static_cast<std::int64_t>(i)})
                               .status());
  }
  return id;
}

}  // namespace corium::store
