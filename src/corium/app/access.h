// Access: the one permission matrix of Corium, by staff role. Every HTTP endpoint names the
// permission it needs; a request is allowed when the signed-in staff member's role (or the
// account's admin grant) carries it. Clinical scope (who may override, depth caps) stays in the
// knowledge base and the use cases; this table only says who may reach which kind of record.
// Immutable data; safe to use from any thread.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace corium::app {

enum class Permission {
  kReadStaff,          // staff list, licences
  kManageStaff,        // add staff, grant accounts, issue API tokens
  kReadClients,        // demographics: search, list, read a client
  kWriteClients,       // register and update clients
  kReadChart,          // intakes, screenings, plans, consents, sessions, safety records, photos
  kRecordIntake,       // a client's history
  kScreen,             // consult: screen and store
  kOverrideScreening,  // prescribers' documented overrides
  kPlanAndConsent,     // plans and signed consents
  kChartSession,       // chart, update, sign sessions; upload photos
  kAmend,              // amendments beside signed records
  kRecordSafety,       // adverse events and outcome assessments
  kReadInventory,      // devices, lots, products, expiry list
  kManageInventory,    // register devices, receive lots and products
  kRecall,             // a lot → every client and session
  kReadAudit,          // the audit log
  kReadCalendar,       // rooms, hours, appointment types, slots, the diary, the outbox's state
  kBook,               // book, move and cancel appointments
  kManageCalendar,     // rooms, working hours, appointment types
  kReadToday,          // the day's worklist (what a role may not see is left out)
};

inline constexpr int kPermissionCount = 20;

std::string_view PermissionName(Permission permission);

// The roles an account can hold: the knowledge base's clinic roles (esthetician, nurse,
// physician…) and three non-clinical ones. Staff with a non-clinical role never screen or chart.
inline constexpr std::string_view kAdminRole = "admin";
inline constexpr std::string_view kFrontDeskRole = "front_desk";
inline constexpr std::string_view kAuditorRole = "auditor";
inline constexpr std::array<std::string_view, 3> kNonClinicalRoles = {kAdminRole, kFrontDeskRole,
                                                                      kAuditorRole};
bool IsNonClinicalRole(std::string_view role);

// Whether `role` carries `permission`. Master estheticians and cosmetologists have the
// esthetician's row; an unknown role (including home_user) has none.
bool RoleAllows(std::string_view role, Permission permission);

// Whether a staff member with `role`, whose account may also hold the admin grant, may act.
inline bool Allows(std::string_view role, bool admin_grant, Permission permission) {
  return RoleAllows(role, permission) || (admin_grant && RoleAllows(kAdminRole, permission));
}

// The matrix's row names, for tests and the API documentation.
std::span<const std::string_view> MatrixRoles();

}  // namespace corium::app
