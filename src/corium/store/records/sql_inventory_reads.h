// SqlInventoryReadRepository: the app's InventoryReadRepository (devices, cartridge lots with
// their units, products) over a SqlConnection, in portable SQL for both engines. Single-threaded,
// like the connection it wraps.
#pragma once

#include "corium/app/inventory_reads.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlInventoryReadRepository final : public app::InventoryReadRepository {
 public:
  explicit SqlInventoryReadRepository(SqlConnection& db) : db_(db) {}

  Result<app::Device> FindDevice(app::Id clinic_id, app::Id device_id) override;
  Result<app::Listing<app::Device>> ListDevices(app::Id clinic_id, app::DeviceState state,
                                                app::PageRequest page) override;
  Result<app::CartridgeLotView> FindCartridgeLot(app::Id clinic_id, app::Id lot_id) override;
  Result<app::Listing<app::CartridgeLotView>> ListCartridgeLots(app::Id clinic_id,
                                                                app::PageRequest page) override;
  Result<app::ProductView> FindProduct(app::Id clinic_id, app::Id product_id) override;
  Result<app::Listing<app::ProductView>> ListProducts(app::Id clinic_id,
                                                      app::PageRequest page) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
