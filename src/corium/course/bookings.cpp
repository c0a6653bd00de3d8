#include "corium/course/bookings.h"

#include <algorithm>
#include <utility>

#include "corium/course/schedule.h"

namespace corium::course {
namespace {

std::string ProblemOf(const Status& refused) {
  if (!refused.field_errors().empty()) return refused.field_errors().front().message;
  return refused.message();
}

}  // namespace

Result<BookedCourse> FitBookings(const kb::KnowledgeBase& kb, const CourseRequest& base,
                                 std::vector<BookedDate> booked) {
  std::stable_sort(booked.begin(), booked.end(),
                   [](const BookedDate& a, const BookedDate& b) { return a.date < b.date; });
  CORIUM_ASSIGN_OR_RETURN(const Course unmoved, PlanCourse(kb, base));
  const int first = static_cast<int>(unmoved.done.size()) + 1;
  BookedCourse out;
  CourseRequest request = base;
  int number = first;
  for (const BookedDate& b : booked) {
    BookingFit fit{b.id, b.date, 0, false, ""};
    if (number > base.plan.sessions) {
      fit.needs_new_date = true;
      fit.problem = "every session of the plan's " + std::to_string(base.plan.sessions) +
                    " is already done or booked";
      out.fits.push_back(std::move(fit));
      continue;
    }
    fit.number = number;
    request.moves.push_back({number, b.date});
    const auto tried = PlanCourse(kb, request);
    if (!tried.ok()) {
      // Left unmoved: its session keeps the earliest date the course allows, and a later booking
      // stands for the next session.
      request.moves.pop_back();
      fit.needs_new_date = true;
      fit.problem = ProblemOf(tried.status());
      CORIUM_ASSIGN_OR_RETURN(const Course current, PlanCourse(kb, request));
      for (const ScheduledSession& s : current.sessions) {
        if (s.number == number && b.date < s.earliest) {
          fit.problem += "; not before " + s.earliest.ToString();
        }
      }
    }
    ++number;
    out.fits.push_back(std::move(fit));
  }
  CORIUM_ASSIGN_OR_RETURN(out.course, PlanCourse(kb, request));
  return out;
}

}  // namespace corium::course
