// The Accounts use cases over a fresh database of either engine: two clinics, an admin and a
// nurse with accounts in the first, a physician with an account in the second, a fixed clock and
// libsodium's minimum argon2id cost (the production cost is the hasher's own test's business).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "corium/app/accounts.h"
#include "corium/security/password_hasher.h"
#include "corium/security/token_source.h"
#include "corium/store/records/sql_accounts.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "support/test_databases.h"

namespace corium::app {

inline constexpr std::int64_t kStart = 1795167000;  // 2026-11-20T09:30:00Z
inline constexpr std::string_view kAdminPassword = "admin password 1";
inline constexpr std::string_view kNursePassword = "nurse password 1";
inline constexpr std::string_view kPhysicianPassword = "physician password 1";

// One connection's repositories and use cases (a second one stands for another server process).
struct AccountsOver {
  AccountsOver(store::SqlConnection& db, const PasswordHasher& hasher, const TokenSource& tokens,
               const Clock& clock, AccountPolicy policy = {})
      : audit(db),
        work(db, audit),
        staff(db),
        repository(db),
        accounts(work, audit, repository, staff, hasher, tokens, clock, policy) {}
  store::SqlAuditLog audit;
  store::SqlUnitOfWork work;
  store::SqlStaffRepository staff;
  store::SqlAccountRepository repository;
  Accounts accounts;
};

class AccountsTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override;

  store::SqlConnection& db() { return database_->db(); }
  Accounts& accounts() { return over_->accounts; }
  // Rebuilds the use cases with another policy or hasher (same database and clock).
  void Use(const AccountPolicy& policy, const PasswordHasher* hasher = nullptr);

  Id Insert(const std::string& sql, const std::vector<store::SqlValue>& params);
  Id InsertStaff(Id clinic, const std::string& name, const std::string& email,
                 const std::string& role);
  std::int64_t Count(const std::string& table);
  std::int64_t CountWhere(const std::string& sql, const std::vector<store::SqlValue>& params);
  std::int64_t AuditCount(const std::string& action, const std::string& record_type);
  // Moves the fixed clock forward by `seconds`.
  void Advance(std::int64_t seconds);
  std::int64_t Now() const { return clock_.NowSeconds(); }

  SignedIn MustSignIn(const std::string& email, std::string_view password,
                      const std::string& peer = "192.0.2.1");
  Principal MustAuthenticate(const std::string& session_token);

  std::unique_ptr<testing::TestDatabase> database_;
  FixedClock clock_{kStart, Date::FromYmd(2026, 11, 20)};
  security::SodiumTokenSource tokens_;
  std::unique_ptr<AccountsOver> over_;

  Id clinic_ = 0, other_clinic_ = 0;
  Id admin_staff_ = 0, nurse_staff_ = 0, physician_staff_ = 0, esthetician_staff_ = 0;
  Account admin_, nurse_, physician_;
  Actor system_;  // the clinic itself (staff_id 0), as `corium user add` acts
};

// --- Definitions (header-only: the suite builds only *_test.cpp files) ---

inline const security::SodiumPasswordHasher& MinimumCostHasher() {
  static const security::SodiumPasswordHasher hasher(security::PasswordHashParams::Minimum());
  return hasher;
}

inline bool HasField(const Status& status, const std::string& path) {
  for (const FieldError& e : status.field_errors()) {
    if (e.path == path) return true;
  }
  return false;
}

inline void AccountsTest::SetUp() {
  CORIUM_REQUIRE_ENGINE(GetParam());
  database_ = testing::MakeTestDatabase(GetParam());
  Use(AccountPolicy{});
  clinic_ = Insert(
      "INSERT INTO clinics (name, time_zone, created_at)"
      " VALUES ('Salt Lake Skin', 'America/Denver', 1) RETURNING id",
      {});
  other_clinic_ = Insert(
      "INSERT INTO clinics (name, time_zone, created_at)"
      " VALUES ('Provo Skin', 'America/Boise', 1) RETURNING id",
      {});
  admin_staff_ = InsertStaff(clinic_, "Ada Admin", "Ada@SLC.example", "admin");
  nurse_staff_ = InsertStaff(clinic_, "Ben Nurse", "ben@slc.example", "nurse");
  esthetician_staff_ = InsertStaff(clinic_, "Cat Esthetician", "cat@slc.example", "esthetician");
  physician_staff_ = InsertStaff(other_clinic_, "Dee Physician", "dee@provo.example", "physician");
  system_ = Actor{clinic_, 0, Code("admin")};
  auto admin = accounts().CreateAccount(system_, admin_staff_, std::string(kAdminPassword), false);
  auto nurse = accounts().CreateAccount(system_, nurse_staff_, std::string(kNursePassword), false);
  auto physician =
      accounts().CreateAccount(Actor{other_clinic_, 0, Code("admin")}, physician_staff_,
                               std::string(kPhysicianPassword), false);
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  ASSERT_TRUE(nurse.ok()) << nurse.status().ToString();
  ASSERT_TRUE(physician.ok()) << physician.status().ToString();
  admin_ = *admin;
  nurse_ = *nurse;
  physician_ = *physician;
}

inline void AccountsTest::Use(const AccountPolicy& policy, const PasswordHasher* hasher) {
  over_ = std::make_unique<AccountsOver>(db(), hasher ? *hasher : MinimumCostHasher(), tokens_,
                                         clock_, policy);
}

inline Id AccountsTest::Insert(const std::string& sql, const std::vector<store::SqlValue>& params) {
  auto rows = db().Query(sql, params);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
  return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
}

inline Id AccountsTest::InsertStaff(Id clinic, const std::string& name, const std::string& email,
                                    const std::string& role) {
  return Insert(
      "INSERT INTO staff (clinic_id, full_name, email, role, jurisdiction, created_at)"
      " VALUES ($1, $2, $3, $4, 'US-UT', 1) RETURNING id",
      {clinic, name, email, role});
}

inline std::int64_t AccountsTest::Count(const std::string& table) {
  return CountWhere("SELECT COUNT(*) FROM " + table, {});
}

inline std::int64_t AccountsTest::CountWhere(const std::string& sql,
                                             const std::vector<store::SqlValue>& params) {
  auto rows = db().Query(sql, params);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
  return rows.ok() && !rows->empty() ? rows->front().Int(0) : -1;
}

inline std::int64_t AccountsTest::AuditCount(const std::string& action,
                                             const std::string& record_type) {
  return CountWhere("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND record_type = $2",
                    {action, record_type});
}

inline void AccountsTest::Advance(std::int64_t seconds) {
  clock_.Set(clock_.NowSeconds() + seconds, clock_.Today());
}

inline SignedIn AccountsTest::MustSignIn(const std::string& email, std::string_view password,
                                         const std::string& peer) {
  auto signed_in = accounts().SignIn(email, std::string(password), peer);
  EXPECT_TRUE(signed_in.ok()) << signed_in.status().ToString();
  return signed_in.ok() ? *signed_in : SignedIn{};
}

inline Principal AccountsTest::MustAuthenticate(const std::string& session_token) {
  auto principal = accounts().AuthenticateSession(session_token);
  EXPECT_TRUE(principal.ok()) << principal.status().ToString();
  return principal.ok() ? *principal : Principal{};
}

}  // namespace corium::app
