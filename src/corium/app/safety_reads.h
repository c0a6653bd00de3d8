// SafetyReads: the audited reads of adverse events (one, a client's, a clinic's open ones for the
// Today screen) and of a plan's outcome assessments. Each read appends its audit entries in the
// same transaction; another clinic's ids answer exactly like unknown ids. Not thread-safe: one
// instance per connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/listing.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/date.h"

namespace corium::app {

struct AdverseEventView {
  Id id = 0;
  Id client_id = 0;
  std::string client_given_name;
  std::string client_family_name;
  std::optional<Id> session_id;
  Date onset_on;
  std::string description;
  int grade = 0;
  std::string causality;  // CausalityName
  std::optional<Id> suspected_device_id;
  std::optional<Id> suspected_lot_id;
  std::optional<Id> suspected_product_id;
  std::string outcome;  // AdverseOutcomeName
  std::string escalation;
  Id reported_by = 0;
  std::int64_t created_at = 0;
  std::int64_t version = 1;
};

// An event is open while its outcome is ongoing or unknown: someone still has to follow it up.
enum class EventState { kAny, kOpen, kClosed };

struct OutcomeAssessmentView {
  Id id = 0;
  Id client_id = 0;
  Id plan_id = 0;
  Code scale;
  double score = 0;
  std::string time_point;  // TimePointName
  Date assessed_on;
  Id assessed_by = 0;
  std::vector<Id> photo_ids;
};

// The reads' storage, owned by the app layer; scoped by clinic.
class SafetyReadRepository {
 public:
  virtual ~SafetyReadRepository() = default;
  virtual Result<bool> HasClient(Id clinic_id, Id client_id) = 0;
  // The client of a plan, or nullopt when the clinic has no such plan.
  virtual Result<std::optional<Id>> PlanClient(Id clinic_id, Id plan_id) = 0;
  // kNotFound ("adverse event not found") when the clinic has no such event.
  virtual Result<AdverseEventView> AdverseEvent(Id clinic_id, Id event_id) = 0;
  // Newest onset first; `client_id` nullopt for the whole clinic.
  virtual Result<Listing<AdverseEventView>> AdverseEvents(Id clinic_id, std::optional<Id> client_id,
                                                          EventState state, PageRequest page) = 0;
  // kNotFound ("outcome assessment not found").
  virtual Result<OutcomeAssessmentView> Assessment(Id clinic_id, Id assessment_id) = 0;
  // By date assessed, then id.
  virtual Result<Listing<OutcomeAssessmentView>> PlanAssessments(Id clinic_id, Id plan_id,
                                                                 PageRequest page) = 0;
};

class SafetyReads {
 public:
  SafetyReads(UnitOfWork& work, SafetyReadRepository& records, AuditLog& audit, const Clock& clock)
      : work_(work), records_(records), audit_(audit), clock_(clock) {}

  Result<AdverseEventView> AdverseEvent(const Actor& actor, Id event_id);
  Result<Listing<AdverseEventView>> ClientAdverseEvents(const Actor& actor, Id client_id,
                                                        EventState state, PageRequest page);
  // Every client on the page is audited as read, since the answer names them.
  Result<Listing<AdverseEventView>> ClinicAdverseEvents(const Actor& actor, EventState state,
                                                        PageRequest page);
  Result<OutcomeAssessmentView> Assessment(const Actor& actor, Id assessment_id);
  Result<Listing<OutcomeAssessmentView>> PlanAssessments(const Actor& actor, Id plan_id,
                                                         PageRequest page);

 private:
  Status Audit(const Actor& actor, const std::string& record_type, std::optional<Id> record_id,
               Id client_id, std::string detail = {});

  UnitOfWork& work_;
  SafetyReadRepository& records_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace corium::app
