// AftercareReads: the client's aftercare sheet for a charted session (GET /sessions/{id}/
// aftercare). Reads the session, who it was for and by, and the client's latest intake in one
// audited transaction, then builds the sheet with the pure engine function (engine/aftercare.h).
// Another clinic's session answers exactly like an unknown one. Not thread-safe: one instance
// per connection.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/chart_reads.h"
#include "corium/app/clock.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/engine/aftercare.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

// Who a session was for and by, and the client's latest intake as stored.
struct SessionParties {
  Id client_id = 0;
  std::string client_given_name;
  std::string client_family_name;
  std::string practitioner_name;
  std::string clinic_name;
  std::optional<std::string> latest_intake_json;
};

class AftercareRepository {
 public:
  virtual ~AftercareRepository() = default;
  // kNotFound ("session not found") when the clinic has no such session.
  virtual Result<SessionParties> Parties(Id clinic_id, Id session_id) = 0;
};

struct AftercareView {
  Id session_id = 0;
  Date session_date;
  SessionParties parties;
  std::optional<Depth> deepest;
  engine::AftercareSheet sheet;
};

class AftercareReads {
 public:
  AftercareReads(UnitOfWork& work, ChartReadRepository& charts, AftercareRepository& parties,
                 AuditLog& audit, const Clock& clock)
      : work_(work), charts_(charts), parties_(parties), audit_(audit), clock_(clock) {}

  Result<AftercareView> Read(const Actor& actor, const kb::KnowledgeBase& kb, Id session_id);

 private:
  UnitOfWork& work_;
  ChartReadRepository& charts_;
  AftercareRepository& parties_;
  AuditLog& audit_;
  const Clock& clock_;
};

// Whether a stored intake lists a current medication of `codes` (AF-02). A medication is current
// unless it says `"current": false`.
bool IntakeListsCurrentMedication(const std::string& intake_json, const std::set<Code>& codes);

}  // namespace corium::app
