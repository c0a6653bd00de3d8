#include "corium/store/records/sql_accounts.h"

#include <sstream>

namespace corium::store {
namespace {

// An account with what it is read with: the staff member's role and name (and whether they are
// still active), the clinic's time zone.
// An account's columns, as AccountFrom reads them, from `accounts a`, `staff s` and `clinics c`.
#define CORIUM_ACCOUNT_COLUMNS                                                                    \
  "a.id, a.clinic_id, a.staff_id, a.email, s.role, s.full_name, a.admin,"                         \
  " CASE WHEN a.active = 1 AND s.active = 1 THEN 1 ELSE 0 END, a.password_hash, a.version,"       \
  " c.time_zone"
constexpr size_t kAccountColumnCount = 11;

constexpr std::string_view kAccountSelect =
    "SELECT " CORIUM_ACCOUNT_COLUMNS
    " FROM accounts a JOIN staff s ON s.id = a.staff_id JOIN clinics c ON c.id = a.clinic_id ";

// A session and, in the same statement, its account: every request signed in with a cookie reads
// both, and one statement costs half of two. The account's columns are null when it is gone.
constexpr std::string_view kSessionSelect =
    "SELECT t.clinic_id, t.account_id, t.csrf_token, t.last_seen_at, t.expires_at, "
    CORIUM_ACCOUNT_COLUMNS
    " FROM auth_sessions t LEFT JOIN accounts a ON a.id = t.account_id AND a.clinic_id = t.clinic_id"
    " LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN clinics c ON c.id = a.clinic_id"
    " WHERE t.token_digest = $1";
constexpr size_t kSessionColumnCount = 5;
#undef CORIUM_ACCOUNT_COLUMNS

constexpr std::string_view kTokenSelect =
    "SELECT id, clinic_id, account_id, name, scopes, created_at, expires_at, revoked_at,"
    " last_used_at FROM api_tokens ";

// The account whose columns start at column `at` of `row`.
app::Account AccountFrom(const SqlRow& row, size_t at = 0) {
  app::Account account;
  account.id = row.Int(at);
  account.clinic_id = row.Int(at + 1);
  account.staff_id = row.Int(at + 2);
  account.email = row.Text(at + 3);
  account.role = row.Text(at + 4);
  account.full_name = row.Text(at + 5);
  account.admin = row.Int(at + 6) != 0;
  account.active = row.Int(at + 7) != 0;
  account.password_hash = row.Text(at + 8);
  account.version = row.Int(at + 9);
  account.time_zone = row.Text(at + 10);
  return account;
}

std::optional<std::int64_t> OptionalInt(const SqlRow& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Int(column);
}

SqlValue OptionalValue(const std::optional<std::int64_t>& value) {
  return value ? SqlValue(*value) : SqlValue(std::monostate{});
}

// Scopes are stored as permission names separated by spaces. A name this build does not know
// (a permission renamed since) is dropped: the token can only do less, never more.
std::string ScopesText(const std::vector<app::Permission>& scopes) {
  std::string out;
  for (const app::Permission scope : scopes) {
    if (!out.empty()) out += ' ';
    out += app::PermissionName(scope);
  }
  return out;
}

std::vector<app::Permission> ScopesFrom(const std::string& text) {
  std::vector<app::Permission> scopes;
  std::istringstream names(text);
  std::string name;
  while (names >> name) {
    for (int i = 0; i < app::kPermissionCount; ++i) {
      const auto permission = static_cast<app::Permission>(i);
      if (app::PermissionName(permission) == name) scopes.push_back(permission);
    }
  }
  return scopes;
}

app::ApiTokenInfo TokenFrom(const SqlRow& row) {
  app::ApiTokenInfo info;
  info.id = row.Int(0);
  info.clinic_id = row.Int(1);
  info.account_id = row.Int(2);
  info.name = row.Text(3);
  info.scopes = ScopesFrom(row.Text(4));
  info.created_at = row.Int(5);
  info.expires_at = OptionalInt(row, 6);
  info.revoked_at = OptionalInt(row, 7);
  info.last_used_at = OptionalInt(row, 8);
  return info;
}

template <typename T>
Result<std::optional<T>> First(Result<std::vector<T>> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(std::move(rows->front()));
}

}  // namespace

Result<std::vector<app::Account>> SqlAccountRepository::Accounts(
    const std::string& where, const std::vector<SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query(std::string(kAccountSelect) + where, params));
  std::vector<app::Account> accounts;
  accounts.reserve(rows.size());
  for (const SqlRow& row : rows) accounts.push_back(AccountFrom(row));
  return accounts;
}

Result<std::vector<app::ApiTokenInfo>> SqlAccountRepository::Tokens(
    const std::string& where, const std::vector<SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query(std::string(kTokenSelect) + where, params));
  std::vector<app::ApiTokenInfo> tokens;
  tokens.reserve(rows.size());
  for (const SqlRow& row : rows) tokens.push_back(TokenFrom(row));
  return tokens;
}

Result<bool> SqlAccountRepository::AnyAccount() {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query("SELECT 1 FROM accounts LIMIT 1", {}));
  return !rows.empty();
}

Result<app::Account> SqlAccountRepository::Insert(const app::Account& account, std::int64_t now) {
  auto rows = db_.Query(
      "INSERT INTO accounts (clinic_id, staff_id, email, password_hash, admin, active, created_at,"
      " password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
      {account.clinic_id, account.staff_id, account.email, account.password_hash,
       std::int64_t{account.admin ? 1 : 0}, std::int64_t{account.active ? 1 : 0}, now});
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kAlreadyExists) {
      return Status::AlreadyExists("this email or staff member has an account already");
    }
    return rows.status();
  }
  if (rows->empty()) return Status::Internal("inserting an account returned no id");
  app::Account stored = account;
  stored.id = rows->front().Int(0);
  stored.version = 1;
  return stored;
}

Result<std::optional<app::Account>> SqlAccountRepository::FindByEmail(const std::string& email) {
  return First(Accounts("WHERE a.email = $1", {email}));
}

Result<std::optional<app::Account>> SqlAccountRepository::Find(app::Id clinic_id,
                                                               app::Id account_id) {
  return First(Accounts("WHERE a.clinic_id = $1 AND a.id = $2", {clinic_id, account_id}));
}

Result<std::vector<app::Account>> SqlAccountRepository::ForClinic(app::Id clinic_id) {
  return Accounts("WHERE a.clinic_id = $1 ORDER BY a.id", {clinic_id});
}

Status SqlAccountRepository::UpdatePasswordHash(app::Id account_id, const std::string& hash,
                                                std::optional<std::int64_t> changed_at) {
  CORIUM_ASSIGN_OR_RETURN(
      const std::int64_t changed,
      db_.Execute("UPDATE accounts SET password_hash = $2, version = version + 1,"
                  " password_changed_at = COALESCE($3, password_changed_at) WHERE id = $1",
                  {account_id, hash, OptionalValue(changed_at)}));
  if (changed != 1) return Status::NotFound("account not found");
  return Status::Ok();
}

Status SqlAccountRepository::RecordFailure(const std::string& key, std::int64_t at) {
  return db_.Execute("INSERT INTO login_failures (key, at) VALUES ($1, $2)", {key, at}).status();
}

Result<std::int64_t> SqlAccountRepository::FailuresSince(const std::string& key,
                                                         std::int64_t since) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at > $2", {key, since}));
  return rows.empty() ? 0 : rows.front().Int(0);
}

Status SqlAccountRepository::InsertSession(const std::string& token_digest, app::Id clinic_id,
                                           app::Id account_id, const std::string& csrf_token,
                                           std::int64_t now, std::int64_t expires_at) {
  return db_
      .Execute(
          "INSERT INTO auth_sessions (token_digest, clinic_id, account_id, csrf_token, created_at,"
          " last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $5, $6)",
          {token_digest, clinic_id, account_id, csrf_token, now, expires_at})
      .status();
}

Result<std::optional<app::AccountRepository::SessionRow>> SqlAccountRepository::FindSession(
    const std::string& token_digest) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query(kSessionSelect, {token_digest}));
  if (rows.empty()) return std::optional<SessionRow>();
  const SqlRow& row = rows.front();
  SessionRow session;
  session.clinic_id = row.Int(0);
  session.account_id = row.Int(1);
  session.csrf_token = row.Text(2);
  session.last_seen_at = row.Int(3);
  session.expires_at = row.Int(4);
  // The account, its staff member and its clinic all joined (as Find requires), or none.
  const bool account_found = !row.IsNull(kSessionColumnCount) &&
                             !row.IsNull(kSessionColumnCount + 4) &&
                             !row.IsNull(kSessionColumnCount + kAccountColumnCount - 1);
  if (account_found) session.account = AccountFrom(row, kSessionColumnCount);
  return std::optional<SessionRow>(std::move(session));
}

Status SqlAccountRepository::TouchSession(const std::string& token_digest, std::int64_t now) {
  return db_
      .Execute("UPDATE auth_sessions SET last_seen_at = $2 WHERE token_digest = $1",
               {token_digest, now})
      .status();
}

Status SqlAccountRepository::DeleteSession(const std::string& token_digest) {
  return db_.Execute("DELETE FROM auth_sessions WHERE token_digest = $1", {token_digest}).status();
}

Status SqlAccountRepository::DeleteSessionsOf(app::Id account_id, const std::string& keep_digest) {
  return db_
      .Execute("DELETE FROM auth_sessions WHERE account_id = $1 AND token_digest <> $2",
               {account_id, keep_digest})
      .status();
}

Status SqlAccountRepository::PurgeExpired(std::int64_t now, std::int64_t idle_since,
                                          std::int64_t failures_before) {
  CORIUM_RETURN_IF_ERROR(
      db_.Execute("DELETE FROM auth_sessions WHERE expires_at <= $1 OR last_seen_at < $2",
                  {now, idle_since})
          .status());
  return db_.Execute("DELETE FROM login_failures WHERE at < $1", {failures_before}).status();
}

Result<app::ApiTokenInfo> SqlAccountRepository::InsertApiToken(app::Id clinic_id,
                                                               const app::ApiTokenInfo& info,
                                                               const std::string& token_digest) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO api_tokens (clinic_id, account_id, name, token_digest, scopes,"
                " created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                {clinic_id, info.account_id, info.name, token_digest, ScopesText(info.scopes),
                 info.created_at, OptionalValue(info.expires_at)}));
  if (rows.empty()) return Status::Internal("inserting an API token returned no id");
  app::ApiTokenInfo stored = info;
  stored.id = rows.front().Int(0);
  stored.clinic_id = clinic_id;
  stored.revoked_at.reset();
  stored.last_used_at.reset();
  return stored;
}

Result<std::optional<app::ApiTokenInfo>> SqlAccountRepository::FindApiToken(
    const std::string& token_digest) {
  return First(Tokens("WHERE token_digest = $1", {token_digest}));
}

Result<std::vector<app::ApiTokenInfo>> SqlAccountRepository::ApiTokensOf(app::Id clinic_id) {
  return Tokens("WHERE clinic_id = $1 ORDER BY id", {clinic_id});
}

Result<std::int64_t> SqlAccountRepository::RevokeApiToken(app::Id clinic_id, app::Id token_id,
                                                          std::int64_t at) {
  return db_.Execute(
      "UPDATE api_tokens SET revoked_at = $3"
      " WHERE clinic_id = $1 AND id = $2 AND revoked_at IS NULL",
      {clinic_id, token_id, at});
}

Status SqlAccountRepository::TouchApiToken(app::Id token_id, std::int64_t at) {
  return db_.Execute("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", {token_id, at})
      .status();
}

Result<app::Id> SqlAccountRepository::InsertClinic(const std::string& name,
                                                   const std::string& time_zone, std::int64_t now) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "INSERT INTO clinics (name, time_zone, created_at) VALUES ($1, $2, $3) RETURNING id",
          {name, time_zone, now}));
  if (rows.empty()) return Status::Internal("inserting a clinic returned no id");
  return rows.front().Int(0);
}

Status SqlAccountRepository::DeleteUnusedSetupTokens(std::int64_t created_before) {
  return db_
      .Execute("DELETE FROM setup_tokens WHERE used_at IS NULL AND created_at < $1",
               {created_before})
      .status();
}

Result<bool> SqlAccountRepository::AnyUnusedSetupToken() {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query("SELECT 1 FROM setup_tokens WHERE used_at IS NULL LIMIT 1", {}));
  return !rows.empty();
}

Status SqlAccountRepository::InsertSetupToken(const std::string& token_digest, std::int64_t now) {
  return db_
      .Execute("INSERT INTO setup_tokens (token_digest, created_at) VALUES ($1, $2)",
               {token_digest, now})
      .status();
}

Result<std::int64_t> SqlAccountRepository::UseSetupToken(const std::string& token_digest,
                                                         std::int64_t made_since, std::int64_t at) {
  return db_.Execute(
      "UPDATE setup_tokens SET used_at = $3"
      " WHERE token_digest = $1 AND used_at IS NULL AND created_at >= $2",
      {token_digest, made_since, at});
}

Result<std::vector<ClinicSummary>> ListClinics(SqlConnection& db) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db.Query("SELECT id, name, time_zone FROM clinics ORDER BY id", {}));
  std::vector<ClinicSummary> clinics;
  clinics.reserve(rows.size());
  for (const SqlRow& row : rows) clinics.push_back({row.Int(0), row.Text(1), row.Text(2)});
  return clinics;
}

Result<std::optional<app::Id>> FindStaffByEmail(SqlConnection& db, app::Id clinic_id,
                                                const std::string& email) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db.Query("SELECT id FROM staff WHERE clinic_id = $1 AND lower(email) = $2 ORDER BY id",
               {clinic_id, email}));
  if (rows.empty()) return std::optional<app::Id>();
  return std::optional<app::Id>(rows.front().Int(0));
}

}  // namespace corium::store
