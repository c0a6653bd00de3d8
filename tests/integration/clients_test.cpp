// Clients, intakes, the chart, staff and the audit log over HTTP against the real binary, on
// SQLite and PostgreSQL: each endpoint's answer is checked against the OpenAPI document, bad
// input answers 422 with the body's field paths, a stale If-Match 412, another clinic's ids 404
// exactly like unknown ones, and every read of a client's record shows up in the audit log.
#include <gtest/gtest.h>

#include "integration/role_sessions.h"

namespace corium::testing {
namespace {

class ClientsApiTest : public RoleApiTest {
 protected:
  // Registers a client as the front desk and returns the answer's body.
  json Register(const std::string& given, const std::string& family,
                const std::string& birth_date = "1988-03-14") {
    const HttpResponse created = As("front_desk")
                                     .Post("/api/v1/clients", {{"given_name", given},
                                                               {"family_name", family},
                                                               {"birth_date", birth_date},
                                                               {"fitzpatrick", 3}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json();
  }
  static std::string ClientPath(const json& client) {
    return "/api/v1/clients/" + std::to_string(client.value("id", 0));
  }
};

TEST_P(ClientsApiTest, RegistersReadsAndUpdatesAClientWithETags) {
  const std::string family = UniqueName("Doe");
  const HttpResponse created = As("front_desk")
                                   .Post("/api/v1/clients", {{"given_name", "Jane"},
                                                             {"family_name", family},
                                                             {"birth_date", "1988-03-14"},
                                                             {"email", "jane@example.com"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/clients", created);
  json client = created.Json();
  EXPECT_EQ(created.Header("location"), ClientPath(client));
  EXPECT_EQ(created.Header("etag"), "\"1\"");
  EXPECT_EQ(client["fitzpatrick"], nullptr);

  const HttpResponse read = As("nurse").Get(ClientPath(client));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients/{client_id}", read);
  EXPECT_EQ(read.Json(), client);
  EXPECT_EQ(read.Header("etag"), "\"1\"");

  json changed = {{"given_name", "Jane"},
                  {"family_name", family},
                  {"birth_date", "1988-03-14"},
                  {"phone", "+1 801 555 0100"},
                  {"fitzpatrick", 2}};
  const HttpResponse updated =
      As("front_desk").Put(ClientPath(client), changed, {{"If-Match", "\"1\""}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_MATCHES_OPENAPI("PUT", "/api/v1/clients/{client_id}", updated);
  EXPECT_EQ(updated.Header("etag"), "\"2\"");
  EXPECT_EQ(updated.Json()["fitzpatrick"], 2);
  EXPECT_EQ(updated.Json()["email"], "");  // a PUT replaces every field

  const HttpResponse stale =
      As("front_desk").Put(ClientPath(client), changed, {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_MATCHES_OPENAPI("PUT", "/api/v1/clients/{client_id}", stale);
  const HttpResponse unconditional = As("front_desk").Put(ClientPath(client), changed);
  EXPECT_EQ(unconditional.status, 428) << unconditional.body;
  EXPECT_EQ(As("nurse").Get(ClientPath(client)).Json()["version"], 2);
}

TEST_P(ClientsApiTest, InvalidClientsAnswer422NamingTheBodysFields) {
  const HttpResponse shape = As("front_desk")
                                 .Post("/api/v1/clients", {{"given_name", "Jane"},
                                                           {"family_name", "Doe"},
                                                           {"birth_date", "1988-03-14"},
                                                           {"fitzpatrick", 9},
                                                           {"nickname", "JD"}});
  EXPECT_EQ(shape.status, 422) << shape.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/clients", shape);
  EXPECT_TRUE(HasErrorAt(shape, "fitzpatrick")) << shape.body;
  EXPECT_TRUE(HasErrorAt(shape, "nickname")) << shape.body;

  const HttpResponse rules =
      As("front_desk")
          .Post("/api/v1/clients",
                {{"given_name", " "}, {"family_name", "Doe"}, {"birth_date", "2090-01-01"}});
  EXPECT_EQ(rules.status, 422) << rules.body;
  EXPECT_TRUE(HasErrorAt(rules, "given_name")) << rules.body;
  EXPECT_TRUE(HasErrorAt(rules, "birth_date")) << rules.body;

  const HttpResponse calendar =
      As("front_desk")
          .Post("/api/v1/clients",
                {{"given_name", "Jane"}, {"family_name", "Doe"}, {"birth_date", "1988-02-30"}});
  EXPECT_EQ(calendar.status, 422) << calendar.body;
  EXPECT_EQ(ErrorPaths(calendar), std::vector<std::string>{"birth_date"}) << calendar.body;
}

TEST_P(ClientsApiTest, SearchFindsByPartOfTheNameAndBirthDateAndPages) {
  const std::string family = UniqueName("Quill");
  Register("Ava", family, "1990-05-01");
  Register("Bea", family, "1985-07-09");
  Register("Cal", family + "-Hart", "1990-05-01");

  const HttpResponse page =
      As("front_desk").Get("/api/v1/clients?q=" + family.substr(0, 8) + "&limit=2");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients", page);
  json first = page.Json();
  EXPECT_EQ(first["total"], 3);
  EXPECT_EQ(first["limit"], 2);
  EXPECT_EQ(first["offset"], 0);
  ASSERT_EQ(first["items"].size(), 2u);
  EXPECT_EQ(first["items"][0]["given_name"], "Ava");

  const HttpResponse born =
      As("front_desk").Get("/api/v1/clients?q=ava%20" + family + "&birth_date=1990-05-01");
  ASSERT_EQ(born.status, 200) << born.body;
  EXPECT_EQ(born.Json()["total"], 1);

  const HttpResponse bad = As("front_desk").Get("/api/v1/clients?birth_date=1990-13-01&limit=0");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients", bad);
  EXPECT_TRUE(HasErrorAt(bad, "limit") || HasErrorAt(bad, "birth_date")) << bad.body;

  // The other clinic sees none of them.
  EXPECT_EQ(stranger().Get("/api/v1/clients?q=" + family).Json()["total"], 0);
}

TEST_P(ClientsApiTest, IntakesAreCheckedByTheEngineAndListedOldestFirst) {
  json client = Register("Ida", UniqueName("Intake"));
  const std::string intakes = ClientPath(client) + "/intakes";
  const HttpResponse invalid =
      As("front_desk").Post(intakes, json::parse(R"({"client": {"birth_date": "1988-03-14"},
                               "conditions": [{"code": "acme"}],
                               "medications": [{"code": "isotretinoin", "last_dose": "2099-01-01"}]})"));
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/clients/{client_id}/intakes", invalid);
  EXPECT_TRUE(HasErrorAt(invalid, "conditions[0].code")) << invalid.body;
  EXPECT_TRUE(HasErrorAt(invalid, "medications[0].last_dose")) << invalid.body;
  const HttpResponse mismatch =
      As("front_desk").Post(intakes, {{"client", {{"birth_date", "1970-01-01"}}}});
  EXPECT_TRUE(HasErrorAt(mismatch, "client.birth_date")) << mismatch.body;

  json history = json::parse(R"({"client": {"birth_date": "1988-03-14", "fitzpatrick": 3},
                                       "allergies": [{"code": "lidocaine"}]})");
  const HttpResponse recorded = As("front_desk").Post(intakes, history);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/clients/{client_id}/intakes", recorded);
  EXPECT_EQ(recorded.Json()["revision"], 1);
  EXPECT_EQ(recorded.Json()["history"], history);
  ASSERT_EQ(As("front_desk").Post(intakes, history).status, 201);

  const HttpResponse listed = As("nurse").Get(intakes);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients/{client_id}/intakes", listed);
  EXPECT_EQ(listed.Json()["total"], 2);
  EXPECT_EQ(listed.Json()["items"][1]["revision"], 2);
  // The front desk takes histories but does not read charts.
  EXPECT_EQ(As("front_desk").Get(intakes).status, 403);
}

TEST_P(ClientsApiTest, TheChartHoldsTheClientItsIntakesAndItsScreenings) {
  json client = Register("Cora", UniqueName("Chart"));
  ASSERT_EQ(As("front_desk")
                .Post(ClientPath(client) + "/intakes", {{"client", {{"birth_date", "1988-03-14"}}}})
                .status,
            201);
  const HttpResponse screened =
      As("physician")
          .Post(
              ClientPath(client) + "/screenings",
              json::parse(
                  R"({"requests": [{"indication": "wrinkles", "zones": ["cheeks", "forehead"]}]})"));
  ASSERT_EQ(screened.status, 201) << screened.body;

  const HttpResponse chart = As("auditor").Get(ClientPath(client) + "/chart");
  ASSERT_EQ(chart.status, 200) << chart.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients/{client_id}/chart", chart);
  json body = chart.Json();
  EXPECT_EQ(body["client"], client);
  EXPECT_EQ(body["intakes"].size(), 1u);
  ASSERT_EQ(body["screenings"].size(), 1u);
  EXPECT_EQ(body["screenings"][0], screened.Json());
  // The stored decision as the engine wrote it (contracts.md §1.2: `decision` first), not a
  // tree printed back in another order.
  EXPECT_NE(chart.body.find(R"("decision":{"decision":)"), std::string::npos) << chart.body;
}

TEST_P(ClientsApiTest, TheChartHasAContentETagAndAnswers304WhileUnchanged) {
  json client = Register("Etta", UniqueName("Etag"));
  const std::string chart_path = ClientPath(client) + "/chart";
  const std::string intakes = ClientPath(client) + "/intakes";
  ASSERT_EQ(As("front_desk").Post(intakes, {{"client", {{"birth_date", "1988-03-14"}}}}).status,
            201);

  const HttpResponse first = As("nurse").Get(chart_path);
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string etag = first.Header("etag").value_or("");
  // Strong (no W/), quoted, and not a record version such as "1".
  EXPECT_EQ(etag.size(), 26u) << etag;
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_EQ(As("physician").Get(chart_path).Header("etag"),
            etag);  // the content's, not the reader's

  const HttpResponse unchanged = As("nurse").Get(chart_path, {{"If-None-Match", etag}});
  EXPECT_EQ(unchanged.status, 304) << unchanged.body;
  EXPECT_TRUE(unchanged.body.empty()) << unchanged.body;
  EXPECT_EQ(unchanged.Header("etag"), etag);
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients/{client_id}/chart", unchanged);
  EXPECT_EQ(As("nurse").Get(chart_path, {{"If-None-Match", "\"x\", W/" + etag}}).status, 304);
  EXPECT_EQ(As("nurse").Get(chart_path, {{"If-None-Match", "\"other\""}}).status, 200);
  // Another clinic learns nothing from an ETag: their request is refused before any comparison.
  EXPECT_EQ(stranger().Get(chart_path, {{"If-None-Match", etag}}).status, 404);

  // A look at the record is a look: each 304 is audited as a read like a 200.
  const std::string id = std::to_string(client.value("id", 0));
  const std::string nurse_id = std::to_string(As("nurse").me().value("staff_id", 0));
  const HttpResponse log =
      As("admin").Get("/api/v1/audit-log?client_id=" + id + "&actor_id=" + nurse_id);
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(log.Json().value("total", 0), 4) << log.body;

  // A new intake changes the chart, so the old ETag no longer matches.
  ASSERT_EQ(As("front_desk").Post(intakes, {{"client", {{"birth_date", "1988-03-14"}}}}).status,
            201);
  const HttpResponse changed = As("nurse").Get(chart_path, {{"If-None-Match", etag}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients/{client_id}/chart", changed);
  EXPECT_NE(changed.Header("etag").value_or(etag), etag);
  EXPECT_EQ(changed.Json()["intakes"].size(), 2u);
}

TEST_P(ClientsApiTest, AnotherClinicsClientAnswersExactlyLikeAnUnknownOne) {
  json client = Register("Tess", UniqueName("Tenant"));
  const std::string mine = ClientPath(client);
  const std::string unknown = "/api/v1/clients/987654321";
  for (const std::string suffix : {"", "/intakes", "/chart", "/screenings"}) {
    const HttpResponse foreign = stranger().Get(mine + suffix);
    const HttpResponse missing = stranger().Get(unknown + suffix);
    EXPECT_EQ(foreign.status, 404) << suffix << ": " << foreign.body;
    EXPECT_EQ(foreign.body, missing.body) << suffix;
  }
  json draft = {{"given_name", "Tess"}, {"family_name", "Taken"}, {"birth_date", "1988-03-14"}};
  const HttpResponse put = stranger().Put(mine, draft, {{"If-Match", "\"1\""}});
  EXPECT_EQ(put.status, 404) << put.body;
  EXPECT_EQ(put.body, stranger().Put(unknown, draft, {{"If-Match", "\"1\""}}).body);
  const HttpResponse intake =
      stranger().Post(mine + "/intakes", {{"client", {{"birth_date", "1988-03-14"}}}});
  EXPECT_EQ(intake.status, 404) << intake.body;
  // Nothing changed: still version 1, no intake.
  EXPECT_EQ(As("nurse").Get(mine).Json()["version"], 1);
  EXPECT_EQ(As("nurse").Get(mine + "/intakes").Json()["total"], 0);
}

// --- Staff and the audit log -------------------------------------------------------------------

TEST_P(ClientsApiTest, StaffAreListedReadAndRegisteredWithoutSecrets) {
  const HttpResponse listed = As("nurse").Get("/api/v1/staff?limit=200");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/staff", listed);
  EXPECT_GT(listed.Json()["total"], 3);
  EXPECT_EQ(listed.body.find("argon2"), std::string::npos);
  EXPECT_EQ(listed.body.find("password"), std::string::npos);
  EXPECT_EQ(listed.body.find("ivy.intruder"), std::string::npos);  // another clinic's

  const std::string email = UniqueName("nell") + "@wasatchskin.example";
  json draft = {{"full_name", "Nell Park"}, {"email", email},
                {"role", "nurse"},          {"jurisdiction", "US-UT"},
                {"licence_number", "RN-1"}, {"licence_expires_on", "2028-06-30"}};
  EXPECT_EQ(As("nurse").Post("/api/v1/staff", draft).status, 403);  // manage_staff: admins
  const HttpResponse created = As("admin").Post("/api/v1/staff", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/staff", created);
  const std::string location = created.Header("location").value_or("");
  const HttpResponse read = As("nurse").Get(location);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/staff/{staff_id}", read);
  EXPECT_EQ(read.Json()["licence_expires_on"], "2028-06-30");
  EXPECT_EQ(read.Header("etag"), "\"1\"");

  const HttpResponse again = As("admin").Post("/api/v1/staff", draft);
  EXPECT_EQ(again.status, 409) << again.body;
  json bad = draft;
  bad["role"] = "surgeon";
  bad["email"] = "not an email";
  const HttpResponse invalid = As("admin").Post("/api/v1/staff", bad);
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_TRUE(HasErrorAt(invalid, "role")) << invalid.body;
  EXPECT_TRUE(HasErrorAt(invalid, "email")) << invalid.body;
  EXPECT_EQ(stranger().Get(location).status, 404);
}

TEST_P(ClientsApiTest, EveryReadOfAClientShowsInTheAuditLogNewestFirst) {
  json client = Register("Ada", UniqueName("Audit"));
  const std::string id = std::to_string(client.value("id", 0));
  ASSERT_EQ(As("nurse").Get(ClientPath(client)).status, 200);
  ASSERT_EQ(As("nurse").Get(ClientPath(client) + "/chart").status, 200);
  const std::string nurse_id = std::to_string(As("nurse").me().value("staff_id", 0));

  const HttpResponse log =
      As("admin").Get("/api/v1/audit-log?client_id=" + id + "&actor_id=" + nurse_id);
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/audit-log", log);
  json entries = log.Json()["items"];
  ASSERT_EQ(entries.size(), 2u) << log.body;
  for (json entry : entries) {
    EXPECT_EQ(entry["action"], "read");
    EXPECT_EQ(entry["record_type"], "client");
    EXPECT_EQ(entry["client_id"], client["id"]);
  }
  EXPECT_GT(entries[0]["id"], entries[1]["id"]);

  const HttpResponse everything = As("admin").Get("/api/v1/audit-log?client_id=" + id);
  EXPECT_EQ(everything.Json()["items"].back()["action"], "create");  // the oldest: registration
  const HttpResponse search =
      As("admin").Get("/api/v1/audit-log?actor_id=" + nurse_id + "&limit=1");
  EXPECT_EQ(search.Json()["items"].size(), 1u);

  const HttpResponse window = As("admin").Get("/api/v1/audit-log?from=10&to=5");
  EXPECT_EQ(window.status, 422);
  EXPECT_EQ(ErrorPaths(window), std::vector<std::string>{"to"}) << window.body;
  const HttpResponse garbled = As("admin").Get("/api/v1/audit-log?client_id=abc&from=-1");
  EXPECT_EQ(garbled.status, 422);
  EXPECT_TRUE(HasErrorAt(garbled, "client_id") && HasErrorAt(garbled, "from")) << garbled.body;
  EXPECT_EQ(As("nurse").Get("/api/v1/audit-log").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, ClientsApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
