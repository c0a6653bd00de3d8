// The course engine's inputs and outputs: a plan, the client's history, and the course computed
// from them (each remaining session's earliest date and what bound it, the sessions done, the
// follow-up points and preparation reminders). Plain values; see schedule.h for the computation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"

namespace corium::course {

struct ZoneDepth {
  Code zone;
  Depth depth;  // the deepest setting planned or used in the zone
};

struct CoursePlan {
  Code indication;
  std::vector<ZoneDepth> zones;
  int sessions = 0;       // the whole series, sessions already done included
  int interval_days = 0;  // the plan's spacing between consecutive sessions
};

// A clinic microneedling session already done (any plan: DF-11 does not care which).
struct PastSession {
  Date date;
  std::vector<ZoneDepth> zones;
  bool in_plan = false;  // counts towards this plan's series
};

// Another procedure, done or booked. No zones: the whole body.
struct OtherProcedure {
  Code code;
  std::vector<Code> zones;
  Date date;
  std::optional<Depth> depth;  // for microneedling elsewhere; unknown counts as deep (DF-11)
};

struct ClientHistory {
  std::vector<PastSession> sessions;
  std::vector<OtherProcedure> procedures;
  std::optional<Date> screening_earliest;  // the latest screening deferred to this date
};

// Put remaining session `number` (1-based within the whole series) on `date`; later ones re-flow.
struct SessionMove {
  int number = 0;
  Date date;
};

struct CourseRequest {
  CoursePlan plan;
  ClientHistory history;
  Date as_of;  // today in the clinic's time zone; nothing is scheduled before it
  std::vector<SessionMove> moves;
};

// Why a session cannot be earlier: a rule id ("FU-01" for the plan's interval, "DF-11", a
// wash-out's rule, "screening" for a deferring screening, "today") and the reason in words.
struct Bound {
  std::string rule;
  std::string reason;
  Date date;  // the earliest date this constraint allows
};

struct ScheduledSession {
  int number = 0;
  Date earliest;  // the earliest date every constraint allows
  Date date;      // = earliest, or the date it was moved to
  bool moved = false;
  Bound bound_by;  // the constraint that set `earliest`
};

struct DoneSession {
  int number = 0;
  Date date;
};

struct FollowUp {
  Code point;
  Date date;
  std::string rule;
  std::string purpose;
  int after_session = 0;  // the session it follows; 0 for the points after the whole series
};

struct Preparation {
  Code point;
  Date date;
  int session = 0;
  int days_before = 0;
  std::vector<std::string> rules;
  std::string advice;
};

struct Course {
  std::vector<DoneSession> done;
  std::vector<ScheduledSession> sessions;  // the remaining ones, in order
  std::vector<FollowUp> follow_ups;        // by date
  std::vector<Preparation> preparation;    // by date
  std::optional<Date> series_ends;         // the last session's date
};

}  // namespace corium::course
