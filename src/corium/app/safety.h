// Clinical safety records: adverse events (brief §7 grading, ES-07 escalation) and outcome
// assessments on a plan's scale. Stateless use cases; one instance serves one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

enum class Causality { kUnrelated, kUnlikely, kPossible, kProbable, kDefinite };
std::string_view CausalityName(Causality causality);
std::optional<Causality> ParseCausality(std::string_view text);

enum class AdverseOutcome { kOngoing, kResolved, kResolvedWithSequelae, kUnknown };
std::string_view AdverseOutcomeName(AdverseOutcome outcome);
std::optional<AdverseOutcome> ParseAdverseOutcome(std::string_view text);

enum class TimePoint { kBaseline, kMonth1, kMonth3, kMonth6, kMonth12, kOther };
std::string_view TimePointName(TimePoint point);
std::optional<TimePoint> ParseTimePoint(std::string_view text);

struct AdverseEventReport {
  Id client_id = 0;
  std::optional<Id> session_id;  // the session it followed, when known; must be the client's
  Date onset_on;
  std::string description;
  int grade = 0;  // 1 expected/transient … 4 emergency (brief §7)
  Causality causality = Causality::kPossible;
  std::optional<Id> suspected_device_id;
  std::optional<Id> suspected_lot_id;  // a cartridge lot
  std::optional<Id> suspected_product_id;
  AdverseOutcome outcome = AdverseOutcome::kOngoing;
  std::string escalation;  // who was told and how (MedWatch, manufacturer); required at grade ≥ 3
};

struct AdverseEventRecord {
  Id id = 0;
  Id client_id = 0;
  int grade = 0;
  AdverseOutcome outcome = AdverseOutcome::kOngoing;
  std::int64_t version = 1;
};

struct OutcomeAssessment {
  Id plan_id = 0;
  Code scale;        // an outcome scale suitable for the plan's indication: gais, lemperle…
  double score = 0;  // within the scale's scores when the knowledge base gives them
  TimePoint time_point = TimePoint::kBaseline;
  Date assessed_on;
  // The photographs it was scored on, in order: each a photo of the plan's client in the clinic,
  // listed once. Linked when the assessment is recorded and never changed afterwards.
  std::vector<Id> photo_ids = {};
};

// The most photographs one assessment may link.
inline constexpr std::size_t kMaxAssessmentPhotos = 24;

// What an assessment needs to know of its plan.
struct AssessedPlan {
  Id client_id = 0;
  Code indication;
};

// Storage for safety records, owned by the app layer; every call is scoped by clinic, and another
// clinic's row answers like a missing one.
class SafetyRepository {
 public:
  virtual ~SafetyRepository() = default;
  virtual Result<bool> HasClient(Id clinic_id, Id client_id) = 0;
  // The client the session belongs to, or nullopt when there is no such session in the clinic.
  virtual Result<std::optional<Id>> SessionClient(Id clinic_id, Id session_id) = 0;
  // The plan's client and indication, or nullopt when there is no such plan in the clinic.
  virtual Result<std::optional<AssessedPlan>> PlanToAssess(Id clinic_id, Id plan_id) = 0;
  // The client a photo is of, or nullopt when there is no such photo in the clinic.
  virtual Result<std::optional<Id>> PhotoClient(Id clinic_id, Id photo_id) = 0;
  virtual Result<bool> HasDevice(Id clinic_id, Id device_id) = 0;
  virtual Result<bool> HasCartridgeLot(Id clinic_id, Id lot_id) = 0;
  virtual Result<bool> HasProduct(Id clinic_id, Id product_id) = 0;
  virtual Result<Id> InsertAdverseEvent(Id clinic_id, Id reported_by, std::int64_t created_at,
                                        const AdverseEventReport& report) = 0;
  virtual Result<std::optional<AdverseEventRecord>> FindAdverseEvent(Id clinic_id, Id id) = 0;
  // Rows changed: 0 when `version` is stale.
  virtual Result<std::int64_t> UpdateAdverseEventOutcome(Id clinic_id, Id id, std::int64_t version,
                                                         AdverseOutcome outcome) = 0;
  // Stores the assessment and links its photo_ids in their order.
  virtual Result<Id> InsertOutcomeAssessment(Id clinic_id, Id client_id, Id assessed_by,
                                             const OutcomeAssessment& assessment) = 0;
};

class SafetyRecords {
 public:
  SafetyRecords(UnitOfWork& work, AuditLog& audit, SafetyRepository& repository, const Clock& clock)
      : work_(work), audit_(audit), repository_(repository), clock_(clock) {}

  Result<Id> RecordAdverseEvent(const Actor& actor, const AdverseEventReport& report);
  // Returns the new version.
  Result<std::int64_t> UpdateAdverseEventOutcome(const Actor& actor, Id event_id,
                                                 std::int64_t version, AdverseOutcome outcome);
  // The scale must be one of the knowledge base's outcome scales (brief §8) suitable for the
  // plan's indication (FU-02), the score within its range when the knowledge base gives one, and
  // every photo one of the plan's client: kInvalidArgument naming `scale`, `score` or
  // `photo_ids[i]` otherwise (another clinic's photo answers as an unknown one).
  Result<Id> RecordOutcomeAssessment(const Actor& actor, const kb::KnowledgeBase& kb,
                                     const OutcomeAssessment& assessment);

 private:
  // The FU-02 and photo checks that need the plan and the stored photos.
  Status CheckAssessmentReferences(const Actor& actor, const kb::KnowledgeBase& kb,
                                   const OutcomeAssessment& assessment, const AssessedPlan& plan);
  // kNotFound naming `field` unless the referenced row is in the actor's clinic.
  Status CheckReferences(const Actor& actor, const AdverseEventReport& report);
  Status Audit(const Actor& actor, std::string action, std::string record_type, Id record_id,
               Id client_id, std::string detail);

  UnitOfWork& work_;
  AuditLog& audit_;
  SafetyRepository& repository_;
  const Clock& clock_;
};

}  // namespace corium::app
