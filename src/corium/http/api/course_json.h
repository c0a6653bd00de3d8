// JSON of a plan's course and a client's home-care plan (api/paths/course.json).
#pragma once

#include <nlohmann/json.hpp>

#include "corium/app/course_reads.h"
#include "corium/kb/knowledge_base.h"

namespace corium::http {

nlohmann::json PlanCourseToJson(const app::PlanCourseView& view, const kb::KnowledgeBase& kb);
nlohmann::json HomeCareToJson(const app::HomeCareView& view, int weeks,
                              const kb::KnowledgeBase& kb);

}  // namespace corium::http
