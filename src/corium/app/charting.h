// Charting: the workflow from a stored screening to a signed chart (plan, consent, session draft,
// signature, amendment), enforcing its invariants. Not thread-safe: one Charting per connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

// --- What the use cases are asked to do --------------------------------------------------------

struct PlannedZone {
  Code zone;
  Depth min;
  Depth max;
};

struct PlanRequest {
  Id screening_id = 0;
  Code indication;
  std::vector<PlannedZone> zones;
  int sessions = 0;
  int interval_days = 0;
};

struct ConsentRequest {
  Id plan_id = 0;
  std::vector<std::string> items;  // consent item ids the client read (CN-01…)
  std::string text_version;
  std::string text_digest;
  std::string signature;
  std::string signer_name;
  bool photo_consent = false;
};

// One zone as treated. `override_reason` matters only when `depth` exceeds the plan's cap.
struct TreatedZone {
  Code zone;
  Depth depth;
  int passes = 0;
  Code endpoint;
  std::string override_reason;
  // The speed setting as the device shows it ("level 4", "7000 rpm"): required for a motorised
  // device (TP-08; kb/vocabulary.yaml device_kinds), empty for a roller or stamp.
  std::string speed;
};

struct AppliedProduct {
  Id product_id = 0;
  Code step;  // the protocol step it was used in (glide, calming…)
};

// TP-03: the topical anaesthetic's product, strength, area and contact time.
struct AnaestheticUse {
  Id product_id = 0;
  std::string strength;
  std::string area;
  int contact_minutes = 0;
};

enum class StepState { kDone, kNotUsed };
struct ChecklistTick {
  Code step;
  StepState state = StepState::kDone;
};

struct SessionChart {
  Id plan_id = 0;
  Id device_id = 0;
  Id cartridge_id = 0;
  std::vector<TreatedZone> zones;
  std::vector<AppliedProduct> products;
  std::optional<AnaestheticUse> anaesthetic;
  std::vector<ChecklistTick> checklist;
  std::string notes;
};

struct AmendmentRequest {
  std::string record_type;  // session | consent | screening | adverse_event
  Id record_id = 0;
  std::string reason;
  std::string body_json;  // a JSON object: what the correction says
};

// --- What the repository reads and writes ------------------------------------------------------

struct ScreeningRecord {
  Id id = 0;
  Id client_id = 0;
  Id intake_id = 0;
  Date as_of;
  std::string decision;  // proceed | proceed_with_caution | defer | refer | decline
  std::string decision_json;
  std::string kb_digest;
};

struct PlanZoneRecord {
  Code zone;
  Depth planned_min;
  Depth planned_max;
  Depth cap_max;  // the screening's cap for the zone when planned
};

struct PlanRecord {
  Id id = 0;
  Id client_id = 0;
  Id screening_id = 0;
  Code indication;
  std::string status;                 // active | completed | cancelled
  std::vector<PlanZoneRecord> zones;  // in zone-code order
};

// What charting a session reads about its plan, in one lookup: the plan, the client's latest
// screening made for the day of the session, whether a prescriber overrode that screening, the
// client's latest intake revision and the plan's latest signed consent.
struct SessionContext {
  PlanRecord plan;
  std::optional<ScreeningRecord> screening;
  bool screening_overridden = false;
  std::optional<Id> latest_intake_id;
  std::optional<Id> consent_id;
};

struct NewPlan {
  Id clinic_id = 0;
  Id client_id = 0;
  Id screening_id = 0;
  Code indication;
  int sessions = 0;
  int interval_days = 0;
  Id created_by = 0;
  std::int64_t created_at = 0;
  std::vector<PlanZoneRecord> zones;
};

struct NewConsent {
  Id clinic_id = 0;
  Id client_id = 0;
  Id plan_id = 0;
  std::string text_version;
  std::string text_digest;
  std::string items_json;
  std::string signature;
  std::string signer_name;
  bool photo_consent = false;
  Id witnessed_by = 0;
  std::int64_t signed_at = 0;
};

struct CartridgeRecord {
  Id id = 0;
  std::string lot_number;
  Date expires_on;
};

struct DeviceRecord {
  Id id = 0;
  Code kind;  // a vocabulary device kind (pen, roller…)
  bool active = false;
  Depth max_depth;
};

struct ProductRecord {
  Id id = 0;
  std::string name;
  Code kind;
  std::string lot_number;
  Date expires_on;
  bool sterile = false;
  bool labelled_for_broken_skin = false;
};

struct ChartedZone {
  Code zone;
  Depth depth;
  int passes = 0;
  Code endpoint;
  std::string speed;
  std::optional<Id> override_by;  // set together with override_reason
  std::optional<std::string> override_reason;
};

// Everything a session row and its zone and product rows hold that a draft update may change.
struct SessionContent {
  Id consent_id = 0;
  Id screening_id = 0;
  Id practitioner_id = 0;
  Id device_id = 0;
  Id cartridge_id = 0;
  Date performed_on;
  std::string checklist_json;
  std::string anaesthetic_json;
  std::string notes;
  std::vector<ChartedZone> zones;
  std::vector<AppliedProduct> products;
};

struct SessionRecord {
  Id id = 0;
  Id client_id = 0;
  Id plan_id = 0;
  std::string status;  // draft | signed
  std::int64_t version = 0;
};

struct NewAmendment {
  Id clinic_id = 0;
  std::string record_type;
  Id record_id = 0;
  std::string reason;
  std::string body_json;
  Id author_id = 0;
  std::int64_t created_at = 0;
};

// The storage the charting use cases need. Every lookup is scoped by clinic: a record of another
// clinic answers kNotFound exactly like an unknown id. Runs inside the caller's UnitOfWork.
class ChartRepository {
 public:
  virtual ~ChartRepository() = default;

  virtual Result<ScreeningRecord> FindScreening(Id clinic_id, Id screening_id) = 0;
  virtual Result<bool> HasScreeningOverride(Id clinic_id, Id screening_id) = 0;

  virtual Result<PlanRecord> FindPlan(Id clinic_id, Id plan_id) = 0;
  virtual Result<Id> InsertPlan(const NewPlan& plan) = 0;
  // The plan with what a session on `as_of` is checked against (SessionContext); kNotFound when
  // the plan is not the clinic's. Charting reads it once per session, so it is one lookup.
  virtual Result<SessionContext> FindSessionContext(Id clinic_id, Id plan_id, Date as_of) = 0;

  virtual Result<Id> InsertConsent(const NewConsent& consent) = 0;

  virtual Result<CartridgeRecord> FindCartridge(Id clinic_id, Id cartridge_id) = 0;
  virtual Result<DeviceRecord> FindDevice(Id clinic_id, Id device_id) = 0;
  virtual Result<ProductRecord> FindProduct(Id clinic_id, Id product_id) = 0;

  virtual Result<SessionRecord> FindSession(Id clinic_id, Id session_id) = 0;
  // kAlreadyExists when the cartridge already served a session (UNIQUE sessions.cartridge_id).
  virtual Result<Id> InsertSession(Id clinic_id, Id client_id, Id plan_id, std::int64_t created_at,
                                   const SessionContent& content) = 0;
  // Replaces a draft's content when its version is still `version`; kConflict otherwise.
  virtual Status UpdateDraftSession(Id clinic_id, Id session_id, std::int64_t version,
                                    const SessionContent& content) = 0;
  // Signs a draft whose version is still `version`; kConflict otherwise.
  virtual Status MarkSessionSigned(Id clinic_id, Id session_id, std::int64_t version, Id signed_by,
                                   std::int64_t signed_at) = 0;

  // The client a session, consent, screening or adverse event belongs to; kNotFound when absent.
  virtual Result<Id> ClientOfRecord(Id clinic_id, const std::string& record_type, Id record_id) = 0;
  virtual Result<Id> InsertAmendment(const NewAmendment& amendment) = 0;
};

// --- The use cases ------------------------------------------------------------------------------

// Each use case runs in one UnitOfWork::Write and appends exactly one audit entry when it
// succeeds; a refused request leaves the database unchanged.
class Charting {
 public:
  Charting(UnitOfWork& work, ChartRepository& charts, AuditLog& audit, const Clock& clock)
      : work_(work), charts_(charts), audit_(audit), clock_(clock) {}

  // A plan within the screening's caps, for zones the screening found "ok".
  Result<Id> CreatePlan(const Actor& actor, const PlanRequest& request);
  // A signed consent covering every consent item of the plan's screening; immutable once stored.
  Result<Id> SignConsent(const Actor& actor, const ConsentRequest& request);
  // A draft session, after the day-of re-check, consent, cartridge, device, depth, product,
  // anaesthetic and checklist rules (brief §5, EX-12, TP-01, TP-03, TP-06, TP-08).
  Result<Id> ChartSession(const Actor& actor, const kb::KnowledgeBase& kb,
                          const SessionChart& chart);
  // Replaces a draft read at `version` under the same rules; returns the new version.
  Result<std::int64_t> UpdateDraftSession(const Actor& actor, const kb::KnowledgeBase& kb,
                                          Id session_id, std::int64_t version,
                                          const SessionChart& chart);
  // Locks the chart for good.
  Status SignSession(const Actor& actor, Id session_id, std::int64_t version);
  // A correction stored beside the original, which never changes.
  Result<Id> AmendRecord(const Actor& actor, const AmendmentRequest& request);

 private:
  Result<SessionContent> CheckSession(const Actor& actor, const kb::KnowledgeBase& kb,
                                      const SessionContext& context, const SessionChart& chart);
  Status Audit(const Actor& actor, const std::string& action, const std::string& record_type,
               Id record_id, Id client_id, std::string detail = {});

  UnitOfWork& work_;
  ChartRepository& charts_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace corium::app
