#include "corium/store/records/sql_staff.h"

#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {

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
      const auto rows, db_.Query("SELECT id, full_name, email, role, jurisdiction, licence_number,"
                                 " licence_expires_on, supervising_physician_id, active, version"
                                 " FROM staff WHERE clinic_id = $1 AND id = $2",
                                 {clinic_id, staff_id}));
  if (rows.empty()) return Status::NotFound("staff member not found");
  const SqlRow& row = rows.front();
  app::StaffMember member;
  member.id = row.Int(0);
  member.clinic_id = clinic_id;
  member.details.full_name = row.Text(1);
  member.details.email = row.Text(2);
  member.details.role = Code(row.Text(3));
  member.details.jurisdiction = row.Text(4);
  member.details.licence_number = row.Text(5);
  if (!row.IsNull(6)) {
    CORIUM_ASSIGN_OR_RETURN(member.details.licence_expires_on, StoredDate(row.Text(6)));
  }
  if (!row.IsNull(7)) member.details.supervising_physician_id = row.Int(7);
  member.active = row.Int(8) != 0;
  member.version = row.Int(9);
  return member;
}

}  // namespace corium::store
