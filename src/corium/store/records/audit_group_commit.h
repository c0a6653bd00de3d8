// AuditGroupCommit: the audit entries of reads, committed durably in groups. Every read of a
// client's record appends an entry (SqlUnitOfWork::Read), and on SQLite each durable commit is one
// fsync that all writers of a database queue for: one fsync per read capped a chart at the disk's
// fsync rate whatever the CPU could do. Handlers that finish their reads while another one commits
// wait together, and the next of them commits all their entries in one transaction, one fsync.
// One instance per process and database, shared by its worker threads; each commits on its own
// connection.
#pragma once

#include <condition_variable>
#include <mutex>
#include <vector>

#include "corium/app/audit_log.h"
#include "corium/base/status.h"
#include "corium/store/sql.h"

namespace corium::store {

class AuditGroupCommit {
 public:
  // Writes `entries` durably, in one transaction with those other threads hand in meanwhile,
  // over `db` when this thread is the one to commit. Ok once they are durable. If a group's
  // transaction fails, each batch in it is tried alone, so that one bad entry fails only its read.
  Status Commit(SqlConnection& db, const std::vector<app::AuditEntry>& entries);

 private:
  struct Batch {
    const std::vector<app::AuditEntry>* entries = nullptr;
    Status status;
    bool done = false;
  };

  std::mutex mutex_;
  std::condition_variable committed_;
  std::vector<Batch*> waiting_;  // handed in, not yet taken by a committing thread
  bool committing_ = false;
};

}  // namespace corium::store
