// Builds CourseProtocol from kb/course.yaml; every rule and indication it names is checked with the
// other cross-references (see loader.h for the whole load).
#pragma once

#include "corium/kb/knowledge_base.h"
#include "corium/kb/problems.h"
#include "corium/kb/references.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

void BuildCourse(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems, References& refs);

}  // namespace corium::kb
