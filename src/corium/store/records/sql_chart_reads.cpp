#include "corium/store/records/sql_chart_reads.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>

#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_paging.h"

namespace corium::store {
namespace {

using app::Id;

Depth DepthColumn(const SqlRow& row, size_t column) {
  return Depth::FromMicrometres(static_cast<std::int32_t>(row.Int(column)));
}

constexpr std::string_view kPlanColumns =
    "SELECT id, client_id, screening_id, indication, sessions, interval_days, status, created_by,"
    " created_at, version FROM plans ";

app::PlanView PlanFromRow(const SqlRow& row) {
  app::PlanView plan;
  plan.id = row.Int(0);
  plan.client_id = row.Int(1);
  plan.screening_id = row.Int(2);
  plan.indication = Code(row.Text(3));
  plan.sessions = static_cast<int>(row.Int(4));
  plan.interval_days = static_cast<int>(row.Int(5));
  plan.status = row.Text(6);
  plan.created_by = row.Int(7);
  plan.created_at = row.Int(8);
  plan.version = row.Int(9);
  return plan;
}

// Columns 1–4 of a plan_zones row (column 0 is left to the caller).
app::PlanZoneRecord ZoneFromRow(const SqlRow& row) {
  return {Code(row.Text(1)), DepthColumn(row, 2), DepthColumn(row, 3), DepthColumn(row, 4)};
}

// The table of an amendable record type; table names never come from the request itself.
std::optional<std::string_view> TableOf(std::string_view record_type) {
  if (record_type == "session") return "sessions";
  if (record_type == "consent") return "consents";
  if (record_type == "screening") return "screenings";
  if (record_type == "adverse_event") return "adverse_events";
  return std::nullopt;
}

constexpr std::string_view kAmendmentColumns =
    "SELECT id, record_type, record_id, reason, body_json, author_id, created_at FROM amendments ";

app::AmendmentView AmendmentFromRow(const SqlRow& row) {
  return {row.Int(0), row.Text(1), row.Int(2), row.Text(3), row.Text(4), row.Int(5), row.Int(6)};
}

Result<std::vector<std::string>> ItemsFromJson(const std::string& text) {
  const auto items = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!items.is_array()) return Status::Internal("stored consent items are not a JSON array");
  std::vector<std::string> out;
  for (const auto& item : items) {
    if (!item.is_string()) return Status::Internal("stored consent item is not a string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

Result<bool> SqlChartReadRepository::HasClient(Id clinic_id, Id client_id) {
  return ClinicHasRow(db_, "clients", clinic_id, client_id);
}

Result<app::PlanView> SqlChartReadRepository::Plan(Id clinic_id, Id plan_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kPlanColumns) + "WHERE id = $1 AND clinic_id = $2",
                         {plan_id, clinic_id}),
               "plan not found"));
  app::PlanView plan = PlanFromRow(row);
  CORIUM_ASSIGN_OR_RETURN(
      const auto zones,
      db_.Query("SELECT plan_id, zone, planned_min_um, planned_max_um, cap_max_um FROM plan_zones"
                " WHERE plan_id = $1 ORDER BY id",
                {plan.id}));
  for (const SqlRow& zone : zones) plan.zones.push_back(ZoneFromRow(zone));
  return plan;
}

Result<app::Listing<app::PlanView>> SqlChartReadRepository::ClientPlans(Id clinic_id, Id client_id,
                                                                        app::PageRequest page) {
  app::Listing<app::PlanView> listing;
  CORIUM_ASSIGN_OR_RETURN(
      listing.total,
      CountRows(db_, "SELECT COUNT(*) FROM plans WHERE clinic_id = $1 AND client_id = $2",
                {clinic_id, client_id}));
  std::vector<SqlValue> params = {clinic_id, client_id};
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kPlanColumns) +
                    "WHERE clinic_id = $1 AND client_id = $2 ORDER BY created_at DESC, id DESC" +
                    window,
                params));
  // A client has a handful of plans: one query brings every zone of them all.
  CORIUM_ASSIGN_OR_RETURN(
      const auto zones,
      db_.Query("SELECT z.plan_id, z.zone, z.planned_min_um, z.planned_max_um, z.cap_max_um"
                " FROM plan_zones z JOIN plans p ON p.id = z.plan_id"
                " WHERE p.clinic_id = $1 AND p.client_id = $2 ORDER BY z.id",
                {clinic_id, client_id}));
  std::map<Id, std::vector<app::PlanZoneRecord>> by_plan;
  for (const SqlRow& zone : zones) by_plan[zone.Int(0)].push_back(ZoneFromRow(zone));
  for (const SqlRow& row : rows) {
    app::PlanView plan = PlanFromRow(row);
    plan.zones = std::move(by_plan[plan.id]);
    listing.items.push_back(std::move(plan));
  }
  return listing;
}

Result<std::string> SqlChartReadRepository::ScreeningDecision(Id clinic_id, Id screening_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query("SELECT decision_json FROM screenings WHERE id = $1 AND clinic_id = $2",
                         {screening_id, clinic_id}),
               "screening not found"));
  return row.Text(0);
}

Result<app::ConsentView> SqlChartReadRepository::Consent(Id clinic_id, Id consent_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query("SELECT id, client_id, plan_id, text_version, text_digest, items_json,"
                         " signature, signer_name, photo_consent, witnessed_by, signed_at"
                         " FROM consents WHERE id = $1 AND clinic_id = $2",
                         {consent_id, clinic_id}),
               "consent not found"));
  app::ConsentView consent;
  consent.id = row.Int(0);
  consent.client_id = row.Int(1);
  consent.plan_id = row.Int(2);
  consent.text_version = row.Text(3);
  consent.text_digest = row.Text(4);
  CORIUM_ASSIGN_OR_RETURN(consent.items, ItemsFromJson(row.Text(5)));
  consent.signature = row.Text(6);
  consent.signer_name = row.Text(7);
  consent.photo_consent = row.Int(8) == 1;
  consent.witnessed_by = row.Int(9);
  consent.signed_at = row.Int(10);
  return consent;
}

Status SqlChartReadRepository::AddSessionDetails(app::SessionView& session) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto zones,
      db_.Query("SELECT zone, depth_um, passes, endpoint, speed, override_by, override_reason"
                " FROM session_zones WHERE session_id = $1 ORDER BY position",
                {session.id}));
  for (const SqlRow& row : zones) {
    app::ChartedZone zone{Code(row.Text(0)), DepthColumn(row, 1), static_cast<int>(row.Int(2)),
                          Code(row.Text(3)), row.Text(4),         OptionalIdColumn(row, 5),
                          std::nullopt};
    if (!row.IsNull(6)) zone.override_reason = row.Text(6);
    session.zones.push_back(std::move(zone));
  }
  CORIUM_ASSIGN_OR_RETURN(const auto products,
                          db_.Query("SELECT product_id, step FROM session_products"
                                    " WHERE session_id = $1 ORDER BY position",
                                    {session.id}));
  for (const SqlRow& row : products) session.products.push_back({row.Int(0), Code(row.Text(1))});
  return Status::Ok();
}

Result<app::SessionView> SqlChartReadRepository::Session(Id clinic_id, Id session_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query("SELECT s.id, s.client_id, s.plan_id, s.consent_id, s.screening_id,"
                         " s.practitioner_id, s.device_id, s.cartridge_id, s.performed_on,"
                         " s.checklist_json, s.anaesthetic_json, s.notes, s.status, s.signed_by,"
                         " s.signed_at, s.version, s.created_at,"
                         " l.id, l.lot_number, c.unit_code, l.model, l.needle_count, l.expires_on"
                         " FROM sessions s JOIN cartridges c ON c.id = s.cartridge_id"
                         " JOIN cartridge_lots l ON l.id = c.lot_id"
                         " WHERE s.id = $1 AND s.clinic_id = $2",
                         {session_id, clinic_id}),
               "session not found"));
  app::SessionView s;
  s.id = row.Int(0);
  s.client_id = row.Int(1);
  s.plan_id = row.Int(2);
  s.consent_id = row.Int(3);
  s.screening_id = row.Int(4);
  s.practitioner_id = row.Int(5);
  s.device_id = row.Int(6);
  s.cartridge_id = row.Int(7);
  CORIUM_ASSIGN_OR_RETURN(s.performed_on, DateColumn(row, 8));
  s.checklist_json = row.Text(9);
  s.anaesthetic_json = row.Text(10);
  s.notes = row.Text(11);
  s.status = row.Text(12);
  s.signed_by = OptionalIdColumn(row, 13);
  if (!row.IsNull(14)) s.signed_at = row.Int(14);
  s.version = row.Int(15);
  s.created_at = row.Int(16);
  s.cartridge.lot_id = row.Int(17);
  s.cartridge.lot_number = row.Text(18);
  s.cartridge.unit_code = row.Text(19);
  s.cartridge.model = row.Text(20);
  s.cartridge.needle_count = static_cast<int>(row.Int(21));
  CORIUM_ASSIGN_OR_RETURN(s.cartridge.expires_on, DateColumn(row, 22));
  CORIUM_RETURN_IF_ERROR(AddSessionDetails(s));
  return s;
}

Result<app::Listing<app::SessionSummary>> SqlChartReadRepository::ClientSessions(
    Id clinic_id, Id client_id, app::PageRequest page) {
  app::Listing<app::SessionSummary> listing;
  CORIUM_ASSIGN_OR_RETURN(
      listing.total,
      CountRows(db_, "SELECT COUNT(*) FROM sessions WHERE clinic_id = $1 AND client_id = $2",
                {clinic_id, client_id}));
  std::vector<SqlValue> params = {clinic_id, client_id};
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT id, plan_id, practitioner_id, performed_on, status, version FROM sessions"
                " WHERE clinic_id = $1 AND client_id = $2 ORDER BY performed_on DESC, id DESC" +
                    window,
                params));
  for (const SqlRow& row : rows) {
    app::SessionSummary session{row.Int(0), row.Int(1), row.Int(2), {}, row.Text(4), row.Int(5)};
    CORIUM_ASSIGN_OR_RETURN(session.performed_on, DateColumn(row, 3));
    listing.items.push_back(std::move(session));
  }
  return listing;
}

Result<Id> SqlChartReadRepository::ClientOfRecord(Id clinic_id, const std::string& record_type,
                                                  Id record_id) {
  const std::optional<std::string_view> table = TableOf(record_type);
  if (!table) return Status::InvalidFields({{"record_type", "not a record type"}});
  std::string not_found = record_type + " not found";
  if (record_type == "adverse_event") not_found = "adverse event not found";
  CORIUM_ASSIGN_OR_RETURN(const SqlRow row,
                          FirstRow(db_.Query("SELECT client_id FROM " + std::string(*table) +
                                                 " WHERE id = $1 AND clinic_id = $2",
                                             {record_id, clinic_id}),
                                   not_found));
  return row.Int(0);
}

Result<app::AmendmentView> SqlChartReadRepository::Amendment(Id clinic_id, Id amendment_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kAmendmentColumns) + "WHERE id = $1 AND clinic_id = $2",
                         {amendment_id, clinic_id}),
               "amendment not found"));
  return AmendmentFromRow(row);
}

Result<app::Listing<app::AmendmentView>> SqlChartReadRepository::Amendments(
    Id clinic_id, const std::string& record_type, Id record_id, app::PageRequest page) {
  app::Listing<app::AmendmentView> listing;
  CORIUM_ASSIGN_OR_RETURN(listing.total,
                          CountRows(db_,
                                    "SELECT COUNT(*) FROM amendments WHERE clinic_id = $1"
                                    " AND record_type = $2 AND record_id = $3",
                                    {clinic_id, record_type, record_id}));
  std::vector<SqlValue> params = {clinic_id, record_type, record_id};
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query(std::string(kAmendmentColumns) +
                                     "WHERE clinic_id = $1 AND record_type = $2 AND record_id = $3"
                                     " ORDER BY created_at, id" +
                                     window,
                                 params));
  for (const SqlRow& row : rows) listing.items.push_back(AmendmentFromRow(row));
  return listing;
}

}  // namespace corium::store
