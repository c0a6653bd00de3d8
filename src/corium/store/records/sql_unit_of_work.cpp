#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {

Status SqlUnitOfWork::Run(TransactionKind kind, const std::function<Status()>& body) {
  Transaction tx(db_, kind);
  CORIUM_RETURN_IF_ERROR(tx.status());
  CORIUM_RETURN_IF_ERROR(body());  // the transaction's destructor rolls back
  return tx.Commit();
}

// Reads also take a write transaction: reading a client's record appends its audit entry, and on
// SQLite only BEGIN IMMEDIATE lets a writer wait for the lock instead of failing.
Status SqlUnitOfWork::Read(const std::function<Status()>& body) {
  return Run(TransactionKind::kWrite, body);
}

Status SqlUnitOfWork::Lookup(const std::function<Status()>& body) {
  return Run(TransactionKind::kRead, body);
}

Status SqlUnitOfWork::Write(const std::function<Status()>& body) {
  return Run(TransactionKind::kWrite, body);
}

SqlValue OptionalId(const std::optional<app::Id>& id) {
  return id ? SqlValue(*id) : SqlValue(std::monostate{});
}

Status SqlAuditLog::Append(const app::AuditEntry& e) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto inserted,
      db_.Execute("INSERT INTO audit_log (clinic_id, actor_id, action, record_type, record_id,"
                  " client_id, at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                  {e.clinic_id, OptionalId(e.actor_id), e.action, e.record_type,
                   OptionalId(e.record_id), OptionalId(e.client_id), e.at, e.detail}));
  if (inserted != 1) return Status::Internal("audit entry not written");
  return Status::Ok();
}

}  // namespace corium::store
