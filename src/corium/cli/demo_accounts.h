// Sign-ins for the demo clinic (`corium serve --demo`): a physician assistant and the clinic's
// non-clinical staff (a practice manager, a receptionist, an auditor), and an account for every
// staff member, all with
// one demo password, so each role of the permission matrix can be tried in the browser. Demo data
// only: a real clinic's accounts come from first-run setup or `corium user add`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corium/app/accounts.h"
#include "corium/app/consultation.h"
#include "corium/base/result.h"
#include "corium/store/sql.h"

namespace corium::cli {

inline constexpr std::string_view kDemoPassword = "wasatch-demo-2026";

// The demo clinic's id, or nullopt when the database holds other clinics and not it; 0 when it
// holds no clinic at all (demo_command.cpp).
Result<std::optional<app::Id>> FindDemoClinic(store::SqlConnection& db);

struct DemoSignIn {
  std::string email;
  std::string role;
  bool admin = false;
};

// Adds the demo clinic's extra staff and every staff member's account (idempotent: staff
// who already have an account are skipped); returns the sign-ins, admin first.
Result<std::vector<DemoSignIn>> EnsureDemoAccounts(const app::ConsultationPorts& ports,
                                                   app::Accounts& accounts, app::Id clinic_id,
                                                   store::SqlConnection& db);

}  // namespace corium::cli
