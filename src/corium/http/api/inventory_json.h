// JSON for devices, cartridge lots, products, the expiry list and recall, as
// api/paths/inventory.json describes them. Request field names are the use cases' own, so an
// error a use case reports by field name points at the body's field. Pure functions; safe from
// any thread.
#pragma once

#include <nlohmann/json.hpp>

#include "corium/app/inventory.h"
#include "corium/app/inventory_reads.h"
#include "corium/base/result.h"

namespace corium::http {

// Bodies of POST /devices, POST /cartridge-lots, POST /products.
Result<app::DeviceRegistration> DeviceRegistrationFromJson(const nlohmann::json& body);
Result<app::CartridgeLotReceipt> CartridgeLotReceiptFromJson(const nlohmann::json& body);
Result<app::ProductReceipt> ProductReceiptFromJson(const nlohmann::json& body);

nlohmann::json DeviceToJson(const app::Device& device);
// With its cartridges when the view holds them (a single lot), without in lists.
nlohmann::json CartridgeLotToJson(const app::CartridgeLotView& lot);
nlohmann::json ProductToJson(const app::ProductView& product);
nlohmann::json ExpiringLotToJson(const app::ExpiringLot& lot);
nlohmann::json RecallHitToJson(const app::RecallHit& hit);

}  // namespace corium::http
