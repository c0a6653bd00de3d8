#include "corium/store/records/sql_screenings.h"

#include <map>

#include "corium/store/records/sql_clients.h"

namespace corium::store {
namespace {

constexpr const char* kScreeningNotFound = "screening not found";

Result<Outcome> StoredOutcome(const std::string& name) {
  for (const Outcome outcome : {Outcome::kProceed, Outcome::kProceedWithCaution, Outcome::kDefer,
                                Outcome::kRefer, Outcome::kDecline}) {
    if (OutcomeName(outcome) == name) return outcome;
  }
  return Status::Internal("stored decision \"" + name + "\" is not an outcome");
}

Result<app::Screening> ScreeningFromRow(const SqlRow& row) {
  app::Screening s;
  s.id = row.Int(0);
  s.client_id = row.Int(1);
  s.intake_id = row.Int(2);
  CORIUM_ASSIGN_OR_RETURN(s.as_of, StoredDate(row.Text(3)));
  CORIUM_ASSIGN_OR_RETURN(s.decision, StoredOutcome(row.Text(4)));
  if (!row.IsNull(5)) {
    CORIUM_ASSIGN_OR_RETURN(s.earliest_date, StoredDate(row.Text(5)));
  }
  s.intake_json = row.Text(6);
  s.decision_json = row.Text(7);
  s.kb_version = row.Text(8);
  s.kb_digest = row.Text(9);
  s.screened_by = row.Int(10);
  s.screened_at = row.Int(11);
  return s;
}

}  // namespace

Result<app::Screening> SqlScreeningRepository::Insert(app::Id clinic_id,
                                                      const app::Screening& screening) {
  CORIUM_RETURN_IF_ERROR(RequireClientInClinic(db_, clinic_id, screening.client_id));
  const SqlValue earliest = screening.earliest_date ? SqlValue(screening.earliest_date->ToString())
                                                    : SqlValue(std::monostate{});
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision,"
                " earliest_date, intake_json, decision_json, kb_version, kb_digest, screened_by,"
                " screened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
                " RETURNING id",
                {clinic_id, screening.client_id, screening.intake_id, screening.as_of.ToString(),
                 std::string(OutcomeName(screening.decision)), earliest, screening.intake_json,
                 screening.decision_json, screening.kb_version, screening.kb_digest,
                 screening.screened_by, screening.screened_at}));
  app::Screening stored = screening;
  stored.id = rows.front().Int(0);
  stored.overrides.clear();
  return stored;
}

Result<std::vector<app::Screening>> SqlScreeningRepository::Select(const std::string& where,
                                                                   app::Id clinic_id, app::Id id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT s.id, s.client_id, s.intake_id, s.as_of, s.decision, s.earliest_date,"
                " s.intake_json, s.decision_json, s.kb_version, s.kb_digest, s.screened_by,"
                " s.screened_at FROM screenings s WHERE s.clinic_id = $1 AND " +
                    where + " ORDER BY s.id",
                {clinic_id, id}));
  std::vector<app::Screening> screenings;
  std::map<app::Id, size_t> index;
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::Screening screening, ScreeningFromRow(row));
    index[screening.id] = screenings.size();
    screenings.push_back(std::move(screening));
  }
  if (screenings.empty()) return screenings;
  CORIUM_ASSIGN_OR_RETURN(
      const auto overrides,
      db_.Query("SELECT o.id, o.screening_id, o.prescriber_id, o.reason, o.decided_at"
                " FROM screening_overrides o JOIN screenings s ON s.id = o.screening_id"
                " WHERE s.clinic_id = $1 AND " +
                    where + " ORDER BY o.id",
                {clinic_id, id}));
  for (const SqlRow& row : overrides) {
    const auto owner = index.find(row.Int(1));
    if (owner == index.end()) continue;
    screenings[owner->second].overrides.push_back(
        {row.Int(0), row.Int(1), row.Int(2), row.Text(3), row.Int(4)});
  }
  return screenings;
}

Result<app::Screening> SqlScreeningRepository::Find(app::Id clinic_id, app::Id screening_id) {
  CORIUM_ASSIGN_OR_RETURN(auto found, Select("s.id = $2", clinic_id, screening_id));
  if (found.empty()) return Status::NotFound(kScreeningNotFound);
  return std::move(found.front());
}

Result<std::vector<app::Screening>> SqlScreeningRepository::ForClient(app::Id clinic_id,
                                                                      app::Id client_id) {
  return Select("s.client_id = $2", clinic_id, client_id);
}

Result<app::ScreeningOverride> SqlScreeningRepository::AddOverride(
    app::Id clinic_id, const app::ScreeningOverride& entry) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto owned,
      db_.Query("SELECT COUNT(*) FROM screenings WHERE clinic_id = $1 AND id = $2",
                {clinic_id, entry.screening_id}));
  if (owned.front().Int(0) == 0) return Status::NotFound(kScreeningNotFound);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "INSERT INTO screening_overrides (clinic_id, screening_id, prescriber_id, reason,"
          " decided_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
          {clinic_id, entry.screening_id, entry.prescriber_id, entry.reason, entry.decided_at}));
  app::ScreeningOverride stored = entry;
  stored.id = rows.front().Int(0);
  return stored;
}

}  // namespace corium::store
