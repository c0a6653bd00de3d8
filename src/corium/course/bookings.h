// Booked sessions against the course (issue 6: "a deferring screening moves the course"). The
// calendar's booked sessions of a plan are fitted, in date order, as the course's next sessions:
// each one that every constraint allows (the plan's interval, DF-11, wash-outs, the latest
// screening's deferral) fixes its session's date, and the later sessions re-flow from it; one that
// a constraint forbids is left where it is and reported as needing a new date, never moved. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corium/base/result.h"
#include "corium/course/course.h"
#include "corium/kb/knowledge_base.h"

namespace corium::course {

struct BookedDate {
  std::int64_t id = 0;  // the appointment's id (0 for one being booked)
  Date date;            // its local date in the clinic's time zone
};

struct BookingFit {
  std::int64_t id = 0;
  Date date;
  int number = 0;  // the session of the series it stands for (0: none left)
  bool needs_new_date = false;
  std::string problem;  // when it needs a new date: the rule id and the reason in words
};

struct BookedCourse {
  Course course;                 // with each fitting booking as a moved session
  std::vector<BookingFit> fits;  // in date order
};

// `base` is the course request without moves; `booked` in any order. Errors only for a bad plan
// (as PlanCourse).
Result<BookedCourse> FitBookings(const kb::KnowledgeBase& kb, const CourseRequest& base,
                                 std::vector<BookedDate> booked);

}  // namespace corium::course
