#include "corium/app/access.h"

#include <algorithm>

namespace corium::app {
namespace {

using P = Permission;

struct Row {
  std::string_view role;
  std::array<P, kPermissionCount> allowed;
  int count;
};

// Clinical staff may do clinical work; the admin runs the practice (staff, stock, recall, audit)
// without reading charts; the front desk registers clients and takes histories; the auditor reads
// everything a chart holds and the audit log, and writes nothing.
constexpr std::array<P, 16> kClinician = {
    P::kReadStaff,     P::kReadClients,     P::kWriteClients, P::kReadChart,    P::kRecordIntake,
    P::kScreen,        P::kPlanAndConsent,  P::kChartSession, P::kAmend,        P::kRecordSafety,
    P::kReadInventory, P::kManageInventory, P::kRecall,       P::kReadCalendar, P::kBook,
    P::kReadToday};

template <size_t N>
constexpr Row MakeRow(std::string_view role, const std::array<P, N>& base,
                      std::initializer_list<P> extra = {}) {
  Row row{role, {}, 0};
  for (const P p : base) row.allowed[static_cast<size_t>(row.count++)] = p;
  for (const P p : extra) row.allowed[static_cast<size_t>(row.count++)] = p;
  return row;
}

constexpr std::array<Row, 8> kMatrix = {
    MakeRow("physician", kClinician, {P::kOverrideScreening}),
    MakeRow("nurse_practitioner", kClinician, {P::kOverrideScreening}),
    MakeRow("physician_assistant", kClinician, {P::kOverrideScreening}),
    MakeRow("nurse", kClinician),
    MakeRow("esthetician", kClinician),
    MakeRow("admin",
            std::array<P, 10>{P::kReadStaff, P::kManageStaff, P::kReadClients, P::kReadInventory,
                              P::kManageInventory, P::kRecall, P::kReadAudit, P::kReadCalendar,
                              P::kBook, P::kManageCalendar}),
    MakeRow("front_desk",
            std::array<P, 8>{P::kReadStaff, P::kReadClients, P::kWriteClients, P::kRecordIntake,
                             P::kReadInventory, P::kReadCalendar, P::kBook, P::kReadToday}),
    MakeRow("auditor", std::array<P, 6>{P::kReadStaff, P::kReadClients, P::kReadChart,
                                        P::kReadInventory, P::kReadAudit, P::kReadCalendar}),
};

constexpr std::array<std::string_view, 8> kRoleNames = {
    "admin", "physician",   "nurse_practitioner", "physician_assistant",
    "nurse", "esthetician", "front_desk",         "auditor"};

std::string_view MatrixRow(std::string_view role) {
  if (role == "master_esthetician" || role == "cosmetologist") return "esthetician";
  return role;
}

}  // namespace

std::string_view PermissionName(Permission permission) {
  switch (permission) {
    case P::kReadStaff:
      return "read_staff";
    case P::kManageStaff:
      return "manage_staff";
    case P::kReadClients:
      return "read_clients";
    case P::kWriteClients:
      return "write_clients";
    case P::kReadChart:
      return "read_chart";
    case P::kRecordIntake:
      return "record_intake";
    case P::kScreen:
      return "screen";
    case P::kOverrideScreening:
      return "override_screening";
    case P::kPlanAndConsent:
      return "plan_and_consent";
    case P::kChartSession:
      return "chart_session";
    case P::kAmend:
      return "amend";
    case P::kRecordSafety:
      return "record_safety";
    case P::kReadInventory:
      return "read_inventory";
    case P::kManageInventory:
      return "manage_inventory";
    case P::kRecall:
      return "recall";
    case P::kReadAudit:
      return "read_audit";
    case P::kReadCalendar:
      return "read_calendar";
    case P::kBook:
      return "book";
    case P::kManageCalendar:
      return "manage_calendar";
    case P::kReadToday:
      return "read_today";
  }
  return "unknown";
}

bool IsNonClinicalRole(std::string_view role) {
  return std::find(kNonClinicalRoles.begin(), kNonClinicalRoles.end(), role) !=
         kNonClinicalRoles.end();
}

bool RoleAllows(std::string_view role, Permission permission) {
  const std::string_view row_name = MatrixRow(role);
  for (const Row& row : kMatrix) {
    if (row.role != row_name) continue;
    const auto end = row.allowed.begin() + row.count;
    return std::find(row.allowed.begin(), end, permission) != end;
  }
  return false;
}

std::span<const std::string_view> MatrixRoles() { return kRoleNames; }

}  // namespace corium::app
