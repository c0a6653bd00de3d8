#include "corium/store/records/audit_group_commit.h"

#include <utility>

#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {
namespace {

Status CommitBatches(SqlConnection& db,
                     const std::vector<const std::vector<app::AuditEntry>*>& batches) {
  Transaction tx(db, TransactionKind::kWrite);
  CORIUM_RETURN_IF_ERROR(tx.status());
  for (const auto* entries : batches) {
    for (const app::AuditEntry& entry : *entries) {
      CORIUM_RETURN_IF_ERROR(InsertAuditEntry(db, entry));
    }
  }
  return tx.Commit();
}

}  // namespace

Status AuditGroupCommit::Commit(SqlConnection& db, const std::vector<app::AuditEntry>& entries) {
  Batch mine{&entries, Status::Ok()};
  std::unique_lock lock(mutex_);
  waiting_.push_back(&mine);
  while (!mine.done) {
    if (committing_) {
      committed_.wait(lock);
      continue;
    }
    // This thread commits every batch waiting now, its own among them.
    committing_ = true;
    const std::vector<Batch*> group = std::exchange(waiting_, {});
    lock.unlock();
    std::vector<const std::vector<app::AuditEntry>*> all;
    all.reserve(group.size());
    for (const Batch* batch : group) all.push_back(batch->entries);
    const Status together = CommitBatches(db, all);
    std::vector<Status> alone(group.size(), together);
    if (!together.ok() && group.size() > 1) {
      for (size_t i = 0; i < group.size(); ++i) alone[i] = CommitBatches(db, {group[i]->entries});
    }
    lock.lock();
    for (size_t i = 0; i < group.size(); ++i) {
      group[i]->status = std::move(alone[i]);
      group[i]->done = true;
    }
    committing_ = false;
    committed_.notify_all();
  }
  return mine.status;
}

}  // namespace corium::store
