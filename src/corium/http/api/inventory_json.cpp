#include "corium/http/api/inventory_json.h"

#include <string>

#include "corium/http/api/json_read.h"

namespace corium::http {

using nlohmann::json;

Result<app::DeviceRegistration> DeviceRegistrationFromJson(const json& body) {
  BodyReader read(body);
  app::DeviceRegistration device;
  device.model = read.String("model");
  device.kind = Code(read.String("kind"));
  device.clearance = read.String("clearance");
  device.cleared = read.Bool("cleared") ? app::Clearance::kCleared : app::Clearance::kNotCleared;
  device.max_depth_mm = read.Number("max_depth_mm");
  device.serial = read.String("serial");
  CORIUM_RETURN_IF_ERROR(read.status());
  return device;
}

Result<app::CartridgeLotReceipt> CartridgeLotReceiptFromJson(const json& body) {
  BodyReader read(body);
  app::CartridgeLotReceipt lot;
  lot.lot_number = read.String("lot_number");
  lot.model = read.String("model");
  lot.needle_count = static_cast<int>(read.Int("needle_count"));
  lot.needle_material = Code(read.String("needle_material"));
  lot.expires_on = read.RequiredDate("expires_on");
  for (const json& code : read.At("unit_codes")) {
    lot.unit_codes.push_back(code.is_string() ? code.get<std::string>() : "");
  }
  CORIUM_RETURN_IF_ERROR(read.status());
  return lot;
}

Result<app::ProductReceipt> ProductReceiptFromJson(const json& body) {
  BodyReader read(body);
  app::ProductReceipt product;
  product.name = read.String("name");
  if (const auto kind = app::ParseProductKind(read.String("kind"))) {
    product.kind = *kind;
  } else {
    read.Fail("kind", "not a product kind");
  }
  product.lot_number = read.String("lot_number");
  product.expires_on = read.RequiredDate("expires_on");
  product.sterility = read.Bool("sterile") ? app::Sterility::kSterile : app::Sterility::kNonSterile;
  product.broken_skin = read.Bool("labelled_for_broken_skin") ? app::BrokenSkinLabel::kLabelled
                                                              : app::BrokenSkinLabel::kNotLabelled;
  CORIUM_RETURN_IF_ERROR(read.status());
  return product;
}

json DeviceToJson(const app::Device& device) {
  return {{"id", device.id},
          {"model", device.model},
          {"kind", device.kind.str()},
          {"clearance", device.clearance},
          {"cleared", device.cleared == app::Clearance::kCleared},
          {"max_depth_mm", device.max_depth.millimetres()},
          {"serial", device.serial},
          {"active", device.active},
          {"version", device.version}};
}

json CartridgeLotToJson(const app::CartridgeLotView& lot) {
  json out = {{"id", lot.id},
              {"lot_number", lot.lot_number},
              {"model", lot.model},
              {"needle_count", lot.needle_count},
              {"needle_material", lot.needle_material.str()},
              {"expires_on", lot.expires_on.ToString()},
              {"unit_count", lot.unit_count},
              {"used_count", lot.used_count}};
  if (!lot.cartridges.empty()) {
    json cartridges = json::array();
    for (const app::CartridgeView& c : lot.cartridges) {
      cartridges.push_back({{"id", c.id}, {"unit_code", c.unit_code}, {"used", c.used}});
    }
    out["cartridges"] = std::move(cartridges);
  }
  return out;
}

json ProductToJson(const app::ProductView& product) {
  return {{"id", product.id},
          {"name", product.name},
          {"kind", product.kind},
          {"lot_number", product.lot_number},
          {"expires_on", product.expires_on.ToString()},
          {"sterile", product.sterile},
          {"labelled_for_broken_skin", product.labelled_for_broken_skin}};
}

json ExpiringLotToJson(const app::ExpiringLot& lot) {
  return {{"kind", lot.kind == app::LotKind::kCartridge ? "cartridge" : "product"},
          {"id", lot.id},
          {"name", lot.name},
          {"lot_number", lot.lot_number},
          {"expires_on", lot.expires_on.ToString()},
          {"unused_units", lot.unused_units}};
}

json RecallHitToJson(const app::RecallHit& hit) {
  return {{"client_id", hit.client_id},
          {"given_name", hit.given_name},
          {"family_name", hit.family_name},
          {"session_id", hit.session_id},
          {"performed_on", hit.performed_on.ToString()}};
}

}  // namespace corium::http
