// SqlScreeningRepository: the app layer's ScreeningRepository over a SqlConnection, one portable
// SQL text for SQLite and PostgreSQL. Screenings are only ever inserted (triggers refuse UPDATE and
// DELETE); overrides sit beside them. Single-threaded, like the connection.
#pragma once

#include "corium/app/clients.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlScreeningRepository final : public app::ScreeningRepository {
 public:
  explicit SqlScreeningRepository(SqlConnection& db) : db_(db) {}
  Result<app::Screening> Insert(app::Id clinic_id, const app::Screening& screening) override;
  Result<app::Screening> Find(app::Id clinic_id, app::Id screening_id) override;
  Result<app::ScreeningOverride> AddOverride(app::Id clinic_id,
                                             const app::ScreeningOverride& entry) override;
  Result<std::vector<app::Screening>> ForClient(app::Id clinic_id, app::Id client_id) override;

 private:
  // Screenings matching `where` (over clinic $1 and one id $2), with their overrides.
  Result<std::vector<app::Screening>> Select(const std::string& where, app::Id clinic_id,
                                             app::Id id);
  SqlConnection& db_;
};

}  // namespace corium::store
