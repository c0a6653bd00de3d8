// The reads of a clinic's stock on both engines: devices by state, cartridge lots with each unit
// and whether a session used it, products; another clinic's stock answers like a missing row.
#include "corium/app/inventory_reads.h"

#include <gtest/gtest.h>

#include "corium/store/records/sql_inventory_reads.h"
#include "records/inventory_fixture.h"

namespace corium::testing {
namespace {

class InventoryReadsTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    records_ = std::make_unique<store::SqlInventoryReadRepository>(db());
    reads_ = std::make_unique<app::InventoryReads>(*work_, *records_);
  }

  std::unique_ptr<store::SqlInventoryReadRepository> records_;
  std::unique_ptr<app::InventoryReads> reads_;
};

TEST_P(InventoryReadsTest, DevicesAreListedByStateAndReadOneByOne) {
  const app::Id retired = Insert(
      "INSERT INTO devices (clinic_id, model, kind, cleared, max_depth_um, serial, active, version)"
      " VALUES ($1, 'Pen', 'pen', 0, 1500, 'OLD-1', 0, 2)",
      {a_.clinic});
  const auto all = reads_->ListDevices(a_.actor, app::DeviceState::kAny, {});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->total, 2);
  const auto active = reads_->ListDevices(a_.actor, app::DeviceState::kActive, {});
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->items.size(), 1U);
  EXPECT_EQ(active->items[0].id, a_.device);
  const auto inactive = reads_->ListDevices(a_.actor, app::DeviceState::kInactive, {});
  ASSERT_TRUE(inactive.ok());
  ASSERT_EQ(inactive->items.size(), 1U);
  EXPECT_EQ(inactive->items[0].id, retired);

  const auto device = reads_->FindDevice(a_.actor, retired);
  ASSERT_TRUE(device.ok()) << device.status().ToString();
  EXPECT_FALSE(device->active);
  EXPECT_EQ(device->version, 2);
  EXPECT_EQ(device->max_depth.micrometres(), 1500);
  EXPECT_EQ(device->cleared, app::Clearance::kNotCleared);

  const auto theirs = reads_->FindDevice(a_.actor, b_.device);
  EXPECT_EQ(theirs.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(theirs.status().message(), "device not found");
}

TEST_P(InventoryReadsTest, ALotShowsEachCartridgeAndWhetherASessionUsedIt) {
  const app::Id lot = NewLot(a_, "L-2027", "2027-06-30");
  const app::Id used = NewCartridge(a_, lot, "U1");
  const app::Id sealed = NewCartridge(a_, lot, "U2");
  NewSession(a_, a_.client, used, "2026-11-18");
  const auto read = reads_->FindCartridgeLot(a_.actor, lot);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->lot_number, "L-2027");
  EXPECT_EQ(read->needle_material, "titanium");
  EXPECT_EQ(read->expires_on, Date::FromYmd(2027, 6, 30));
  EXPECT_EQ(read->unit_count, 2);
  EXPECT_EQ(read->used_count, 1);
  ASSERT_EQ(read->cartridges.size(), 2U);
  EXPECT_EQ(read->cartridges[0].id, used);
  EXPECT_TRUE(read->cartridges[0].used);
  EXPECT_EQ(read->cartridges[1].id, sealed);
  EXPECT_FALSE(read->cartridges[1].used);

  EXPECT_EQ(reads_->FindCartridgeLot(b_.actor, lot).status().message(), "cartridge lot not found");
}

TEST_P(InventoryReadsTest, LotsAreListedSoonestExpiryFirstWithoutTheirUnits) {
  const app::Id later = NewLot(a_, "L-LATE", "2028-01-31");
  const app::Id sooner = NewLot(a_, "L-SOON", "2027-01-31");
  NewCartridge(a_, sooner, "U1");
  NewLot(b_, "L-THEIRS", "2026-12-31");
  const auto list = reads_->ListCartridgeLots(a_.actor, {});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->total, 2);
  ASSERT_EQ(list->items.size(), 2U);
  EXPECT_EQ(list->items[0].id, sooner);
  EXPECT_EQ(list->items[0].unit_count, 1);
  EXPECT_TRUE(list->items[0].cartridges.empty());
  EXPECT_EQ(list->items[1].id, later);
}

TEST_P(InventoryReadsTest, ProductsAreListedByNameAndReadOneByOne) {
  const app::Id serum = NewProduct(a_, "Serum", "S1");
  const app::Id glide = NewProduct(a_, "Glide", "G1");
  NewProduct(b_, "Another glide", "G1");
  const auto list = reads_->ListProducts(a_.actor, {});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->items.size(), 2U);
  EXPECT_EQ(list->items[0].id, glide);
  EXPECT_EQ(list->items[1].id, serum);
  const auto product = reads_->FindProduct(a_.actor, glide);
  ASSERT_TRUE(product.ok());
  EXPECT_EQ(product->kind, "glide");
  EXPECT_TRUE(product->sterile);
  EXPECT_TRUE(product->labelled_for_broken_skin);
  EXPECT_EQ(reads_->FindProduct(b_.actor, glide).status().message(), "product not found");
}

INSTANTIATE_TEST_SUITE_P(Engines, InventoryReadsTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
