#include "corium/store/records/sql_charting.h"

#include <optional>
#include <string_view>

#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {
namespace {

using app::Id;

std::string NotFound(std::string_view what, Id id) {
  return std::string(what) + " " + std::to_string(id) + " not found";
}

Result<Date> DateColumn(const SqlRow& row, size_t column) {
  const auto date = Date::Parse(row.Text(column));
  if (!date) return Status::Internal("stored date is not YYYY-MM-DD: " + row.Text(column));
  return *date;
}

Depth DepthColumn(const SqlRow& row, size_t column) {
  return Depth::FromMicrometres(static_cast<std::int32_t>(row.Int(column)));
}

// The one row a scoped lookup found, or kNotFound naming what and which.
Result<SqlRow> OneRow(Result<std::vector<SqlRow>> rows, std::string_view what, Id id) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound(NotFound(what, id));
  return rows->front();
}

constexpr std::string_view kScreeningColumns =
    "SELECT id, client_id, intake_id, as_of, decision, decision_json, kb_digest FROM screenings ";

Result<app::ScreeningRecord> ScreeningFromRow(const SqlRow& row) {
  CORIUM_ASSIGN_OR_RETURN(const Date as_of, DateColumn(row, 3));
  return app::ScreeningRecord{row.Int(0),  row.Int(1),  row.Int(2), as_of,
                              row.Text(4), row.Text(5), row.Text(6)};
}

// The table of an amendable record type; table names never come from the request itself.
std::optional<std::string_view> TableOf(std::string_view record_type) {
  if (record_type == "session") return "sessions";
  if (record_type == "consent") return "consents";
  if (record_type == "screening") return "screenings";
  if (record_type == "adverse_event") return "adverse_events";
  return std::nullopt;
}

}  // namespace

Result<app::ScreeningRecord> SqlChartRepository::FindScreening(Id clinic_id, Id screening_id) {
  CORIUM_ASSIGN_OR_RETURN(const SqlRow row, OneRow(db_.Query(std::string(kScreeningColumns) +
                                                                 "WHERE id = $1 AND clinic_id = $2",
                                                             {screening_id, clinic_id}),
                                                   "screening", screening_id));
  return ScreeningFromRow(row);
}

Result<bool> SqlChartRepository::HasScreeningOverride(Id clinic_id, Id screening_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "SELECT COUNT(*) FROM screening_overrides WHERE clinic_id = $1 AND screening_id = $2",
          {clinic_id, screening_id}));
  return !rows.empty() && rows.front().Int(0) > 0;
}

Result<app::PlanRecord> SqlChartRepository::FindPlan(Id clinic_id, Id plan_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      OneRow(db_.Query("SELECT id, client_id, screening_id, indication, status FROM plans"
                       " WHERE id = $1 AND clinic_id = $2",
                       {plan_id, clinic_id}),
             "plan", plan_id));
  app::PlanRecord plan{row.Int(0), row.Int(1), row.Int(2), Code(row.Text(3)), row.Text(4), {}};
  CORIUM_RETURN_IF_ERROR(ReadPlanZones(plan));
  return plan;
}

// In zone-code order, which the UNIQUE (plan_id, zone) index gives without a sort.
Status SqlChartRepository::ReadPlanZones(app::PlanRecord& plan) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto zones,
      db_.Query("SELECT zone, planned_min_um, planned_max_um, cap_max_um FROM plan_zones"
                " WHERE plan_id = $1 ORDER BY zone",
                {plan.id}));
  for (const SqlRow& zone : zones) {
    plan.zones.push_back(
        {Code(zone.Text(0)), DepthColumn(zone, 1), DepthColumn(zone, 2), DepthColumn(zone, 3)});
  }
  return Status::Ok();
}

// One statement instead of five (the plan, the day's latest screening, its override, the client's
// latest intake, the plan's latest consent): a chart commit runs it inside its write transaction.
// The latest screening is written as MAX(…) and then the highest id rather than ORDER BY time:
// SQLite sorts an ORDER BY that no index serves in a temporary b-tree, which cost about as much as
// the lookup itself (bench/RESULTS.md); ties on time still go to the last row written. The latest
// consent is an ORDER BY, which `consents_by_plan (plan_id, signed_at)` serves read backwards
// (rowid last), without the MAX(…) subquery that read every consent of the plan twice. The
// override is looked up only for a screening that needs one.
Result<app::SessionContext> SqlChartRepository::FindSessionContext(Id clinic_id, Id plan_id,
                                                                   Date as_of) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      OneRow(
          db_.Query(
              "SELECT p.id, p.client_id, p.screening_id, p.indication, p.status,"
              " s.id, s.client_id, s.intake_id, s.as_of, s.decision, s.decision_json,"
              " s.kb_digest,"
              " CASE WHEN s.decision IN ('proceed', 'proceed_with_caution') THEN 0 ELSE"
              "  (SELECT COUNT(*) FROM screening_overrides o"
              "    WHERE o.clinic_id = p.clinic_id AND o.screening_id = s.id) END,"
              " (SELECT i.id FROM intakes i WHERE i.clinic_id = p.clinic_id"
              "   AND i.client_id = p.client_id ORDER BY i.revision DESC LIMIT 1),"
              " (SELECT c.id FROM consents c WHERE c.clinic_id = p.clinic_id AND c.plan_id = p.id"
              "   ORDER BY c.signed_at DESC, c.id DESC LIMIT 1)"
              " FROM plans p LEFT JOIN screenings s ON s.id ="
              " (SELECT l.id FROM screenings l WHERE l.clinic_id = p.clinic_id"
              "   AND l.client_id = p.client_id AND l.as_of = $3"
              "   AND l.screened_at = (SELECT MAX(m.screened_at) FROM screenings m"
              "     WHERE m.clinic_id = p.clinic_id AND m.client_id = p.client_id"
              "     AND m.as_of = $3)"
              "   ORDER BY l.id DESC LIMIT 1)"
              " WHERE p.id = $1 AND p.clinic_id = $2",
              {plan_id, clinic_id, as_of.ToString()}),
          "plan", plan_id));
  app::SessionContext context;
  context.plan = {row.Int(0), row.Int(1), row.Int(2), Code(row.Text(3)), row.Text(4), {}};
  if (!row.IsNull(5)) {
    CORIUM_ASSIGN_OR_RETURN(const Date screened_for, DateColumn(row, 8));
    context.screening = app::ScreeningRecord{row.Int(5),  row.Int(6),   row.Int(7),  screened_for,
                                             row.Text(9), row.Text(10), row.Text(11)};
    context.screening_overridden = row.Int(12) > 0;
  }
  if (!row.IsNull(13)) context.latest_intake_id = row.Int(13);
  if (!row.IsNull(14)) context.consent_id = row.Int(14);
  CORIUM_RETURN_IF_ERROR(ReadPlanZones(context.plan));
  return context;
}

Result<Id> SqlChartRepository::InsertPlan(const app::NewPlan& plan) {
  CORIUM_ASSIGN_OR_RETURN(
      const Id plan_id,
      db_.InsertReturningId("INSERT INTO plans (clinic_id, client_id, screening_id, indication,"
                            " sessions, interval_days, created_by, created_at)"
                            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                            {plan.clinic_id, plan.client_id, plan.screening_id,
                             plan.indication.str(), std::int64_t{plan.sessions},
                             std::int64_t{plan.interval_days}, plan.created_by, plan.created_at}));
  for (const app::PlanZoneRecord& zone : plan.zones) {
    CORIUM_ASSIGN_OR_RETURN(
        const auto inserted,
        db_.Execute("INSERT INTO plan_zones (plan_id, zone, planned_min_um, planned_max_um,"
                    " cap_max_um) VALUES ($1, $2, $3, $4, $5)",
                    {plan_id, zone.zone.str(), std::int64_t{zone.planned_min.micrometres()},
                     std::int64_t{zone.planned_max.micrometres()},
                     std::int64_t{zone.cap_max.micrometres()}}));
    if (inserted != 1) return Status::Internal("plan zone not written");
  }
  return plan_id;
}

Result<Id> SqlChartRepository::InsertConsent(const app::NewConsent& c) {
  return db_.InsertReturningId(
      "INSERT INTO consents (clinic_id, client_id, plan_id, text_version, text_digest, items_json,"
      " signature, signer_name, photo_consent, witnessed_by, signed_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {c.clinic_id, c.client_id, c.plan_id, c.text_version, c.text_digest, c.items_json,
       c.signature, c.signer_name, std::int64_t{c.photo_consent ? 1 : 0}, c.witnessed_by,
       c.signed_at});
}

Result<app::CartridgeRecord> SqlChartRepository::FindCartridge(Id clinic_id, Id cartridge_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      OneRow(db_.Query("SELECT c.id, l.lot_number, l.expires_on FROM cartridges c"
                       " JOIN cartridge_lots l ON l.id = c.lot_id"
                       " WHERE c.id = $1 AND c.clinic_id = $2 AND l.clinic_id = $2",
                       {cartridge_id, clinic_id}),
             "cartridge", cartridge_id));
  CORIUM_ASSIGN_OR_RETURN(const Date expires_on, DateColumn(row, 2));
  return app::CartridgeRecord{row.Int(0), row.Text(1), expires_on};
}

Result<app::DeviceRecord> SqlChartRepository::FindDevice(Id clinic_id, Id device_id) {
  CORIUM_ASSIGN_OR_RETURN(const SqlRow row,
                          OneRow(db_.Query("SELECT id, kind, active, max_depth_um FROM devices"
                                           " WHERE id = $1 AND clinic_id = $2",
                                           {device_id, clinic_id}),
                                 "device", device_id));
  return app::DeviceRecord{row.Int(0), Code(row.Text(1)), row.Int(2) == 1, DepthColumn(row, 3)};
}

Result<app::ProductRecord> SqlChartRepository::FindProduct(Id clinic_id, Id product_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      OneRow(db_.Query("SELECT id, name, kind, lot_number, expires_on, sterile,"
                       " labelled_for_broken_skin FROM products WHERE id = $1 AND clinic_id = $2",
                       {product_id, clinic_id}),
             "product", product_id));
  CORIUM_ASSIGN_OR_RETURN(const Date expires_on, DateColumn(row, 4));
  return app::ProductRecord{row.Int(0), row.Text(1),     Code(row.Text(2)), row.Text(3),
                            expires_on, row.Int(5) == 1, row.Int(6) == 1};
}

Result<app::SessionRecord> SqlChartRepository::FindSession(Id clinic_id, Id session_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      OneRow(db_.Query("SELECT id, client_id, plan_id, status, version FROM sessions"
                       " WHERE id = $1 AND clinic_id = $2",
                       {session_id, clinic_id}),
             "session", session_id));
  return app::SessionRecord{row.Int(0), row.Int(1), row.Int(2), row.Text(3), row.Int(4)};
}

// Zones and products keep the order they were charted in as `position` (migration 0006).
Status SqlChartRepository::InsertSessionDetails(Id session_id, const app::SessionContent& c) {
  for (size_t i = 0; i < c.zones.size(); ++i) {
    const app::ChartedZone& zone = c.zones[i];
    const SqlValue reason =
        zone.override_reason ? SqlValue(*zone.override_reason) : SqlValue(std::monostate{});
    CORIUM_ASSIGN_OR_RETURN(
        const auto inserted,
        db_.Execute("INSERT INTO session_zones (session_id, zone, position, depth_um, passes,"
                    " endpoint, speed, override_by, override_reason)"
                    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    {session_id, zone.zone.str(), static_cast<std::int64_t>(i),
                     std::int64_t{zone.depth.micrometres()}, std::int64_t{zone.passes},
                     zone.endpoint.str(), zone.speed, OptionalId(zone.override_by), reason}));
    if (inserted != 1) return Status::Internal("session zone not written");
  }
  for (size_t i = 0; i < c.products.size(); ++i) {
    const app::AppliedProduct& product = c.products[i];
    CORIUM_ASSIGN_OR_RETURN(
        const auto inserted,
        db_.Execute(
            "INSERT INTO session_products (session_id, position, product_id, step)"
            " VALUES ($1, $2, $3, $4)",
            {session_id, static_cast<std::int64_t>(i), product.product_id, product.step.str()}));
    if (inserted != 1) return Status::Internal("session product not written");
  }
  return Status::Ok();
}

Result<Id> SqlChartRepository::InsertSession(Id clinic_id, Id client_id, Id plan_id,
                                             std::int64_t created_at,
                                             const app::SessionContent& c) {
  CORIUM_ASSIGN_OR_RETURN(
      const Id session_id,
      db_.InsertReturningId(
          "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
          " practitioner_id, device_id, cartridge_id, performed_on, checklist_json,"
          " anaesthetic_json, notes, created_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
          {clinic_id, client_id, plan_id, c.consent_id, c.screening_id, c.practitioner_id,
           c.device_id, c.cartridge_id, c.performed_on.ToString(), c.checklist_json,
           c.anaesthetic_json, c.notes, created_at}));
  CORIUM_RETURN_IF_ERROR(InsertSessionDetails(session_id, c));
  return session_id;
}

Status SqlChartRepository::UpdateDraftSession(Id clinic_id, Id session_id, std::int64_t version,
                                              const app::SessionContent& c) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto updated,
      db_.Execute("UPDATE sessions SET consent_id = $1, screening_id = $2, practitioner_id = $3,"
                  " device_id = $4, cartridge_id = $5, performed_on = $6, checklist_json = $7,"
                  " anaesthetic_json = $8, notes = $9, version = version + 1"
                  " WHERE id = $10 AND clinic_id = $11 AND version = $12 AND status = 'draft'",
                  {c.consent_id, c.screening_id, c.practitioner_id, c.device_id, c.cartridge_id,
                   c.performed_on.ToString(), c.checklist_json, c.anaesthetic_json, c.notes,
                   session_id, clinic_id, version}));
  if (updated != 1) {
    return Status::Conflict("session " + std::to_string(session_id) + " changed since version " +
                            std::to_string(version));
  }
  // A draft's zones and products are replaced whole (the triggers allow it until signing).
  CORIUM_RETURN_IF_ERROR(
      db_.Execute("DELETE FROM session_zones WHERE session_id = $1", {session_id}).status());
  CORIUM_RETURN_IF_ERROR(
      db_.Execute("DELETE FROM session_products WHERE session_id = $1", {session_id}).status());
  return InsertSessionDetails(session_id, c);
}

Status SqlChartRepository::MarkSessionSigned(Id clinic_id, Id session_id, std::int64_t version,
                                             Id signed_by, std::int64_t signed_at) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto updated,
      db_.Execute("UPDATE sessions SET status = 'signed', signed_by = $1, signed_at = $2,"
                  " version = version + 1"
                  " WHERE id = $3 AND clinic_id = $4 AND version = $5 AND status = 'draft'",
                  {signed_by, signed_at, session_id, clinic_id, version}));
  if (updated != 1) {
    return Status::Conflict("session " + std::to_string(session_id) + " changed since version " +
                            std::to_string(version));
  }
  return Status::Ok();
}

Result<Id> SqlChartRepository::ClientOfRecord(Id clinic_id, const std::string& record_type,
                                              Id record_id) {
  const std::optional<std::string_view> table = TableOf(record_type);
  if (!table) return Status::InvalidArgument("unknown record type " + record_type);
  CORIUM_ASSIGN_OR_RETURN(const SqlRow row,
                          OneRow(db_.Query("SELECT client_id FROM " + std::string(*table) +
                                               " WHERE id = $1 AND clinic_id = $2",
                                           {record_id, clinic_id}),
                                 record_type, record_id));
  return row.Int(0);
}

Result<Id> SqlChartRepository::InsertAmendment(const app::NewAmendment& a) {
  return db_.InsertReturningId(
      "INSERT INTO amendments (clinic_id, record_type, record_id, reason, body_json, author_id,"
      " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {a.clinic_id, a.record_type, a.record_id, a.reason, a.body_json, a.author_id, a.created_at});
}

}  // namespace corium::store
