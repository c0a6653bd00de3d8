// AuditLog: every read and change of a client's record appends who, which clinic, what, which
// record and when. Append-only by interface (no update, no delete) and by database trigger.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "corium/app/actor.h"
#include "corium/base/status.h"

namespace corium::app {

struct AuditEntry {
  Id clinic_id = 0;
  std::optional<Id> actor_id;
  std::string action;       // "read", "create", "update", "sign", "amend", "refuse"…
  std::string record_type;  // "client", "screening", "session"…
  std::optional<Id> record_id;
  std::optional<Id> client_id;
  std::int64_t at = 0;  // seconds since the epoch
  std::string detail;   // never client data beyond ids
};

// The entry for `actor` doing `action` at `at` (seconds since the epoch). An actor with staff_id 0
// is the system itself (seeding a new clinic) and is recorded as no actor rather than a false id.
AuditEntry EntryFor(const Actor& actor, std::int64_t at, std::string action,
                    std::string record_type, std::optional<Id> record_id,
                    std::optional<Id> client_id, std::string detail = "");

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual Status Append(const AuditEntry& entry) = 0;
};

}  // namespace corium::app
