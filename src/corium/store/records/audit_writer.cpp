#include "corium/store/records/audit_writer.h"

#include <utility>

#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {

void AuditTicket::WhenWritten(std::function<void(Status)> done) {
  std::unique_lock lock(mutex_);
  if (!outcome_) {
    done_ = std::move(done);
    return;
  }
  const Status outcome = *outcome_;
  lock.unlock();
  done(outcome);
}

void AuditTicket::Complete(Status outcome) {
  std::unique_lock lock(mutex_);
  outcome_ = std::move(outcome);
  std::function<void(Status)> done = std::exchange(done_, nullptr);
  const Status known = *outcome_;
  lock.unlock();
  if (done) done(known);
}

AuditWriter::AuditWriter(std::unique_ptr<SqlConnection> db, Connect reconnect)
    : db_(std::move(db)), reconnect_(std::move(reconnect)), thread_([this] { Run(); }) {}

AuditWriter::~AuditWriter() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  handed_in_.notify_one();
  thread_.join();
}

std::shared_ptr<AuditTicket> AuditWriter::Submit(std::vector<app::AuditEntry> entries) {
  auto ticket = std::make_shared<AuditTicket>();
  {
    const std::lock_guard lock(mutex_);
    waiting_.push_back({std::move(entries), ticket});
  }
  handed_in_.notify_one();
  return ticket;
}

void AuditWriter::Run() {
  std::vector<Submission> group;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      handed_in_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // stopping, and everything handed in is written
      group.swap(waiting_);
    }
    WriteGroup(group);
    group.clear();
  }
}

namespace {

Status WriteEntries(SqlConnection& db, const std::vector<const std::vector<app::AuditEntry>*>& of) {
  Transaction tx(db, TransactionKind::kWrite);
  CORIUM_RETURN_IF_ERROR(tx.status());
  for (const auto* entries : of) {
    for (const app::AuditEntry& entry : *entries) {
      CORIUM_RETURN_IF_ERROR(InsertAuditEntry(db, entry));
    }
  }
  return tx.Commit();
}

}  // namespace

Status AuditWriter::EnsureConnected() {
  if (!db_->lost() || !reconnect_) return Status::Ok();
  CORIUM_ASSIGN_OR_RETURN(db_, reconnect_());
  return Status::Ok();
}

void AuditWriter::WriteGroup(std::vector<Submission>& group) {
  if (const Status connected = EnsureConnected(); !connected.ok()) {
    for (Submission& submission : group) submission.ticket->Complete(connected);
    return;
  }
  std::vector<const std::vector<app::AuditEntry>*> all;
  all.reserve(group.size());
  for (const Submission& submission : group) all.push_back(&submission.entries);
  const Status together = WriteEntries(*db_, all);
  for (Submission& submission : group) {
    const bool alone = !together.ok() && group.size() > 1;
    submission.ticket->Complete(alone ? WriteEntries(*db_, {&submission.entries}) : together);
  }
}

app::DurabilityWait WaitForAll(std::vector<std::shared_ptr<AuditTicket>> tickets) {
  return [tickets = std::move(tickets)](std::function<void(Status)> done) {
    if (tickets.empty()) {
      done(Status::Ok());
      return;
    }
    struct Join {
      std::mutex mutex;
      size_t left = 0;
      Status first_failure;
      std::function<void(Status)> done;
    };
    auto join = std::make_shared<Join>();
    join->left = tickets.size();
    join->done = std::move(done);
    for (const auto& ticket : tickets) {
      ticket->WhenWritten([join](const Status& outcome) {
        std::unique_lock lock(join->mutex);
        if (!outcome.ok() && join->first_failure.ok()) join->first_failure = outcome;
        if (--join->left > 0) return;
        const Status result = join->first_failure;
        lock.unlock();
        join->done(result);
      });
    }
  };
}

}  // namespace corium::store
