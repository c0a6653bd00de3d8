// Follow-up points (brief §10, FU-01, FU-02) and preparation reminders for a scheduled course, from
// the knowledge base's course protocol. Pure.
#pragma once

#include "corium/course/course.h"
#include "corium/kb/knowledge_base.h"

namespace corium::course {

// Fills course.follow_ups (after each session, done or scheduled, and after the series) and
// course.preparation (before each scheduled session, from `as_of` on), both sorted by date.
void AddFollowUps(const kb::KnowledgeBase& kb, Date as_of, Course& course);

}  // namespace corium::course
