#include "corium/http/api/safety_json.h"

#include <string>

#include "corium/http/api/json_read.h"

namespace corium::http {
namespace {

using nlohmann::json;

json OptionalIdJson(const std::optional<app::Id>& id) { return id ? json(*id) : json(nullptr); }

}  // namespace

Result<app::AdverseEventReport> AdverseEventReportFromJson(const json& body) {
  BodyReader read(body);
  app::AdverseEventReport report;
  report.client_id = read.Int("client_id");
  report.session_id = read.OptionalId("session_id");
  report.onset_on = read.RequiredDate("onset_on");
  report.description = read.String("description");
  report.grade = static_cast<int>(read.Int("grade"));
  // The schema lists the names; a name it let through but the use case does not know is a bug.
  if (const auto causality = app::ParseCausality(read.String("causality"))) {
    report.causality = *causality;
  } else {
    read.Fail("causality", "not a causality");
  }
  report.suspected_device_id = read.OptionalId("suspected_device_id");
  report.suspected_lot_id = read.OptionalId("suspected_lot_id");
  report.suspected_product_id = read.OptionalId("suspected_product_id");
  if (const auto outcome = read.OptionalString("outcome")) {
    if (const auto parsed = app::ParseAdverseOutcome(*outcome)) {
      report.outcome = *parsed;
    } else {
      read.Fail("outcome", "not an outcome");
    }
  }
  report.escalation = read.String("escalation");
  CORIUM_RETURN_IF_ERROR(read.status());
  return report;
}

Result<app::AdverseOutcome> AdverseOutcomeFromJson(const json& body) {
  BodyReader read(body);
  const auto outcome = app::ParseAdverseOutcome(read.String("outcome"));
  if (!outcome) return Status::InvalidFields({{"outcome", "not an outcome"}});
  return *outcome;
}

Result<app::OutcomeAssessment> OutcomeAssessmentFromJson(const json& body) {
  BodyReader read(body);
  app::OutcomeAssessment assessment;
  assessment.plan_id = read.Int("plan_id");
  assessment.scale = Code(read.String("scale"));
  assessment.score = read.Number("score");
  if (const auto point = app::ParseTimePoint(read.String("time_point"))) {
    assessment.time_point = *point;
  } else {
    read.Fail("time_point", "not a time point");
  }
  assessment.assessed_on = read.RequiredDate("assessed_on");
  // The schema makes photo_ids, when present, an array of ids.
  for (const json& id : read.At("photo_ids")) assessment.photo_ids.push_back(id.get<app::Id>());
  CORIUM_RETURN_IF_ERROR(read.status());
  return assessment;
}

json AdverseEventToJson(const app::AdverseEventView& e) {
  return {{"id", e.id},
          {"client_id", e.client_id},
          {"client_given_name", e.client_given_name},
          {"client_family_name", e.client_family_name},
          {"session_id", OptionalIdJson(e.session_id)},
          {"onset_on", e.onset_on.ToString()},
          {"description", e.description},
          {"grade", e.grade},
          {"causality", e.causality},
          {"suspected_device_id", OptionalIdJson(e.suspected_device_id)},
          {"suspected_lot_id", OptionalIdJson(e.suspected_lot_id)},
          {"suspected_product_id", OptionalIdJson(e.suspected_product_id)},
          {"outcome", e.outcome},
          {"escalation", e.escalation},
          {"reported_by", e.reported_by},
          {"created_at", e.created_at},
          {"version", e.version}};
}

json OutcomeAssessmentToJson(const app::OutcomeAssessmentView& a) {
  return {{"id", a.id},
          {"client_id", a.client_id},
          {"plan_id", a.plan_id},
          {"scale", a.scale.str()},
          {"score", a.score},
          {"time_point", a.time_point},
          {"assessed_on", a.assessed_on.ToString()},
          {"assessed_by", a.assessed_by},
          {"photo_ids", a.photo_ids}};
}

}  // namespace corium::http
