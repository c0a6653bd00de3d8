// SqlClientRepository: the app layer's ClientRepository (clients and their intake revisions) over
// a SqlConnection, one portable SQL text for SQLite and PostgreSQL. Single-threaded, like the
// connection; call inside a UnitOfWork.
#pragma once

#include <string>

#include "corium/app/clients.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlClientRepository final : public app::ClientRepository {
 public:
  explicit SqlClientRepository(SqlConnection& db) : db_(db) {}
  Result<app::Client> Insert(app::Id clinic_id, const app::ClientDraft& draft,
                             std::int64_t now) override;
  Result<app::Client> Find(app::Id clinic_id, app::Id client_id) override;
  Result<app::Listing<app::Client>> Search(app::Id clinic_id, const app::ClientQuery& query,
                                           const app::PageRequest& page) override;
  Result<app::Client> Update(app::Id clinic_id, app::Id client_id, std::int64_t read_version,
                             const app::ClientDraft& draft, std::int64_t now) override;
  Result<app::IntakeRecord> AddIntake(app::Id clinic_id, app::Id client_id,
                                      const std::string& intake_json, app::Id recorded_by,
                                      std::int64_t now) override;
  Result<app::IntakeRecord> LatestIntake(app::Id clinic_id, app::Id client_id) override;
  Result<std::vector<app::IntakeRecord>> Intakes(app::Id clinic_id, app::Id client_id) override;

 private:
  SqlConnection& db_;
};

// kNotFound ("client not found", the one message for unknown and other clinics' ids) unless the
// client belongs to the clinic.
Status RequireClientInClinic(SqlConnection& db, app::Id clinic_id, app::Id client_id);

// A civil date as stored (TEXT YYYY-MM-DD); kInternal when the stored text is not one.
Result<Date> StoredDate(const std::string& text);

}  // namespace corium::store
