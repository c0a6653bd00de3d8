#include "corium/store/records/sql_today.h"

#include "corium/store/records/sql_inventory.h"

namespace corium::store {
namespace {

app::ClientName ClientOf(const SqlRow& row, size_t first) {
  return {row.Int(first), row.Text(first + 1), row.Text(first + 2)};
}

}  // namespace

Result<std::vector<app::DraftSession>> SqlTodayRepository::DraftSessions(app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "SELECT s.client_id, c.given_name, c.family_name, s.plan_id, s.id, s.performed_on"
          " FROM sessions s JOIN clients c ON c.id = s.client_id AND c.clinic_id = s.clinic_id"
          " WHERE s.clinic_id = $1 AND s.status = 'draft' ORDER BY s.performed_on, s.id",
          {SqlValue(clinic_id)}));
  std::vector<app::DraftSession> drafts;
  for (const SqlRow& row : rows) {
    app::DraftSession draft{ClientOf(row, 0), row.Int(3), row.Int(4), {}};
    CORIUM_ASSIGN_OR_RETURN(draft.performed_on, DateColumn(row, 5));
    drafts.push_back(std::move(draft));
  }
  return drafts;
}

Result<std::vector<app::PlanProgress>> SqlTodayRepository::ActivePlans(app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT p.client_id, c.given_name, c.family_name, p.id, p.sessions,"
                " p.interval_days,"
                " (SELECT COUNT(*) FROM sessions s WHERE s.plan_id = p.id AND s.status = 'signed'),"
                " (SELECT MAX(s.performed_on) FROM sessions s"
                "   WHERE s.plan_id = p.id AND s.status = 'signed'),"
                " (SELECT COUNT(*) FROM sessions s WHERE s.plan_id = p.id AND s.status = 'draft')"
                " FROM plans p JOIN clients c ON c.id = p.client_id AND c.clinic_id = p.clinic_id"
                " WHERE p.clinic_id = $1 AND p.status = 'active' ORDER BY p.id",
                {SqlValue(clinic_id)}));
  std::vector<app::PlanProgress> plans;
  for (const SqlRow& row : rows) {
    app::PlanProgress plan;
    plan.client = ClientOf(row, 0);
    plan.plan_id = row.Int(3);
    plan.sessions = static_cast<int>(row.Int(4));
    plan.interval_days = static_cast<int>(row.Int(5));
    plan.signed_sessions = static_cast<int>(row.Int(6));
    if (!row.IsNull(7)) {
      CORIUM_ASSIGN_OR_RETURN(plan.last_signed_on, DateColumn(row, 7));
    }
    plan.has_draft = row.Int(8) > 0;
    plans.push_back(std::move(plan));
  }
  return plans;
}

Result<std::vector<app::ClearancePending>> SqlTodayRepository::AwaitingClearance(
    app::Id clinic_id) {
  // A client's latest screening is the one screened last; an override beside it settles it.
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "SELECT s.client_id, c.given_name, c.family_name, s.id, s.decision, s.screened_at"
          " FROM screenings s JOIN clients c ON c.id = s.client_id AND c.clinic_id = s.clinic_id"
          " WHERE s.clinic_id = $1 AND s.decision IN ('refer', 'defer')"
          " AND NOT EXISTS (SELECT 1 FROM screenings later"
          "   WHERE later.clinic_id = s.clinic_id AND later.client_id = s.client_id"
          "   AND (later.screened_at > s.screened_at"
          "        OR (later.screened_at = s.screened_at AND later.id > s.id)))"
          " AND NOT EXISTS (SELECT 1 FROM screening_overrides o"
          "   WHERE o.screening_id = s.id AND o.clinic_id = s.clinic_id)"
          " ORDER BY s.screened_at, s.id",
          {SqlValue(clinic_id)}));
  std::vector<app::ClearancePending> pending;
  pending.reserve(rows.size());
  for (const SqlRow& row : rows) {
    pending.push_back({ClientOf(row, 0), row.Int(3), row.Text(4), row.Int(5)});
  }
  return pending;
}

}  // namespace corium::store
