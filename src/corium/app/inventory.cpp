#include "corium/app/inventory.h"
#include "corium/app/permissions.h"

#include <array>
#include <set>
#include <utility>

namespace corium::app {
namespace {

constexpr std::array<std::pair<ProductKind, std::string_view>, 6> kProductKinds{{
    {ProductKind::kGlide, "glide"},
    {ProductKind::kAnaesthetic, "anaesthetic"},
    {ProductKind::kSerum, "serum"},
    {ProductKind::kCalming, "calming"},
    {ProductKind::kSunscreen, "sunscreen"},
    {ProductKind::kOther, "other"},
}};

void RequireField(std::vector<FieldError>& errors, const std::string& field,
                  const std::string& text) {
  if (IsBlank(text)) errors.push_back({field, "required"});
}

Status Refuse(std::vector<FieldError> errors) {
  if (errors.empty()) return Status::Ok();
  return Status::InvalidFields(std::move(errors));
}

}  // namespace

std::string_view ProductKindName(ProductKind kind) {
  for (const auto& [value, name] : kProductKinds) {
    if (value == kind) return name;
  }
  return "other";
}

std::optional<ProductKind> ParseProductKind(std::string_view text) {
  for (const auto& [value, name] : kProductKinds) {
    if (name == text) return value;
  }
  return std::nullopt;
}

Status Inventory::Audit(const Actor& actor, std::string action, std::string record_type,
                        std::optional<Id> record_id, std::optional<Id> client_id,
                        std::string detail) {
  return audit_.Append(EntryFor(actor, clock_.NowSeconds(), std::move(action),
                                std::move(record_type), record_id, client_id, std::move(detail)));
}

Result<Id> Inventory::RegisterDevice(const Actor& actor, const DeviceRegistration& device) {
  std::vector<FieldError> errors;
  RequireField(errors, "model", device.model);
  RequireField(errors, "serial", device.serial);
  if (!kb_.vocabulary.Has("device_kinds", device.kind)) {
    errors.push_back({"kind", "not a device kind of the vocabulary"});
  }
  // A cleared device is cleared by a named decision (a 510(k) number…), which the record must
  // carry so that its labelled indications can be checked later.
  if (device.cleared == Clearance::kCleared && IsBlank(device.clearance)) {
    errors.push_back({"clearance", "required for a cleared device"});
  }
  const std::optional<Depth> max_depth = Depth::FromMillimetres(device.max_depth_mm);
  if (!max_depth || max_depth->is_zero()) {
    errors.push_back({"max_depth_mm", "must be a depth above 0 mm"});
  }
  CORIUM_RETURN_IF_ERROR(Refuse(std::move(errors)));

  Id id = 0;
  const Status done = work_.Write([&]() -> Status {
    auto inserted = repository_.InsertDevice(actor.clinic_id, device, *max_depth);
    if (!inserted.ok()) {
      if (inserted.status().code() == StatusCode::kAlreadyExists) {
        return Status::AlreadyExists("serial: a device with this serial is already registered");
      }
      return inserted.status();
    }
    id = *inserted;
    return Audit(actor, "create", "device", id, std::nullopt, "");
  });
  if (!done.ok()) return done;
  return id;
}

Status Inventory::DeactivateDevice(const Actor& actor, Id device_id, std::int64_t version) {
  return work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto found, repository_.FindDevice(actor.clinic_id, device_id));
    if (!found) return Status::NotFound("device not found");
    if (!found->active) return Status::Conflict("device is already out of service");
    CORIUM_ASSIGN_OR_RETURN(const auto changed,
                            repository_.DeactivateDevice(actor.clinic_id, device_id, version));
    if (changed != 1) return Status::Conflict("device changed since it was read (stale version)");
    return Audit(actor, "update", "device", device_id, std::nullopt, "deactivated");
  });
}

Result<ReceivedLot> Inventory::ReceiveCartridgeLot(const Actor& actor,
                                                   const CartridgeLotReceipt& lot) {
  std::vector<FieldError> errors;
  RequireField(errors, "lot_number", lot.lot_number);
  RequireField(errors, "model", lot.model);
  if (lot.needle_count <= 0) errors.push_back({"needle_count", "must be above 0"});
  if (!kb_.vocabulary.Has("needle_materials", lot.needle_material)) {
    errors.push_back({"needle_material", "not a needle material of the vocabulary"});
  }
  // An expired lot can never be used (the charting rule refuses it), so stocking it only
  // invites a mistake.
  if (lot.expires_on < clock_.Today()) errors.push_back({"expires_on", "already expired"});
  if (lot.unit_codes.empty()) errors.push_back({"unit_codes", "at least one sealed unit"});
  std::set<std::string> seen;
  for (size_t i = 0; i < lot.unit_codes.size(); ++i) {
    const std::string field = "unit_codes[" + std::to_string(i) + "]";
    if (IsBlank(lot.unit_codes[i])) {
      errors.push_back({field, "required"});
    } else if (!seen.insert(lot.unit_codes[i]).second) {
      errors.push_back({field, "repeated within the lot"});
    }
  }
  CORIUM_RETURN_IF_ERROR(Refuse(std::move(errors)));

  ReceivedLot received;
  const Status done = work_.Write([&]() -> Status {
    auto inserted = repository_.InsertCartridgeLot(actor.clinic_id, lot);
    if (!inserted.ok()) {
      if (inserted.status().code() == StatusCode::kAlreadyExists) {
        return Status::AlreadyExists("lot_number: this lot has already been received");
      }
      return inserted.status();
    }
    received = *std::move(inserted);
    return Audit(actor, "create", "cartridge_lot", received.lot_id, std::nullopt,
                 std::to_string(received.cartridge_ids.size()) + " units");
  });
  if (!done.ok()) return done;
  return received;
}

Result<Id> Inventory::ReceiveProduct(const Actor& actor, const ProductReceipt& product) {
  std::vector<FieldError> errors;
  RequireField(errors, "name", product.name);
  RequireField(errors, "lot_number", product.lot_number);
  if (product.expires_on < clock_.Today()) errors.push_back({"expires_on", "already expired"});
  // TP-01: the only product on the skin during needling is a glide, and it must be sterile and
  // labelled for broken skin (granulomas and mycobacterial infections followed the others).
  if (product.kind == ProductKind::kGlide) {
    if (product.sterility != Sterility::kSterile) {
      errors.push_back({"sterile", "a glide must be sterile (TP-01)"});
    }
    if (product.broken_skin != BrokenSkinLabel::kLabelled) {
      errors.push_back(
          {"labelled_for_broken_skin", "a glide must be labelled for broken skin (TP-01)"});
    }
  }
  CORIUM_RETURN_IF_ERROR(Refuse(std::move(errors)));

  Id id = 0;
  const Status done = work_.Write([&]() -> Status {
    auto inserted = repository_.InsertProduct(actor.clinic_id, product);
    if (!inserted.ok()) {
      if (inserted.status().code() == StatusCode::kAlreadyExists) {
        return Status::AlreadyExists("lot_number: this product lot has already been received");
      }
      return inserted.status();
    }
    id = *inserted;
    return Audit(actor, "create", "product", id, std::nullopt, "");
  });
  if (!done.ok()) return done;
  return id;
}

Result<std::vector<ExpiringLot>> Inventory::LotsNearExpiry(const Actor& actor, int within_days) {
  if (within_days < 0 || within_days > 365) {
    return Status::InvalidFields({{"within_days", "must be between 0 and 365"}});
  }
  std::vector<ExpiringLot> lots;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(
        lots, repository_.LotsExpiringBy(actor.clinic_id, clock_.Today().AddDays(within_days)));
    return Audit(actor, "read", "expiring_lots", std::nullopt, std::nullopt,
                 "within " + std::to_string(within_days) + " days");
  });
  if (!done.ok()) return done;
  return lots;
}

Result<std::vector<RecallHit>> Inventory::Recall(const Actor& actor, LotKind kind,
                                                 const std::string& lot_number) {
  if (IsBlank(lot_number)) return Status::InvalidFields({{"lot_number", "required"}});
  std::vector<RecallHit> hits;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(hits, repository_.SessionsUsingLot(actor.clinic_id, kind, lot_number));
    const std::string detail = std::string("recall of ") +
                               (kind == LotKind::kCartridge ? "cartridge" : "product") + " lot " +
                               lot_number;
    std::set<Id> audited;
    for (const RecallHit& hit : hits) {
      if (!audited.insert(hit.client_id).second) continue;
      CORIUM_RETURN_IF_ERROR(Audit(actor, "read", "client", hit.client_id, hit.client_id, detail));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return hits;
}

}  // namespace corium::app
