// The course engine (issue 6, FU-01, DF-06..DF-11): from a plan and the client's history, each
// remaining session's earliest date and the constraint that set it, the follow-up points and the
// preparation reminders. Pure: the date comes in as `as_of`, the rules from the knowledge base.
//
// A session's earliest date is the latest of: today, the date a deferring screening gave, and the
// plan's interval after the previous session; it is then pushed past every wash-out window
// [procedure date, procedure date + wait) of a procedure done or booked in one of the plan's zones,
// previous microneedling sessions included (DF-11). Moving a session (CourseRequest::moves) keeps
// it where asked if every constraint allows that date, and re-flows the later sessions from it.
#pragma once

#include "corium/base/result.h"
#include "corium/course/course.h"
#include "corium/kb/knowledge_base.h"

namespace corium::course {

// InvalidFields naming the field (plan.sessions, moves[0].date…) for bad input, including a move
// to a date a constraint forbids.
Result<Course> PlanCourse(const kb::KnowledgeBase& kb, const CourseRequest& request);

// FU-03: whether a plan may be closed as "no response" on `as_of`. Refused (InvalidFields on
// `status`) while sessions remain or before the knowledge base's months after the last session.
Status CheckNoResponse(const kb::KnowledgeBase& kb, const Course& course, Date as_of);

}  // namespace corium::course
