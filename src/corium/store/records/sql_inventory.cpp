#include "corium/store/records/sql_inventory.h"

#include <string>

namespace corium::store {
namespace {

std::int64_t Flag(bool value) { return value ? 1 : 0; }

}  // namespace

Result<bool> ClinicHasRow(SqlConnection& db, std::string_view table, app::Id clinic_id,
                          app::Id id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db.Query("SELECT 1 FROM " + std::string(table) +
                                                        " WHERE id = $1 AND clinic_id = $2",
                                                    {id, clinic_id}));
  return !rows.empty();
}

Result<Date> DateColumn(const SqlRow& row, size_t column) {
  const std::optional<Date> date = Date::Parse(row.Text(column));
  if (!date) return Status::Internal("stored date is not YYYY-MM-DD: " + row.Text(column));
  return *date;
}

Result<app::Id> SqlInventoryRepository::InsertDevice(app::Id clinic_id,
                                                     const app::DeviceRegistration& device,
                                                     Depth max_depth) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO devices (clinic_id, model, kind, clearance, cleared, max_depth_um,"
                " serial) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                {clinic_id, device.model, device.kind.str(), device.clearance,
                 Flag(device.cleared == app::Clearance::kCleared),
                 std::int64_t{max_depth.micrometres()}, device.serial}));
  return rows.front().Int(0);
}

Result<std::optional<app::Device>> SqlInventoryRepository::FindDevice(app::Id clinic_id,
                                                                      app::Id device_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT id, model, kind, clearance, cleared, max_depth_um, serial, active,"
                " version FROM devices WHERE id = $1 AND clinic_id = $2",
                {device_id, clinic_id}));
  if (rows.empty()) return std::optional<app::Device>();
  const SqlRow& row = rows.front();
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
  return std::optional<app::Device>(std::move(device));
}

Result<std::int64_t> SqlInventoryRepository::DeactivateDevice(app::Id clinic_id, app::Id device_id,
                                                              std::int64_t version) {
  return db_.Execute(
      "UPDATE devices SET active = 0, version = version + 1"
      " WHERE id = $1 AND clinic_id = $2 AND version = $3",
      {device_id, clinic_id, version});
}

Result<app::ReceivedLot> SqlInventoryRepository::InsertCartridgeLot(
    app::Id clinic_id, const app::CartridgeLotReceipt& lot) {
  app::ReceivedLot received;
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO cartridge_lots (clinic_id, lot_number, model, needle_count,"
                " needle_material, expires_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                {clinic_id, lot.lot_number, lot.model, std::int64_t{lot.needle_count},
                 lot.needle_material.str(), lot.expires_on.ToString()}));
  received.lot_id = rows.front().Int(0);
  for (const std::string& unit : lot.unit_codes) {
    CORIUM_ASSIGN_OR_RETURN(
        const auto unit_rows,
        db_.Query("INSERT INTO cartridges (clinic_id, lot_id, unit_code) VALUES ($1, $2, $3)"
                  " RETURNING id",
                  {clinic_id, received.lot_id, unit}));
    received.cartridge_ids.push_back(unit_rows.front().Int(0));
  }
  return received;
}

Result<app::Id> SqlInventoryRepository::InsertProduct(app::Id clinic_id,
                                                      const app::ProductReceipt& product) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO products (clinic_id, name, kind, lot_number, expires_on, sterile,"
                " labelled_for_broken_skin) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                {clinic_id, product.name, std::string(app::ProductKindName(product.kind)),
                 product.lot_number, product.expires_on.ToString(),
                 Flag(product.sterility == app::Sterility::kSterile),
                 Flag(product.broken_skin == app::BrokenSkinLabel::kLabelled)}));
  return rows.front().Int(0);
}

Result<bool> SqlInventoryRepository::HasCartridgeLot(app::Id clinic_id, app::Id lot_id) {
  return ClinicHasRow(db_, "cartridge_lots", clinic_id, lot_id);
}

Result<bool> SqlInventoryRepository::HasProduct(app::Id clinic_id, app::Id product_id) {
  return ClinicHasRow(db_, "products", clinic_id, product_id);
}

// Dates are stored as ISO text, so text order is date order on both engines.
Result<std::vector<app::ExpiringLot>> SqlInventoryRepository::LotsExpiringBy(app::Id clinic_id,
                                                                             Date last_day) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT 0 AS kind, l.id, l.model, l.lot_number, l.expires_on,"
                " (SELECT COUNT(*) FROM cartridges c WHERE c.lot_id = l.id AND NOT EXISTS"
                "   (SELECT 1 FROM sessions s WHERE s.cartridge_id = c.id)) AS unused"
                " FROM cartridge_lots l WHERE l.clinic_id = $1 AND l.expires_on <= $2"
                " UNION ALL"
                " SELECT 1 AS kind, p.id, p.name, p.lot_number, p.expires_on, 0 AS unused"
                " FROM products p WHERE p.clinic_id = $1 AND p.expires_on <= $2"
                " ORDER BY 5, 1, 2",
                {clinic_id, last_day.ToString()}));
  std::vector<app::ExpiringLot> lots;
  lots.reserve(rows.size());
  for (const SqlRow& row : rows) {
    app::ExpiringLot lot;
    lot.kind = row.Int(0) == 0 ? app::LotKind::kCartridge : app::LotKind::kProduct;
    lot.id = row.Int(1);
    lot.name = row.Text(2);
    lot.lot_number = row.Text(3);
    CORIUM_ASSIGN_OR_RETURN(lot.expires_on, DateColumn(row, 4));
    lot.unused_units = row.Int(5);
    lots.push_back(std::move(lot));
  }
  return lots;
}

Result<std::vector<app::RecallHit>> SqlInventoryRepository::SessionsUsingLot(
    app::Id clinic_id, app::LotKind kind, const std::string& lot_number) {
  // One query per recall: the lot's sessions joined to their clients, every table held to the
  // clinic so that another clinic's lot of the same number never answers. The unary `+` keeps
  // SQLite from walking every session of the clinic through sessions_by_client (measured: 53 ms
  // over 100k sessions) instead of following the lot to its few cartridges; PostgreSQL reads it
  // as a plain value.
  static constexpr std::string_view kByCartridgeLot =
      "SELECT s.client_id, c.given_name, c.family_name, s.id, s.performed_on"
      " FROM cartridge_lots l"
      " JOIN cartridges k ON k.lot_id = l.id AND k.clinic_id = l.clinic_id"
      " JOIN sessions s ON s.cartridge_id = k.id AND +s.clinic_id = l.clinic_id"
      " JOIN clients c ON c.id = s.client_id AND c.clinic_id = l.clinic_id"
      " WHERE l.clinic_id = $1 AND l.lot_number = $2"
      " ORDER BY s.performed_on, s.id";
  // A product may appear at several steps of one session; each session is listed once.
  static constexpr std::string_view kByProductLot =
      "SELECT DISTINCT s.client_id, c.given_name, c.family_name, s.id, s.performed_on"
      " FROM products p"
      " JOIN session_products sp ON sp.product_id = p.id"
      " JOIN sessions s ON s.id = sp.session_id AND +s.clinic_id = p.clinic_id"
      " JOIN clients c ON c.id = s.client_id AND c.clinic_id = p.clinic_id"
      " WHERE p.clinic_id = $1 AND p.lot_number = $2"
      " ORDER BY s.performed_on, s.id";
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query(kind == app::LotKind::kCartridge ? kByCartridgeLot : kByProductLot,
                                 {clinic_id, lot_number}));
  std::vector<app::RecallHit> hits;
  hits.reserve(rows.size());
  for (const SqlRow& row : rows) {
    app::RecallHit hit;
    hit.client_id = row.Int(0);
    hit.given_name = row.Text(1);
    hit.family_name = row.Text(2);
    hit.session_id = row.Int(3);
    CORIUM_ASSIGN_OR_RETURN(hit.performed_on, DateColumn(row, 4));
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace corium::store
