// JSON for staff members and audit entries, as api/paths/staff.json describes them, and the
// audit log's query parameters. A staff record never carries an account's password hash or
// tokens: those live with the account. Pure functions; safe from any thread.
#pragma once

#include <nlohmann/json.hpp>

#include "corium/app/audit_reads.h"
#include "corium/app/clients.h"
#include "corium/base/result.h"
#include "corium/http/api.h"

namespace corium::http {

nlohmann::json StaffToJson(const app::StaffMember& member);
// The body of POST /staff (schema StaffDraft).
Result<app::StaffDraft> StaffDraftFromJson(const nlohmann::json& body);

nlohmann::json AuditRecordToJson(const app::AuditRecord& record);
// `client_id`, `actor_id`, `from` and `to` of GET /audit-log, naming the bad parameter.
Result<app::AuditQuery> AuditQueryFromCall(const ApiCall& call);

}  // namespace corium::http
