// Inventory use cases on both engines: devices, cartridge lots and their sealed units, products,
// the expiry list and recall. Each invariant is attacked and the database shown unchanged after.
#include "corium/app/inventory.h"

#include <gtest/gtest.h>

#include "corium/store/records/sql_inventory.h"
#include "records/inventory_fixture.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

class InventoryTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    repository_ = std::make_unique<store::SqlInventoryRepository>(db());
    inventory_ =
        std::make_unique<app::Inventory>(*work_, *audit_, *repository_, clock_, ShippedKb());
  }

  static app::DeviceRegistration Pen(const std::string& serial) {
    app::DeviceRegistration device;
    device.model = "Dermapen 4";
    device.kind = Code("pen");
    device.clearance = "K191201";
    device.cleared = app::Clearance::kCleared;
    device.max_depth_mm = 2.5;
    device.serial = serial;
    return device;
  }

  static app::CartridgeLotReceipt Lot(const std::string& lot_number) {
    app::CartridgeLotReceipt lot;
    lot.lot_number = lot_number;
    lot.model = "16-pin";
    lot.needle_count = 16;
    lot.needle_material = Code("titanium");
    lot.expires_on = Date::FromYmd(2027, 6, 30);
    lot.unit_codes = {"U1", "U2", "U3"};
    return lot;
  }

  static app::ProductReceipt Glide(const std::string& lot_number) {
    app::ProductReceipt product;
    product.name = "Sterile HA glide";
    product.kind = app::ProductKind::kGlide;
    product.lot_number = lot_number;
    product.expires_on = Date::FromYmd(2027, 3, 1);
    product.sterility = app::Sterility::kSterile;
    product.broken_skin = app::BrokenSkinLabel::kLabelled;
    return product;
  }

  std::unique_ptr<store::SqlInventoryRepository> repository_;
  std::unique_ptr<app::Inventory> inventory_;
};

TEST_P(InventoryTest, RegisteringADeviceStoresItsDepthInMicrometresAndAuditsOnce) {
  const auto audit_before = AuditCount();
  const auto id = inventory_->RegisterDevice(a_.actor, Pen("SN-100"));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(Scalar("SELECT max_depth_um FROM devices WHERE id = $1", {*id}), 2500);
  EXPECT_EQ(Scalar("SELECT clinic_id FROM devices WHERE id = $1", {*id}), a_.clinic);
  EXPECT_EQ(AuditCount(), audit_before + 1);
  EXPECT_EQ(Text("SELECT record_type FROM audit_log ORDER BY id DESC"), "device");
}

TEST_P(InventoryTest, ADuplicateSerialInTheClinicIsRefusedButAnotherClinicMayUseIt) {
  ASSERT_TRUE(inventory_->RegisterDevice(a_.actor, Pen("SN-100")).ok());
  const auto before = Fingerprint();
  const auto again = inventory_->RegisterDevice(a_.actor, Pen("SN-100"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_TRUE(inventory_->RegisterDevice(b_.actor, Pen("SN-100")).ok());
}

TEST_P(InventoryTest, ADeviceWithAnUnknownKindNoClearanceOrNoDepthIsRefusedFieldByField) {
  const auto before = Fingerprint();
  app::DeviceRegistration bad = Pen("SN-1");
  bad.kind = Code("laser");
  auto refused = inventory_->RegisterDevice(a_.actor, bad);
  EXPECT_EQ(FirstField(refused.status()), "kind");
  bad = Pen("SN-1");
  bad.clearance = " ";
  refused = inventory_->RegisterDevice(a_.actor, bad);
  EXPECT_EQ(FirstField(refused.status()), "clearance");
  bad = Pen("SN-1");
  bad.max_depth_mm = 0;
  refused = inventory_->RegisterDevice(a_.actor, bad);
  EXPECT_EQ(FirstField(refused.status()), "max_depth_mm");
  bad = Pen("");
  refused = inventory_->RegisterDevice(a_.actor, bad);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstField(refused.status()), "serial");
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(InventoryTest, DeactivatingWithAStaleVersionConflictsAndChangesNothing) {
  const auto before = Fingerprint();
  const Status stale = inventory_->DeactivateDevice(a_.actor, a_.device, 7);
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  EXPECT_EQ(Fingerprint(), before);

  ASSERT_TRUE(inventory_->DeactivateDevice(a_.actor, a_.device, 1).ok());
  EXPECT_EQ(Scalar("SELECT active FROM devices WHERE id = $1", {a_.device}), 0);
  EXPECT_EQ(Scalar("SELECT version FROM devices WHERE id = $1", {a_.device}), 2);
  EXPECT_EQ(Text("SELECT detail FROM audit_log ORDER BY id DESC"), "deactivated");
  EXPECT_EQ(AuditCount(), 1);
}

TEST_P(InventoryTest, AnotherClinicsDeviceAnswersLikeAnUnknownOne) {
  const auto before = Fingerprint();
  const Status foreign = inventory_->DeactivateDevice(a_.actor, b_.device, 1);
  const Status unknown = inventory_->DeactivateDevice(a_.actor, 999'999, 1);
  EXPECT_EQ(foreign.code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.ToString(), unknown.ToString());
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(InventoryTest, ReceivingALotCreatesOneCartridgePerSealedUnit) {
  const auto received = inventory_->ReceiveCartridgeLot(a_.actor, Lot("L-900"));
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->cartridge_ids.size(), 3U);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM cartridges WHERE lot_id = $1 AND clinic_id = $2",
                   {received->lot_id, a_.clinic}),
            3);
  EXPECT_EQ(Text("SELECT needle_material FROM cartridge_lots WHERE id = $1", {received->lot_id}),
            "titanium");
  EXPECT_EQ(AuditCount(), 1);
}

TEST_P(InventoryTest, ADuplicateLotNumberIsRefusedWithNoUnitsAdded) {
  ASSERT_TRUE(inventory_->ReceiveCartridgeLot(a_.actor, Lot("L-900")).ok());
  const auto before = Fingerprint();
  app::CartridgeLotReceipt again = Lot("L-900");
  again.unit_codes = {"U7", "U8"};
  const auto refused = inventory_->ReceiveCartridgeLot(a_.actor, again);
  EXPECT_EQ(refused.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Fingerprint(), before);
  EXPECT_TRUE(inventory_->ReceiveCartridgeLot(b_.actor, Lot("L-900")).ok());
}

TEST_P(InventoryTest, AnInvalidLotIsRefusedNamingTheField) {
  const auto before = Fingerprint();
  struct Case {
    void (*spoil)(app::CartridgeLotReceipt&);
    const char* field;
  };
  const Case cases[] = {
      {[](app::CartridgeLotReceipt& l) { l.needle_count = 0; }, "needle_count"},
      {[](app::CartridgeLotReceipt& l) { l.needle_material = Code("brass"); }, "needle_material"},
      {[](app::CartridgeLotReceipt& l) { l.expires_on = Date::FromYmd(2026, 11, 19); },
       "expires_on"},
      {[](app::CartridgeLotReceipt& l) { l.unit_codes.clear(); }, "unit_codes"},
      {[](app::CartridgeLotReceipt& l) {
         l.unit_codes = {"U1", "U1"};
       },
       "unit_codes[1]"},
      {[](app::CartridgeLotReceipt& l) { l.lot_number = ""; }, "lot_number"},
  };
  for (const Case& c : cases) {
    app::CartridgeLotReceipt lot = Lot("L-1");
    c.spoil(lot);
    const auto refused = inventory_->ReceiveCartridgeLot(a_.actor, lot);
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(FirstField(refused.status()), c.field);
  }
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(InventoryTest, ALotExpiringTodayMayStillBeReceived) {
  app::CartridgeLotReceipt lot = Lot("L-today");
  lot.expires_on = Date::FromYmd(2026, 11, 20);
  EXPECT_TRUE(inventory_->ReceiveCartridgeLot(a_.actor, lot).ok());
}

TEST_P(InventoryTest, ReceivingAProductStoresItsKindAndLabelsAndAuditsOnce) {
  const auto id = inventory_->ReceiveProduct(a_.actor, Glide("G-1"));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(Text("SELECT kind FROM products WHERE id = $1", {*id}), "glide");
  EXPECT_EQ(Scalar("SELECT sterile + labelled_for_broken_skin FROM products WHERE id = $1", {*id}),
            2);
  EXPECT_EQ(AuditCount(), 1);
  const auto before = Fingerprint();
  EXPECT_EQ(inventory_->ReceiveProduct(a_.actor, Glide("G-1")).status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(InventoryTest, TP01AGlideMustBeSterileAndLabelledForBrokenSkin) {
  const auto before = Fingerprint();
  app::ProductReceipt glide = Glide("G-2");
  glide.sterility = app::Sterility::kNonSterile;
  EXPECT_EQ(FirstField(inventory_->ReceiveProduct(a_.actor, glide).status()), "sterile");
  glide = Glide("G-2");
  glide.broken_skin = app::BrokenSkinLabel::kNotLabelled;
  EXPECT_EQ(FirstField(inventory_->ReceiveProduct(a_.actor, glide).status()),
            "labelled_for_broken_skin");
  EXPECT_EQ(Fingerprint(), before);
  // Other products (a sunscreen for aftercare) need neither.
  app::ProductReceipt sunscreen = Glide("S-1");
  sunscreen.kind = app::ProductKind::kSunscreen;
  sunscreen.sterility = app::Sterility::kNonSterile;
  sunscreen.broken_skin = app::BrokenSkinLabel::kNotLabelled;
  EXPECT_TRUE(inventory_->ReceiveProduct(a_.actor, sunscreen).ok());
}

TEST_P(InventoryTest, ProductKindsRoundTripThroughTheirSchemaNames) {
  for (const auto kind :
       {app::ProductKind::kGlide, app::ProductKind::kAnaesthetic, app::ProductKind::kSerum,
        app::ProductKind::kCalming, app::ProductKind::kSunscreen, app::ProductKind::kOther}) {
    EXPECT_EQ(app::ParseProductKind(app::ProductKindName(kind)), kind);
  }
  EXPECT_FALSE(app::ParseProductKind("vitamin_c").has_value());
}

TEST_P(InventoryTest, LotsNearExpiryListsThisClinicsLotsWithinTheWindowSoonestFirst) {
  const auto expired = NewLot(a_, "L-old", "2026-11-01");
  const auto soon = NewLot(a_, "L-soon", "2026-12-10");
  NewLot(a_, "L-later", "2027-06-30");
  NewLot(b_, "L-other", "2026-11-25");
  NewCartridge(a_, soon, "U1");
  const auto used = NewCartridge(a_, soon, "U2");
  NewSession(a_, a_.client, used, "2026-11-19");
  const auto product = NewProduct(a_, "Glide", "G-9");  // expires 2027-01-31

  const auto lots = inventory_->LotsNearExpiry(a_.actor, 30);
  ASSERT_TRUE(lots.ok()) << lots.status().ToString();
  ASSERT_EQ(lots->size(), 2U);
  EXPECT_EQ((*lots)[0].id, expired);
  EXPECT_EQ((*lots)[1].id, soon);
  EXPECT_EQ((*lots)[1].unused_units, 1);
  EXPECT_EQ((*lots)[1].expires_on, Date::FromYmd(2026, 12, 10));
  EXPECT_EQ(AuditCount(), 1);

  const auto wider = inventory_->LotsNearExpiry(a_.actor, 90);
  ASSERT_TRUE(wider.ok());
  ASSERT_EQ(wider->size(), 3U);
  EXPECT_EQ((*wider)[2].kind, app::LotKind::kProduct);
  EXPECT_EQ((*wider)[2].id, product);
}

TEST_P(InventoryTest, LotsNearExpiryRefusesAnImpossibleWindowWithoutAuditing) {
  const auto refused = inventory_->LotsNearExpiry(a_.actor, -1);
  EXPECT_EQ(FirstField(refused.status()), "within_days");
  EXPECT_EQ(FirstField(inventory_->LotsNearExpiry(a_.actor, 366).status()), "within_days");
  EXPECT_EQ(AuditCount(), 0);
}

// Two lots in clinic A, sessions for two clients from the first; clinic B has a lot of the same
// number. Recall of A's lot finds exactly its sessions, by date, and audits each client once.
TEST_P(InventoryTest, RecallOfACartridgeLotFindsExactlyItsSessionsByDate) {
  const auto second_client = NewClient(a_, "Cy");
  const auto l1 = NewLot(a_, "L1");
  const auto l2 = NewLot(a_, "L2");
  const auto late = NewSession(a_, a_.client, NewCartridge(a_, l1, "U1"), "2026-11-18");
  const auto early = NewSession(a_, second_client, NewCartridge(a_, l1, "U2"), "2026-10-02");
  const auto again = NewSession(a_, a_.client, NewCartridge(a_, l1, "U3"), "2026-11-19");
  NewCartridge(a_, l1, "U4");  // never used
  NewSession(a_, a_.client, NewCartridge(a_, l2, "U1"), "2026-11-01");
  NewSession(b_, b_.client, NewCartridge(b_, NewLot(b_, "L1"), "U1"), "2026-11-05");

  const auto hits = inventory_->Recall(a_.actor, app::LotKind::kCartridge, "L1");
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 3U);
  EXPECT_EQ((*hits)[0].session_id, early);
  EXPECT_EQ((*hits)[0].client_id, second_client);
  EXPECT_EQ((*hits)[0].given_name, "Cy");
  EXPECT_EQ((*hits)[0].performed_on, Date::FromYmd(2026, 10, 2));
  EXPECT_EQ((*hits)[1].session_id, late);
  EXPECT_EQ((*hits)[2].session_id, again);
  // One read entry per client touched, not per session.
  EXPECT_EQ(AuditCount(), 2);
  EXPECT_EQ(Scalar("SELECT COUNT(DISTINCT client_id) FROM audit_log WHERE action = 'read'"
                   " AND record_type = 'client' AND clinic_id = $1",
                   {a_.clinic}),
            2);

  const auto theirs = inventory_->Recall(b_.actor, app::LotKind::kCartridge, "L1");
  ASSERT_TRUE(theirs.ok());
  ASSERT_EQ(theirs->size(), 1U);
  EXPECT_EQ((*theirs)[0].client_id, b_.client);
}

TEST_P(InventoryTest, RecallOfAProductLotListsEachSessionOnceWhateverTheSteps) {
  const auto glide = NewProduct(a_, "Glide", "P1");
  const auto other_lot = NewProduct(a_, "Glide", "P2");
  const auto first =
      NewSession(a_, a_.client, NewCartridge(a_, NewLot(a_, "L1"), "U1"), "2026-11-10");
  const auto second =
      NewSession(a_, a_.client, NewCartridge(a_, NewLot(a_, "L2"), "U1"), "2026-11-12");
  UseProduct(first, glide, "glide");
  UseProduct(first, glide, "touch-up");
  UseProduct(second, other_lot, "glide");
  const auto theirs = NewProduct(b_, "Glide", "P1");
  UseProduct(NewSession(b_, b_.client, NewCartridge(b_, NewLot(b_, "L1"), "U1"), "2026-11-11"),
             theirs, "glide");

  const auto hits = inventory_->Recall(a_.actor, app::LotKind::kProduct, "P1");
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1U);
  EXPECT_EQ((*hits)[0].session_id, first);
  EXPECT_EQ(AuditCount(), 1);
}

TEST_P(InventoryTest, RecallOfAnUnknownLotFindsNothingAndTouchesNoClient) {
  const auto hits = inventory_->Recall(a_.actor, app::LotKind::kCartridge, "NOPE");
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
  EXPECT_EQ(AuditCount(), 0);
  EXPECT_EQ(FirstField(inventory_->Recall(a_.actor, app::LotKind::kProduct, " ").status()),
            "lot_number");
}

INSTANTIATE_TEST_SUITE_P(Engines, InventoryTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
