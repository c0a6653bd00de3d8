// Clients, staff, intakes and screenings as the app layer sees them, and the repository ports the
// consultation use cases store them through. Value types are plain; a repository is used by one
// thread at a time (it wraps one connection), inside the use case's UnitOfWork.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/listing.h"
#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/domain/decision.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

// Every lookup below is scoped by clinic: another clinic's id answers exactly like an id that
// does not exist (kNotFound, same message), so a tenant cannot even learn which ids are taken.

struct StaffDraft {
  std::string full_name;
  std::string email;
  Code role;                 // a vocabulary role (nurse, physician…) or admin|front_desk|auditor
  std::string jurisdiction;  // e.g. US-UT; empty when not known
  std::string licence_number;
  std::optional<Date> licence_expires_on;
  std::optional<Id> supervising_physician_id;  // a prescriber of the same clinic
};

struct StaffMember {
  Id id = 0;
  Id clinic_id = 0;
  StaffDraft details;
  bool active = true;
  std::int64_t version = 1;
};

struct ClientDraft {
  std::string given_name;
  std::string family_name;
  Date birth_date;
  std::string email;
  std::string phone;
  std::optional<int> fitzpatrick;  // 1..6
};

struct Client {
  Id id = 0;
  Id clinic_id = 0;
  ClientDraft details;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// One revision of a client's history (contract intake fields client, conditions, medications,
// allergies, procedures), kept for good: a screening points at the revision it judged.
struct IntakeRecord {
  Id id = 0;
  Id client_id = 0;
  std::int64_t revision = 0;
  std::string intake_json;
  Id recorded_by = 0;
  std::int64_t recorded_at = 0;
};

// A prescriber's documented decision to proceed against (or beside) a screening; the screening
// itself never changes.
struct ScreeningOverride {
  Id id = 0;
  Id screening_id = 0;
  Id prescriber_id = 0;
  std::string reason;
  std::int64_t decided_at = 0;
};

struct Screening {
  Id id = 0;
  Id client_id = 0;
  Id intake_id = 0;
  Date as_of;
  Outcome decision = Outcome::kProceed;
  std::optional<Date> earliest_date;
  std::string intake_json;    // the full intake the engine judged, byte for byte
  std::string decision_json;  // engine::DecisionToJson of the decision
  std::string kb_version;
  std::string kb_digest;
  Id screened_by = 0;
  std::int64_t screened_at = 0;
  std::vector<ScreeningOverride> overrides;  // oldest first
};

// A search of a clinic's clients; every filter given must match.
struct ClientQuery {
  std::string name;  // a substring of "given_name family_name", case-insensitive; empty: any
  std::optional<Date> birth_date;
};

// Every problem of a draft as InvalidFields, by field name; Ok when there is none. The staff role
// must be a clinic role of the vocabulary (not a setting's own role such as home_user) or one of
// the non-clinical roles of app/access.h (admin, front_desk, auditor).
Status ValidateStaffDraft(const StaffDraft& draft, const kb::KnowledgeBase& kb);
// A birth date after `today` is a typo, never a client.
Status ValidateClientDraft(const ClientDraft& draft, Date today);

class StaffRepository {
 public:
  virtual ~StaffRepository() = default;
  // kAlreadyExists when the email is taken in this clinic.
  virtual Result<StaffMember> Insert(Id clinic_id, const StaffDraft& draft, std::int64_t now) = 0;
  virtual Result<StaffMember> Find(Id clinic_id, Id staff_id) = 0;
  // The clinic's staff, by name.
  virtual Result<Listing<StaffMember>> List(Id clinic_id, const PageRequest& page) = 0;
};

class ClientRepository {
 public:
  virtual ~ClientRepository() = default;
  virtual Result<Client> Insert(Id clinic_id, const ClientDraft& draft, std::int64_t now) = 0;
  virtual Result<Client> Find(Id clinic_id, Id client_id) = 0;
  // The clinic's clients matching `query`, by family name, given name and id.
  virtual Result<Listing<Client>> Search(Id clinic_id, const ClientQuery& query,
                                         const PageRequest& page) = 0;
  // Writes `draft` only if the stored version is still `read_version`: kConflict when it moved on,
  // kNotFound when there is no such client in the clinic.
  virtual Result<Client> Update(Id clinic_id, Id client_id, std::int64_t read_version,
                                const ClientDraft& draft, std::int64_t now) = 0;

  // Stores `intake_json` as the client's next revision (1, 2, 3…).
  virtual Result<IntakeRecord> AddIntake(Id clinic_id, Id client_id, const std::string& intake_json,
                                         Id recorded_by, std::int64_t now) = 0;
  // The newest revision; kNotFound when the client has none.
  virtual Result<IntakeRecord> LatestIntake(Id clinic_id, Id client_id) = 0;
  // Every revision, oldest first.
  virtual Result<std::vector<IntakeRecord>> Intakes(Id clinic_id, Id client_id) = 0;
};

class ScreeningRepository {
 public:
  virtual ~ScreeningRepository() = default;
  // Stores a screening (its id, overrides ignored) and returns it as stored.
  virtual Result<Screening> Insert(Id clinic_id, const Screening& screening) = 0;
  // With its overrides.
  virtual Result<Screening> Find(Id clinic_id, Id screening_id) = 0;
  virtual Result<ScreeningOverride> AddOverride(Id clinic_id, const ScreeningOverride& entry) = 0;
  // Every screening of a client with its overrides, oldest first.
  virtual Result<std::vector<Screening>> ForClient(Id clinic_id, Id client_id) = 0;
};

}  // namespace corium::app
