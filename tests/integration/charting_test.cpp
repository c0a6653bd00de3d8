// Plans, consents, sessions, signing, amendments and photographs through the real server, on
// SQLite and PostgreSQL: every answer matches the OpenAPI document; refusals name their fields
// (422), a stale version answers 412 and a missing one 428, and another clinic's ids answer
// exactly as ids that exist nowhere.
#include <gtest/gtest.h>

#include "integration/clinic_api.h"
#include "support/test_images.h"

namespace corium::testing {
namespace {

class ChartingApiTest : public ClinicApiTest {};

std::string Id(const json& record) { return std::to_string(record.value("id", 0)); }

TEST_P(ChartingApiTest, APlanIsConsentedChartedUpdatedSignedAndAmended) {
  const std::int64_t client = NewClient(physician());
  const json screening = Screen(physician(), client);
  const Stock stock = NewStock(physician());

  const HttpResponse plan = physician().Post("/api/v1/plans", PlanBody(screening));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/plans", plan, 201);
  EXPECT_EQ(plan.Header("etag"), "\"1\"");
  EXPECT_EQ(plan.Header("location"), "/api/v1/plans/" + Id(plan.Json()));
  EXPECT_EQ(plan.Json().value("client_id", 0), client);
  const std::string plan_path = "/api/v1/plans/" + Id(plan.Json());
  CORIUM_EXPECT_REPLY("GET", "/api/v1/plans/{plan_id}", physician().Get(plan_path), 200);
  const HttpResponse plans =
      physician().Get("/api/v1/clients/" + std::to_string(client) + "/plans?limit=5");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/plans", plans, 200);
  EXPECT_EQ(plans.Json().value("total", 0), 1);
  EXPECT_EQ(plans.Json().value("limit", 0), 5);

  const HttpResponse items = physician().Get(plan_path + "/consent-items");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/plans/{plan_id}/consent-items", items, 200);
  EXPECT_EQ(items.Json().value("text_digest", ""), ShippedKb().digest);
  ASSERT_EQ(items.Json()["texts"].size(), items.Json()["items"].size());
  EXPECT_EQ(items.Json()["texts"][0].value("id", ""), items.Json()["items"][0]);
  EXPECT_FALSE(items.Json()["texts"][0].value("text", "").empty());
  const HttpResponse consent =
      physician().Post("/api/v1/consents", {{"plan_id", plan.Json()["id"]},
                                            {"items", items.Json()["items"]},
                                            {"text_version", items.Json()["text_version"]},
                                            {"text_digest", items.Json()["text_digest"]},
                                            {"signature", "data:image/png;base64,AAAA"},
                                            {"signer_name", "Ann Lee"},
                                            {"photo_consent", true}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/consents", consent, 201);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/consents/{consent_id}",
                      physician().Get("/api/v1/consents/" + Id(consent.Json())), 200);

  const HttpResponse session =
      physician().Post("/api/v1/sessions", Chart(plan.Json(), stock, stock.cartridges[0]));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/sessions", session, 201);
  EXPECT_EQ(session.Json().value("status", ""), "draft");
  EXPECT_EQ(session.Header("etag"), "\"1\"");
  const std::string session_path = "/api/v1/sessions/" + Id(session.Json());
  const HttpResponse read = physician().Get(session_path);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/sessions/{session_id}", read, 200);
  EXPECT_EQ(read.Header("etag"), "\"1\"");
  // The record names the cartridge by its lot, as a recall searches for it.
  const json cartridge = read.Json()["cartridge"];
  EXPECT_EQ(cartridge.value("lot_id", std::int64_t{0}), stock.lot);
  EXPECT_EQ(cartridge.value("lot_number", ""), stock.lot_number);
  EXPECT_FALSE(cartridge.value("unit_code", "").empty()) << read.body;

  json update = Chart(plan.Json(), stock, stock.cartridges[0]);
  update["notes"] = "Even erythema; client comfortable.";
  const HttpResponse updated = physician().Put(session_path, update, {{"If-Match", "\"1\""}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}", updated, 200);
  EXPECT_EQ(updated.Header("etag"), "\"2\"");
  EXPECT_EQ(updated.Json().value("notes", ""), "Even erythema; client comfortable.");
  const HttpResponse stale = physician().Put(session_path, update, {{"If-Match", "\"1\""}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}", stale, 412);
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}", physician().Put(session_path, update),
                      428);

  const HttpResponse signed_session =
      physician().Post(session_path + "/sign", nullptr, {{"If-Match", "\"2\""}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/sessions/{session_id}/sign", signed_session, 200);
  EXPECT_EQ(signed_session.Json().value("status", ""), "signed");
  EXPECT_EQ(signed_session.Header("etag"), "\"3\"");
  const HttpResponse locked = physician().Put(session_path, update, {{"If-Match", "\"3\""}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}", locked, 422);
  EXPECT_TRUE(HasErrorAt(locked, "session_id")) << locked.body;

  const HttpResponse sessions =
      physician().Get("/api/v1/clients/" + std::to_string(client) + "/sessions");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/sessions", sessions, 200);
  EXPECT_EQ(sessions.Json().value("total", 0), 1);

  // The cartridge is now used, and a recall of its lot finds the session.
  const HttpResponse lot = physician().Get("/api/v1/cartridge-lots/" + std::to_string(stock.lot));
  CORIUM_EXPECT_REPLY("GET", "/api/v1/cartridge-lots/{lot_id}", lot, 200);
  EXPECT_EQ(lot.Json().value("used_count", 0), 1);
  EXPECT_EQ(lot.Json()["cartridges"][0].value("used", false), true);
  const HttpResponse recall =
      physician().Get("/api/v1/recall?kind=cartridge&lot_number=" + stock.lot_number);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/recall", recall, 200);
  ASSERT_EQ(recall.Json().value("total", 0), 1) << recall.body;
  EXPECT_EQ(recall.Json()["items"][0].value("session_id", 0), session.Json().value("id", 0));

  const HttpResponse amendment =
      physician().Post("/api/v1/amendments", {{"record_type", "session"},
                                              {"record_id", session.Json()["id"]},
                                              {"reason", "Passes were 2, not 3"},
                                              {"body", {{"zones[0].passes", 2}}}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/amendments", amendment, 201);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/amendments/{amendment_id}",
                      physician().Get("/api/v1/amendments/" + Id(amendment.Json())), 200);
  const HttpResponse amendments =
      physician().Get("/api/v1/amendments?record_type=session&record_id=" + Id(session.Json()));
  CORIUM_EXPECT_REPLY("GET", "/api/v1/amendments", amendments, 200);
  EXPECT_EQ(amendments.Json().value("total", 0), 1);
}

TEST_P(ChartingApiTest, RefusalsNameTheirFields) {
  const std::int64_t client = NewClient(physician());
  const json screening = Screen(physician(), client);
  const Stock stock = NewStock(physician());

  json too_deep = PlanBody(screening);
  too_deep["zones"][0]["max"] = too_deep["zones"][0].value("max", 0.0) + 0.5;
  const HttpResponse deep = physician().Post("/api/v1/plans", too_deep);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/plans", deep, 422);
  EXPECT_TRUE(HasErrorAt(deep, "zones[0].max")) << deep.body;

  json incomplete = PlanBody(screening);
  incomplete.erase("sessions");
  incomplete["zones"][0]["depth"] = 1;
  const HttpResponse bad = physician().Post("/api/v1/plans", incomplete);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/plans", bad, 422);
  EXPECT_TRUE(HasErrorAt(bad, "sessions")) << bad.body;
  EXPECT_TRUE(HasErrorAt(bad, "zones[0].depth")) << bad.body;

  const json plan = ConsentedPlan(physician(), screening, /*photo_consent=*/false);
  ASSERT_EQ(physician().Post("/api/v1/sessions", Chart(plan, stock, stock.cartridges[0])).status,
            201);
  // EX-12: a cartridge serves one session only; reusing one clashes with the stored session.
  const HttpResponse reused =
      physician().Post("/api/v1/sessions", Chart(plan, stock, stock.cartridges[0]));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/sessions", reused, 409);
  EXPECT_TRUE(HasErrorAt(reused, "cartridge_id")) << reused.body;
  // Also when a draft is changed to a used cartridge: 409 still, not 412, though If-Match is sent.
  const json other_plan = ConsentedPlan(physician(), Screen(physician(), NewClient(physician())),
                                        /*photo_consent=*/false);
  const HttpResponse other =
      physician().Post("/api/v1/sessions", Chart(other_plan, stock, stock.cartridges[2]));
  ASSERT_EQ(other.status, 201) << other.body;
  const HttpResponse moved =
      physician().Put("/api/v1/sessions/" + Id(other.Json()),
                      Chart(other_plan, stock, stock.cartridges[0]), {{"If-Match", "\"1\""}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}", moved, 409);
  EXPECT_TRUE(HasErrorAt(moved, "cartridge_id")) << moved.body;

  json unticked = Chart(plan, stock, stock.cartridges[1]);
  unticked["checklist"].erase(0);
  const HttpResponse checklist = physician().Post("/api/v1/sessions", unticked);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/sessions", checklist, 422);
  EXPECT_TRUE(HasErrorAt(checklist, "checklist")) << checklist.body;

  const HttpResponse no_filter = physician().Get("/api/v1/amendments");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/amendments", no_filter, 422);
  EXPECT_TRUE(HasErrorAt(no_filter, "record_type"));
  EXPECT_TRUE(HasErrorAt(no_filter, "record_id"));
  const HttpResponse bad_page =
      physician().Get("/api/v1/clients/" + std::to_string(client) + "/plans?limit=0");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/plans", bad_page, 422);
  EXPECT_TRUE(HasErrorAt(bad_page, "limit"));
}

TEST_P(ChartingApiTest, AnotherClinicsIdsAnswerExactlyLikeUnknownIds) {
  const std::int64_t client = NewClient(physician());
  const json screening = Screen(physician(), client);
  const Stock stock = NewStock(physician());
  const json plan = ConsentedPlan(physician(), screening, /*photo_consent=*/true);
  const HttpResponse session =
      physician().Post("/api/v1/sessions", Chart(plan, stock, stock.cartridges[0]));
  ASSERT_EQ(session.status, 201) << session.body;
  const HttpResponse consent = physician().Get("/api/v1/plans/" + Id(plan) + "/consent-items");
  ASSERT_EQ(consent.status, 200);

  const std::string unknown = "987654321";
  const std::string c = std::to_string(client);
  const std::string p = Id(plan);
  const std::string s = Id(session.Json());
  for (const auto& [theirs, nowhere] : std::vector<std::pair<std::string, std::string>>{
           {"/api/v1/plans/" + p, "/api/v1/plans/" + unknown},
           {"/api/v1/plans/" + p + "/consent-items", "/api/v1/plans/" + unknown + "/consent-items"},
           {"/api/v1/clients/" + c + "/plans", "/api/v1/clients/" + unknown + "/plans"},
           {"/api/v1/sessions/" + s, "/api/v1/sessions/" + unknown},
           {"/api/v1/clients/" + c + "/sessions", "/api/v1/clients/" + unknown + "/sessions"},
           {"/api/v1/sessions/" + s + "/photos", "/api/v1/sessions/" + unknown + "/photos"},
           {"/api/v1/amendments?record_type=session&record_id=" + s,
            "/api/v1/amendments?record_type=session&record_id=" + unknown},
       }) {
    ExpectSameNotFound(stranger().Get(theirs), stranger().Get(nowhere), theirs);
  }
  ExpectSameNotFound(
      stranger().Put("/api/v1/sessions/" + s, Chart(plan, stock, stock.cartridges[1]),
                     {{"If-Match", "\"1\""}}),
      stranger().Put("/api/v1/sessions/" + unknown, Chart(plan, stock, stock.cartridges[1]),
                     {{"If-Match", "\"1\""}}),
      "PUT session");
  ExpectSameNotFound(
      stranger().Post("/api/v1/sessions/" + s + "/sign", nullptr, {{"If-Match", "\"1\""}}),
      stranger().Post("/api/v1/sessions/" + unknown + "/sign", nullptr, {{"If-Match", "\"1\""}}),
      "sign session");
  // Their own plan id in a body is as unknown to them as any other.
  const HttpResponse charted = stranger().Post("/api/v1/sessions", Chart(plan, stock, 1));
  EXPECT_EQ(charted.status, 404) << charted.body;
  // And the session is still the demo clinic's, unchanged.
  EXPECT_EQ(physician().Get("/api/v1/sessions/" + s).Header("etag"), "\"1\"");
}

TEST_P(ChartingApiTest, PhotosAreStrippedStoredOnceServedUncachedAndOnlyToTheirClinic) {
  const std::int64_t client = NewClient(physician());
  const json screening = Screen(physician(), client);
  const Stock stock = NewStock(physician());
  const json plan = ConsentedPlan(physician(), screening, /*photo_consent=*/true);
  const HttpResponse session =
      physician().Post("/api/v1/sessions", Chart(plan, stock, stock.cartridges[0]));
  ASSERT_EQ(session.status, 201) << session.body;
  const std::string photos = "/api/v1/sessions/" + Id(session.Json()) + "/photos";
  const RawSession& raw = clinic_->physician_raw;

  const HttpResponse uploaded =
      raw.Upload(http(), photos + "/before", TinyJpeg(true), "image/jpeg");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}/photos/{kind}", uploaded, 201);
  EXPECT_EQ(uploaded.Json().value("media_type", ""), "image/jpeg");
  EXPECT_EQ(uploaded.Json().value("byte_count", 0), static_cast<int>(TinyJpeg(false).size()));
  const HttpResponse again = raw.Upload(http(), photos + "/before", TinyJpeg(true), "image/jpeg");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}/photos/{kind}", again, 200);
  EXPECT_EQ(again.Json().value("id", 0), uploaded.Json().value("id", 0));

  const std::string photo = "/api/v1/photos/" + Id(uploaded.Json());
  const HttpResponse download = physician().Get(photo);
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.Header("content-type"), "image/jpeg");
  EXPECT_EQ(download.Header("cache-control"), "no-store");
  EXPECT_EQ(download.body, TinyJpeg(false));
  EXPECT_EQ(download.body.find("GPS"), std::string::npos);
  const HttpResponse listed = physician().Get(photos);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/sessions/{session_id}/photos", listed, 200);
  EXPECT_EQ(listed.Json().value("total", 0), 1);

  const HttpResponse baseline =
      raw.Upload(http(), "/api/v1/clients/" + std::to_string(client) + "/photos/baseline",
                 TinyJpeg(false), "image/jpeg");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/clients/{client_id}/photos/{kind}", baseline, 201);
  const HttpResponse all = physician().Get("/api/v1/clients/" + std::to_string(client) + "/photos");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/photos", all, 200);
  EXPECT_EQ(all.Json().value("total", 0), 2);

  // The bytes decide; the declared type must agree, and only JPEG and PNG are taken.
  const HttpResponse gif = raw.Upload(http(), photos + "/after", TinyJpeg(false), "image/gif");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}/photos/{kind}", gif, 415);
  const HttpResponse liar = raw.Upload(http(), photos + "/after", TinyJpeg(false), "image/png");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}/photos/{kind}", liar, 422);
  EXPECT_TRUE(HasErrorAt(liar, "Content-Type")) << liar.body;
  const HttpResponse text = raw.Upload(http(), photos + "/after", "GIF89a....", "image/jpeg");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}/photos/{kind}", text, 422);
  EXPECT_TRUE(HasErrorAt(text, "body")) << text.body;
  const HttpResponse kind = raw.Upload(http(), photos + "/selfie", TinyJpeg(false), "image/jpeg");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}/photos/{kind}", kind, 422);
  EXPECT_TRUE(HasErrorAt(kind, "kind")) << kind.body;

  // Without the client's photo consent nothing is taken.
  const json unconsented = ConsentedPlan(physician(), screening, /*photo_consent=*/false);
  const HttpResponse other_session =
      physician().Post("/api/v1/sessions", Chart(unconsented, stock, stock.cartridges[1]));
  ASSERT_EQ(other_session.status, 201) << other_session.body;
  const HttpResponse refused =
      raw.Upload(http(), "/api/v1/sessions/" + Id(other_session.Json()) + "/photos/before",
                 TinyJpeg(false), "image/jpeg");
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/sessions/{session_id}/photos/{kind}", refused, 409);

  // Another clinic sees neither the photograph nor the session.
  ExpectSameNotFound(stranger().Get(photo), stranger().Get("/api/v1/photos/987654321"), photo);
  ExpectSameNotFound(
      clinic_->stranger_raw.Upload(http(), photos + "/after", TinyJpeg(false), "image/jpeg"),
      clinic_->stranger_raw.Upload(http(), "/api/v1/sessions/987654321/photos/after",
                                   TinyJpeg(false), "image/jpeg"),
      "upload");
}

INSTANTIATE_TEST_SUITE_P(Engines, ChartingApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
