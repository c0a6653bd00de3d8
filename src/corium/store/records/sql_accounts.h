// SqlAccountRepository: the app layer's AccountRepository (accounts, sessions, API tokens, login
// failures, first-run setup) over a SqlConnection, one portable SQL text for SQLite and
// PostgreSQL. Single-threaded, like the connection; call inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/app/accounts.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlAccountRepository final : public app::AccountRepository {
 public:
  explicit SqlAccountRepository(SqlConnection& db) : db_(db) {}

  Result<bool> AnyAccount() override;
  Result<app::Account> Insert(const app::Account& account, std::int64_t now) override;
  Result<std::optional<app::Account>> FindByEmail(const std::string& email) override;
  Result<std::optional<app::Account>> Find(app::Id clinic_id, app::Id account_id) override;
  Result<std::vector<app::Account>> ForClinic(app::Id clinic_id) override;
  Status UpdatePasswordHash(app::Id account_id, const std::string& hash,
                            std::optional<std::int64_t> changed_at) override;

  Status RecordFailure(const std::string& key, std::int64_t at) override;
  Result<std::int64_t> FailuresSince(const std::string& key, std::int64_t since) override;

  Status InsertSession(const std::string& token_digest, app::Id clinic_id, app::Id account_id,
                       const std::string& csrf_token, std::int64_t now,
                       std::int64_t expires_at) override;
  Result<std::optional<SessionRow>> FindSession(const std::string& token_digest) override;
  Status TouchSession(const std::string& token_digest, std::int64_t now) override;
  Status DeleteSession(const std::string& token_digest) override;
  Status DeleteSessionsOf(app::Id account_id, const std::string& keep_digest) override;
  Status PurgeExpired(std::int64_t now, std::int64_t idle_since,
                      std::int64_t failures_before) override;

  Result<app::ApiTokenInfo> InsertApiToken(app::Id clinic_id, const app::ApiTokenInfo& info,
                                           const std::string& token_digest) override;
  Result<std::optional<app::ApiTokenInfo>> FindApiToken(const std::string& token_digest) override;
  Result<std::vector<app::ApiTokenInfo>> ApiTokensOf(app::Id clinic_id) override;
  Result<std::int64_t> RevokeApiToken(app::Id clinic_id, app::Id token_id,
                                      std::int64_t at) override;
  Status TouchApiToken(app::Id token_id, std::int64_t at) override;

  Result<app::Id> InsertClinic(const std::string& name, const std::string& time_zone,
                               std::int64_t now) override;
  Status DeleteUnusedSetupTokens(std::int64_t created_before) override;
  Result<bool> AnyUnusedSetupToken() override;
  Status InsertSetupToken(const std::string& token_digest, std::int64_t now) override;
  Result<std::int64_t> UseSetupToken(const std::string& token_digest, std::int64_t made_since,
                                     std::int64_t at) override;

 private:
  Result<std::vector<app::Account>> Accounts(const std::string& where,
                                             const std::vector<SqlValue>& params);
  Result<std::vector<app::ApiTokenInfo>> Tokens(const std::string& where,
                                                const std::vector<SqlValue>& params);
  SqlConnection& db_;
};

// For `corium user add`, which picks or makes the clinic and the staff member before the account.
struct ClinicSummary {
  app::Id id = 0;
  std::string name;
  std::string time_zone;
};
Result<std::vector<ClinicSummary>> ListClinics(SqlConnection& db);
// The clinic's staff member with this email (compared in lower case), if any.
Result<std::optional<app::Id>> FindStaffByEmail(SqlConnection& db, app::Id clinic_id,
                                                const std::string& email);

}  // namespace corium::store
