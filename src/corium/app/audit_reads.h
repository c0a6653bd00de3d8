// Reading the audit log: who did what to which record, newest first, filtered by client, actor
// and time. Reading the log is itself recorded (an entry naming the client filtered on, if any),
// so looking at who looked at a client leaves a trace too. The AuditTrail port is read-only; the
// log is appended through AuditLog. Not thread-safe: one port set per thread.
#pragma once

#include <cstdint>
#include <optional>

#include "corium/app/audit_log.h"
#include "corium/app/clients.h"
#include "corium/app/consultation.h"
#include "corium/base/result.h"

namespace corium::app {

struct AuditRecord {
  Id id = 0;
  AuditEntry entry;
};

// Every filter given must match; `from` and `to` (seconds since the epoch) are both inclusive.
struct AuditQuery {
  std::optional<Id> client_id;
  std::optional<Id> actor_id;
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
};

class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  // The clinic's entries matching `query`, newest first (by time, then by id).
  virtual Result<Listing<AuditRecord>> Search(Id clinic_id, const AuditQuery& query,
                                              const PageRequest& page) = 0;
};

// kInvalidArgument naming "to" when it is before "from".
Result<Listing<AuditRecord>> ReadAuditLog(const ConsultationPorts& ports, AuditTrail& trail,
                                          const Actor& actor, const AuditQuery& query,
                                          const PageRequest& page);

}  // namespace corium::app
