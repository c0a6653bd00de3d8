#include "corium/store/migrations.h"

#include <openssl/evp.h>

#include <map>

namespace corium::store {
namespace {

constexpr const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";

Result<std::map<int, std::string>> AppliedChecksums(SqlConnection& db) {
  CORIUM_ASSIGN_OR_RETURN(auto rows,
                          db.Query("SELECT version, checksum FROM schema_migrations", {}));
  std::map<int, std::string> applied;
  for (const SqlRow& row : rows) applied[static_cast<int>(row.Int(0))] = row.Text(1);
  return applied;
}

}  // namespace

std::string MigrationChecksum(const std::string& sql) {
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(sql.data(), sql.size(), hash, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[hash[i] >> 4];
    out += kHex[hash[i] & 0x0f];
  }
  return out;
}

Result<int> SchemaVersion(SqlConnection& db) {
  {
    Transaction tx(db, TransactionKind::kWrite);
    CORIUM_RETURN_IF_ERROR(tx.status());
    CORIUM_RETURN_IF_ERROR(db.ExecuteScript(kCreateLedger));
    CORIUM_RETURN_IF_ERROR(tx.Commit());
  }
  CORIUM_ASSIGN_OR_RETURN(auto rows,
                          db.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}));
  return rows.empty() ? 0 : static_cast<int>(rows[0].Int(0));
}

Result<MigrationReport> Migrate(SqlConnection& db, std::int64_t now) {
  return Migrate(db, MigrationsFor(db.dialect()), now);
}

Result<MigrationReport> Migrate(SqlConnection& db, const std::vector<Migration>& migrations,
                                std::int64_t now) {
  MigrationReport report;
  CORIUM_ASSIGN_OR_RETURN(report.from_version, SchemaVersion(db));
  CORIUM_ASSIGN_OR_RETURN(auto applied, AppliedChecksums(db));
  const int known = migrations.empty() ? 0 : migrations.back().version;
  if (report.from_version > known) {
    return Status(StatusCode::kConflict,
                  "the database is at schema version " + std::to_string(report.from_version) +
                      ", newer than this Corium knows (" + std::to_string(known) +
                      "); upgrade Corium");
  }
  for (const Migration& m : migrations) {
    const std::string checksum = MigrationChecksum(m.sql);
    if (const auto it = applied.find(m.version); it != applied.end()) {
      if (it->second != checksum) {
        return Status(StatusCode::kConflict,
                      "migration " + m.name + " was changed after it was applied (" + it->second +
                          " in the database, " + checksum + " shipped)");
      }
      continue;
    }
    Transaction tx(db, TransactionKind::kWrite);
    CORIUM_RETURN_IF_ERROR(tx.status());
    const Status applied_status = db.ExecuteScript(m.sql);
    if (!applied_status.ok()) {
      return Status(applied_status.code(), "migration " + m.name + ": " + applied_status.message());
    }
    CORIUM_ASSIGN_OR_RETURN(
        const auto inserted,
        db.Execute("INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                   "VALUES ($1, $2, $3, $4)",
                   {std::int64_t{m.version}, m.name, checksum, now}));
    (void)inserted;
    CORIUM_RETURN_IF_ERROR(tx.Commit());
    report.applied.push_back(m.name);
  }
  CORIUM_ASSIGN_OR_RETURN(report.to_version, SchemaVersion(db));
  return report;
}

}  // namespace corium::store
