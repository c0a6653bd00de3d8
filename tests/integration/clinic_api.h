// A fixture for the black-box suites of the clinical records API (charting, photos, safety,
// inventory): one demo server per engine, a physician of the demo clinic signed in, a physician of
// a second clinic (made with `corium user add`) for tenancy refusals, and helpers that walk a new
// client through the workflow over HTTP (register, history, consult, plan, consent, stock).
// Header-only: each integration suite is one executable. Not thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/api_contract.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/test_databases.h"
#include "support/test_kb.h"

namespace corium::testing {

using nlohmann::json;

// Expects a response's status and that its body is the one the OpenAPI document describes.
#define CORIUM_EXPECT_REPLY(method, pattern, response, expected_status) \
  do {                                                                  \
    EXPECT_EQ((response).status, expected_status) << (response).body;   \
    EXPECT_MATCHES_OPENAPI(method, pattern, response);                  \
  } while (false)

// A sign-in kept by hand, for requests whose body is not JSON (photos): ApiSession always sends
// its body as application/json.
struct RawSession {
  std::string cookie;
  std::string csrf;

  static RawSession SignIn(const HttpClient& client, const std::string& email,
                           const std::string& password) {
    const HttpResponse response = client.Send("POST", "/api/v1/session",
                                              json{{"email", email}, {"password", password}}.dump(),
                                              {{"Content-Type", "application/json"}});
    const std::string cookie = response.Header("set-cookie").value_or("");
    return {cookie.substr(0, cookie.find(';')), response.Json().value("csrf_token", "")};
  }
  HttpResponse Upload(const HttpClient& client, const std::string& target, const std::string& bytes,
                      const std::string& type) const {
    return client.Send("PUT", target, bytes,
                       {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", type}});
  }
};

struct ClinicServer {
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<HttpClient> client;
  std::unique_ptr<ApiSession> physician;  // the demo clinic's
  std::unique_ptr<ApiSession> stranger;   // a physician of another clinic
  RawSession physician_raw;
  RawSession stranger_raw;
  int counter = 0;  // for unique serials and lot numbers
};

inline const std::string kStrangerEmail = "dana.other@provo.example";

class ClinicApiTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == store::Dialect::kPostgres && !PostgresUnavailableReason().empty()) {
      if (PostgresRequired()) FAIL() << PostgresUnavailableReason();
      GTEST_SKIP() << PostgresUnavailableReason();
    }
    auto& shared = servers_[GetParam()];
    if (!shared) shared = Start(GetParam());
    clinic_ = shared.get();
  }
  static void TearDownTestSuite() { servers_.clear(); }

  static std::unique_ptr<ClinicServer> Start(store::Dialect dialect) {
    auto shared = std::make_unique<ClinicServer>();
    ServerConfig config;
    config.dialect = dialect;
    shared->server = std::make_unique<ServerProcess>(config);
    shared->client = std::make_unique<HttpClient>(shared->server->port());
    const std::string database = dialect == store::Dialect::kPostgres
                                     ? "--postgres " + ShellQuote(shared->server->database())
                                     : "--db " + ShellQuote(shared->server->database());
    const CommandResult added =
        RunCorium("user add --email " + kStrangerEmail + " --name 'Dana Other' --role physician" +
                      " --clinic-name 'Provo Other Skin' --time-zone America/Denver " + database,
                  DemoPassword() + "\n");
    if (added.exit_code != 0) throw std::runtime_error("user add: " + added.out + added.err);
    shared->physician =
        std::make_unique<ApiSession>(*shared->client, DemoEmail("physician"), DemoPassword());
    shared->stranger =
        std::make_unique<ApiSession>(*shared->client, kStrangerEmail, DemoPassword());
    shared->physician_raw =
        RawSession::SignIn(*shared->client, DemoEmail("physician"), DemoPassword());
    shared->stranger_raw = RawSession::SignIn(*shared->client, kStrangerEmail, DemoPassword());
    return shared;
  }

  const ApiSession& physician() const { return *clinic_->physician; }
  const ApiSession& stranger() const { return *clinic_->stranger; }
  const HttpClient& http() const { return *clinic_->client; }
  std::string Unique(const std::string& prefix) {
    return prefix + "-" + std::to_string(++clinic_->counter);
  }

  // Expects the other clinic's request and the same request for an id that exists nowhere to be
  // refused alike: 404 with the same problem body.
  static void ExpectSameNotFound(const HttpResponse& theirs, const HttpResponse& unknown,
                                 const std::string& what) {
    EXPECT_EQ(theirs.status, 404) << what << ": " << theirs.body;
    EXPECT_EQ(unknown.status, 404) << what << ": " << unknown.body;
    // A message may echo the id asked for ("session 9 not found"); apart from it, they agree.
    EXPECT_EQ(WithoutNumbers(theirs.Json().value("detail", "theirs")),
              WithoutNumbers(unknown.Json().value("detail", "unknown")))
        << what;
    EXPECT_EQ(theirs.Header("content-type"), "application/problem+json") << what;
  }

  static std::string WithoutNumbers(const std::string& text) {
    std::string out;
    for (const char c : text) {
      const bool digit = c >= '0' && c <= '9';
      if (!digit) {
        out += c;
      } else if (out.empty() || out.back() != '#') {
        out += '#';
      }
    }
    return out;
  }

  // The paths of a 422's field errors.
  static std::vector<std::string> ErrorPaths(const HttpResponse& response) {
    std::vector<std::string> paths;
    for (const json& error : response.Json().value("errors", json::array())) {
      paths.push_back(error.value("path", ""));
    }
    return paths;
  }
  static bool HasErrorAt(const HttpResponse& response, const std::string& path) {
    const auto paths = ErrorPaths(response);
    return std::find(paths.begin(), paths.end(), path) != paths.end();
  }

  // --- The workflow over HTTP -------------------------------------------------------------------

  std::int64_t NewClient(const ApiSession& as) {
    const HttpResponse created = as.Post(
        "/api/v1/clients",
        {{"given_name", "Ann"}, {"family_name", Unique("Lee")}, {"birth_date", "1988-03-14"}});
    EXPECT_EQ(created.status, 201) << created.body;
    const std::int64_t id = created.Json().value("id", std::int64_t{0});
    const HttpResponse intake =
        as.Post("/api/v1/clients/" + std::to_string(id) + "/intakes",
                {{"client", {{"birth_date", "1988-03-14"}, {"fitzpatrick", 2}}}});
    EXPECT_EQ(intake.status, 201) << intake.body;
    return id;
  }

  // Today's screening of the client for wrinkles on the cheeks and forehead with a cleared pen.
  json Screen(const ApiSession& as, std::int64_t client_id) {
    const HttpResponse screened =
        as.Post("/api/v1/clients/" + std::to_string(client_id) + "/screenings",
                {{"requests", {{{"indication", "wrinkles"}, {"zones", {"cheeks", "forehead"}}}}},
                 {"device",
                  {{"kind", "pen"},
                   {"cleared", true},
                   {"max_depth_mm", 2.5},
                   {"needle_material", "titanium"}}}});
    EXPECT_EQ(screened.status, 201) << screened.body;
    return screened.Json();
  }

  // The first zone the screening allows and its cap, as the plan request's zone.
  static json AllowedZone(const json& screening) {
    for (const json& zone : screening["decision"].value("zones", json::array())) {
      if (zone.value("status", "") != "ok" || !zone.contains("depth_mm")) continue;
      const double cap = zone["depth_mm"].value("max", 0.0);
      return {{"zone", zone.value("zone", "")}, {"min", 0.25}, {"max", cap}};
    }
    ADD_FAILURE() << "no zone allowed: " << screening.dump();
    return json::object();
  }

  json PlanBody(const json& screening) {
    return {{"screening_id", screening.value("id", 0)},
            {"indication", "wrinkles"},
            {"sessions", 3},
            {"interval_days", 28},
            {"zones", {AllowedZone(screening)}}};
  }

  // A plan with its signed consent (photo consent as asked); answers the plan.
  json ConsentedPlan(const ApiSession& as, const json& screening, bool photo_consent) {
    const HttpResponse plan = as.Post("/api/v1/plans", PlanBody(screening));
    EXPECT_EQ(plan.status, 201) << plan.body;
    const std::string plan_id = std::to_string(plan.Json().value("id", 0));
    const json items = as.Get("/api/v1/plans/" + plan_id + "/consent-items").Json();
    const HttpResponse consent =
        as.Post("/api/v1/consents", {{"plan_id", plan.Json().value("id", 0)},
                                     {"items", items.value("items", json::array())},
                                     {"text_version", items.value("text_version", "")},
                                     {"text_digest", items.value("text_digest", "")},
                                     {"signature", "data:image/png;base64,AAAA"},
                                     {"signer_name", "Ann Lee"},
                                     {"photo_consent", photo_consent}});
    EXPECT_EQ(consent.status, 201) << consent.body;
    return plan.Json();
  }

  struct Stock {
    std::int64_t device = 0;
    std::int64_t lot = 0;
    std::string lot_number;
    std::vector<std::int64_t> cartridges;
    std::int64_t glide = 0;
    std::string glide_lot;
  };

  Stock NewStock(const ApiSession& as) {
    Stock stock;
    const HttpResponse device = as.Post("/api/v1/devices", {{"model", "SkinPen Precision"},
                                                            {"kind", "pen"},
                                                            {"clearance", "K173367"},
                                                            {"cleared", true},
                                                            {"max_depth_mm", 2.5},
                                                            {"serial", Unique("SN")}});
    EXPECT_EQ(device.status, 201) << device.body;
    stock.device = device.Json().value("id", 0);
    stock.lot_number = Unique("LOT");
    const HttpResponse lot =
        as.Post("/api/v1/cartridge-lots", {{"lot_number", stock.lot_number},
                                           {"model", "C12"},
                                           {"needle_count", 12},
                                           {"needle_material", "titanium"},
                                           {"expires_on", "2030-06-30"},
                                           {"unit_codes", {"U1", "U2", "U3"}}});
    EXPECT_EQ(lot.status, 201) << lot.body;
    stock.lot = lot.Json().value("id", 0);
    for (const json& cartridge : lot.Json().value("cartridges", json::array())) {
      stock.cartridges.push_back(cartridge.value("id", 0));
    }
    stock.glide_lot = Unique("GLIDE");
    const HttpResponse glide = as.Post("/api/v1/products", {{"name", "Sterile HA glide"},
                                                            {"kind", "glide"},
                                                            {"lot_number", stock.glide_lot},
                                                            {"expires_on", "2030-12-31"},
                                                            {"sterile", true},
                                                            {"labelled_for_broken_skin", true}});
    EXPECT_EQ(glide.status, 201) << glide.body;
    stock.glide = glide.Json().value("id", 0);
    return stock;
  }

  // A complete chart of the plan's first zone at its planned maximum, without anaesthetic.
  static json Chart(const json& plan, const Stock& stock, std::int64_t cartridge) {
    const json& zone = plan["zones"][0];
    json checklist = json::array();
    for (const kb::Rule& rule : ShippedKb().rules) {
      if (!rule.checklist_policy) continue;
      for (const kb::ChecklistStep& step : rule.checklist_policy->steps) {
        checklist.push_back(
            {{"step", step.step.str()}, {"state", step.may_skip ? "not_used" : "done"}});
      }
    }
    return {{"plan_id", plan.value("id", 0)},
            {"device_id", stock.device},
            {"cartridge_id", cartridge},
            {"zones",
             {{{"zone", zone.value("zone", "")},
               {"depth", zone.value("max", 0.0)},
               {"passes", 3},
               {"endpoint", "erythema"},
               {"speed", "level 4"}}}},
            {"products", {{{"product_id", stock.glide}, {"step", "glide"}}}},
            {"anaesthetic", nullptr},
            {"checklist", checklist},
            {"notes", "Even erythema reached."}};
  }

  ClinicServer* clinic_ = nullptr;
  // One server per engine for the suite: starting one seeds a whole demo clinic.
  static inline std::map<store::Dialect, std::unique_ptr<ClinicServer>> servers_;
};

inline std::string EngineName(const ::testing::TestParamInfo<store::Dialect>& param_info) {
  return std::string(store::DialectName(param_info.param));
}

}  // namespace corium::testing
