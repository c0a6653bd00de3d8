#include "corium/store/records/sql_inventory_reads.h"

#include <string>
#include <string_view>
#include <utility>

#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_paging.h"

namespace corium::store {
namespace {

using app::Id;

constexpr std::string_view kDeviceColumns =
    "SELECT id, model, kind, clearance, cleared, max_depth_um, serial, active, version"
    " FROM devices ";

app::Device DeviceFromRow(const SqlRow& row) {
  app::Device device;
  device.id = row.Int(0);
  device.model = row.Text(1);
  device.kind = Code(row.Text(2));
  device.clearance = row.Text(3);
  device.cleared = row.Int(4) != 0 ? app::Clearance::kCleared : app::Clearance::kNotCleared;
  device.max_depth = Depth::FromMicrometres(static_cast<std::int32_t>(row.Int(5)));
  device.serial = row.Text(6);
  device.active = row.Int(7) != 0;
  device.version = row.Int(8);
  return device;
}

// A lot with its unit and used counts; a cartridge is used once a session points at it.
constexpr std::string_view kLotColumns =
    "SELECT l.id, l.lot_number, l.model, l.needle_count, l.needle_material, l.expires_on,"
    " (SELECT COUNT(*) FROM cartridges c WHERE c.lot_id = l.id),"
    " (SELECT COUNT(*) FROM cartridges c JOIN sessions s ON s.cartridge_id = c.id"
    "   WHERE c.lot_id = l.id)"
    " FROM cartridge_lots l ";

Result<app::CartridgeLotView> LotFromRow(const SqlRow& row) {
  app::CartridgeLotView lot;
  lot.id = row.Int(0);
  lot.lot_number = row.Text(1);
  lot.model = row.Text(2);
  lot.needle_count = static_cast<int>(row.Int(3));
  lot.needle_material = Code(row.Text(4));
  CORIUM_ASSIGN_OR_RETURN(lot.expires_on, DateColumn(row, 5));
  lot.unit_count = row.Int(6);
  lot.used_count = row.Int(7);
  return lot;
}

constexpr std::string_view kProductColumns =
    "SELECT id, name, kind, lot_number, expires_on, sterile, labelled_for_broken_skin"
    " FROM products ";

Result<app::ProductView> ProductFromRow(const SqlRow& row) {
  app::ProductView product;
  product.id = row.Int(0);
  product.name = row.Text(1);
  product.kind = row.Text(2);
  product.lot_number = row.Text(3);
  CORIUM_ASSIGN_OR_RETURN(product.expires_on, DateColumn(row, 4));
  product.sterile = row.Int(5) != 0;
  product.labelled_for_broken_skin = row.Int(6) != 0;
  return product;
}

std::string DeviceFilter(app::DeviceState state) {
  switch (state) {
    case app::DeviceState::kActive:
      return "WHERE clinic_id = $1 AND active = 1";
    case app::DeviceState::kInactive:
      return "WHERE clinic_id = $1 AND active = 0";
    case app::DeviceState::kAny:
      break;
  }
  return "WHERE clinic_id = $1";
}

}  // namespace

Result<app::Device> SqlInventoryReadRepository::FindDevice(Id clinic_id, Id device_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kDeviceColumns) + "WHERE id = $1 AND clinic_id = $2",
                         {device_id, clinic_id}),
               "device not found"));
  return DeviceFromRow(row);
}

Result<app::Listing<app::Device>> SqlInventoryReadRepository::ListDevices(Id clinic_id,
                                                                          app::DeviceState state,
                                                                          app::PageRequest page) {
  app::Listing<app::Device> listing;
  const std::string where = DeviceFilter(state);
  CORIUM_ASSIGN_OR_RETURN(listing.total,
                          CountRows(db_, "SELECT COUNT(*) FROM devices " + where, {clinic_id}));
  std::vector<SqlValue> params = {clinic_id};
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db_.Query(std::string(kDeviceColumns) + where +
                                                         " ORDER BY model, serial, id" + window,
                                                     params));
  for (const SqlRow& row : rows) listing.items.push_back(DeviceFromRow(row));
  return listing;
}

Result<app::CartridgeLotView> SqlInventoryReadRepository::FindCartridgeLot(Id clinic_id,
                                                                           Id lot_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kLotColumns) + "WHERE l.id = $1 AND l.clinic_id = $2",
                         {lot_id, clinic_id}),
               "cartridge lot not found"));
  CORIUM_ASSIGN_OR_RETURN(app::CartridgeLotView lot, LotFromRow(row));
  CORIUM_ASSIGN_OR_RETURN(const auto units,
                          db_.Query("SELECT c.id, c.unit_code, s.id FROM cartridges c"
                                    " LEFT JOIN sessions s ON s.cartridge_id = c.id"
                                    " WHERE c.lot_id = $1 AND c.clinic_id = $2 ORDER BY c.id",
                                    {lot.id, clinic_id}));
  for (const SqlRow& unit : units) {
    lot.cartridges.push_back({unit.Int(0), unit.Text(1), !unit.IsNull(2)});
  }
  return lot;
}

Result<app::Listing<app::CartridgeLotView>> SqlInventoryReadRepository::ListCartridgeLots(
    Id clinic_id, app::PageRequest page) {
  app::Listing<app::CartridgeLotView> listing;
  CORIUM_ASSIGN_OR_RETURN(
      listing.total,
      CountRows(db_, "SELECT COUNT(*) FROM cartridge_lots WHERE clinic_id = $1", {clinic_id}));
  std::vector<SqlValue> params = {clinic_id};
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kLotColumns) +
                    "WHERE l.clinic_id = $1 ORDER BY l.expires_on, l.lot_number, l.id" + window,
                params));
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::CartridgeLotView lot, LotFromRow(row));
    listing.items.push_back(std::move(lot));
  }
  return listing;
}

Result<app::ProductView> SqlInventoryReadRepository::FindProduct(Id clinic_id, Id product_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kProductColumns) + "WHERE id = $1 AND clinic_id = $2",
                         {product_id, clinic_id}),
               "product not found"));
  return ProductFromRow(row);
}

Result<app::Listing<app::ProductView>> SqlInventoryReadRepository::ListProducts(
    Id clinic_id, app::PageRequest page) {
  app::Listing<app::ProductView> listing;
  CORIUM_ASSIGN_OR_RETURN(
      listing.total,
      CountRows(db_, "SELECT COUNT(*) FROM products WHERE clinic_id = $1", {clinic_id}));
  std::vector<SqlValue> params = {clinic_id};
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query(std::string(kProductColumns) +
                                     "WHERE clinic_id = $1 ORDER BY name, expires_on, id" + window,
                                 params));
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::ProductView product, ProductFromRow(row));
    listing.items.push_back(std::move(product));
  }
  return listing;
}

}  // namespace corium::store
