// Inventory: the clinic's devices, cartridge lots (with their sealed single-use units) and
// products, the manager's expiry list, and recall (a lot → every client and session that used it).
// The use cases hold no state of their own; one instance serves one thread, like the connection
// beneath it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

// Whether a device holds a regulatory clearance (FDA 510(k) or De Novo, a CE mark…).
enum class Clearance { kNotCleared, kCleared };

struct DeviceRegistration {
  std::string model;
  Code kind;              // vocabulary device_kinds: pen, roller, stamp, rf_pen
  std::string clearance;  // the clearance's number or text; required when cleared
  Clearance cleared = Clearance::kNotCleared;
  double max_depth_mm = 0;  // the labelled maximum needle depth
  std::string serial;       // unique within the clinic
};

struct Device {
  Id id = 0;
  std::string model;
  Code kind;
  std::string clearance;
  Clearance cleared = Clearance::kNotCleared;
  Depth max_depth;
  std::string serial;
  bool active = true;
  std::int64_t version = 1;
};

// A delivery of sealed cartridges of one lot; each unit code becomes one single-use cartridge.
struct CartridgeLotReceipt {
  std::string lot_number;  // unique within the clinic
  std::string model;
  int needle_count = 0;
  Code needle_material;  // vocabulary needle_materials (allergen checks depend on it)
  Date expires_on;
  std::vector<std::string> unit_codes;
};

struct ReceivedLot {
  Id lot_id = 0;
  std::vector<Id> cartridge_ids;  // in the order of the receipt's unit codes
};

enum class ProductKind { kGlide, kAnaesthetic, kSerum, kCalming, kSunscreen, kOther };
std::string_view ProductKindName(ProductKind kind);
std::optional<ProductKind> ParseProductKind(std::string_view text);

enum class Sterility { kNonSterile, kSterile };
enum class BrokenSkinLabel { kNotLabelled, kLabelled };

struct ProductReceipt {
  std::string name;
  ProductKind kind = ProductKind::kOther;
  std::string lot_number;  // (name, lot) is unique within the clinic
  Date expires_on;
  Sterility sterility = Sterility::kNonSterile;
  BrokenSkinLabel broken_skin = BrokenSkinLabel::kNotLabelled;
};

enum class LotKind { kCartridge, kProduct };

// One line of the manager's expiry list.
struct ExpiringLot {
  LotKind kind = LotKind::kCartridge;
  Id id = 0;         // cartridge_lots.id or products.id
  std::string name;  // cartridge model or product name
  std::string lot_number;
  Date expires_on;
  std::int64_t unused_units = 0;  // sealed cartridges not yet used; 0 for products
};

// One session that used a recalled lot.
struct RecallHit {
  Id client_id = 0;
  std::string given_name;
  std::string family_name;
  Id session_id = 0;
  Date performed_on;
};

// Storage for the inventory, owned by the app layer. Every call is scoped by clinic: another
// clinic's row is invisible, exactly like a missing one.
class InventoryRepository {
 public:
  virtual ~InventoryRepository() = default;
  // kAlreadyExists when the serial is taken in this clinic.
  virtual Result<Id> InsertDevice(Id clinic_id, const DeviceRegistration& device,
                                  Depth max_depth) = 0;
  virtual Result<std::optional<Device>> FindDevice(Id clinic_id, Id device_id) = 0;
  // Rows changed: 0 when `version` is stale.
  virtual Result<std::int64_t> DeactivateDevice(Id clinic_id, Id device_id,
                                                std::int64_t version) = 0;
  // kAlreadyExists when the lot number is taken in this clinic.
  virtual Result<ReceivedLot> InsertCartridgeLot(Id clinic_id, const CartridgeLotReceipt& lot) = 0;
  // kAlreadyExists when this product's lot is already in stock.
  virtual Result<Id> InsertProduct(Id clinic_id, const ProductReceipt& product) = 0;
  virtual Result<bool> HasCartridgeLot(Id clinic_id, Id lot_id) = 0;
  virtual Result<bool> HasProduct(Id clinic_id, Id product_id) = 0;
  // Lots expiring on or before `last_day` (already expired ones included), soonest first.
  virtual Result<std::vector<ExpiringLot>> LotsExpiringBy(Id clinic_id, Date last_day) = 0;
  // Every session that used the lot, by date then session id, in one query.
  virtual Result<std::vector<RecallHit>> SessionsUsingLot(Id clinic_id, LotKind kind,
                                                          const std::string& lot_number) = 0;
};

class Inventory {
 public:
  Inventory(UnitOfWork& work, AuditLog& audit, InventoryRepository& repository, const Clock& clock,
            const kb::KnowledgeBase& kb)
      : work_(work), audit_(audit), repository_(repository), clock_(clock), kb_(kb) {}

  Result<Id> RegisterDevice(const Actor& actor, const DeviceRegistration& device);
  // A device taken out of service stays on record: past sessions point at it.
  Status DeactivateDevice(const Actor& actor, Id device_id, std::int64_t version);
  Result<ReceivedLot> ReceiveCartridgeLot(const Actor& actor, const CartridgeLotReceipt& lot);
  Result<Id> ReceiveProduct(const Actor& actor, const ProductReceipt& product);
  // Cartridge lots and products expiring within `within_days` (0–365) of today, or expired.
  Result<std::vector<ExpiringLot>> LotsNearExpiry(const Actor& actor, int within_days);
  // Every client and session that used a cartridge lot or a product lot; audited as a read of
  // each client touched, since the answer names them.
  Result<std::vector<RecallHit>> Recall(const Actor& actor, LotKind kind,
                                        const std::string& lot_number);

 private:
  Status Audit(const Actor& actor, std::string action, std::string record_type,
               std::optional<Id> record_id, std::optional<Id> client_id, std::string detail);

  UnitOfWork& work_;
  AuditLog& audit_;
  InventoryRepository& repository_;
  const Clock& clock_;
  const kb::KnowledgeBase& kb_;
};

}  // namespace corium::app
