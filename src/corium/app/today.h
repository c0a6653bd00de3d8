// Today: the clinic's worklist for the day, as the Today screen shows it — sessions to chart or
// sign, clients whose latest screening waits for a prescriber or a date, adverse events still
// open, and stock about to expire. One read transaction; every client named is audited as read.
// Not thread-safe: one instance per connection, like the repositories beneath it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/inventory.h"
#include "corium/app/safety_reads.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/date.h"

namespace corium::app {

struct ClientName {
  Id client_id = 0;
  std::string given_name;
  std::string family_name;
};

// A session charted but not signed.
struct DraftSession {
  ClientName client;
  Id plan_id = 0;
  Id session_id = 0;
  Date performed_on;
};

// An active plan and how far it has come.
struct PlanProgress {
  ClientName client;
  Id plan_id = 0;
  int sessions = 0;       // planned
  int interval_days = 0;  // between sessions
  int signed_sessions = 0;
  std::optional<Date> last_signed_on;
  bool has_draft = false;
};

// A client whose latest screening decided refer or defer, with no override beside it.
struct ClearancePending {
  ClientName client;
  Id screening_id = 0;
  std::string decision;  // refer | defer
  std::int64_t screened_at = 0;
};

// One line of sessions_due: a draft to finish, or a plan whose next session is due.
struct DueSession {
  ClientName client;
  Id plan_id = 0;
  std::optional<Id> session_id;  // the draft's
  std::string status;            // draft | due
  std::optional<Date> due_date;  // a draft's date; a plan's last signed session + interval
};

struct TodayView {
  Date date;
  std::vector<DueSession> sessions_due;
  std::vector<ClearancePending> awaiting_clearance;
  std::vector<AdverseEventView> open_adverse_events;
  std::vector<ExpiringLot> expiring_lots;
};

// Storage for the worklist's own questions, owned by the app layer; scoped by clinic.
class TodayRepository {
 public:
  virtual ~TodayRepository() = default;
  // By date performed, then id.
  virtual Result<std::vector<DraftSession>> DraftSessions(Id clinic_id) = 0;
  // Active plans, by plan id.
  virtual Result<std::vector<PlanProgress>> ActivePlans(Id clinic_id) = 0;
  // The latest screening of each client (by as_of, then id) where it decided refer or defer and
  // no override was recorded for it; oldest screening first.
  virtual Result<std::vector<ClearancePending>> AwaitingClearance(Id clinic_id) = 0;
};

// How far ahead the worklist looks for expiring stock.
inline constexpr int kTodayExpiryDays = 30;
// The most open adverse events the worklist lists.
inline constexpr int kTodayOpenEventLimit = 200;

class TodayReads {
 public:
  TodayReads(UnitOfWork& work, TodayRepository& today, SafetyReadRepository& safety,
             InventoryRepository& inventory, AuditLog& audit, const Clock& clock)
      : work_(work),
        today_(today),
        safety_(safety),
        inventory_(inventory),
        audit_(audit),
        clock_(clock) {}

  // The whole worklist. Clinical lists (screening decisions, adverse events) are read only when
  // the scope is clinical, so a front-desk reader neither gets nor is audited for them.
  enum class Scope { kFrontDesk, kClinical };
  Result<TodayView> Read(const Actor& actor, Scope scope);

 private:
  UnitOfWork& work_;
  TodayRepository& today_;
  SafetyReadRepository& safety_;
  InventoryRepository& inventory_;
  AuditLog& audit_;
  const Clock& clock_;
};

// The plans of `plans` whose next session is due on or before `today`, as sessions_due lines: a
// plan with a draft or with every session signed is not due; a plan with no signed session is
// due from the start (no due date); otherwise it is due `interval_days` after the last one.
std::vector<DueSession> PlansDue(const std::vector<PlanProgress>& plans, Date today);

}  // namespace corium::app
