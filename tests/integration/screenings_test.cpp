// Screenings over HTTP against the real binary, on SQLite and PostgreSQL: POST /screenings is
// `corium screen` byte for byte (decisions and intake errors alike); a consultation stores its
// screening, which reads back the same; overrides are for prescribers with a reason; another
// clinic's screenings answer exactly like unknown ones.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "integration/role_sessions.h"

namespace corium::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ExamplePath() {
  return std::string(CORIUM_TESTS_DIR) + "/../examples/consultation.json";
}

class ScreeningsApiTest : public RoleApiTest {
 protected:
  // A client with one intake revision; returns the client's path.
  std::string ClientWithIntake(
      const std::string& history_json = R"({"client": {"birth_date": "1988-03-14"}})") {
    const HttpResponse created =
        As("front_desk")
            .Post("/api/v1/clients", {{"given_name", "Sam"},
                                      {"family_name", UniqueName("Screen")},
                                      {"birth_date", "1988-03-14"}});
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string path = created.Header("location").value_or("/api/v1/clients/0");
    const HttpResponse intake = As("front_desk").Post(path + "/intakes", json::parse(history_json));
    EXPECT_EQ(intake.status, 201) << intake.body;
    return path;
  }
  HttpResponse Consult(const ApiSession& as, const std::string& client_path,
                       const std::string& body_json) {
    return as.Send("POST", client_path + "/screenings", body_json, {});
  }
  static constexpr const char* kWrinkles =
      R"({"requests": [{"indication": "wrinkles", "zones": ["cheeks"]}],
          "device": {"kind": "pen", "cleared": true, "max_depth_mm": 2.5}})";
};

TEST_P(ScreeningsApiTest, ScreeningAnIntakeAnswersExactlyWhatCoriumScreenPrints) {
  const std::string intake = ReadFile(ExamplePath());
  ASSERT_FALSE(intake.empty());
  const CommandResult cli = RunCorium("screen " + ShellQuote(ExamplePath()) + " --format json");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;

  const HttpResponse http = As("nurse").Send("POST", "/api/v1/screenings", intake, {});
  ASSERT_EQ(http.status, 200) << http.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/screenings", http);
  EXPECT_EQ(http.body, cli.out);
  EXPECT_EQ(http.Header("content-type"), "application/json");
}

TEST_P(ScreeningsApiTest, AnInvalidIntakeAnswers422WithTheParsersPaths) {
  json intake = json::parse(ReadFile(ExamplePath()));
  intake["conditions"][0]["code"] = "acme";
  intake["requests"][0]["zones"].push_back("elbow");
  intake["colour"] = "blue";
  const CommandResult cli = RunCorium("screen - --format json", intake.dump());
  ASSERT_EQ(cli.exit_code, 1) << cli.out;

  const HttpResponse http = As("nurse").Send("POST", "/api/v1/screenings", intake.dump(), {});
  EXPECT_EQ(http.status, 422) << http.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/screenings", http);
  EXPECT_EQ(http.Json()["errors"], json::parse(cli.out)["errors"]);
  EXPECT_TRUE(HasErrorAt(http, "conditions[0].code")) << http.body;

  // Only staff who may screen: the front desk may not.
  EXPECT_EQ(As("front_desk").Send("POST", "/api/v1/screenings", ReadFile(ExamplePath()), {}).status,
            403);
}

// The intake parser validates this route's body; what is not an object still meets the schema,
// and a repeated or unknown field is named as on every route.
TEST_P(ScreeningsApiTest, ABodyThatIsNoIntakeIsRefusedByName) {
  HttpResponse http = As("nurse").Send("POST", "/api/v1/screenings", "[1, 2]", {});
  EXPECT_EQ(http.status, 422) << http.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/screenings", http);

  http = As("nurse").Send("POST", "/api/v1/screenings", "{}", {});
  EXPECT_EQ(http.status, 422) << http.body;
  EXPECT_TRUE(HasErrorAt(http, "client")) << http.body;
  EXPECT_TRUE(HasErrorAt(http, "requests")) << http.body;

  std::string text = ReadFile(ExamplePath());
  text.insert(text.find('{') + 1, R"("zz": 1, "setting": "clinic", "aa": 2,)");
  http = As("nurse").Send("POST", "/api/v1/screenings", text, {});
  EXPECT_EQ(http.status, 422) << http.body;
  EXPECT_TRUE(HasErrorAt(http, "setting")) << http.body;  // the example has one already

  text = ReadFile(ExamplePath());
  text.insert(text.find('{') + 1, R"("zz": 1, "aa": 2,)");
  http = As("nurse").Send("POST", "/api/v1/screenings", text, {});
  EXPECT_EQ(http.status, 422) << http.body;
  const json errors = http.Json()["errors"];
  ASSERT_EQ(errors.size(), 2u) << http.body;
  EXPECT_EQ(errors[0].value("path", ""), "aa");  // by name, not in the text's order
  EXPECT_EQ(errors[1].value("path", ""), "zz");
}

TEST_P(ScreeningsApiTest, AConsultationStoresAScreeningThatReadsBackTheSame) {
  const std::string client = ClientWithIntake();
  const HttpResponse stored = Consult(As("nurse"), client, kWrinkles);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/clients/{client_id}/screenings", stored);
  json screening = stored.Json();
  EXPECT_EQ(screening["screened_by"], As("nurse").me().value("staff_id", 0));
  EXPECT_EQ(screening["decision"]["zones"][0]["zone"], "cheeks");
  EXPECT_EQ(screening["kb_digest"], screening["decision"]["kb"]["digest"]);
  EXPECT_TRUE(screening["overrides"].empty());

  const std::string location = stored.Header("location").value_or("");
  const HttpResponse read = As("auditor").Get(location);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/screenings/{screening_id}", read);
  EXPECT_EQ(read.Json(), screening);

  ASSERT_EQ(Consult(As("physician"), client, kWrinkles).status, 201);
  const HttpResponse listed = As("nurse").Get(client + "/screenings?limit=1&offset=1");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients/{client_id}/screenings", listed);
  EXPECT_EQ(listed.Json()["total"], 2);
  EXPECT_EQ(listed.Json()["items"][0]["screened_by"], As("physician").me().value("staff_id", 0));
}

TEST_P(ScreeningsApiTest, AConsultationNamesTheBodysFieldsWhenRefused) {
  const std::string client = ClientWithIntake();
  const HttpResponse codes =
      Consult(As("nurse"), client,
              R"({"requests": [{"indication": "wrinkles", "zones": ["cheeks", "elbow"]}],
          "device": {"kind": "laser"}})");
  EXPECT_EQ(codes.status, 422) << codes.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/clients/{client_id}/screenings", codes);
  EXPECT_TRUE(HasErrorAt(codes, "requests[0].zones[1]")) << codes.body;
  EXPECT_TRUE(HasErrorAt(codes, "device.kind")) << codes.body;

  const HttpResponse shape =
      Consult(As("nurse"), client, R"({"requests": [{"indication": 7, "zones": []}], "x": 1})");
  EXPECT_EQ(shape.status, 422) << shape.body;
  EXPECT_TRUE(HasErrorAt(shape, "requests[0].indication")) << shape.body;
  EXPECT_TRUE(HasErrorAt(shape, "x")) << shape.body;

  const HttpResponse created = As("front_desk")
                                   .Post("/api/v1/clients", {{"given_name", "New"},
                                                             {"family_name", UniqueName("Blank")},
                                                             {"birth_date", "1990-01-01"}});
  const HttpResponse no_intake =
      Consult(As("nurse"), created.Header("location").value_or(""), kWrinkles);
  EXPECT_EQ(no_intake.status, 422) << no_intake.body;
  EXPECT_EQ(ErrorPaths(no_intake), std::vector<std::string>{"intake"}) << no_intake.body;
  EXPECT_EQ(As("nurse").Get(client + "/screenings").Json()["total"], 0);  // nothing stored
}

TEST_P(ScreeningsApiTest, OverridesArePrescribersOwnWithAReason) {
  const std::string client = ClientWithIntake();
  const HttpResponse stored = Consult(As("nurse"), client, kWrinkles);
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string screening = stored.Header("location").value_or("");
  const std::string overrides = screening + "/overrides";

  EXPECT_EQ(As("nurse").Post(overrides, {{"reason", "I am sure"}}).status, 403);
  const HttpResponse blank = As("physician").Post(overrides, {{"reason", "  "}});
  EXPECT_EQ(blank.status, 422) << blank.body;
  EXPECT_EQ(ErrorPaths(blank), std::vector<std::string>{"reason"}) << blank.body;
  const HttpResponse missing = As("physician").Post(overrides, json::object());
  EXPECT_TRUE(HasErrorAt(missing, "reason")) << missing.body;

  const HttpResponse made =
      As("physician").Post(overrides, {{"reason", "Dermatology cleared; documented in notes"}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/screenings/{screening_id}/overrides", made);
  EXPECT_EQ(made.Header("location"), screening);
  json read = As("nurse").Get(screening).Json();
  ASSERT_EQ(read["overrides"].size(), 1u);
  EXPECT_EQ(read["overrides"][0], made.Json());
  EXPECT_EQ(read["decision"], stored.Json()["decision"]);  // the screening itself never changes
}

TEST_P(ScreeningsApiTest, AnotherClinicsScreeningAnswersExactlyLikeAnUnknownOne) {
  const std::string client = ClientWithIntake();
  const HttpResponse stored = Consult(As("nurse"), client, kWrinkles);
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string mine = stored.Header("location").value_or("");
  const std::string unknown = "/api/v1/screenings/987654321";

  const HttpResponse foreign = stranger().Get(mine);
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(foreign.body, stranger().Get(unknown).body);
  json reason = {{"reason", "not my clinic"}};
  const HttpResponse override = stranger().Post(mine + "/overrides", reason);
  EXPECT_EQ(override.status, 404) << override.body;
  EXPECT_EQ(override.body, stranger().Post(unknown + "/overrides", reason).body);
  const HttpResponse consult = Consult(stranger(), client, kWrinkles);
  EXPECT_EQ(consult.status, 404) << consult.body;
  EXPECT_TRUE(As("nurse").Get(mine).Json()["overrides"].empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ScreeningsApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
