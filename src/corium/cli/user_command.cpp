// `corium user add`: gives a staff member an account from the command line, making the clinic
// (when the database has none) and the staff member (when the clinic has no one with that email)
// on the way. The way to the first admin besides the setup token `corium serve` prints.
#include <iostream>
#include <optional>
#include <string>

#include "corium/app/accounts.h"
#include "corium/app/consultation.h"
#include "corium/cli/commands.h"
#include "corium/cli/database_connection.h"
#include "corium/cli/kb_locator.h"
#include "corium/security/init.h"
#include "corium/security/password_hasher.h"
#include "corium/security/token_source.h"
#include "corium/store/migrations.h"
#include "corium/store/records/sql_accounts.h"
#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_screenings.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "corium/tz/zoned_system_clock.h"

namespace corium::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

void PrintError(const Status& status) {
  std::cerr << "corium user add: " << status.message() << "\n";
  for (const FieldError& e : status.field_errors()) {
    std::cerr << "  " << e.path << ": " << e.message << "\n";
  }
}

// One line of standard input, without its line ending; nullopt when there is none.
std::optional<std::string> ReadPassword() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The use cases and repositories over one connection, in the clinic's time zone.
class UserAdd {
 public:
  UserAdd(store::SqlConnection& db, const kb::KnowledgeBase& kb, const UserAddOptions& options)
      : db_(db),
        options_(options),
        clock_(options.time_zone.empty() ? "UTC" : options.time_zone),
        audit_(db),
        work_(db, audit_),
        staff_(db),
        clients_(db),
        screenings_(db),
        account_repository_(db),
        ports_{work_, audit_, clock_, kb, staff_, clients_, screenings_},
        accounts_(work_, audit_, account_repository_, staff_, hasher_, tokens_, clock_) {}

  Result<app::Account> Run(const std::string& password) {
    const std::string email = NormalizedEmail();
    // Everything the command can check first, so that a refusal leaves no clinic behind.
    CORIUM_RETURN_IF_ERROR(app::ValidateStaffDraft(Draft(email), ports_.kb));
    CORIUM_RETURN_IF_ERROR(RefuseTakenEmail(email));
    CORIUM_ASSIGN_OR_RETURN(const app::Id clinic_id, Clinic());
    CORIUM_ASSIGN_OR_RETURN(const app::StaffMember member, StaffMember(clinic_id, email));
    const app::Actor system{clinic_id, 0, member.details.role};
    return accounts_.CreateAccount(system, member.id, password, options_.admin);
  }

 private:
  std::string NormalizedEmail() const {
    std::string email = options_.email;
    for (char& c : email) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return email;
  }

  Status RefuseTakenEmail(const std::string& email) {
    std::optional<app::Account> existing;
    const Status read = work_.Read([&]() -> Status {
      CORIUM_ASSIGN_OR_RETURN(existing, account_repository_.FindByEmail(email));
      return Status::Ok();
    });
    CORIUM_RETURN_IF_ERROR(read);
    if (existing) return Status::AlreadyExists("an account with this email exists already");
    return Status::Ok();
  }

  // The clinic named by --clinic-name (made when no clinic has that name), or the only one.
  Result<app::Id> Clinic() {
    CORIUM_ASSIGN_OR_RETURN(const auto clinics, store::ListClinics(db_));
    if (options_.clinic_name.empty()) {
      if (clinics.size() == 1) return clinics.front().id;
      return Status::InvalidArgument(
          clinics.empty() ? "the database has no clinic yet: name it with --clinic-name and "
                            "give its --time-zone"
                          : "the database has several clinics: choose one with --clinic-name");
    }
    for (const auto& clinic : clinics) {
      if (clinic.name == options_.clinic_name) return clinic.id;
    }
    if (options_.time_zone.empty()) {
      return Status::InvalidArgument("a new clinic needs its --time-zone (e.g. America/Denver)");
    }
    if (!tz::ZonedSystemClock::IsKnownZone(options_.time_zone)) {
      return Status::InvalidArgument("unknown time zone \"" + options_.time_zone + "\"");
    }
    app::Id clinic_id = 0;
    const Status made = work_.Write([&]() -> Status {
      const std::int64_t now = clock_.NowSeconds();
      CORIUM_ASSIGN_OR_RETURN(clinic_id, account_repository_.InsertClinic(options_.clinic_name,
                                                                          options_.time_zone, now));
      return audit_.Append(app::EntryFor(app::Actor{clinic_id, 0, Code()}, now, "create", "clinic",
                                         clinic_id, std::nullopt, "corium user add"));
    });
    CORIUM_RETURN_IF_ERROR(made);
    std::cout << "created the clinic " << options_.clinic_name << " (" << clinic_id << ", "
              << options_.time_zone << ")\n";
    return clinic_id;
  }

  // The clinic's staff member with this email, or a new one registered by the system.
  Result<app::StaffMember> StaffMember(app::Id clinic_id, const std::string& email) {
    CORIUM_ASSIGN_OR_RETURN(const auto existing, store::FindStaffByEmail(db_, clinic_id, email));
    if (existing) {
      CORIUM_ASSIGN_OR_RETURN(app::StaffMember member, staff_.Find(clinic_id, *existing));
      std::cout << "using the staff member " << member.details.full_name << " ("
                << member.details.role.str() << ")\n";
      return member;
    }
    const app::StaffDraft draft = Draft(email);
    return app::RegisterStaff(ports_, app::Actor{clinic_id, 0, draft.role}, draft);
  }

  app::StaffDraft Draft(const std::string& email) const {
    app::StaffDraft draft;
    draft.full_name = options_.full_name;
    draft.email = email;
    draft.role = Code(options_.role);
    return draft;
  }

  store::SqlConnection& db_;
  const UserAddOptions& options_;
  tz::ZonedSystemClock clock_;
  store::SqlAuditLog audit_;
  store::SqlUnitOfWork work_;  // holds audit_ for its reads
  store::SqlStaffRepository staff_;
  store::SqlClientRepository clients_;
  store::SqlScreeningRepository screenings_;
  store::SqlAccountRepository account_repository_;
  security::SodiumPasswordHasher hasher_;
  security::SodiumTokenSource tokens_;
  app::ConsultationPorts ports_;
  app::Accounts accounts_;
};

}  // namespace

int RunUserAdd(const UserAddOptions& options) {
  const std::optional<std::string> password = ReadPassword();
  if (!password || password->empty()) {
    std::cerr << "corium user add: give the password as one line on standard input\n";
    return kUsage;
  }
  if (const Status checked = app::CheckPassword(app::AccountPolicy{}, *password); !checked.ok()) {
    PrintError(checked);
    return kFailed;
  }
  if (const Status sodium = security::InitSecurity(); !sodium.ok()) {
    PrintError(sodium);
    return kFailed;
  }
  const auto kb_dir = LocateKb(options.kb_dir);
  const auto kb = LoadKbFrom(kb_dir);
  if (!kb.ok()) {
    PrintKbProblems(kb.status(), kb_dir);
    return kUsage;
  }
  auto db = ConnectDatabase(options.db);
  if (!db.ok()) {
    PrintError(db.status());
    return kFailed;
  }
  UserAdd user_add(**db, *kb, options);
  if (const auto migrated = store::Migrate(**db, tz::ZonedSystemClock().NowSeconds());
      !migrated.ok()) {
    PrintError(migrated.status());
    return kFailed;
  }
  const auto account = user_add.Run(*password);
  if (!account.ok()) {
    PrintError(account.status());
    return account.status().code() == StatusCode::kInvalidArgument &&
                   account.status().field_errors().empty()
               ? kUsage
               : kFailed;
  }
  std::cout << "created the account " << account->email << " (" << account->role
            << (account->admin ? ", admin" : "") << ") for staff member " << account->staff_id
            << "\n";
  return kOk;
}

}  // namespace corium::cli
