#include "corium/cli/demo_accounts.h"

#include <algorithm>
#include <array>
#include <set>

namespace corium::cli {
namespace {

struct ExtraStaff {
  std::string_view full_name;
  std::string_view email;
  std::string_view role;
  std::string_view licence;
};

// Beside the clinicians of demo_clinic.cpp: a physician assistant and the non-clinical staff, so
// every row of the permission matrix (app/access.h) has someone to sign in as.
constexpr std::array<ExtraStaff, 4> kExtraStaff = {{
    {"Jordan Kim, PA-C", "jordan.kim@wasatchskin.example", "physician_assistant", "UT-PA-2207714"},
    {"Priya Natarajan", "priya.natarajan@wasatchskin.example", "admin", ""},
    {"Tyler Brooks", "tyler.brooks@wasatchskin.example", "front_desk", ""},
    {"Dana Whitfield", "dana.whitfield@wasatchskin.example", "auditor", ""},
}};

}  // namespace

Result<std::vector<DemoSignIn>> EnsureDemoAccounts(const app::ConsultationPorts& ports,
                                                   app::Accounts& accounts, app::Id clinic_id,
                                                   store::SqlConnection& db) {
  CORIUM_ASSIGN_OR_RETURN(auto staff, db.Query("SELECT id, email, role FROM staff "
                                               "WHERE clinic_id = $1 ORDER BY id",
                                               {clinic_id}));
  std::set<std::string> emails;
  for (const auto& row : staff) emails.insert(row.Text(1));
  const app::Actor system{clinic_id, 0, Code("admin")};
  for (const ExtraStaff& person : kExtraStaff) {
    if (emails.count(std::string(person.email)) != 0) continue;
    app::StaffDraft draft;
    draft.full_name = person.full_name;
    draft.email = person.email;
    draft.role = Code(std::string(person.role));
    draft.jurisdiction = "US-UT";
    draft.licence_number = person.licence;
    if (!person.licence.empty()) draft.licence_expires_on = Date::FromYmd(2028, 1, 31);
    CORIUM_RETURN_IF_ERROR(app::RegisterStaff(ports, system, draft).status());
  }
  CORIUM_ASSIGN_OR_RETURN(staff, db.Query("SELECT s.id, s.email, s.role, a.id FROM staff s "
                                          "LEFT JOIN accounts a ON a.staff_id = s.id "
                                          "WHERE s.clinic_id = $1 ORDER BY s.id",
                                          {clinic_id}));
  std::vector<DemoSignIn> sign_ins;
  for (const auto& row : staff) {
    DemoSignIn sign_in{row.Text(1), row.Text(2), row.Text(2) == "admin"};
    if (row.IsNull(3)) {
      const auto created =
          accounts.CreateAccount(system, row.Int(0), std::string(kDemoPassword), sign_in.admin);
      if (!created.ok()) return created.status();
    }
    sign_ins.push_back(std::move(sign_in));
  }
  std::stable_partition(sign_ins.begin(), sign_ins.end(),
                        [](const DemoSignIn& s) { return s.admin; });
  return sign_ins;
}

}  // namespace corium::cli
