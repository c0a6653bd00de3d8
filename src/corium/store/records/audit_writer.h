// AuditWriter: a thread of its own that writes the audit entries of reads durably, in groups.
// Every read of a client's record appends an entry, and each durable commit is an fsync for which
// every writer of a database queues. A worker that waited for its own read's commit sat idle
// through that fsync: with the default 2 workers, chart reads were capped near the disk's fsync
// rate and their p99 rose past 10 ms (bench/RESULTS.md). Now a worker hands the entries in and
// goes on to the next request; the response waits, without holding a thread, until the writer
// reports them durable; and the writer commits everything handed in meanwhile in one transaction,
// one fsync. One per process and database (`corium serve`), with a connection of its own.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "corium/app/audit_log.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/base/status.h"
#include "corium/store/sql.h"

namespace corium::store {

// The outcome of one AuditWriter::Submit: known once its entries are durable or have failed.
class AuditTicket {
 public:
  // Calls `done` once with the outcome: at once when it is known, else from the writer's thread
  // when it becomes known.
  void WhenWritten(std::function<void(Status)> done);
  // The writer's: records the outcome and calls the waiting `done`, if any.
  void Complete(Status outcome);

 private:
  std::mutex mutex_;
  std::optional<Status> outcome_;
  std::function<void(Status)> done_;
};

class AuditWriter {
 public:
  using Connect = std::function<Result<std::unique_ptr<SqlConnection>>()>;
  // Starts the writer's thread, which alone uses `db`. When `db` is lost (a PostgreSQL restart),
  // the group that found out fails, and the next one is written over a new connection from
  // `reconnect`, if given.
  explicit AuditWriter(std::unique_ptr<SqlConnection> db, Connect reconnect = nullptr);
  // Writes everything handed in so far, then stops the thread.
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Hands `entries` in to be written with whatever else is waiting. If a group's transaction
  // fails, each submission in it is tried alone, so that a bad entry fails only its own read.
  std::shared_ptr<AuditTicket> Submit(std::vector<app::AuditEntry> entries);

 private:
  struct Submission {
    std::vector<app::AuditEntry> entries;
    std::shared_ptr<AuditTicket> ticket;
  };
  void Run();
  void WriteGroup(std::vector<Submission>& group);
  Status EnsureConnected();

  std::unique_ptr<SqlConnection> db_;
  Connect reconnect_;
  std::mutex mutex_;
  std::condition_variable handed_in_;
  std::vector<Submission> waiting_;
  bool stopping_ = false;
  std::thread thread_;  // last: it starts once everything above exists
};

// One wait for several tickets: Ok once all are written, else the first failure.
app::DurabilityWait WaitForAll(std::vector<std::shared_ptr<AuditTicket>> tickets);

}  // namespace corium::store
