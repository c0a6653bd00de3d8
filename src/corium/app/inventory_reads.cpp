#include "corium/app/inventory_reads.h"

#include <utility>

namespace corium::app {
namespace {

// Runs `read` in one read transaction and answers what it produced.
template <typename T, typename Read>
Result<T> InTransaction(UnitOfWork& work, Read read) {
  std::optional<T> value;
  const Status done = work.Read([&]() -> Status {
    Result<T> result = read();
    if (!result.ok()) return result.status();
    value = std::move(result).value();
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return std::move(*value);
}

}  // namespace

Result<app::Device> InventoryReads::FindDevice(const Actor& actor, Id device_id) {
  return InTransaction<app::Device>(
      work_, [&] { return records_.FindDevice(actor.clinic_id, device_id); });
}

Result<Listing<app::Device>> InventoryReads::ListDevices(const Actor& actor, DeviceState state,
                                                         PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  return InTransaction<Listing<app::Device>>(
      work_, [&] { return records_.ListDevices(actor.clinic_id, state, page); });
}

Result<CartridgeLotView> InventoryReads::FindCartridgeLot(const Actor& actor, Id lot_id) {
  return InTransaction<CartridgeLotView>(
      work_, [&] { return records_.FindCartridgeLot(actor.clinic_id, lot_id); });
}

Result<Listing<CartridgeLotView>> InventoryReads::ListCartridgeLots(const Actor& actor,
                                                                    PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  return InTransaction<Listing<CartridgeLotView>>(
      work_, [&] { return records_.ListCartridgeLots(actor.clinic_id, page); });
}

Result<ProductView> InventoryReads::FindProduct(const Actor& actor, Id product_id) {
  return InTransaction<ProductView>(
      work_, [&] { return records_.FindProduct(actor.clinic_id, product_id); });
}

Result<Listing<ProductView>> InventoryReads::ListProducts(const Actor& actor, PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  return InTransaction<Listing<ProductView>>(
      work_, [&] { return records_.ListProducts(actor.clinic_id, page); });
}

}  // namespace corium::app
