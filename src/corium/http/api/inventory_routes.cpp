// Devices, cartridge lots, products, the expiry list and recall over HTTP. Receiving stock goes
// through the inventory use cases (vocabulary, expiry and single-use rules live there); reading it
// through app/inventory_reads.h. Recall names clients and is audited per client by its use case.
#include <algorithm>
#include <charconv>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "corium/app/inventory.h"
#include "corium/app/inventory_reads.h"
#include "corium/http/api.h"
#include "corium/http/api/client_json.h"
#include "corium/http/api/inventory_json.h"

namespace corium::http {
namespace {

using app::Permission;

constexpr int kDefaultExpiryDays = 30;

ApiReply DeviceReply(const app::Device& device, int status = 200) {
  ApiReply reply = ApiReply::Json(DeviceToJson(device), status);
  reply.version = device.version;
  if (status == 201) reply.location = "/api/v1/devices/" + std::to_string(device.id);
  return reply;
}

// One page of a list a use case answers whole (the expiry list, a recall): short by nature.
template <typename T>
app::Listing<T> PageOf(std::vector<T> all, const ApiCall::Page& page) {
  app::Listing<T> listing;
  listing.total = static_cast<std::int64_t>(all.size());
  const auto first = std::min(all.size(), static_cast<size_t>(page.offset));
  const auto last = std::min(all.size(), first + static_cast<size_t>(page.limit));
  listing.items.assign(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(first)),
                       std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(last)));
  return listing;
}

Result<app::DeviceState> ActiveParameter(const ApiCall& call) {
  const auto active = call.Query("active");
  if (!active) return app::DeviceState::kAny;
  if (*active == "true") return app::DeviceState::kActive;
  if (*active == "false") return app::DeviceState::kInactive;
  return Status::InvalidFields({{"active", "expected true or false"}});
}

Result<ApiReply> ListDevices(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const app::DeviceState state, ActiveParameter(call));
  CORIUM_ASSIGN_OR_RETURN(const auto devices, call.services.inventory_reads.ListDevices(
                                                  call.actor(), state, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(devices, page, DeviceToJson));
}

Result<ApiReply> RegisterDevice(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::DeviceRegistration registration,
                          DeviceRegistrationFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id device_id,
                          call.services.inventory.RegisterDevice(call.actor(), registration));
  CORIUM_ASSIGN_OR_RETURN(const app::Device device,
                          call.services.inventory_reads.FindDevice(call.actor(), device_id));
  return DeviceReply(device, 201);
}

Result<ApiReply> ReadDevice(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id device_id, call.PathId("device_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::Device device,
                          call.services.inventory_reads.FindDevice(call.actor(), device_id));
  return DeviceReply(device);
}

Result<ApiReply> DeactivateDevice(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id device_id, call.PathId("device_id"));
  CORIUM_ASSIGN_OR_RETURN(const std::int64_t version, call.IfMatch());
  CORIUM_RETURN_IF_ERROR(
      call.services.inventory.DeactivateDevice(call.actor(), device_id, version));
  CORIUM_ASSIGN_OR_RETURN(const app::Device device,
                          call.services.inventory_reads.FindDevice(call.actor(), device_id));
  return DeviceReply(device);
}

Result<ApiReply> ListLots(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto lots, call.services.inventory_reads.ListCartridgeLots(
                                               call.actor(), ToPageRequest(page)));
  return ApiReply::Json(PageToJson(lots, page, CartridgeLotToJson));
}

Result<ApiReply> ReceiveLot(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::CartridgeLotReceipt receipt,
                          CartridgeLotReceiptFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::ReceivedLot received,
                          call.services.inventory.ReceiveCartridgeLot(call.actor(), receipt));
  CORIUM_ASSIGN_OR_RETURN(
      const app::CartridgeLotView lot,
      call.services.inventory_reads.FindCartridgeLot(call.actor(), received.lot_id));
  return ApiReply::Created(CartridgeLotToJson(lot),
                           "/api/v1/cartridge-lots/" + std::to_string(lot.id));
}

Result<ApiReply> ReadLot(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id lot_id, call.PathId("lot_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::CartridgeLotView lot,
                          call.services.inventory_reads.FindCartridgeLot(call.actor(), lot_id));
  return ApiReply::Json(CartridgeLotToJson(lot));
}

Result<ApiReply> ListProducts(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto products, call.services.inventory_reads.ListProducts(
                                                   call.actor(), ToPageRequest(page)));
  return ApiReply::Json(PageToJson(products, page, ProductToJson));
}

Result<ApiReply> ReceiveProduct(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::ProductReceipt receipt, ProductReceiptFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::Id product_id,
                          call.services.inventory.ReceiveProduct(call.actor(), receipt));
  CORIUM_ASSIGN_OR_RETURN(const app::ProductView product,
                          call.services.inventory_reads.FindProduct(call.actor(), product_id));
  return ApiReply::Created(ProductToJson(product),
                           "/api/v1/products/" + std::to_string(product.id));
}

Result<ApiReply> ReadProduct(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id product_id, call.PathId("product_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::ProductView product,
                          call.services.inventory_reads.FindProduct(call.actor(), product_id));
  return ApiReply::Json(ProductToJson(product));
}

Result<ApiReply> ListExpiring(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  int within_days = kDefaultExpiryDays;
  if (const auto text = call.Query("within_days")) {
    const auto [end, error] =
        std::from_chars(text->data(), text->data() + text->size(), within_days);
    if (text->empty() || error != std::errc() || end != text->data() + text->size()) {
      return Status::InvalidFields({{"within_days", "expected a whole number of days"}});
    }
  }
  CORIUM_ASSIGN_OR_RETURN(auto lots,
                          call.services.inventory.LotsNearExpiry(call.actor(), within_days));
  return ApiReply::Json(PageToJson(PageOf(std::move(lots), page), page, ExpiringLotToJson));
}

Result<ApiReply> Recall(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  std::vector<FieldError> errors;
  app::LotKind kind = app::LotKind::kCartridge;
  const auto kind_text = call.Query("kind");
  if (kind_text == "product") {
    kind = app::LotKind::kProduct;
  } else if (kind_text != "cartridge") {
    errors.push_back({"kind", "expected cartridge or product"});
  }
  const auto lot_number = call.Query("lot_number");
  if (!lot_number) errors.push_back({"lot_number", "required"});
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  CORIUM_ASSIGN_OR_RETURN(
      auto hits, call.services.inventory.Recall(call.actor(), kind, std::string(*lot_number)));
  return ApiReply::Json(PageToJson(PageOf(std::move(hits), page), page, RecallHitToJson));
}

}  // namespace

void AddInventoryRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/devices",
              .permission = Permission::kReadInventory,
              .handler = ListDevices});
  router.Add({.method = "POST",
              .pattern = "/api/v1/devices",
              .permission = Permission::kManageInventory,
              .handler = RegisterDevice});
  router.Add({.method = "GET",
              .pattern = "/api/v1/devices/{device_id}",
              .permission = Permission::kReadInventory,
              .handler = ReadDevice});
  router.Add({.method = "POST",
              .pattern = "/api/v1/devices/{device_id}/deactivate",
              .permission = Permission::kManageInventory,
              .handler = DeactivateDevice});
  router.Add({.method = "GET",
              .pattern = "/api/v1/cartridge-lots",
              .permission = Permission::kReadInventory,
              .handler = ListLots});
  router.Add({.method = "POST",
              .pattern = "/api/v1/cartridge-lots",
              .permission = Permission::kManageInventory,
              .handler = ReceiveLot});
  router.Add({.method = "GET",
              .pattern = "/api/v1/cartridge-lots/{lot_id}",
              .permission = Permission::kReadInventory,
              .handler = ReadLot});
  router.Add({.method = "GET",
              .pattern = "/api/v1/products",
              .permission = Permission::kReadInventory,
              .handler = ListProducts});
  router.Add({.method = "POST",
              .pattern = "/api/v1/products",
              .permission = Permission::kManageInventory,
              .handler = ReceiveProduct});
  router.Add({.method = "GET",
              .pattern = "/api/v1/products/{product_id}",
              .permission = Permission::kReadInventory,
              .handler = ReadProduct});
  router.Add({.method = "GET",
              .pattern = "/api/v1/lots/expiring",
              .permission = Permission::kReadInventory,
              .handler = ListExpiring});
  router.Add({.method = "GET",
              .pattern = "/api/v1/recall",
              .permission = Permission::kRecall,
              .handler = Recall});
}

}  // namespace corium::http
