// Durability under sudden death: a child process charts sessions in a loop on a real SQLite file
// and reports each id after its commit returns; the parent kills it with SIGKILL at random moments.
// After every kill the file must pass PRAGMA integrity_check and hold every reported session.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "corium/store/migrations.h"
#include "corium/store/sqlite/backup.h"
#include "corium/store/sqlite/sqlite_connection.h"

namespace corium::store {
namespace {

namespace fs = std::filesystem;

constexpr int kKills = 24;

std::unique_ptr<SqliteConnection> OpenOrDie(const std::string& path) {
  auto db = SqliteConnection::Open(path, OpenMode::kReadWriteCreate);
  if (!db.ok()) {
    std::fprintf(stderr, "open: %s\n", db.status().ToString().c_str());
    _exit(3);
  }
  return std::move(db).value();
}

std::int64_t InsertId(SqlConnection& db, const std::string& sql, const std::vector<SqlValue>& p) {
  auto rows = db.Query(sql + " RETURNING id", p);
  if (!rows.ok() || rows->empty()) {
    std::fprintf(stderr, "insert: %s\n", rows.status().ToString().c_str());
    _exit(4);
  }
  return rows->front().Int(0);
}

// The fixed rows every session refers to; returns the ids in the order sessions need them.
std::vector<std::int64_t> Seed(SqlConnection& db) {
  Transaction tx(db, TransactionKind::kWrite);
  const auto clinic = InsertId(db, "INSERT INTO clinics (name, time_zone, created_at) VALUES ('C','UTC',1)", {});
  const auto staff = InsertId(db, "INSERT INTO staff (clinic_id, full_name, email, role, created_at) VALUES ($1,'Dr','d@x','physician',1)", {clinic});
  const auto client = InsertId(db, "INSERT INTO clients (clinic_id, given_name, family_name, birth_date, created_at, updated_at) VALUES ($1,'A','B','1990-01-01',1,1)", {clinic});
  const auto intake = InsertId(db, "INSERT INTO intakes (clinic_id, client_id, revision, intake_json, recorded_by, recorded_at) VALUES ($1,$2,1,'{}',$3,1)", {clinic, client, staff});
  const auto screening = InsertId(db, "INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision, intake_json, decision_json, kb_version, kb_digest, screened_by, screened_at) VALUES ($1,$2,$3,'2026-11-20','proceed','{}','{}','v','d',$4,1)", {clinic, client, intake, staff});
  const auto plan = InsertId(db, "INSERT INTO plans (clinic_id, client_id, screening_id, indication, sessions, interval_days, created_by, created_at) VALUES ($1,$2,$3,'wrinkles',3,28,$4,1)", {clinic, client, screening, staff});
  const auto consent = InsertId(db, "INSERT INTO consents (clinic_id, client_id, plan_id, text_version, text_digest, items_json, signature, signer_name, witnessed_by, signed_at) VALUES ($1,$2,$3,'1','d','[]','s','A B',$4,1)", {clinic, client, plan, staff});
  const auto device = InsertId(db, "INSERT INTO devices (clinic_id, model, kind, cleared, max_depth_um, serial) VALUES ($1,'P','pen',1,2500,'S')", {clinic});
  const auto lot = InsertId(db, "INSERT INTO cartridge_lots (clinic_id, lot_number, model, needle_count, needle_material, expires_on) VALUES ($1,'L','M',12,'stainless_steel','2030-01-01')", {clinic});
  if (!tx.Commit().ok()) _exit(5);
  return {clinic, client, plan, consent, screening, staff, device, lot};
}

// The child: forever, one transaction per session (cartridge, session, zone, audit), then report.
[[noreturn]] void WriteSessionsUntilKilled(const std::string& path, int report_fd, int round) {
  auto db = OpenOrDie(path);
  auto rows = db->Query("SELECT id FROM clinics", {});
  std::vector<std::int64_t> ids;
  if (!rows.ok() || rows->empty()) {
    ids = Seed(*db);
  } else {
    auto seed = db->Query(
        "SELECT c.id, k.id, p.id, n.id, s.id, f.id, d.id, l.id FROM clinics c, clients k, plans p,"
        " consents n, screenings s, staff f, devices d, cartridge_lots l", {});
    if (!seed.ok() || seed->empty()) _exit(6);
    for (size_t i = 0; i < 8; ++i) ids.push_back(seed->front().Int(i));
  }
  for (std::int64_t n = 0;; ++n) {
    Transaction tx(*db, TransactionKind::kWrite);
    if (!tx.status().ok()) _exit(7);
    const std::string unit = "r" + std::to_string(round) + "-" + std::to_string(n);
    const auto cartridge = InsertId(*db, "INSERT INTO cartridges (clinic_id, lot_id, unit_code) VALUES ($1,$2,$3)", {ids[0], ids[7], unit});
    const auto session = InsertId(*db,
        "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
        " practitioner_id, device_id, cartridge_id, performed_on, checklist_json, created_at)"
        " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'2026-11-20','{}',1)",
        {ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], cartridge});
    if (!db->Execute("INSERT INTO session_zones (session_id, zone, position, depth_um, passes, endpoint) VALUES ($1,'cheeks',0,1000,3,'erythema')", {session}).ok()) _exit(4);
    InsertId(*db, "INSERT INTO audit_log (clinic_id, actor_id, action, record_type, record_id, client_id, at) VALUES ($1,$2,'create','session',$3,$4,1)", {ids[0], ids[5], session, ids[1]});
    if (!tx.Commit().ok()) _exit(8);
    // Only now, after COMMIT returned, is the session acknowledged.
    const std::string line = std::to_string(session) + "\n";
    if (write(report_fd, line.data(), line.size()) < 0) _exit(9);
  }
}

TEST(CrashSafety, EverySessionAcknowledgedBeforeSigkillSurvivesAndTheFileStaysIntact) {
  const fs::path dir = fs::temp_directory_path() / ("corium-crash-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "corium.db").string();
  {
    auto db = OpenOrDie(path);
    ASSERT_TRUE(Migrate(*db, 1).ok());
  }
  std::mt19937 rng(20261120);
  std::uniform_int_distribution<int> delay_ms(15, 120);
  std::set<std::int64_t> acknowledged;
  for (int round = 0; round < kKills; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      WriteSessionsUntilKilled(path, fds[1], round);
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself in round " << round
                                     << " (exit " << WEXITSTATUS(status) << ")";
    std::string reported;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) {
      reported.append(buffer, static_cast<size_t>(n));
    }
    close(fds[0]);
    // A partial last line was never fully acknowledged; only whole lines count.
    size_t start = 0;
    for (size_t end; (end = reported.find('\n', start)) != std::string::npos; start = end + 1) {
      acknowledged.insert(std::stoll(reported.substr(start, end - start)));
    }

    auto db = OpenOrDie(path);
    const auto integrity = IntegrityCheck(*db);
    ASSERT_TRUE(integrity.ok()) << integrity.status().ToString();
    ASSERT_EQ(*integrity, std::vector<std::string>{"ok"}) << "after kill " << round;
    auto rows = db->Query("SELECT id FROM sessions", {});
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    std::set<std::int64_t> present;
    for (const SqlRow& row : *rows) present.insert(row.Int(0));
    for (const std::int64_t id : acknowledged) {
      ASSERT_TRUE(present.count(id) == 1) << "acknowledged session " << id << " lost after kill "
                                          << round;
    }
  }
  EXPECT_GT(acknowledged.size(), static_cast<size_t>(kKills)) << "the writer barely wrote";
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace corium::store
