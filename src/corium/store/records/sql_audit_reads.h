// SqlAuditTrail: the app layer's read-only AuditTrail over a SqlConnection (SQLite or PostgreSQL,
// one portable SQL text). Single-threaded, like the connection; call inside a UnitOfWork.
#pragma once

#include "corium/app/audit_reads.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlAuditTrail final : public app::AuditTrail {
 public:
  explicit SqlAuditTrail(SqlConnection& db) : db_(db) {}
  Result<app::Listing<app::AuditRecord>> Search(app::Id clinic_id, const app::AuditQuery& query,
                                                const app::PageRequest& page) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
