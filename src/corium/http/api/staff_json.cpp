#include "corium/http/api/staff_json.h"

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corium/http/api/json_read.h"

namespace corium::http {
namespace {

using nlohmann::json;

json OptionalIdJson(const std::optional<app::Id>& id) { return id ? json(*id) : json(nullptr); }

// A whole number from `minimum` up, or nullopt.
std::optional<std::int64_t> ParseWhole(std::string_view text, std::int64_t minimum) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < minimum) {
    return std::nullopt;
  }
  return value;
}

// Reads query parameter `name` as a whole number ≥ `minimum` into `out`, or records an error.
void ReadWhole(const ApiCall& call, std::string_view name, std::int64_t minimum,
               std::string_view expected, std::optional<std::int64_t>& out,
               std::vector<FieldError>& errors) {
  const auto text = call.Query(name);
  if (!text) return;
  out = ParseWhole(*text, minimum);
  if (!out) errors.push_back({std::string(name), std::string(expected)});
}

}  // namespace

json StaffToJson(const app::StaffMember& member) {
  const app::StaffDraft& d = member.details;
  return {{"id", member.id},
          {"full_name", d.full_name},
          {"email", d.email},
          {"role", d.role.str()},
          {"jurisdiction", d.jurisdiction},
          {"licence_number", d.licence_number},
          {"licence_expires_on",
           d.licence_expires_on ? json(d.licence_expires_on->ToString()) : json(nullptr)},
          {"supervising_physician_id", OptionalIdJson(d.supervising_physician_id)},
          {"active", member.active},
          {"version", member.version}};
}

Result<app::StaffDraft> StaffDraftFromJson(const json& body) {
  BodyReader read(body);
  app::StaffDraft draft;
  draft.full_name = read.String("full_name");
  draft.email = read.String("email");
  draft.role = Code(read.String("role"));
  draft.jurisdiction = read.String("jurisdiction");
  draft.licence_number = read.String("licence_number");
  draft.licence_expires_on = read.OptionalDate("licence_expires_on");
  draft.supervising_physician_id = read.OptionalId("supervising_physician_id");
  CORIUM_RETURN_IF_ERROR(read.status());
  return draft;
}

json AuditRecordToJson(const app::AuditRecord& record) {
  const app::AuditEntry& e = record.entry;
  return {{"id", record.id},
          {"actor_id", OptionalIdJson(e.actor_id)},
          {"action", e.action},
          {"record_type", e.record_type},
          {"record_id", OptionalIdJson(e.record_id)},
          {"client_id", OptionalIdJson(e.client_id)},
          {"at", e.at},
          {"detail", e.detail}};
}

Result<app::AuditQuery> AuditQueryFromCall(const ApiCall& call) {
  app::AuditQuery query;
  std::vector<FieldError> errors;
  constexpr std::string_view kId = "expected an id (a whole number from 1)";
  constexpr std::string_view kInstant = "expected seconds since the epoch (a whole number from 0)";
  ReadWhole(call, "client_id", 1, kId, query.client_id, errors);
  ReadWhole(call, "actor_id", 1, kId, query.actor_id, errors);
  ReadWhole(call, "from", 0, kInstant, query.from, errors);
  ReadWhole(call, "to", 0, kInstant, query.to, errors);
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  return query;
}

}  // namespace corium::http
