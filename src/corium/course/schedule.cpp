#include "corium/course/schedule.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "corium/course/follow_up.h"
#include "corium/course/washouts.h"

namespace corium::course {
namespace {

// A procedure that opens a wash-out window in the plan's zones.
struct Event {
  Code code;
  std::vector<Code> zones;  // empty: the whole body
  Date date;
  std::optional<Depth> depth;
};

std::string ZonesText(const std::vector<Code>& zones) {
  if (zones.empty()) return "whole body";
  std::string text;
  for (const Code& z : zones) text += (text.empty() ? "" : ", ") + z.str();
  return text;
}

class Scheduler {
 public:
  Scheduler(const kb::KnowledgeBase& kb, const CourseRequest& request)
      : kb_(kb), washouts_(WashoutsOf(kb)) {
    for (const ZoneDepth& z : request.plan.zones) plan_zones_.push_back(z.zone);
    for (const OtherProcedure& p : request.history.procedures) {
      AddEvent({p.code, p.zones, p.date, p.depth});
    }
    for (const PastSession& s : request.history.sessions) AddSession(s.date, s.zones);
  }

  // Pushes `bound` past every wash-out window that contains its date.
  Bound PastWashouts(Bound bound) const {
    for (bool moved = true; moved;) {
      moved = false;
      for (const Event& e : events_) {
        for (const Washout& w : washouts_) {
          if (!w.Matches(e.code, e.depth)) continue;
          const Date end = w.EndAfter(e.date);
          if (e.date <= bound.date && bound.date < end) {
            bound = {w.rule,
                     w.summary + ": " + kb_.vocabulary.Label("procedures", e.code) + " on " +
                         e.date.ToString() + " (" + ZonesText(e.zones) + "); not before " +
                         end.ToString(),
                     end};
            moved = true;
          }
        }
      }
    }
    return bound;
  }

  void AddSession(Date date, const std::vector<ZoneDepth>& zones) {
    for (const ZoneDepth& z : zones) AddEvent({Code("microneedling"), {z.zone}, date, z.depth});
  }

 private:
  void AddEvent(Event event) {
    const bool touches =
        event.zones.empty() || std::any_of(event.zones.begin(), event.zones.end(), [&](auto& z) {
          return std::find(plan_zones_.begin(), plan_zones_.end(), z) != plan_zones_.end();
        });
    if (touches) events_.push_back(std::move(event));
  }

  const kb::KnowledgeBase& kb_;
  std::vector<Washout> washouts_;
  std::vector<Code> plan_zones_;
  std::vector<Event> events_;
};

Status CheckPlan(const CourseRequest& request) {
  std::vector<FieldError> errors;
  const CoursePlan& plan = request.plan;
  if (plan.sessions < 1 || plan.sessions > 24) {
    errors.push_back({"plan.sessions", "must be from 1 to 24"});
  }
  if (plan.interval_days < 1 || plan.interval_days > 365) {
    errors.push_back({"plan.interval_days", "must be from 1 to 365"});
  }
  if (plan.zones.empty()) errors.push_back({"plan.zones", "must list at least one zone"});
  return errors.empty() ? Status::Ok() : Status::InvalidFields(std::move(errors));
}

// The latest of today, the screening's date and the interval after the previous session.
Bound LowerBound(const CourseRequest& request, const std::optional<Date>& previous,
                 int previous_number) {
  Bound bound{"today", "not before today, " + request.as_of.ToString(), request.as_of};
  if (const auto& screening = request.history.screening_earliest;
      screening && *screening > bound.date) {
    bound = {"screening", "the latest screening deferred treatment to " + screening->ToString(),
             *screening};
  }
  if (previous) {
    const Date after = previous->AddDays(request.plan.interval_days);
    if (after >= bound.date) {
      bound = {"FU-01",
               "the plan's interval of " + std::to_string(request.plan.interval_days) +
                   " days after session " + std::to_string(previous_number) + " on " +
                   previous->ToString(),
               after};
    }
  }
  return bound;
}

}  // namespace

Result<Course> PlanCourse(const kb::KnowledgeBase& kb, const CourseRequest& request) {
  CORIUM_RETURN_IF_ERROR(CheckPlan(request));
  Course course;
  std::vector<PastSession> in_plan;
  for (const PastSession& s : request.history.sessions) {
    if (s.in_plan) in_plan.push_back(s);
  }
  std::sort(in_plan.begin(), in_plan.end(),
            [](const PastSession& a, const PastSession& b) { return a.date < b.date; });
  std::optional<Date> previous;
  for (const PastSession& s : in_plan) {
    course.done.push_back({static_cast<int>(course.done.size()) + 1, s.date});
    previous = s.date;
  }
  const int first_remaining = static_cast<int>(course.done.size()) + 1;

  std::vector<FieldError> errors;
  for (size_t i = 0; i < request.moves.size(); ++i) {
    const int n = request.moves[i].number;
    if (n < first_remaining || n > request.plan.sessions) {
      errors.push_back({"moves[" + std::to_string(i) + "].number",
                        "session " + std::to_string(n) + " is not one still to schedule (" +
                            std::to_string(first_remaining) + " to " +
                            std::to_string(request.plan.sessions) + ")"});
    }
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));

  Scheduler scheduler(kb, request);
  for (int n = first_remaining; n <= request.plan.sessions; ++n) {
    ScheduledSession session;
    session.number = n;
    session.bound_by = scheduler.PastWashouts(LowerBound(request, previous, n - 1));
    session.earliest = session.bound_by.date;
    session.date = session.earliest;
    for (size_t i = 0; i < request.moves.size(); ++i) {
      if (request.moves[i].number != n) continue;
      const Date wanted = request.moves[i].date;
      const std::string path = "moves[" + std::to_string(i) + "].date";
      const std::string prefix =
          "session " + std::to_string(n) + " cannot be on " + wanted.ToString() + ": ";
      if (wanted < session.earliest) {
        return Status::InvalidFields(
            {{path, prefix + session.bound_by.rule + ", " + session.bound_by.reason}});
      }
      const Bound at = scheduler.PastWashouts({"moved", "", wanted});
      if (at.date != wanted) {
        return Status::InvalidFields({{path, prefix + at.rule + ", " + at.reason}});
      }
      session.date = wanted;
      session.moved = true;
    }
    scheduler.AddSession(session.date, request.plan.zones);
    previous = session.date;
    course.sessions.push_back(std::move(session));
  }
  course.series_ends = previous;
  AddFollowUps(kb, request.as_of, course);
  return course;
}

Status CheckNoResponse(const kb::KnowledgeBase& kb, const Course& course, Date as_of) {
  const kb::CourseProtocol& protocol = kb.course;
  const std::string refused = "\"no_response\" is refused (" + protocol.no_response_rule + "): ";
  if (!course.sessions.empty()) {
    return Status::InvalidFields(
        {{"status", refused + std::to_string(course.sessions.size()) +
                        " session(s) of the series are still to be done"}});
  }
  if (!course.series_ends) {
    return Status::InvalidFields({{"status", refused + "no session of the series was done"}});
  }
  const Date allowed = course.series_ends->AddMonths(protocol.no_response_months);
  if (as_of < allowed) {
    return Status::InvalidFields(
        {{"status", refused + "results are judged no earlier than " +
                        std::to_string(protocol.no_response_months) +
                        " months after the last session (" + course.series_ends->ToString() +
                        "), so not before " + allowed.ToString() +
                        "; re-assess at the later follow-up points"}});
  }
  return Status::Ok();
}

}  // namespace corium::course
