// SqlAftercareRepository: the app's AftercareRepository (who a session was for and by, and the
// client's latest intake) over a SqlConnection, in portable SQL for both engines. Single-threaded,
// like the connection it wraps.
#pragma once

#include "corium/app/aftercare.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlAftercareRepository final : public app::AftercareRepository {
 public:
  explicit SqlAftercareRepository(SqlConnection& db) : db_(db) {}

  Result<app::SessionParties> Parties(app::Id clinic_id, app::Id session_id) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
