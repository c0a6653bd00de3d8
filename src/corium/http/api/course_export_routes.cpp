// A client's course and home-rolling plan as RFC 5545 iCalendar files (issue 6), written by the
// calendar's pure ICS writer: the plan's booked sessions at their times (one needing a new date
// says so), the sessions still to book on their earliest dates, the preparation reminders and the
// follow-up points as whole-day events; and the home-rolling days with the roller's replacement.
#include <charconv>
#include <map>
#include <string>

#include "corium/app/calendar.h"
#include "corium/app/course_reads.h"
#include "corium/calendar/ics_writer.h"
#include "corium/http/api.h"

namespace corium::http {
namespace {

using app::Permission;

constexpr std::int64_t kDaysBack = 90;
constexpr std::int64_t kDaysAhead = 800 - kDaysBack;
constexpr int kDefaultHomeCareWeeks = 8;

calendar::IcsEvent WholeDay(std::string uid, Date day, std::string summary,
                            std::string description) {
  calendar::IcsEvent event;
  event.uid = std::move(uid);
  event.all_day = day;
  event.summary = std::move(summary);
  event.description = std::move(description);
  return event;
}

ApiReply IcsReply(const calendar::IcsCalendar& ics) {
  ApiReply reply;
  reply.content_type = "text/calendar; charset=utf-8";
  reply.raw_body = calendar::WriteIcs(ics);
  return reply;
}

std::string RulesText(const std::vector<std::string>& rules) {
  std::string text;
  for (const std::string& rule : rules) text += (text.empty() ? "" : ", ") + rule;
  return text;
}

// The booked sessions at their times, from the calendar's export of the client's appointments.
Result<std::vector<calendar::IcsEvent>> BookedEvents(ApiCall& call,
                                                     const app::PlanCourseView& view) {
  const std::int64_t now = call.services.clock.NowSeconds();
  app::AppointmentFilter filter;
  filter.from = now - kDaysBack * calendar::kDay;
  filter.to = now + kDaysAhead * calendar::kDay;
  filter.client_id = view.plan.client_id;
  CORIUM_ASSIGN_OR_RETURN(const auto appointments,
                          call.services.calendar.Export(call.actor(), filter));
  std::map<app::Id, calendar::Interval> times;
  for (const app::Appointment& a : appointments) times[a.id] = a.time;
  std::vector<calendar::IcsEvent> events;
  for (const app::BookedSessionView& b : view.booked) {
    const auto time = times.find(b.fit.id);
    if (time == times.end()) continue;
    calendar::IcsEvent event;
    event.uid = "appointment-" + std::to_string(b.fit.id) + "@corium";
    event.time = time->second;
    if (b.fit.needs_new_date) {
      event.summary = "Microneedling session: needs a new date";
      event.description = b.fit.problem;
    } else {
      event.summary = "Microneedling session " + std::to_string(b.fit.number) + " of " +
                      std::to_string(view.plan.sessions);
    }
    events.push_back(std::move(event));
  }
  return events;
}

Result<ApiReply> PlanCourseIcs(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id, call.PathId("plan_id"));
  CORIUM_ASSIGN_OR_RETURN(
      const app::PlanCourseView view,
      call.services.course_reads.Course(call.actor(), call.services.kb, plan_id));
  calendar::IcsCalendar ics;
  ics.name = "Course of treatment";
  ics.stamp = call.services.clock.NowSeconds();
  CORIUM_ASSIGN_OR_RETURN(ics.events, BookedEvents(call, view));
  const std::string plan = "plan-" + std::to_string(plan_id);
  for (const course::ScheduledSession& s : view.course.sessions) {
    if (s.moved) continue;  // booked: above, at its time
    ics.events.push_back(
        WholeDay(plan + "-session-" + std::to_string(s.number) + "@corium", s.earliest,
                 "Microneedling session " + std::to_string(s.number) + " to book (from this date)",
                 "Earliest date: " + s.bound_by.rule + ", " + s.bound_by.reason));
  }
  for (const course::Preparation& p : view.course.preparation) {
    ics.events.push_back(WholeDay(plan + "-prepare-" + std::to_string(p.session) + "-" +
                                      std::to_string(p.days_before) + "@corium",
                                  p.date,
                                  "Prepare for session " + std::to_string(p.session) + " (" +
                                      std::to_string(p.days_before) + " days before)",
                                  p.advice + " (" + RulesText(p.rules) + ")"));
  }
  for (const course::FollowUp& f : view.course.follow_ups) {
    ics.events.push_back(
        WholeDay(plan + "-" + f.point.str() + "-" + std::to_string(f.after_session) + "@corium",
                 f.date, "Follow-up: " + f.purpose, "Rule " + f.rule));
  }
  return IcsReply(ics);
}

Result<int> IntParameter(const ApiCall& call, std::string_view name, int fallback) {
  const auto text = call.Query(name);
  if (!text) return fallback;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    return Status::InvalidFields({{std::string(name), "expected a whole number"}});
  }
  return value;
}

Result<ApiReply> HomeCareIcs(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const int weeks, IntParameter(call, "weeks", kDefaultHomeCareWeeks));
  CORIUM_ASSIGN_OR_RETURN(const int uses, IntParameter(call, "uses", 0));
  CORIUM_ASSIGN_OR_RETURN(
      const app::HomeCareView view,
      call.services.course_reads.HomeCare(call.actor(), call.services.kb, client_id, weeks, uses));
  const course::HomeCarePlan& p = view.plan;
  calendar::IcsCalendar ics;
  ics.name = "Home rolling";
  ics.stamp = call.services.clock.NowSeconds();
  const std::string client = "client-" + std::to_string(client_id) + "-home-";
  const std::string limits = "At most " + p.max_depth.ToString() + " mm (" + p.depth_rule +
                             "); at most " + std::to_string(p.max_per_week) + " times a week (" +
                             p.frequency_rule + ")";
  for (const course::HomeDay& d : p.days) {
    if (d.kind == course::HomeDayKind::kRoll) {
      ics.events.push_back(WholeDay(client + "roll-" + d.date.ToString() + "@corium", d.date,
                                    "Home rolling", limits));
    } else if (d.kind == course::HomeDayKind::kPaused) {
      ics.events.push_back(WholeDay(client + "pause-" + d.date.ToString() + "@corium", d.date,
                                    "No home rolling", d.reason + " (" + d.rule + ")"));
    }
  }
  for (const Date& d : p.replace_on) {
    ics.events.push_back(WholeDay(client + "replace-" + d.ToString() + "@corium", d,
                                  "Replace the roller after today's use",
                                  "After about " + std::to_string(p.replace_after_uses) +
                                      " uses (" + p.replacement_rule + ")"));
  }
  return IcsReply(ics);
}

}  // namespace

void AddCourseExportRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/plans/{plan_id}/course.ics",
              .permission = Permission::kReadChart,
              .handler = PlanCourseIcs});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/home-care.ics",
              .permission = Permission::kReadChart,
              .handler = HomeCareIcs});
}

}  // namespace corium::http
