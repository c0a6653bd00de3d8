// ChartReads: the audited reads of what the charting workflow writes (plans, consents, sessions,
// amendments) and the consent items a plan's screening asks the client to sign. Every read runs
// in one transaction with its audit entry; another clinic's ids answer exactly like unknown ids.
// Not thread-safe: one instance per connection, like the repository beneath it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/charting.h"
#include "corium/app/clock.h"
#include "corium/app/listing.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

struct PlanView {
  Id id = 0;
  Id client_id = 0;
  Id screening_id = 0;
  Code indication;
  int sessions = 0;
  int interval_days = 0;
  std::string status;  // active | completed | cancelled
  Id created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t version = 1;
  std::vector<PlanZoneRecord> zones;
};

struct ConsentView {
  Id id = 0;
  Id client_id = 0;
  Id plan_id = 0;
  std::string text_version;
  std::string text_digest;
  std::vector<std::string> items;
  std::string signature;
  std::string signer_name;
  bool photo_consent = false;
  Id witnessed_by = 0;
  std::int64_t signed_at = 0;
};

// What a client must read and sign before a plan's first session: the items the plan's screening
// asked for, and the knowledge base whose consent texts they are (a consent stores both).
struct ConsentItemsView {
  Id plan_id = 0;
  Id client_id = 0;
  Id screening_id = 0;
  std::vector<std::string> items;      // CN-01…, in the screening's order
  std::string text_version;            // the knowledge base version holding the texts
  std::string text_digest;             // its sha256 digest, covering every text byte for byte
  std::vector<kb::ConsentItem> texts;  // what the client reads for each item, in `items` order
};

// The cartridge a session used, as its lot describes it: what the signed record shows and a
// recall searches by.
struct SessionCartridge {
  Id lot_id = 0;
  std::string lot_number;
  std::string unit_code;
  std::string model;
  int needle_count = 0;
  Date expires_on;
};

struct SessionView {
  Id id = 0;
  Id client_id = 0;
  Id plan_id = 0;
  Id consent_id = 0;
  Id screening_id = 0;
  Id practitioner_id = 0;
  Id device_id = 0;
  Id cartridge_id = 0;
  SessionCartridge cartridge;
  Date performed_on;
  std::string checklist_json;    // {"step": "done" | "not_used"}
  std::string anaesthetic_json;  // {} when no anaesthetic was used
  std::string notes;
  std::string status;  // draft | signed
  std::optional<Id> signed_by;
  std::optional<std::int64_t> signed_at;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::vector<ChartedZone> zones;
  std::vector<AppliedProduct> products;
};

// One line of a client's session list.
struct SessionSummary {
  Id id = 0;
  Id plan_id = 0;
  Id practitioner_id = 0;
  Date performed_on;
  std::string status;
  std::int64_t version = 1;
};

struct AmendmentView {
  Id id = 0;
  std::string record_type;
  Id record_id = 0;
  std::string reason;
  std::string body_json;
  Id author_id = 0;
  std::int64_t created_at = 0;
};

// The reads' storage, owned by the app layer; every call is scoped by clinic and answers
// kNotFound ("plan not found"…) for another clinic's row exactly as for a missing one.
class ChartReadRepository {
 public:
  virtual ~ChartReadRepository() = default;
  virtual Result<bool> HasClient(Id clinic_id, Id client_id) = 0;
  virtual Result<PlanView> Plan(Id clinic_id, Id plan_id) = 0;
  // Newest first.
  virtual Result<Listing<PlanView>> ClientPlans(Id clinic_id, Id client_id, PageRequest page) = 0;
  // The stored decision JSON of a screening.
  virtual Result<std::string> ScreeningDecision(Id clinic_id, Id screening_id) = 0;
  virtual Result<ConsentView> Consent(Id clinic_id, Id consent_id) = 0;
  virtual Result<SessionView> Session(Id clinic_id, Id session_id) = 0;
  // Newest first (by date performed, then id).
  virtual Result<Listing<SessionSummary>> ClientSessions(Id clinic_id, Id client_id,
                                                         PageRequest page) = 0;
  // The client of an amendable record (session, consent, screening, adverse_event).
  virtual Result<Id> ClientOfRecord(Id clinic_id, const std::string& record_type, Id record_id) = 0;
  // kNotFound ("amendment not found").
  virtual Result<AmendmentView> Amendment(Id clinic_id, Id amendment_id) = 0;
  // Oldest first.
  virtual Result<Listing<AmendmentView>> Amendments(Id clinic_id, const std::string& record_type,
                                                    Id record_id, PageRequest page) = 0;
};

class ChartReads {
 public:
  ChartReads(UnitOfWork& work, ChartReadRepository& records, AuditLog& audit, const Clock& clock)
      : work_(work), records_(records), audit_(audit), clock_(clock) {}

  Result<PlanView> Plan(const Actor& actor, Id plan_id);
  Result<Listing<PlanView>> ClientPlans(const Actor& actor, Id client_id, PageRequest page);
  Result<ConsentItemsView> ConsentItems(const Actor& actor, const kb::KnowledgeBase& kb,
                                        Id plan_id);
  Result<ConsentView> Consent(const Actor& actor, Id consent_id);
  Result<SessionView> Session(const Actor& actor, Id session_id);
  Result<Listing<SessionSummary>> ClientSessions(const Actor& actor, Id client_id,
                                                 PageRequest page);
  Result<AmendmentView> Amendment(const Actor& actor, Id amendment_id);
  // The amendments of one record; kInvalidArgument naming record_type for a type that cannot be
  // amended, kNotFound for a record the clinic does not have.
  Result<Listing<AmendmentView>> Amendments(const Actor& actor, const std::string& record_type,
                                            Id record_id, PageRequest page);

 private:
  Status Audit(const Actor& actor, const std::string& record_type, std::optional<Id> record_id,
               Id client_id, std::string detail = {});

  UnitOfWork& work_;
  ChartReadRepository& records_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace corium::app
