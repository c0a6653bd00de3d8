// SqlUnitOfWork and SqlAuditLog: the app layer's transaction and audit ports over a SqlConnection
// (either engine). Single-threaded, like the connection they wrap.
#pragma once

#include "corium/app/audit_log.h"
#include "corium/app/unit_of_work.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlUnitOfWork final : public app::UnitOfWork {
 public:
  explicit SqlUnitOfWork(SqlConnection& db) : db_(db) {}
  Status Write(const std::function<Status()>& body) override;
  Status Read(const std::function<Status()>& body) override;
  Status Lookup(const std::function<Status()>& body) override;

 private:
  Status Run(TransactionKind kind, const std::function<Status()>& body);
  SqlConnection& db_;
};

class SqlAuditLog final : public app::AuditLog {
 public:
  explicit SqlAuditLog(SqlConnection& db) : db_(db) {}
  Status Append(const app::AuditEntry& entry) override;

 private:
  SqlConnection& db_;
};

// Binds an optional id as NULL when absent.
SqlValue OptionalId(const std::optional<app::Id>& id);

}  // namespace corium::store
