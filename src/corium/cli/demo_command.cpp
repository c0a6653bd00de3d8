// `corium demo`: migrates the database and, when it holds no clinic yet, fills it with the demo
// clinic of demo_clinic.cpp, then prints what the clinic holds.
#include <array>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <string_view>

#include "corium/cli/commands.h"
#include "corium/cli/database_connection.h"
#include "corium/cli/demo_accounts.h"
#include "corium/cli/demo_clinic.h"
#include "corium/cli/kb_locator.h"
#include "corium/store/migrations.h"

namespace corium::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

// The record types of the summary: tables that carry a clinic_id, so the counts are the demo
// clinic's own even in a database shared with other clinics.
constexpr std::array<std::string_view, 16> kCountedTables = {
    "staff",      "devices",        "cartridge_lots",      "cartridges", "products", "clients",
    "intakes",    "screenings",     "screening_overrides", "plans",      "consents", "sessions",
    "amendments", "adverse_events", "outcome_assessments", "audit_log"};
constexpr std::array<std::string_view, 5> kDecisions = {"proceed", "proceed_with_caution", "defer",
                                                        "refer", "decline"};
// The manager's expiry horizon: lots expiring within this many days of the demo's today.
constexpr int kExpiryHorizonDays = 30;

Result<std::int64_t> CountOne(store::SqlConnection& db, const std::string& sql,
                              const std::vector<store::SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db.Query(sql, params));
  if (rows.empty()) return Status::Internal("a count returned no row");
  return rows.front().Int(0);
}

Status PrintSummary(store::SqlConnection& db, app::Id clinic_id) {
  std::cout << kDemoClinicName << " (clinic " << clinic_id << ", America/Denver), as of "
            << DemoToday().ToString() << ":\n";
  for (const std::string_view table : kCountedTables) {
    CORIUM_ASSIGN_OR_RETURN(
        const std::int64_t count,
        CountOne(db, "SELECT COUNT(*) FROM " + std::string(table) + " WHERE clinic_id = $1",
                 {clinic_id}));
    std::cout << "  " << std::left << std::setw(21) << table << count << "\n";
  }
  std::cout << "  screenings by decision:";
  for (const std::string_view decision : kDecisions) {
    CORIUM_ASSIGN_OR_RETURN(
        const std::int64_t count,
        CountOne(db, "SELECT COUNT(*) FROM screenings WHERE clinic_id = $1 AND decision = $2",
                 {clinic_id, std::string(decision)}));
    std::cout << " " << decision << "=" << count;
  }
  CORIUM_ASSIGN_OR_RETURN(
      const std::int64_t signed_sessions,
      CountOne(db, "SELECT COUNT(*) FROM sessions WHERE clinic_id = $1 AND status = 'signed'",
               {clinic_id}));
  CORIUM_ASSIGN_OR_RETURN(
      const std::int64_t near_expiry,
      CountOne(db, "SELECT COUNT(*) FROM cartridge_lots WHERE clinic_id = $1 AND expires_on <= $2",
               {clinic_id, DemoToday().AddDays(kExpiryHorizonDays).ToString()}));
  std::cout << "\n  signed sessions: " << signed_sessions << "; cartridge lots expiring within "
            << kExpiryHorizonDays << " days of " << DemoToday().ToString() << ": " << near_expiry
            << "\n";
  return Status::Ok();
}

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void PrintError(const Status& status) { std::cerr << "corium demo: " << status.ToString() << "\n"; }

}  // namespace

Result<std::optional<app::Id>> FindDemoClinic(store::SqlConnection& db) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db.Query("SELECT id FROM clinics WHERE name = $1 ORDER BY id",
                                   {std::string(kDemoClinicName)}));
  if (!rows.empty()) return std::optional<app::Id>(rows.front().Int(0));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t clinics,
                          CountOne(db, "SELECT COUNT(*) FROM clinics", {}));
  if (clinics == 0) return std::optional<app::Id>(0);
  return std::optional<app::Id>();
}

int RunDemo(const DemoOptions& options) {
  const auto kb_dir = LocateKb(options.kb_dir);
  const auto kb = LoadKbFrom(kb_dir);
  if (!kb.ok()) {
    PrintKbProblems(kb.status(), kb_dir);
    return kUsage;
  }
  auto db = ConnectDatabase(options.db);
  if (!db.ok()) {
    PrintError(db.status());
    return kFailed;
  }
  store::SqlConnection& connection = **db;
  // The schema's own migration time is the real one; only the demo's records use the demo clock.
  if (const auto migrated = store::Migrate(connection, Now()); !migrated.ok()) {
    PrintError(migrated.status());
    return kFailed;
  }
  const auto existing = FindDemoClinic(connection);
  if (!existing.ok()) {
    PrintError(existing.status());
    return kFailed;
  }
  if (!existing->has_value()) {
    // Demo records beside a real clinic's would mislead anyone reading its reports.
    std::cout << "the database already holds other clinics; the demo fills only an empty one\n";
    return kOk;
  }
  app::Id clinic_id = **existing;
  if (clinic_id != 0) {
    std::cout << "the demo clinic exists already; nothing added\n";
  } else {
    const auto seeded = SeedDemoClinic(connection, *kb);
    if (!seeded.ok()) {
      PrintError(seeded.status());
      return kFailed;
    }
    clinic_id = *seeded;
    std::cout << "created the demo clinic\n";
  }
  const Status printed = PrintSummary(connection, clinic_id);
  if (!printed.ok()) {
    PrintError(printed);
    return kFailed;
  }
  return kOk;
}

}  // namespace corium::cli
