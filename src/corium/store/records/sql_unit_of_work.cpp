#include "corium/store/records/sql_unit_of_work.h"

#include <utility>

namespace corium::store {

Status SqlUnitOfWork::Run(TransactionKind kind, const std::function<Status()>& body) {
  Transaction tx(db_, kind);
  CORIUM_RETURN_IF_ERROR(tx.status());
  CORIUM_RETURN_IF_ERROR(body());  // the transaction's destructor rolls back
  return tx.Commit();
}

namespace {

// Holds the audit log's entries for as long as it lives, whatever way the read ends.
class HeldAuditEntries {
 public:
  explicit HeldAuditEntries(SqlAuditLog& audit) : audit_(audit) { audit_.Hold(); }
  ~HeldAuditEntries() { audit_.Release(); }
  HeldAuditEntries(const HeldAuditEntries&) = delete;
  HeldAuditEntries& operator=(const HeldAuditEntries&) = delete;
  std::vector<app::AuditEntry> Take() { return audit_.Release(); }

 private:
  SqlAuditLog& audit_;
};

}  // namespace

// Reading a client's record appends its audit entry. The body reads in a read transaction, a
// snapshot that neither waits for writers nor holds them up, and the entries it appends are
// written after it, in a short write transaction of their own: Read returns Ok only once they are
// durable, and a read whose entries cannot be written fails. In one write transaction, as before,
// every chart read queued for the write lock and held it through its queries and its fsync
// (bench/RESULTS.md). With no audit log to hold, body and entries share one write transaction.
// With the audit writer, Read hands the entries to it and returns; whoever called it must wait
// for TakeDurabilityWait before showing what was read (the server does, after every request).
Status SqlUnitOfWork::Read(const std::function<Status()>& body) {
  if (audit_ == nullptr) return Run(TransactionKind::kWrite, body);
  std::vector<app::AuditEntry> entries;
  {
    HeldAuditEntries held(*audit_);
    CORIUM_RETURN_IF_ERROR(Run(TransactionKind::kRead, body));
    entries = held.Take();
  }
  if (entries.empty()) return Status::Ok();
  if (writer_ != nullptr) {
    handed_in_.push_back(writer_->Submit(std::move(entries)));
    return Status::Ok();
  }
  return Run(TransactionKind::kWrite, [&]() -> Status {
    for (const app::AuditEntry& entry : entries) CORIUM_RETURN_IF_ERROR(audit_->Append(entry));
    return Status::Ok();
  });
}

app::DurabilityWait SqlUnitOfWork::TakeDurabilityWait() {
  if (handed_in_.empty()) return nullptr;
  return WaitForAll(std::exchange(handed_in_, {}));
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

void SqlAuditLog::Hold() {
  holding_ = true;
  held_.clear();
}

std::vector<app::AuditEntry> SqlAuditLog::Release() {
  holding_ = false;
  return std::exchange(held_, {});
}

Status SqlAuditLog::Append(const app::AuditEntry& entry) {
  if (holding_) {
    held_.push_back(entry);
    return Status::Ok();
  }
  return InsertAuditEntry(db_, entry);
}

Status InsertAuditEntry(SqlConnection& db, const app::AuditEntry& e) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto inserted,
      db.Execute("INSERT INTO audit_log (clinic_id, actor_id, action, record_type, record_id,"
                 " client_id, at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                 {e.clinic_id, OptionalId(e.actor_id), e.action, e.record_type,
                  OptionalId(e.record_id), OptionalId(e.client_id), e.at, e.detail}));
  if (inserted != 1) return Status::Internal("audit entry not written");
  return Status::Ok();
}

}  // namespace corium::store
