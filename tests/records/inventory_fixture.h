// A fixture for the inventory and safety use-case suites: a migrated database on either engine
// with two clinics (each with staff, a client, a screening, a plan and a signed consent) seeded by
// raw SQL, the SQL ports wired to the use cases, and a fingerprint to prove a refusal changed
// nothing.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "corium/app/clock.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "support/test_databases.h"

namespace corium::testing {

struct SeededClinic {
  app::Id clinic = 0, staff = 0, client = 0, screening = 0, plan = 0, consent = 0, device = 0;
  app::Actor actor;
};

class RecordsFixture : public ::testing::TestWithParam<store::Dialect> {
 protected:
  // 2026-11-20 12:00 UTC.
  static constexpr std::int64_t kNow = 1'795'176'000;

  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    database_ = MakeTestDatabase(GetParam());
    audit_ = std::make_unique<store::SqlAuditLog>(db());
    work_ = std::make_unique<store::SqlUnitOfWork>(db(), *audit_);
    a_ = SeedClinic("North", "Ada");
    b_ = SeedClinic("South", "Bea");
  }

  store::SqlConnection& db() { return database_->db(); }

  app::Id Insert(const std::string& sql, const std::vector<store::SqlValue>& params) {
    auto rows = db().Query(sql + " RETURNING id", params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
  }

  std::int64_t Scalar(const std::string& sql, const std::vector<store::SqlValue>& params = {}) {
    auto rows = database_->Reconnect()->Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : -1;
  }

  std::string Text(const std::string& sql, const std::vector<store::SqlValue>& params = {}) {
    auto rows = database_->Reconnect()->Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    return rows.ok() && !rows->empty() ? rows->front().Text(0) : "";
  }

  std::int64_t AuditCount() { return Scalar("SELECT COUNT(*) FROM audit_log"); }

  // Row counts and versions of every table these use cases touch, as committed: equal before
  // and after a refusal means the refusal wrote nothing.
  std::string Fingerprint() {
    std::string print;
    for (const char* table :
         {"devices", "cartridge_lots", "cartridges", "products", "adverse_events",
          "outcome_assessments", "outcome_assessment_photos", "audit_log"}) {
      print += std::string(table) + "=" +
               std::to_string(Scalar(std::string("SELECT COUNT(*) FROM ") + table)) + " ";
    }
    print += "dv=" + std::to_string(Scalar("SELECT COALESCE(SUM(version), 0) FROM devices"));
    print += " da=" + std::to_string(Scalar("SELECT COALESCE(SUM(active), 0) FROM devices"));
    print +=
        " av=" + std::to_string(Scalar("SELECT COALESCE(SUM(version), 0) FROM adverse_events"));
    return print;
  }

  SeededClinic SeedClinic(const std::string& name, const std::string& client_name) {
    SeededClinic c;
    c.clinic =
        Insert("INSERT INTO clinics (name, time_zone, created_at) VALUES ($1, 'UTC', 1)", {name});
    c.staff = Insert(
        "INSERT INTO staff (clinic_id, full_name, email, role, created_at)"
        " VALUES ($1, 'Dr A', 'a@x', 'physician', 1)",
        {c.clinic});
    c.client = NewClient(c, client_name);
    const auto intake = Insert(
        "INSERT INTO intakes (clinic_id, client_id, revision, intake_json, recorded_by,"
        " recorded_at) VALUES ($1, $2, 1, '{}', $3, 1)",
        {c.clinic, c.client, c.staff});
    c.screening = Insert(
        "INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision, intake_json,"
        " decision_json, kb_version, kb_digest, screened_by, screened_at)"
        " VALUES ($1, $2, $3, '2026-11-20', 'proceed', '{}', '{}', '2026.11.0', 'sha256:x', $4, 1)",
        {c.clinic, c.client, intake, c.staff});
    c.plan = Insert(
        "INSERT INTO plans (clinic_id, client_id, screening_id, indication, sessions,"
        " interval_days, created_by, created_at) VALUES ($1, $2, $3, 'wrinkles', 3, 28, $4, 1)",
        {c.clinic, c.client, c.screening, c.staff});
    c.consent = Insert(
        "INSERT INTO consents (clinic_id, client_id, plan_id, text_version, text_digest,"
        " items_json, signature, signer_name, witnessed_by, signed_at)"
        " VALUES ($1, $2, $3, '1', 'sha256:y', '[]', 'sig', 'Signer', $4, 1)",
        {c.clinic, c.client, c.plan, c.staff});
    c.device = Insert(
        "INSERT INTO devices (clinic_id, model, kind, cleared, max_depth_um, serial)"
        " VALUES ($1, 'Pen', 'pen', 1, 2500, 'SEED-1')",
        {c.clinic});
    c.actor = app::Actor{c.clinic, c.staff, Code("physician")};
    return c;
  }

  app::Id NewClient(const SeededClinic& c, const std::string& given_name) {
    return Insert(
        "INSERT INTO clients (clinic_id, given_name, family_name, birth_date, created_at,"
        " updated_at) VALUES ($1, $2, 'Doe', '1990-05-01', 1, 1)",
        {c.clinic, given_name});
  }

  app::Id NewLot(const SeededClinic& c, const std::string& lot_number,
                 const std::string& expires_on = "2027-06-30") {
    return Insert(
        "INSERT INTO cartridge_lots (clinic_id, lot_number, model, needle_count, needle_material,"
        " expires_on) VALUES ($1, $2, 'C12', 12, 'titanium', $3)",
        {c.clinic, lot_number, expires_on});
  }

  app::Id NewCartridge(const SeededClinic& c, app::Id lot, const std::string& unit) {
    return Insert("INSERT INTO cartridges (clinic_id, lot_id, unit_code) VALUES ($1, $2, $3)",
                  {c.clinic, lot, unit});
  }

  // A draft session for `client` (who shares the clinic's plan and consent: enough for storage).
  app::Id NewSession(const SeededClinic& c, app::Id client, app::Id cartridge,
                     const std::string& performed_on) {
    return Insert(
        "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
        " practitioner_id, device_id, cartridge_id, performed_on, checklist_json, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '{}', 1)",
        {c.clinic, client, c.plan, c.consent, c.screening, c.staff, c.device, cartridge,
         performed_on});
  }

  app::Id NewProduct(const SeededClinic& c, const std::string& name, const std::string& lot) {
    return Insert(
        "INSERT INTO products (clinic_id, name, kind, lot_number, expires_on, sterile,"
        " labelled_for_broken_skin) VALUES ($1, $2, 'glide', $3, '2027-01-31', 1, 1)",
        {c.clinic, name, lot});
  }

  // A plan of the clinic's client for `indication`, on the clinic's screening.
  app::Id NewPlan(const SeededClinic& c, const std::string& indication) {
    return Insert(
        "INSERT INTO plans (clinic_id, client_id, screening_id, indication, sessions,"
        " interval_days, created_by, created_at) VALUES ($1, $2, $3, $4, 3, 28, $5, 1)",
        {c.clinic, c.client, c.screening, indication, c.staff});
  }

  // A baseline photo's metadata row for `client` (the image bytes are not needed here).
  app::Id NewPhoto(const SeededClinic& c, app::Id client, std::int64_t taken_at = 1) {
    return Insert(
        "INSERT INTO photos (clinic_id, client_id, sha256, media_type, byte_count, kind,"
        " taken_at, uploaded_by) VALUES ($1, $2, 'ab12', 'image/jpeg', 100, 'baseline', $3, $4)",
        {c.clinic, client, taken_at, c.staff});
  }

  void UseProduct(app::Id session, app::Id product, const std::string& step) {
    const auto used = db().Execute(
        "INSERT INTO session_products (session_id, position, product_id, step) VALUES ($1,"
        " (SELECT COUNT(*) FROM session_products WHERE session_id = $1), $2, $3)",
        {session, product, step});
    EXPECT_TRUE(used.ok()) << used.status().ToString();
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<store::SqlUnitOfWork> work_;
  std::unique_ptr<store::SqlAuditLog> audit_;
  app::FixedClock clock_{kNow, Date::FromYmd(2026, 11, 20)};
  SeededClinic a_, b_;
};

inline std::string EngineName(const ::testing::TestParamInfo<store::Dialect>& param_info) {
  return std::string(store::DialectName(param_info.param));
}

// The field named by an InvalidFields status, or "" when there is none.
inline std::string FirstField(const Status& status) {
  return status.field_errors().empty() ? "" : status.field_errors().front().path;
}

}  // namespace corium::testing
