// SqlUnitOfWork and SqlAuditLog: the app layer's transaction and audit ports over a SqlConnection
// (either engine). Single-threaded, like the connection they wrap.
#pragma once

#include <memory>
#include <vector>

#include "corium/app/audit_log.h"
#include "corium/app/unit_of_work.h"
#include "corium/store/records/audit_writer.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlAuditLog final : public app::AuditLog {
 public:
  explicit SqlAuditLog(SqlConnection& db) : db_(db) {}
  Status Append(const app::AuditEntry& entry) override;

  // While held (SqlUnitOfWork::Read, during its read transaction), Append keeps its entries
  // instead of writing them; Release hands them over and lets Append write again.
  void Hold();
  std::vector<app::AuditEntry> Release();

 private:
  SqlConnection& db_;
  bool holding_ = false;
  std::vector<app::AuditEntry> held_;
};

class SqlUnitOfWork final : public app::UnitOfWork {
 public:
  // Read without the audit log it appends to is one write transaction, body and entries together.
  explicit SqlUnitOfWork(SqlConnection& db) : db_(db) {}
  // Read with it reads in a read transaction and then writes the entries in a write transaction of
  // its own; or, given the process's audit writer, hands them to it (see Read).
  SqlUnitOfWork(SqlConnection& db, SqlAuditLog& audit, AuditWriter* writer = nullptr)
      : db_(db), audit_(&audit), writer_(writer) {}
  Status Write(const std::function<Status()>& body) override;
  Status Read(const std::function<Status()>& body) override;
  Status Lookup(const std::function<Status()>& body) override;

  // The wait for the entries handed to the writer since the last call; null when there are none.
  app::DurabilityWait TakeDurabilityWait();

 private:
  Status Run(TransactionKind kind, const std::function<Status()>& body);
  SqlConnection& db_;
  SqlAuditLog* audit_ = nullptr;
  AuditWriter* writer_ = nullptr;
  std::vector<std::shared_ptr<AuditTicket>> handed_in_;
};

// Inserts one audit entry in the current transaction.
Status InsertAuditEntry(SqlConnection& db, const app::AuditEntry& entry);

// Binds an optional id as NULL when absent.
SqlValue OptionalId(const std::optional<app::Id>& id);

}  // namespace corium::store
