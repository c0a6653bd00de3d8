// UnitOfWork: one durable database transaction around a use case, so that a clinical change and
// its audit entry are committed together or not at all. Implemented over SQL in store/records.
#pragma once

#include <functional>

#include "corium/base/status.h"

namespace corium::app {

// Calls `done` once, possibly from another thread, with Ok once the audit entries that a
// request's reads appended are durable, or with what kept them from being written.
using DurabilityWait = std::function<void(std::function<void(Status)> done)>;

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  // Runs `body` in one write transaction; commits (durably) when it returns Ok, rolls back
  // otherwise, so a refused request leaves the database exactly as it was.
  virtual Status Write(const std::function<Status()>& body) = 0;
  // Runs `body` over a consistent read of the records; the audit entries it appends are durable
  // when Read returns Ok (they may be written after the read, in a transaction of their own), or,
  // in a scope that defers them, before the response goes out (ServiceScope::TakeDurabilityWait).
  // Writing anything but audit entries inside it is a programming error.
  virtual Status Read(const std::function<Status()>& body) = 0;
  // Runs `body` in a read-only transaction (a consistent snapshot, no lock on writers, nothing to
  // flush): for lookups that touch no client record and so need no audit entry, such as checking
  // a session on every request. Writing inside it is a programming error.
  virtual Status Lookup(const std::function<Status()>& body) = 0;
};

}  // namespace corium::app
