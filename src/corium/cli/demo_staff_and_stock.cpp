// The clinic opens: its one row, its staff and its stock (devices, cartridge lots, products).
#include <string>
#include <vector>

#include "corium/cli/demo_clinic.h"
#include "corium/cli/demo_story.h"

namespace corium::cli::demo {
namespace {

// Two cartridge lots: the one in use expires 20 days after the demo's today, so the manager's
// expiry list has something to show; the fresh one waits on the shelf.
constexpr int kNearExpiryUnits = 8;
constexpr int kFreshUnits = 10;

std::vector<std::string> UnitCodes(int count) {
  std::vector<std::string> codes;
  for (int i = 1; i <= count; ++i) codes.push_back("U" + std::to_string(100 + i));
  return codes;
}
}  // namespace

// No use case creates a clinic (a clinic is the tenant every use case is scoped by), so its one
// row is the only one written here directly.
Status DemoStory::OpenClinic() {
  At(Day(6, 1), 8);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "INSERT INTO clinics (name, time_zone, created_at) VALUES ($1, $2, $3) RETURNING id",
          {std::string(kDemoClinicName), std::string("America/Denver"), clock_.NowSeconds()}));
  if (rows.empty()) return Status::Internal("inserting the clinic returned no id");
  clinic_id_ = rows.front().Int(0);
  return Status::Ok();
}

Result<app::Actor> DemoStory::Hire(const app::Actor& by, const app::StaffDraft& draft) {
  CORIUM_ASSIGN_OR_RETURN(const app::StaffMember member,
                          Step("hiring " + draft.full_name, app::RegisterStaff(ports_, by, draft)));
  return app::Actor{clinic_id_, member.id, member.details.role};
}

Status DemoStory::HireStaff() {
  // The medical director is the clinic's first member, registered by the system itself.
  const app::Actor system{clinic_id_, 0, Code("physician")};
  const Date licences_expire = Date::FromYmd(2028, 1, 31);
  CORIUM_ASSIGN_OR_RETURN(
      director_,
      Hire(system, {"Dr. Hannah Whitaker", "hannah.whitaker@wasatchskin.example", Code("physician"),
                    "US-UT", "UT-PHY-8841207", licences_expire, std::nullopt}));
  CORIUM_ASSIGN_OR_RETURN(nurse_practitioner_,
                          Hire(director_, {"Marcus Reyes, APRN", "marcus.reyes@wasatchskin.example",
                                           Code("nurse_practitioner"), "US-UT", "UT-APRN-5531902",
                                           licences_expire, std::nullopt}));
  // Utah lets a registered nurse needle under a physician's supervision (DP-01).
  CORIUM_ASSIGN_OR_RETURN(
      nurse_, Hire(director_, {"Olivia Tran, RN", "olivia.tran@wasatchskin.example", Code("nurse"),
                               "US-UT", "UT-RN-7720418", licences_expire, director_.staff_id}));
  // A Utah master esthetician may needle unsupervised to 1.5 mm (DP-04).
  CORIUM_ASSIGN_OR_RETURN(master_esthetician_,
                          Hire(director_, {"Sofia Lindqvist", "sofia.lindqvist@wasatchskin.example",
                                           Code("master_esthetician"), "US-UT", "UT-ME-3398120",
                                           licences_expire, std::nullopt}));
  // Licensed in California, where an esthetician may not needle at all (DP-02): her screenings
  // refer. The vocabulary has no front-desk role, so the clinic's receptionist is not on record.
  CORIUM_ASSIGN_OR_RETURN(
      california_esthetician_,
      Hire(director_, {"Camila Ortiz", "camila.ortiz@wasatchskin.example", Code("esthetician"),
                       "US-CA", "CA-EST-Z48213", licences_expire, std::nullopt}));
  return Status::Ok();
}

Status DemoStory::StockInventory() {
  const app::Actor& by = director_;
  CORIUM_ASSIGN_OR_RETURN(
      pen_, Step("registering the pen",
                 inventory_.RegisterDevice(by, {"Aster MN-25 microneedling pen", Code("pen"),
                                                "510(k) K-DEMO-0001 (fictional, demo data)",
                                                app::Clearance::kCleared, 2.5, "AST-PEN-000318"})));
  CORIUM_RETURN_IF_ERROR(
      Step("registering the roller",
           inventory_
               .RegisterDevice(by, {"Aster DR-05 home-care roller", Code("roller"), "",
                                    app::Clearance::kNotCleared, 0.5, "AST-ROL-004411"})
               .status()));
  CORIUM_ASSIGN_OR_RETURN(
      const app::ReceivedLot near_expiry,
      Step("receiving lot AST12-2512",
           inventory_.ReceiveCartridgeLot(
               by, {"AST12-2512", "Aster 12-pin cartridge", 12, Code("stainless_steel"),
                    Date::FromYmd(2026, 12, 10), UnitCodes(kNearExpiryUnits)})));
  near_expiry_lot_ = near_expiry.lot_id;
  cartridges_ = near_expiry.cartridge_ids;
  CORIUM_RETURN_IF_ERROR(
      Step("receiving lot AST12-2705",
           inventory_
               .ReceiveCartridgeLot(
                   by, {"AST12-2705", "Aster 12-pin cartridge", 12, Code("stainless_steel"),
                        Date::FromYmd(2027, 5, 31), UnitCodes(kFreshUnits)})
               .status()));
  CORIUM_ASSIGN_OR_RETURN(
      glide_, Step("receiving the glide",
                   inventory_.ReceiveProduct(
                       by, {"Sterile hyaluronic glide gel", app::ProductKind::kGlide, "HG-2605",
                            Date::FromYmd(2027, 5, 31), app::Sterility::kSterile,
                            app::BrokenSkinLabel::kLabelled})));
  CORIUM_ASSIGN_OR_RETURN(
      lidocaine_, Step("receiving the anaesthetic",
                       inventory_.ReceiveProduct(
                           by, {"Lidocaine 4% topical cream", app::ProductKind::kAnaesthetic,
                                "LC-2603", Date::FromYmd(2027, 3, 31), app::Sterility::kNonSterile,
                                app::BrokenSkinLabel::kNotLabelled})));
  // A retail serum, never applied during needling: not sterile nor labelled for broken skin, so
  // charting would refuse it at the glide or needling step (TP-01).
  CORIUM_RETURN_IF_ERROR(Step(
      "receiving the serum",
      inventory_
          .ReceiveProduct(by, {"Vitamin C brightening serum", app::ProductKind::kSerum, "VC-2606",
                               Date::FromYmd(2027, 6, 30), app::Sterility::kNonSterile,
                               app::BrokenSkinLabel::kNotLabelled})
          .status()));
  CORIUM_ASSIGN_OR_RETURN(
      sunscreen_, Step("receiving the sunscreen",
                       inventory_.ReceiveProduct(
                           by, {"Mineral sunscreen SPF 50", app::ProductKind::kSunscreen, "SS-2604",
                                Date::FromYmd(2027, 10, 31), app::Sterility::kNonSterile,
                                app::BrokenSkinLabel::kNotLabelled})));
  return Status::Ok();
}

}  // namespace corium::cli::demo
