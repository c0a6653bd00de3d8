// Migration 0006 on both engines: a database at version 5 with charted sessions (a signed one and
// a draft) keeps every zone and product, in the order charted, once its zones and products are
// keyed by session; and the signed session stays immutable, its products now included.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "corium/store/migrations.h"
#include "support/test_databases.h"

namespace corium::store {
namespace {

class ChartDetailMigration : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    engine_ = testing::MakeEmptyTestDatabase(GetParam());
    std::vector<Migration> up_to_5;
    for (const Migration& m : MigrationsFor(GetParam())) {
      if (m.version <= 5) up_to_5.push_back(m);
    }
    const auto report = Migrate(db(), up_to_5, 1'700'000'000);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_EQ(report->to_version, 5);
    Seed();
  }

  SqlConnection& db() { return engine_->db(); }

  std::int64_t Insert(const std::string& sql, const std::vector<SqlValue>& params) {
    auto rows = db().Query(sql + " RETURNING id", params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
  }

  std::vector<std::string> Lines(const std::string& sql, const std::vector<SqlValue>& params) {
    std::vector<std::string> lines;
    auto rows = db().Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    if (!rows.ok()) return lines;
    for (const SqlRow& row : *rows) {
      std::string line;
      for (size_t i = 0; i < row.values.size(); ++i) {
        line += (i == 0 ? "" : " ") + (row.IsNull(i) ? std::string("NULL") : row.Text(i));
      }
      lines.push_back(line);
    }
    return lines;
  }

  std::string Zones(std::int64_t session) {
    std::string out;
    for (const std::string& line :
         Lines("SELECT position, zone, depth_um, passes, endpoint, speed, override_reason"
               " FROM session_zones WHERE session_id = $1 ORDER BY position",
               {session})) {
      out += line + "; ";
    }
    return out;
  }

  std::string Products(std::int64_t session) {
    std::string out;
    for (const std::string& line : Lines("SELECT position, product_id, step FROM session_products"
                                         " WHERE session_id = $1 ORDER BY position",
                                         {session})) {
      out += line + "; ";
    }
    return out;
  }

  // Rows written the way version 5 had them: zones and products with their own ids, in an order
  // that is not their zone-code or product-id order.
  void Seed() {
    const auto clinic =
        Insert("INSERT INTO clinics (name, time_zone, created_at) VALUES ('Demo', 'UTC', 1)", {});
    staff_ = Insert(
        "INSERT INTO staff (clinic_id, full_name, email, role, created_at)"
        " VALUES ($1, 'Dr A', 'a@x', 'physician', 1)",
        {clinic});
    const auto client = Insert(
        "INSERT INTO clients (clinic_id, given_name, family_name, birth_date, created_at,"
        " updated_at) VALUES ($1, 'Ada', 'Lovelace', '1990-05-01', 1, 1)",
        {clinic});
    const auto intake = Insert(
        "INSERT INTO intakes (clinic_id, client_id, revision, intake_json, recorded_by,"
        " recorded_at) VALUES ($1, $2, 1, '{}', $3, 1)",
        {clinic, client, staff_});
    const auto screening = Insert(
        "INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision, intake_json,"
        " decision_json, kb_version, kb_digest, screened_by, screened_at) VALUES ($1, $2, $3,"
        " '2026-11-20', 'proceed', '{}', '{}', '2026.11.0', 'sha256:x', $4, 1)",
        {clinic, client, intake, staff_});
    const auto plan = Insert(
        "INSERT INTO plans (clinic_id, client_id, screening_id, indication, sessions,"
        " interval_days, created_by, created_at) VALUES ($1, $2, $3, 'wrinkles', 3, 28, $4, 1)",
        {clinic, client, screening, staff_});
    const auto consent = Insert(
        "INSERT INTO consents (clinic_id, client_id, plan_id, text_version, text_digest,"
        " items_json, signature, signer_name, witnessed_by, signed_at)"
        " VALUES ($1, $2, $3, '1', 'sha256:y', '[]', 'sig', 'Ada Lovelace', $4, 1)",
        {clinic, client, plan, staff_});
    const auto device = Insert(
        "INSERT INTO devices (clinic_id, model, kind, cleared, max_depth_um, serial)"
        " VALUES ($1, 'Pen', 'pen', 1, 2500, 'SN1')",
        {clinic});
    const auto lot = Insert(
        "INSERT INTO cartridge_lots (clinic_id, lot_number, model, needle_count, needle_material,"
        " expires_on) VALUES ($1, 'L1', 'C12', 12, 'stainless_steel', '2027-06-30')",
        {clinic});
    for (const char* name : {"Serum", "Glide"}) {
      products_.push_back(
          Insert("INSERT INTO products (clinic_id, name, kind, lot_number, expires_on, sterile,"
                 " labelled_for_broken_skin) VALUES ($1, $2, 'glide', 'G1', '2027-06-30', 1, 1)",
                 {clinic, std::string(name)}));
    }
    for (const char* unit : {"U1", "U2"}) {
      const auto cartridge =
          Insert("INSERT INTO cartridges (clinic_id, lot_id, unit_code) VALUES ($1, $2, $3)",
                 {clinic, lot, std::string(unit)});
      sessions_.push_back(Insert(
          "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
          " practitioner_id, device_id, cartridge_id, performed_on, checklist_json, created_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2026-11-20', '{}', 1)",
          {clinic, client, plan, consent, screening, staff_, device, cartridge}));
    }
    // Interleaved, so that each session's ids are not consecutive.
    AddZone(sessions_[0], "forehead", 750, SqlValue());
    AddZone(sessions_[1], "cheeks", 1000, SqlValue());
    AddZone(sessions_[0], "cheeks", 1250, std::string("deep scars"));
    AddProduct(sessions_[0], products_[1], "glide");
    AddProduct(sessions_[1], products_[1], "glide");
    AddProduct(sessions_[0], products_[0], "calming");
    AddProduct(sessions_[0], products_[1], "glide");
    const auto signed_session = db().Execute(
        "UPDATE sessions SET status = 'signed', signed_by = $1, signed_at = 2 WHERE id = $2",
        {staff_, sessions_[0]});
    ASSERT_TRUE(signed_session.ok()) << signed_session.status().ToString();
  }

  void AddZone(std::int64_t session, const char* zone, std::int64_t depth, SqlValue reason) {
    // An override names who made it; a zone without one names nobody.
    SqlValue by;
    if (!std::holds_alternative<std::monostate>(reason)) by = staff_;
    Insert(
        "INSERT INTO session_zones (session_id, zone, depth_um, passes, endpoint, speed,"
        " override_by, override_reason) VALUES ($1, $2, $3, 3, 'erythema', 'level 4', $4, $5)",
        {session, std::string(zone), depth, by, std::move(reason)});
  }

  void AddProduct(std::int64_t session, std::int64_t product, const char* step) {
    Insert("INSERT INTO session_products (session_id, product_id, step) VALUES ($1, $2, $3)",
           {session, product, std::string(step)});
  }

  std::unique_ptr<testing::TestDatabase> engine_;
  std::int64_t staff_ = 0;
  std::vector<std::int64_t> products_, sessions_;
};

TEST_P(ChartDetailMigration, KeepsEveryZoneAndProductInTheOrderCharted) {
  const auto report = Migrate(db(), 1'700'000'100);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->from_version, 5);
  EXPECT_GE(report->to_version, 6);

  EXPECT_EQ(
      Zones(sessions_[0]),
      "0 forehead 750 3 erythema level 4 NULL; 1 cheeks 1250 3 erythema level 4 deep scars; ");
  EXPECT_EQ(Zones(sessions_[1]), "0 cheeks 1000 3 erythema level 4 NULL; ");
  const std::string glide = std::to_string(products_[1]);
  const std::string serum = std::to_string(products_[0]);
  EXPECT_EQ(Products(sessions_[0]),
            "0 " + glide + " glide; 1 " + serum + " calming; 2 " + glide + " glide; ");
  EXPECT_EQ(Products(sessions_[1]), "0 " + glide + " glide; ");
  // The recall index still finds the product's sessions.
  EXPECT_EQ(Lines("SELECT COUNT(DISTINCT session_id) FROM session_products WHERE product_id = $1",
                  {products_[1]}),
            std::vector<std::string>{"2"});
}

TEST_P(ChartDetailMigration, ASignedSessionsZonesAndProductsStayAsSigned) {
  ASSERT_TRUE(Migrate(db(), 1'700'000'100).ok());
  const std::string zones = Zones(sessions_[0]);
  const std::string products = Products(sessions_[0]);
  const std::vector<std::string> refused = {
      std::string("INSERT INTO session_zones (session_id, zone, position, depth_um, passes,") +
          " endpoint) VALUES ($1, 'chin', 2, 500, 1, 'erythema')",
      "UPDATE session_zones SET depth_um = 2000 WHERE session_id = $1",
      "DELETE FROM session_zones WHERE session_id = $1",
      std::string("INSERT INTO session_products (session_id, position, product_id, step)") +
          " VALUES ($1, 3, $2, 'glide')",
      "UPDATE session_products SET step = 'serum' WHERE session_id = $1",
      "DELETE FROM session_products WHERE session_id = $1"};
  for (const std::string& sql : refused) {
    const std::vector<SqlValue> params = sql.find("$2") != std::string::npos
                                             ? std::vector<SqlValue>{sessions_[0], products_[0]}
                                             : std::vector<SqlValue>{sessions_[0]};
    EXPECT_FALSE(db().Execute(sql, params).ok()) << sql;
  }
  EXPECT_EQ(Zones(sessions_[0]), zones);
  EXPECT_EQ(Products(sessions_[0]), products);
}

TEST_P(ChartDetailMigration, ADraftTakesNewZonesButNeverTheSameZoneTwice) {
  ASSERT_TRUE(Migrate(db(), 1'700'000'100).ok());
  const auto added = db().Execute(
      "INSERT INTO session_zones (session_id, zone, position, depth_um, passes, endpoint)"
      " VALUES ($1, 'chin', 1, 500, 1, 'erythema')",
      {sessions_[1]});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  const auto twice = db().Execute(
      "INSERT INTO session_zones (session_id, zone, position, depth_um, passes, endpoint)"
      " VALUES ($1, 'chin', 2, 500, 1, 'erythema')",
      {sessions_[1]});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().code(), StatusCode::kAlreadyExists) << twice.status().ToString();
  EXPECT_EQ(Zones(sessions_[1]),
            "0 cheeks 1000 3 erythema level 4 NULL; 1 chin 500 1 erythema  NULL; ");
}

INSTANTIATE_TEST_SUITE_P(Engines, ChartDetailMigration,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::store
