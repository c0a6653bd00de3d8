// SqlInventoryRepository: the app's InventoryRepository over a SqlConnection, in portable SQL that
// runs unchanged on SQLite and PostgreSQL. Single-threaded, like the connection it wraps.
#pragma once

#include "corium/app/inventory.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlInventoryRepository final : public app::InventoryRepository {
 public:
  explicit SqlInventoryRepository(SqlConnection& db) : db_(db) {}

  Result<app::Id> InsertDevice(app::Id clinic_id, const app::DeviceRegistration& device,
                               Depth max_depth) override;
  Result<std::optional<app::Device>> FindDevice(app::Id clinic_id, app::Id device_id) override;
  Result<std::int64_t> DeactivateDevice(app::Id clinic_id, app::Id device_id,
                                        std::int64_t version) override;
  Result<app::ReceivedLot> InsertCartridgeLot(app::Id clinic_id,
                                              const app::CartridgeLotReceipt& lot) override;
  Result<app::Id> InsertProduct(app::Id clinic_id, const app::ProductReceipt& product) override;
  Result<bool> HasCartridgeLot(app::Id clinic_id, app::Id lot_id) override;
  Result<bool> HasProduct(app::Id clinic_id, app::Id product_id) override;
  Result<std::vector<app::ExpiringLot>> LotsExpiringBy(app::Id clinic_id, Date last_day) override;
  Result<std::vector<app::RecallHit>> SessionsUsingLot(app::Id clinic_id, app::LotKind kind,
                                                       const std::string& lot_number) override;

 private:
  SqlConnection& db_;
};

// Whether a row with this id exists in `table` for the clinic; `table` is a fixed name from code.
Result<bool> ClinicHasRow(SqlConnection& db, std::string_view table, app::Id clinic_id, app::Id id);

// A date column read back; kInternal when the stored text is not a date.
Result<Date> DateColumn(const SqlRow& row, size_t column);

}  // namespace corium::store
