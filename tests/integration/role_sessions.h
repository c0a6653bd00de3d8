// The clinical records fixture (clinic_api.h) with a signed-in session for each demo role, for
// the suites that try one endpoint as several roles (front desk, nurse, admin, auditor…).
// Header-only; not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>

#include "integration/clinic_api.h"

namespace corium::testing {

class RoleApiTest : public ClinicApiTest {
 protected:
  static void TearDownTestSuite() {
    Sessions().clear();  // before the servers they talk to
    ClinicApiTest::TearDownTestSuite();
  }

  // The demo clinic's staff member with `role` (physician, nurse, front_desk, admin, auditor…),
  // signed in once per server.
  const ApiSession& As(const std::string& role) {
    if (role == "physician") return physician();
    auto& session = Sessions()[{GetParam(), role}];
    if (!session) session = std::make_unique<ApiSession>(http(), DemoEmail(role), DemoPassword());
    return *session;
  }

  // A name no demo record has, so that a search sees only what this test made.
  static std::string UniqueName(const std::string& stem) {
    static std::mt19937 rng(std::random_device{}());
    std::string name = stem;
    for (int i = 0; i < 6; ++i) name += static_cast<char>('a' + rng() % 26);
    return name;
  }

 private:
  static std::map<std::pair<store::Dialect, std::string>, std::unique_ptr<ApiSession>>& Sessions() {
    static std::map<std::pair<store::Dialect, std::string>, std::unique_ptr<ApiSession>> sessions;
    return sessions;
  }
};

}  // namespace corium::testing
