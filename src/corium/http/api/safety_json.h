// JSON for adverse events and outcome assessments, as api/paths/safety.json describes them.
// Request field names are the use cases' own, so an error a use case reports by field name
// points at the body's field. Pure functions; safe from any thread.
#pragma once

#include <nlohmann/json.hpp>

#include "corium/app/safety.h"
#include "corium/app/safety_reads.h"
#include "corium/base/result.h"

namespace corium::http {

// Bodies of POST /adverse-events, PUT /adverse-events/{id}/outcome, POST /outcome-assessments.
Result<app::AdverseEventReport> AdverseEventReportFromJson(const nlohmann::json& body);
Result<app::AdverseOutcome> AdverseOutcomeFromJson(const nlohmann::json& body);
Result<app::OutcomeAssessment> OutcomeAssessmentFromJson(const nlohmann::json& body);

nlohmann::json AdverseEventToJson(const app::AdverseEventView& event);
nlohmann::json OutcomeAssessmentToJson(const app::OutcomeAssessmentView& assessment);

}  // namespace corium::http
