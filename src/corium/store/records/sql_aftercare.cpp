#include "corium/store/records/sql_aftercare.h"

namespace corium::store {

Result<app::SessionParties> SqlAftercareRepository::Parties(app::Id clinic_id, app::Id session_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT c.id, c.given_name, c.family_name, st.full_name, cl.name,"
                " (SELECT i.intake_json FROM intakes i"
                "   WHERE i.clinic_id = s.clinic_id AND i.client_id = s.client_id"
                "   ORDER BY i.revision DESC LIMIT 1)"
                " FROM sessions s"
                " JOIN clients c ON c.id = s.client_id AND c.clinic_id = s.clinic_id"
                " JOIN staff st ON st.id = s.practitioner_id"
                " JOIN clinics cl ON cl.id = s.clinic_id"
                " WHERE s.id = $1 AND s.clinic_id = $2",
                {SqlValue(session_id), SqlValue(clinic_id)}));
  if (rows.empty()) return Status::NotFound("session not found");
  const SqlRow& row = rows.front();
  app::SessionParties parties{row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), {}};
  if (!row.IsNull(5)) parties.latest_intake_json = row.Text(5);
  return parties;
}

}  // namespace corium::store
