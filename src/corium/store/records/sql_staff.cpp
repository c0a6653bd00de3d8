#include "corium/store/records/sql_staff.h"

#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {
namespace {

constexpr std::string_view kStaffColumns =
    "SELECT id, clinic_id, full_name, email, role, jurisdiction, licence_number,"
    " licence_expires_on, supervising_physician_id, active, version FROM staff";

Result<app::StaffMember> StaffFromRow(const SqlRow& row) {
  app::StaffMember member;
  member.id = row.Int(0);
  member.clinic_id = row.Int(1);
  member.details.full_name = row.Text(2);
  member.details.email = row.Text(3);
  member.details.role = Code(row.Text(4));
  member.details.jurisdiction = row.Text(5);
  member.details.licence_number = row.Text(6);
  if (!row.IsNull(7)) {
    CORIUM_ASSIGN_OR_RETURN(member.details.licence_expires_on, StoredDate(row.Text(7)));
  }
  if (!row.IsNull(8)) member.details.supervising_physician_id = row.Int(8);
  member.active = row.Int(9) != 0;
  member.version = row.Int(10);
  return member;
}

}  // namespace

Result<app::StaffMember> SqlStaffRepository::Insert(app::Id clinic_id, const app::StaffDraft& draft,
                                                    std::int64_t now) {
  const SqlValue expires = draft.licence_expires_on ? SqlValue(draft.licence_expires_on->ToString())
                                                    : SqlValue(std::monostate{});
  auto rows = db_.Query(
      "INSERT INTO staff (clinic_id, full_name, email, role, jurisdiction, licence_number,"
      " licence_expires_on, supervising_physician_id, created_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {clinic_id, draft.full_name, draft.email, draft.role.str(), draft.jurisdiction,
       draft.licence_number, expires, OptionalId(draft.supervising_physician_id), now});
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kAlreadyExists) {
      return Status::AlreadyExists("a staff member with this email is already registered");
    }
    return rows.status();
  }
  app::StaffMember member;
  member.id = rows->front().Int(0);
  member.clinic_id = clinic_id;
  member.details = draft;
  return member;
}

Result<app::StaffMember> SqlStaffRepository::Find(app::Id clinic_id, app::Id staff_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query(std::string(kStaffColumns) + " WHERE clinic_id = $1 AND id = $2",
                                 {clinic_id, staff_id}));
  if (rows.empty()) return Status::NotFound("staff member not found");
  return StaffFromRow(rows.front());
}

Result<app::Listing<app::StaffMember>> SqlStaffRepository::List(app::Id clinic_id,
                                                                const app::PageRequest& page) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto counted,
      db_.Query("SELECT COUNT(*) FROM staff WHERE clinic_id = $1", {clinic_id}));
  app::Listing<app::StaffMember> found;
  found.total = counted.front().Int(0);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kStaffColumns) +
                    " WHERE clinic_id = $1 ORDER BY full_name, id LIMIT $2 OFFSET $3",
                {clinic_id, std::int64_t{page.limit}, page.offset}));
  found.items.reserve(rows.size());
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::StaffMember member, StaffFromRow(row));
    found.items.push_back(std::move(member));
  }
  return found;
}

}  // namespace corium::store
