// The storage contract, run on both engines: the migrations build the same schema on SQLite and
// PostgreSQL, and the database itself refuses what must never happen (a cartridge used twice, a
// signed chart or consent changed, an audit row rewritten), leaving the data as it was.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

#include "corium/store/migrations.h"
#include "corium/store/postgres/postgres_connection.h"
#include "corium/store/sqlite/sqlite_connection.h"
#include "support/test_databases.h"

namespace corium::store {
namespace {

class SchemaContract : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    engine_ = testing::MakeTestDatabase(GetParam());
    Seed();
  }

  SqlConnection& db() { return engine_->db(); }

  std::int64_t Insert(const std::string& sql, const std::vector<SqlValue>& params) {
    auto rows = db().Query(sql + " RETURNING id", params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
  }

  std::int64_t Count(const std::string& table) {
    auto rows = db().Query("SELECT COUNT(*) FROM " + table, {});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->front().Int(0) : -1;
  }

  // A clinic with one practitioner, one client, screening, plan, consent, device and two
  // cartridges.
  void Seed() {
    clinic_ = Insert("INSERT INTO clinics (name, time_zone, created_at) VALUES ($1, $2, $3)",
                     {std::string("Demo"), std::string("America/Denver"), std::int64_t{1}});
    staff_ = Insert(
        "INSERT INTO staff (clinic_id, full_name, email, role, created_at) VALUES ($1,$2,$3,$4,$5)",
        {clinic_, std::string("Dr A"), std::string("a@x"), std::string("physician"),
         std::int64_t{1}});
    client_ = Insert(
        "INSERT INTO clients (clinic_id, given_name, family_name, birth_date, created_at,"
        " updated_at) VALUES ($1,$2,$3,$4,$5,$5)",
        {clinic_, std::string("Ada"), std::string("Lovelace"), std::string("1990-05-01"),
         std::int64_t{1}});
    const auto intake = Insert(
        "INSERT INTO intakes (clinic_id, client_id, revision, intake_json, recorded_by,"
        " recorded_at) VALUES ($1,$2,1,'{}',$3,1)",
        {clinic_, client_, staff_});
    screening_ = Insert(
        "INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision, intake_json,"
        " decision_json, kb_version, kb_digest, screened_by, screened_at)"
        " VALUES ($1,$2,$3,'2026-11-20','proceed','{}','{}','2026.11.0','sha256:x',$4,1)",
        {clinic_, client_, intake, staff_});
    plan_ = Insert(
        "INSERT INTO plans (clinic_id, client_id, screening_id, indication, sessions,"
        " interval_days, created_by, created_at) VALUES ($1,$2,$3,'wrinkles',3,28,$4,1)",
        {clinic_, client_, screening_, staff_});
    consent_ = Insert(
        "INSERT INTO consents (clinic_id, client_id, plan_id, text_version, text_digest,"
        " items_json, signature, signer_name, witnessed_by, signed_at)"
        " VALUES ($1,$2,$3,'1','sha256:y','[\"CN-01\"]','sig','Ada Lovelace',$4,1)",
        {clinic_, client_, plan_, staff_});
    device_ = Insert(
        "INSERT INTO devices (clinic_id, model, kind, cleared, max_depth_um, serial)"
        " VALUES ($1,'Pen','pen',1,2500,'SN1')",
        {clinic_});
    const auto lot = Insert(
        "INSERT INTO cartridge_lots (clinic_id, lot_number, model, needle_count, needle_material,"
        " expires_on) VALUES ($1,'L1','C12',12,'stainless_steel','2027-06-30')",
        {clinic_});
    cartridge_ = Insert("INSERT INTO cartridges (clinic_id, lot_id, unit_code) VALUES ($1,$2,'U1')",
                        {clinic_, lot});
    session_ = NewSession(cartridge_);
  }

  std::int64_t NewSession(std::int64_t cartridge) {
    return Insert(
        "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
        " practitioner_id, device_id, cartridge_id, performed_on, checklist_json, created_at)"
        " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'2026-11-20','{}',1)",
        {clinic_, client_, plan_, consent_, screening_, staff_, device_, cartridge});
  }

  void Sign(std::int64_t session) {
    auto changed = db().Execute(
        "UPDATE sessions SET status = 'signed', signed_by = $1, signed_at = 2 WHERE id = $2",
        {staff_, session});
    ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  }

  std::unique_ptr<testing::TestDatabase> engine_;
  std::int64_t clinic_ = 0, staff_ = 0, client_ = 0, screening_ = 0, plan_ = 0, consent_ = 0,
               device_ = 0, cartridge_ = 0, session_ = 0;
};

TEST_P(SchemaContract, MigratingTwiceAppliesNothingTheSecondTime) {
  const auto again = Migrate(db(), 1'700'000'100);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, again->to_version);
  EXPECT_GE(again->to_version, 1);
}

TEST_P(SchemaContract, AChangedMigrationIsRefused) {
  std::vector<Migration> edited = MigrationsFor(db().dialect());
  edited.front().sql += "\n-- edited after release\n";
  const auto report = Migrate(db(), edited, 1'700'000'200);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kConflict);
}

TEST_P(SchemaContract, InsertReturningIdAnswersTheIdOfTheRowItWrote) {
  const auto id = db().InsertReturningId(
      "INSERT INTO amendments (clinic_id, record_type, record_id, reason, body_json, author_id,"
      " created_at) VALUES ($1, 'session', $2, 'typo', '{}', $3, 1)",
      {clinic_, session_, staff_});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto row = db().Query("SELECT reason FROM amendments WHERE id = $1", {*id});
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  ASSERT_EQ(row->size(), 1u);
  EXPECT_EQ(row->front().Text(0), "typo");
  // A second row gets its own id, not the first one's.
  const auto next = db().InsertReturningId(
      "INSERT INTO amendments (clinic_id, record_type, record_id, reason, body_json, author_id,"
      " created_at) VALUES ($1, 'session', $2, 'typo again', '{}', $3, 2)",
      {clinic_, session_, staff_});
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_GT(*next, *id);
}

TEST_P(SchemaContract, InsertReturningIdRefusesAnInsertOfNoRow) {
  const auto before = Count("amendments");
  const auto none = db().InsertReturningId(
      "INSERT INTO amendments (clinic_id, record_type, record_id, reason, body_json, author_id,"
      " created_at) SELECT id, 'session', id, 'typo', '{}', id, 1 FROM clinics WHERE id < 0",
      {});
  EXPECT_EQ(none.status().code(), StatusCode::kInternal) << none.status().ToString();
  EXPECT_EQ(Count("amendments"), before);
}

TEST_P(SchemaContract, ACartridgeServesOneSessionOnly) {
  const auto before = Count("sessions");
  auto second = db().Query(
      "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
      " practitioner_id, device_id, cartridge_id, performed_on, checklist_json, created_at)"
      " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'2026-11-21','{}',1) RETURNING id",
      {clinic_, client_, plan_, consent_, screening_, staff_, device_, cartridge_});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Count("sessions"), before);
}

TEST_P(SchemaContract, ASignedSessionCannotBeChangedOrDeleted) {
  Sign(session_);
  auto edit = db().Execute("UPDATE sessions SET notes = 'changed' WHERE id = $1", {session_});
  EXPECT_FALSE(edit.ok());
  auto remove = db().Execute("DELETE FROM sessions WHERE id = $1", {session_});
  EXPECT_FALSE(remove.ok());
  auto zone = db().Execute(
      "INSERT INTO session_zones (session_id, zone, position, depth_um, passes, endpoint)"
      " VALUES ($1, 'cheeks', 0, 1000, 3, 'erythema')",
      {session_});
  EXPECT_FALSE(zone.ok());
  auto rows = db().Query("SELECT notes, status FROM sessions WHERE id = $1", {session_});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->front().Text(0), "");
  EXPECT_EQ(rows->front().Text(1), "signed");
}

TEST_P(SchemaContract, ADraftSessionCanBeEditedBeforeSigning) {
  auto edit = db().Execute(
      "UPDATE sessions SET notes = 'draft note', version = version + 1"
      " WHERE id = $1 AND version = $2",
      {session_, std::int64_t{1}});
  ASSERT_TRUE(edit.ok()) << edit.status().ToString();
  EXPECT_EQ(*edit, 1);
  // The same stale version now changes nothing: optimistic concurrency.
  auto stale = db().Execute("UPDATE sessions SET notes = 'lost' WHERE id = $1 AND version = $2",
                            {session_, std::int64_t{1}});
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(*stale, 0);
}

TEST_P(SchemaContract, SignedConsentsScreeningsAndAmendmentsAreImmutable) {
  EXPECT_FALSE(
      db().Execute("UPDATE consents SET signer_name = 'x' WHERE id = $1", {consent_}).ok());
  EXPECT_FALSE(db().Execute("DELETE FROM consents WHERE id = $1", {consent_}).ok());
  EXPECT_FALSE(
      db().Execute("UPDATE screenings SET decision = 'proceed' WHERE id = $1", {screening_}).ok());
  const auto amendment = Insert(
      "INSERT INTO amendments (clinic_id, record_type, record_id, reason, body_json, author_id,"
      " created_at) VALUES ($1,'session',$2,'typo in notes','{}',$3,3)",
      {clinic_, session_, staff_});
  EXPECT_FALSE(db().Execute("UPDATE amendments SET reason = 'x' WHERE id = $1", {amendment}).ok());
  auto rows = db().Query("SELECT signer_name FROM consents WHERE id = $1", {consent_});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->front().Text(0), "Ada Lovelace");
}

TEST_P(SchemaContract, TheAuditLogIsAppendOnly) {
  const auto row = Insert(
      "INSERT INTO audit_log (clinic_id, actor_id, action, record_type, record_id, client_id, at)"
      " VALUES ($1,$2,'read','client',$3,$3,5)",
      {clinic_, staff_, client_});
  EXPECT_FALSE(db().Execute("UPDATE audit_log SET action = 'none' WHERE id = $1", {row}).ok());
  EXPECT_FALSE(db().Execute("DELETE FROM audit_log WHERE id = $1", {row}).ok());
  EXPECT_FALSE(db().Execute("DELETE FROM audit_log", {}).ok());
  if (db().dialect() == Dialect::kPostgres) {
    // TRUNCATE skips row triggers; a statement trigger refuses it.
    EXPECT_FALSE(db().ExecuteScript("TRUNCATE audit_log CASCADE").ok());
  }
  EXPECT_EQ(Count("audit_log"), 1);
}

TEST_P(SchemaContract, ChecksRejectImpossibleValuesAndLeaveTablesUnchanged) {
  const auto before = Count("adverse_events");
  auto bad_grade = db().Query(
      "INSERT INTO adverse_events (clinic_id, client_id, onset_on, description, grade, causality,"
      " reported_by, created_at) VALUES ($1,$2,'2026-11-21','redness',5,'possible',$3,1)"
      " RETURNING id",
      {clinic_, client_, staff_});
  ASSERT_FALSE(bad_grade.ok());
  EXPECT_EQ(bad_grade.status().code(), StatusCode::kInvalidArgument);
  auto no_reason = db().Query(
      "INSERT INTO screening_overrides (clinic_id, screening_id, prescriber_id, reason, decided_at)"
      " VALUES ($1,$2,$3,'',1) RETURNING id",
      {clinic_, screening_, staff_});
  EXPECT_FALSE(no_reason.ok());
  EXPECT_EQ(Count("adverse_events"), before);
  EXPECT_EQ(Count("screening_overrides"), 0);
}

TEST_P(SchemaContract, RecallFindsEveryClientOfALotInOneQuery) {
  Sign(session_);
  auto rows = db().Query(
      "SELECT c.id, s.id FROM cartridge_lots l"
      " JOIN cartridges k ON k.lot_id = l.id"
      " JOIN sessions s ON s.cartridge_id = k.id"
      " JOIN clients c ON c.id = s.client_id"
      " WHERE l.clinic_id = $1 AND l.lot_number = $2",
      {clinic_, std::string("L1")});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().Int(0), client_);
  EXPECT_EQ(rows->front().Int(1), session_);
}

INSTANTIATE_TEST_SUITE_P(Engines, SchemaContract,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(DialectName(param_info.param));
                         });

// Both engines' migrations build the same shape: the same tables with the same columns, and the
// same named indexes (constraint-backed ones aside, which each engine names its own way).
class SchemaShape : public ::testing::Test {
 protected:
  void SetUp() override { CORIUM_REQUIRE_ENGINE(Dialect::kPostgres); }

  static std::set<std::string> Strings(SqlConnection& db, const std::string& sql) {
    std::set<std::string> out;
    auto rows = db.Query(sql, {});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (!rows.ok()) return out;
    for (const SqlRow& row : *rows) out.insert(row.Text(0));
    return out;
  }
};

TEST_F(SchemaShape, BothEnginesHaveTheSameTablesColumnsAndIndexes) {
  const auto sqlite = testing::MakeTestDatabase(Dialect::kSqlite);
  const auto postgres = testing::MakeTestDatabase(Dialect::kPostgres);
  const auto sqlite_columns =
      Strings(sqlite->db(),
              "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p"
              " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
  const auto postgres_columns =
      Strings(postgres->db(),
              "SELECT table_name || '.' || column_name FROM information_schema.columns"
              " WHERE table_schema = current_schema()");
  EXPECT_EQ(sqlite_columns, postgres_columns);
  EXPECT_TRUE(sqlite_columns.count("outcome_assessment_photos.photo_id"));
  EXPECT_FALSE(sqlite_columns.count("outcome_assessments.photo_ids_json"));

  const auto sqlite_indexes = Strings(
      sqlite->db(),
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'");
  const auto postgres_indexes =
      Strings(postgres->db(),
              "SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = current_schema()"
              " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)");
  EXPECT_EQ(sqlite_indexes, postgres_indexes);
  for (const char* index : {"consents_by_plan", "screening_overrides_by_screening"}) {
    EXPECT_TRUE(sqlite_indexes.count(index)) << index;
  }
}

}  // namespace
}  // namespace corium::store
