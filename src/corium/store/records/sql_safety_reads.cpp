#include "corium/store/records/sql_safety_reads.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_paging.h"

namespace corium::store {
namespace {

using app::Id;

constexpr std::string_view kEventColumns =
    "SELECT e.id, e.client_id, c.given_name, c.family_name, e.session_id, e.onset_on,"
    " e.description, e.grade, e.causality, e.suspected_device_id, e.suspected_lot_id,"
    " e.suspected_product_id, e.outcome, e.escalation, e.reported_by, e.created_at, e.version"
    " FROM adverse_events e JOIN clients c ON c.id = e.client_id AND c.clinic_id = e.clinic_id ";

Result<app::AdverseEventView> EventFromRow(const SqlRow& row) {
  app::AdverseEventView e;
  e.id = row.Int(0);
  e.client_id = row.Int(1);
  e.client_given_name = row.Text(2);
  e.client_family_name = row.Text(3);
  e.session_id = OptionalIdColumn(row, 4);
  CORIUM_ASSIGN_OR_RETURN(e.onset_on, DateColumn(row, 5));
  e.description = row.Text(6);
  e.grade = static_cast<int>(row.Int(7));
  e.causality = row.Text(8);
  e.suspected_device_id = OptionalIdColumn(row, 9);
  e.suspected_lot_id = OptionalIdColumn(row, 10);
  e.suspected_product_id = OptionalIdColumn(row, 11);
  e.outcome = row.Text(12);
  e.escalation = row.Text(13);
  e.reported_by = row.Int(14);
  e.created_at = row.Int(15);
  e.version = row.Int(16);
  return e;
}

// The WHERE clause of an event list, its parameters filled in from $1.
std::string EventFilter(std::vector<SqlValue>& params, Id clinic_id, std::optional<Id> client_id,
                        app::EventState state) {
  params.emplace_back(clinic_id);
  std::string where = "WHERE e.clinic_id = $1";
  if (client_id) {
    params.emplace_back(*client_id);
    where += " AND e.client_id = $2";
  }
  if (state == app::EventState::kOpen) where += " AND e.outcome IN ('ongoing', 'unknown')";
  if (state == app::EventState::kClosed) {
    where += " AND e.outcome IN ('resolved', 'resolved_with_sequelae')";
  }
  return where;
}

constexpr std::string_view kAssessmentColumns =
    "SELECT id, client_id, plan_id, scale, score, time_point, assessed_on, assessed_by"
    " FROM outcome_assessments ";

// An assessment without its photos (PhotoIdsOf reads them).
Result<app::OutcomeAssessmentView> AssessmentFromRow(const SqlRow& row) {
  app::OutcomeAssessmentView a;
  a.id = row.Int(0);
  a.client_id = row.Int(1);
  a.plan_id = row.Int(2);
  a.scale = Code(row.Text(3));
  a.score = row.Real(4);
  a.time_point = row.Text(5);
  CORIUM_ASSIGN_OR_RETURN(a.assessed_on, DateColumn(row, 6));
  a.assessed_by = row.Int(7);
  return a;
}

// The photos linked to an assessment, in the order they were given.
Result<std::vector<Id>> PhotoIdsOf(SqlConnection& db, Id assessment_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db.Query("SELECT photo_id FROM outcome_assessment_photos"
                                                    " WHERE assessment_id = $1 ORDER BY position",
                                                    {assessment_id}));
  std::vector<Id> ids;
  ids.reserve(rows.size());
  for (const SqlRow& row : rows) ids.push_back(row.Int(0));
  return ids;
}

}  // namespace

Result<bool> SqlSafetyReadRepository::HasClient(Id clinic_id, Id client_id) {
  return ClinicHasRow(db_, "clients", clinic_id, client_id);
}

Result<std::optional<Id>> SqlSafetyReadRepository::PlanClient(Id clinic_id, Id plan_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db_.Query("SELECT client_id FROM plans WHERE id = $1 AND clinic_id = $2",
                                    {plan_id, clinic_id}));
  if (rows.empty()) return std::optional<Id>();
  return std::optional<Id>(rows.front().Int(0));
}

Result<app::AdverseEventView> SqlSafetyReadRepository::AdverseEvent(Id clinic_id, Id event_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kEventColumns) + "WHERE e.id = $1 AND e.clinic_id = $2",
                         {event_id, clinic_id}),
               "adverse event not found"));
  return EventFromRow(row);
}

Result<app::Listing<app::AdverseEventView>> SqlSafetyReadRepository::AdverseEvents(
    Id clinic_id, std::optional<Id> client_id, app::EventState state, app::PageRequest page) {
  app::Listing<app::AdverseEventView> listing;
  std::vector<SqlValue> params;
  const std::string where = EventFilter(params, clinic_id, client_id, state);
  CORIUM_ASSIGN_OR_RETURN(listing.total,
                          CountRows(db_, "SELECT COUNT(*) FROM adverse_events e " + where, params));
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db_.Query(std::string(kEventColumns) + where +
                                        " ORDER BY e.onset_on DESC, e.id DESC" + window,
                                    params));
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::AdverseEventView event, EventFromRow(row));
    listing.items.push_back(std::move(event));
  }
  return listing;
}

Result<app::OutcomeAssessmentView> SqlSafetyReadRepository::Assessment(Id clinic_id,
                                                                       Id assessment_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kAssessmentColumns) + "WHERE id = $1 AND clinic_id = $2",
                         {assessment_id, clinic_id}),
               "outcome assessment not found"));
  CORIUM_ASSIGN_OR_RETURN(app::OutcomeAssessmentView assessment, AssessmentFromRow(row));
  CORIUM_ASSIGN_OR_RETURN(assessment.photo_ids, PhotoIdsOf(db_, assessment.id));
  return assessment;
}

Result<app::Listing<app::OutcomeAssessmentView>> SqlSafetyReadRepository::PlanAssessments(
    Id clinic_id, Id plan_id, app::PageRequest page) {
  app::Listing<app::OutcomeAssessmentView> listing;
  CORIUM_ASSIGN_OR_RETURN(listing.total, CountRows(db_,
                                                   "SELECT COUNT(*) FROM outcome_assessments"
                                                   " WHERE clinic_id = $1 AND plan_id = $2",
                                                   {clinic_id, plan_id}));
  std::vector<SqlValue> params = {clinic_id, plan_id};
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kAssessmentColumns) +
                    "WHERE clinic_id = $1 AND plan_id = $2 ORDER BY assessed_on, id" + window,
                params));
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::OutcomeAssessmentView assessment, AssessmentFromRow(row));
    CORIUM_ASSIGN_OR_RETURN(assessment.photo_ids, PhotoIdsOf(db_, assessment.id));
    listing.items.push_back(std::move(assessment));
  }
  return listing;
}

}  // namespace corium::store
