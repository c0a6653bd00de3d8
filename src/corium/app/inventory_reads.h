// InventoryReads: the clinic's devices, cartridge lots (with each sealed unit and whether a session
// used it) and products, as lists and one by one. Stock holds no client data, so these reads are
// not audited; every query is scoped by clinic. Not thread-safe: one instance per connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/inventory.h"
#include "corium/app/listing.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/date.h"

namespace corium::app {

struct CartridgeView {
  Id id = 0;
  std::string unit_code;
  bool used = false;  // a session (draft or signed) took it; it never serves another
};

struct CartridgeLotView {
  Id id = 0;
  std::string lot_number;
  std::string model;
  int needle_count = 0;
  Code needle_material;
  Date expires_on;
  std::int64_t unit_count = 0;
  std::int64_t used_count = 0;
  std::vector<CartridgeView> cartridges;  // filled for a single lot only, in unit order
};

struct ProductView {
  Id id = 0;
  std::string name;
  std::string kind;  // ProductKindName
  std::string lot_number;
  Date expires_on;
  bool sterile = false;
  bool labelled_for_broken_skin = false;
};

// Which devices a list shows.
enum class DeviceState { kAny, kActive, kInactive };

// The reads' storage, owned by the app layer; another clinic's row answers kNotFound ("device not
// found"…) exactly like a missing one.
class InventoryReadRepository {
 public:
  virtual ~InventoryReadRepository() = default;
  virtual Result<app::Device> FindDevice(Id clinic_id, Id device_id) = 0;
  // By model, then serial.
  virtual Result<Listing<app::Device>> ListDevices(Id clinic_id, DeviceState state,
                                                   PageRequest page) = 0;
  // With its cartridges.
  virtual Result<CartridgeLotView> FindCartridgeLot(Id clinic_id, Id lot_id) = 0;
  // Soonest expiry first; without cartridges.
  virtual Result<Listing<CartridgeLotView>> ListCartridgeLots(Id clinic_id, PageRequest page) = 0;
  virtual Result<ProductView> FindProduct(Id clinic_id, Id product_id) = 0;
  // By name, then expiry.
  virtual Result<Listing<ProductView>> ListProducts(Id clinic_id, PageRequest page) = 0;
};

class InventoryReads {
 public:
  InventoryReads(UnitOfWork& work, InventoryReadRepository& records)
      : work_(work), records_(records) {}

  Result<app::Device> FindDevice(const Actor& actor, Id device_id);
  Result<Listing<app::Device>> ListDevices(const Actor& actor, DeviceState state, PageRequest page);
  Result<CartridgeLotView> FindCartridgeLot(const Actor& actor, Id lot_id);
  Result<Listing<CartridgeLotView>> ListCartridgeLots(const Actor& actor, PageRequest page);
  Result<ProductView> FindProduct(const Actor& actor, Id product_id);
  Result<Listing<ProductView>> ListProducts(const Actor& actor, PageRequest page);

 private:
  UnitOfWork& work_;
  InventoryReadRepository& records_;
};

}  // namespace corium::app
