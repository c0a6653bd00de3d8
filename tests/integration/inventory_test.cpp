// Devices, cartridge lots, products, the expiry list and recall through the real server, on SQLite
// and PostgreSQL: every answer matches the OpenAPI document; duplicates answer 409, refusals name
// their fields, a device's deactivation takes If-Match, and another clinic's stock answers exactly
// as stock that exists nowhere.
#include <gtest/gtest.h>

#include "integration/clinic_api.h"

namespace corium::testing {
namespace {

class InventoryApiTest : public ClinicApiTest {};

std::string Id(const json& record) { return std::to_string(record.value("id", 0)); }

TEST_P(InventoryApiTest, ADeviceIsRegisteredReadListedAndTakenOutOfService) {
  const std::string serial = Unique("SN");
  const json body = {{"model", "SkinPen Precision"}, {"kind", "pen"},
                     {"clearance", "K173367"},       {"cleared", true},
                     {"max_depth_mm", 2.5},          {"serial", serial}};
  const HttpResponse device = physician().Post("/api/v1/devices", body);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/devices", device, 201);
  EXPECT_EQ(device.Header("etag"), "\"1\"");
  CORIUM_EXPECT_REPLY("POST", "/api/v1/devices", physician().Post("/api/v1/devices", body), 409);
  const std::string path = "/api/v1/devices/" + Id(device.Json());
  CORIUM_EXPECT_REPLY("GET", "/api/v1/devices/{device_id}", physician().Get(path), 200);
  const HttpResponse listed = physician().Get("/api/v1/devices?active=true&limit=200");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/devices", listed, 200);

  CORIUM_EXPECT_REPLY("POST", "/api/v1/devices/{device_id}/deactivate",
                      physician().Post(path + "/deactivate", nullptr), 428);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/devices/{device_id}/deactivate",
                      physician().Post(path + "/deactivate", nullptr, {{"If-Match", "\"7\""}}),
                      412);
  const HttpResponse retired =
      physician().Post(path + "/deactivate", nullptr, {{"If-Match", "\"1\""}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/devices/{device_id}/deactivate", retired, 200);
  EXPECT_FALSE(retired.Json().value("active", true));
  EXPECT_EQ(retired.Header("etag"), "\"2\"");
  const HttpResponse inactive = physician().Get("/api/v1/devices?active=false&limit=200");
  bool found = false;
  for (const json& item : inactive.Json().value("items", json::array())) {
    found = found || item.value("serial", "") == serial;
  }
  EXPECT_TRUE(found) << inactive.body;

  json unknown_kind = body;
  unknown_kind["kind"] = "laser";
  unknown_kind["serial"] = Unique("SN");
  const HttpResponse refused = physician().Post("/api/v1/devices", unknown_kind);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/devices", refused, 422);
  EXPECT_TRUE(HasErrorAt(refused, "kind")) << refused.body;
}

TEST_P(InventoryApiTest, LotsAndProductsAreReceivedAndListed) {
  const Stock stock = NewStock(physician());
  ASSERT_EQ(stock.cartridges.size(), 3U);
  const HttpResponse lot = physician().Get("/api/v1/cartridge-lots/" + std::to_string(stock.lot));
  CORIUM_EXPECT_REPLY("GET", "/api/v1/cartridge-lots/{lot_id}", lot, 200);
  EXPECT_EQ(lot.Json().value("unit_count", 0), 3);
  EXPECT_EQ(lot.Json().value("used_count", -1), 0);
  const HttpResponse lots = physician().Get("/api/v1/cartridge-lots?limit=200");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/cartridge-lots", lots, 200);
  EXPECT_GE(lots.Json().value("total", 0), 1);

  const HttpResponse again =
      physician().Post("/api/v1/cartridge-lots", {{"lot_number", stock.lot_number},
                                                  {"model", "C12"},
                                                  {"needle_count", 12},
                                                  {"needle_material", "titanium"},
                                                  {"expires_on", "2030-06-30"},
                                                  {"unit_codes", {"U9"}}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/cartridge-lots", again, 409);
  const HttpResponse expired =
      physician().Post("/api/v1/cartridge-lots", {{"lot_number", Unique("LOT")},
                                                  {"model", "C12"},
                                                  {"needle_count", 12},
                                                  {"needle_material", "titanium"},
                                                  {"expires_on", "2020-01-31"},
                                                  {"unit_codes", {"U1", "U1"}}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/cartridge-lots", expired, 422);
  EXPECT_TRUE(HasErrorAt(expired, "expires_on")) << expired.body;
  EXPECT_TRUE(HasErrorAt(expired, "unit_codes[1]")) << expired.body;

  CORIUM_EXPECT_REPLY("GET", "/api/v1/products/{product_id}",
                      physician().Get("/api/v1/products/" + std::to_string(stock.glide)), 200);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/products", physician().Get("/api/v1/products"), 200);
  const HttpResponse unsterile =
      physician().Post("/api/v1/products", {{"name", "Kitchen glide"},
                                            {"kind", "glide"},
                                            {"lot_number", "K1"},
                                            {"expires_on", "2030-12-31"},
                                            {"sterile", false},
                                            {"labelled_for_broken_skin", false}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/products", unsterile, 422);
  EXPECT_TRUE(HasErrorAt(unsterile, "sterile")) << unsterile.body;
}

TEST_P(InventoryApiTest, TheExpiryListAndRecallTakeTheirParameters) {
  const HttpResponse expiring = physician().Get("/api/v1/lots/expiring");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/lots/expiring", expiring, 200);
  const HttpResponse far = physician().Get("/api/v1/lots/expiring?within_days=400");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/lots/expiring", far, 422);
  EXPECT_TRUE(HasErrorAt(far, "within_days"));
  const HttpResponse words = physician().Get("/api/v1/lots/expiring?within_days=soon");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/lots/expiring", words, 422);

  const HttpResponse none = physician().Get("/api/v1/recall?kind=product&lot_number=NO-SUCH");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/recall", none, 200);
  EXPECT_EQ(none.Json().value("total", -1), 0);
  const HttpResponse bad = physician().Get("/api/v1/recall?kind=needle");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/recall", bad, 422);
  EXPECT_TRUE(HasErrorAt(bad, "kind"));
  EXPECT_TRUE(HasErrorAt(bad, "lot_number"));
}

TEST_P(InventoryApiTest, AnotherClinicsStockAnswersExactlyLikeUnknownStock) {
  const Stock stock = NewStock(physician());
  const std::string unknown = "987654321";
  for (const auto& [theirs, nowhere] : std::vector<std::pair<std::string, std::string>>{
           {"/api/v1/devices/" + std::to_string(stock.device), "/api/v1/devices/" + unknown},
           {"/api/v1/cartridge-lots/" + std::to_string(stock.lot),
            "/api/v1/cartridge-lots/" + unknown},
           {"/api/v1/products/" + std::to_string(stock.glide), "/api/v1/products/" + unknown},
       }) {
    ExpectSameNotFound(stranger().Get(theirs), stranger().Get(nowhere), theirs);
  }
  ExpectSameNotFound(
      stranger().Post("/api/v1/devices/" + std::to_string(stock.device) + "/deactivate", nullptr,
                      {{"If-Match", "\"1\""}}),
      stranger().Post("/api/v1/devices/" + unknown + "/deactivate", nullptr,
                      {{"If-Match", "\"1\""}}),
      "deactivate");
  // The same lot number in another clinic is that clinic's own lot, and recalls find nothing here.
  const HttpResponse recall =
      stranger().Get("/api/v1/recall?kind=cartridge&lot_number=" + stock.lot_number);
  EXPECT_EQ(recall.status, 200);
  EXPECT_EQ(recall.Json().value("total", -1), 0);
  const HttpResponse lots = stranger().Get("/api/v1/cartridge-lots?limit=200");
  for (const json& item : lots.Json().value("items", json::array())) {
    EXPECT_NE(item.value("lot_number", ""), stock.lot_number);
  }
  EXPECT_EQ(physician().Get("/api/v1/devices/" + std::to_string(stock.device)).Header("etag"),
            "\"1\"");
}

INSTANTIATE_TEST_SUITE_P(Engines, InventoryApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
