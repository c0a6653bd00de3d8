// SqlStaffRepository: the app layer's StaffRepository over a SqlConnection (SQLite or PostgreSQL,
// one portable SQL text). Single-threaded, like the connection; call inside a UnitOfWork.
#pragma once

#include "corium/app/clients.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlStaffRepository final : public app::StaffRepository {
 public:
  explicit SqlStaffRepository(SqlConnection& db) : db_(db) {}
  Result<app::StaffMember> Insert(app::Id clinic_id, const app::StaffDraft& draft,
                                  std::int64_t now) override;
  Result<app::StaffMember> Find(app::Id clinic_id, app::Id staff_id) override;
  Result<app::Listing<app::StaffMember>> List(app::Id clinic_id,
                                              const app::PageRequest& page) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
