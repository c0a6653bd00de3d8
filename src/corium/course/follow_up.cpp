#include "corium/course/follow_up.h"

#include <algorithm>
#include <vector>

#include "corium/course/washouts.h"

namespace corium::course {
namespace {

void AfterSession(const kb::CourseProtocol& protocol, int number, Date date, Course& course) {
  for (const kb::FollowUpPoint& p : protocol.after_each_session) {
    course.follow_ups.push_back({p.point, date.AddDays(p.days), p.rule, p.purpose, number});
  }
}

}  // namespace

void AddFollowUps(const kb::KnowledgeBase& kb, Date as_of, Course& course) {
  const kb::CourseProtocol& protocol = kb.course;
  for (const DoneSession& s : course.done) AfterSession(protocol, s.number, s.date, course);
  for (const ScheduledSession& s : course.sessions) {
    AfterSession(protocol, s.number, s.date, course);
    for (const kb::PreparationReminder& r : protocol.preparation) {
      int days_before = 0;
      for (const std::string& rule : r.rules) {
        days_before = std::max(days_before, LongestWaitDays(kb, rule));
      }
      const Date due = s.date.AddDays(-days_before);
      if (due >= as_of) {
        course.preparation.push_back({r.point, due, s.number, days_before, r.rules, r.advice});
      }
    }
  }
  if (course.series_ends) {
    for (const kb::FollowUpPoint& p : protocol.after_series) {
      course.follow_ups.push_back(
          {p.point, course.series_ends->AddMonths(p.months), p.rule, p.purpose, 0});
    }
  }
  std::stable_sort(course.follow_ups.begin(), course.follow_ups.end(),
                   [](const FollowUp& a, const FollowUp& b) { return a.date < b.date; });
  std::stable_sort(course.preparation.begin(), course.preparation.end(),
                   [](const Preparation& a, const Preparation& b) { return a.date < b.date; });
}

}  // namespace corium::course
