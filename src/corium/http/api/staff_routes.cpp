// Staff and the audit log over HTTP: list, read and register the clinic's staff members (never
// an account's password hash or tokens, which are not part of a staff record), and read the
// audit log newest first with its filters.
#include <string>

#include "corium/app/audit_reads.h"
#include "corium/app/client_reads.h"
#include "corium/app/consultation.h"
#include "corium/http/api.h"
#include "corium/http/api/client_json.h"
#include "corium/http/api/staff_json.h"

namespace corium::http {
namespace {

using app::Permission;

ApiReply StaffReply(const app::StaffMember& member, int status = 200) {
  ApiReply reply = ApiReply::Json(StaffToJson(member), status);
  reply.version = member.version;
  if (status == 201) reply.location = "/api/v1/staff/" + std::to_string(member.id);
  return reply;
}

Result<ApiReply> ListStaff(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto found, app::ListStaff(call.services.consultation, call.actor(),
                                                           ToPageRequest(page)));
  return ApiReply::Json(PageToJson(found, page, StaffToJson));
}

Result<ApiReply> ReadStaff(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id staff_id, call.PathId("staff_id"));
  CORIUM_ASSIGN_OR_RETURN(const app::StaffMember member,
                          app::ReadStaff(call.services.consultation, call.actor(), staff_id));
  return StaffReply(member);
}

Result<ApiReply> RegisterStaff(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::StaffDraft draft, StaffDraftFromJson(call.body));
  CORIUM_ASSIGN_OR_RETURN(const app::StaffMember member,
                          app::RegisterStaff(call.services.consultation, call.actor(), draft));
  return StaffReply(member, 201);
}

Result<ApiReply> ReadAuditLog(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const app::AuditQuery query, AuditQueryFromCall(call));
  CORIUM_ASSIGN_OR_RETURN(const auto found,
                          app::ReadAuditLog(call.services.consultation, call.services.audit_trail,
                                            call.actor(), query, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(found, page, AuditRecordToJson));
}

}  // namespace

void AddStaffRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/staff",
              .permission = Permission::kReadStaff,
              .handler = ListStaff});
  router.Add({.method = "POST",
              .pattern = "/api/v1/staff",
              .permission = Permission::kManageStaff,
              .handler = RegisterStaff});
  router.Add({.method = "GET",
              .pattern = "/api/v1/staff/{staff_id}",
              .permission = Permission::kReadStaff,
              .handler = ReadStaff});
  router.Add({.method = "GET",
              .pattern = "/api/v1/audit-log",
              .permission = Permission::kReadAudit,
              .handler = ReadAuditLog});
}

}  // namespace corium::http
