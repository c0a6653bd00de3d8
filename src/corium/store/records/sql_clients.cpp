#include "corium/store/records/sql_clients.h"

namespace corium::store {
namespace {

constexpr const char* kClientNotFound = "client not found";
constexpr std::string_view kClientColumns =
    "SELECT id, clinic_id, given_name, family_name, birth_date, email, phone, fitzpatrick,"
    " version, created_at, updated_at FROM clients";
constexpr std::string_view kIntakeColumns =
    "SELECT id, client_id, revision, intake_json, recorded_by, recorded_at FROM intakes";

SqlValue OptionalInt(const std::optional<int>& value) {
  return value ? SqlValue(std::int64_t{*value}) : SqlValue(std::monostate{});
}

// LIKE's wildcards in a search text match themselves: `ESCAPE '\'` in the query.
std::string EscapeLike(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

// ASCII only, like SQLite's LOWER(); PostgreSQL lowers more, which only widens a match.
std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

app::IntakeRecord IntakeFromRow(const SqlRow& row) {
  app::IntakeRecord intake;
  intake.id = row.Int(0);
  intake.client_id = row.Int(1);
  intake.revision = row.Int(2);
  intake.intake_json = row.Text(3);
  intake.recorded_by = row.Int(4);
  intake.recorded_at = row.Int(5);
  return intake;
}

Result<app::Client> ClientFromRow(const SqlRow& row) {
  app::Client client;
  client.id = row.Int(0);
  client.clinic_id = row.Int(1);
  client.details.given_name = row.Text(2);
  client.details.family_name = row.Text(3);
  CORIUM_ASSIGN_OR_RETURN(client.details.birth_date, StoredDate(row.Text(4)));
  client.details.email = row.Text(5);
  client.details.phone = row.Text(6);
  if (!row.IsNull(7)) client.details.fitzpatrick = static_cast<int>(row.Int(7));
  client.version = row.Int(8);
  client.created_at = row.Int(9);
  client.updated_at = row.Int(10);
  return client;
}

}  // namespace

Result<Date> StoredDate(const std::string& text) {
  const auto date = Date::Parse(text);
  if (!date) return Status::Internal("stored date \"" + text + "\" is not YYYY-MM-DD");
  return *date;
}

Status RequireClientInClinic(SqlConnection& db, app::Id clinic_id, app::Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db.Query("SELECT COUNT(*) FROM clients WHERE clinic_id = $1 AND id = $2",
                                   {clinic_id, client_id}));
  if (rows.empty() || rows.front().Int(0) == 0) return Status::NotFound(kClientNotFound);
  return Status::Ok();
}

Result<app::Client> SqlClientRepository::Insert(app::Id clinic_id, const app::ClientDraft& draft,
                                                std::int64_t now) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO clients (clinic_id, given_name, family_name, birth_date, email,"
                " phone, fitzpatrick, created_at, updated_at)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                {clinic_id, draft.given_name, draft.family_name, draft.birth_date.ToString(),
                 draft.email, draft.phone, OptionalInt(draft.fitzpatrick), now, now}));
  app::Client client;
  client.id = rows.front().Int(0);
  client.clinic_id = clinic_id;
  client.details = draft;
  client.created_at = now;
  client.updated_at = now;
  return client;
}

Result<app::Client> SqlClientRepository::Find(app::Id clinic_id, app::Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query(std::string(kClientColumns) + " WHERE clinic_id = $1 AND id = $2",
                                 {clinic_id, client_id}));
  if (rows.empty()) return Status::NotFound(kClientNotFound);
  return ClientFromRow(rows.front());
}

Result<app::Listing<app::Client>> SqlClientRepository::Search(app::Id clinic_id,
                                                              const app::ClientQuery& query,
                                                              const app::PageRequest& page) {
  std::string where = " WHERE clinic_id = $1";
  std::vector<SqlValue> params = {clinic_id};
  if (!query.name.empty()) {
    params.emplace_back("%" + EscapeLike(AsciiLower(query.name)) + "%");
    where += " AND LOWER(given_name || ' ' || family_name) LIKE $" + std::to_string(params.size()) +
             " ESCAPE '\\'";
  }
  if (query.birth_date) {
    params.emplace_back(query.birth_date->ToString());
    where += " AND birth_date = $" + std::to_string(params.size());
  }
  CORIUM_ASSIGN_OR_RETURN(const auto counted,
                          db_.Query("SELECT COUNT(*) FROM clients" + where, params));
  app::Listing<app::Client> found;
  found.total = counted.front().Int(0);
  params.emplace_back(std::int64_t{page.limit});
  params.emplace_back(page.offset);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kClientColumns) + where +
                    " ORDER BY family_name, given_name, id LIMIT $" +
                    std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size()),
                params));
  found.items.reserve(rows.size());
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::Client client, ClientFromRow(row));
    found.items.push_back(std::move(client));
  }
  return found;
}

Result<app::Client> SqlClientRepository::Update(app::Id clinic_id, app::Id client_id,
                                                std::int64_t read_version,
                                                const app::ClientDraft& draft, std::int64_t now) {
  // The version in the WHERE clause makes the check and the write one atomic step on both
  // engines: a writer that read an older version changes nothing.
  CORIUM_ASSIGN_OR_RETURN(
      const auto changed,
      db_.Execute(
          "UPDATE clients SET given_name = $1, family_name = $2, birth_date = $3,"
          " email = $4, phone = $5, fitzpatrick = $6, version = version + 1,"
          " updated_at = $7 WHERE clinic_id = $8 AND id = $9 AND version = $10",
          {draft.given_name, draft.family_name, draft.birth_date.ToString(), draft.email,
           draft.phone, OptionalInt(draft.fitzpatrick), now, clinic_id, client_id, read_version}));
  if (changed == 0) {
    CORIUM_ASSIGN_OR_RETURN(const app::Client current, Find(clinic_id, client_id));
    return Status::Conflict("client changed since it was read (version " +
                            std::to_string(read_version) + " read, " +
                            std::to_string(current.version) + " stored)");
  }
  return Find(clinic_id, client_id);
}

Result<app::IntakeRecord> SqlClientRepository::AddIntake(app::Id clinic_id, app::Id client_id,
                                                         const std::string& intake_json,
                                                         app::Id recorded_by, std::int64_t now) {
  CORIUM_RETURN_IF_ERROR(RequireClientInClinic(db_, clinic_id, client_id));
  CORIUM_ASSIGN_OR_RETURN(
      const auto latest,
      db_.Query("SELECT COALESCE(MAX(revision), 0) FROM intakes WHERE client_id = $1",
                {client_id}));
  const std::int64_t revision = latest.front().Int(0) + 1;
  // UNIQUE (client_id, revision) settles two writers that computed the same revision.
  auto rows = db_.Query(
      "INSERT INTO intakes (clinic_id, client_id, revision, intake_json, recorded_by,"
      " recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {clinic_id, client_id, revision, intake_json, recorded_by, now});
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kAlreadyExists) {
      return Status::Conflict("another intake revision was recorded at the same time");
    }
    return rows.status();
  }
  return app::IntakeRecord{rows->front().Int(0), client_id,   revision,
                           intake_json,          recorded_by, now};
}

Result<app::IntakeRecord> SqlClientRepository::LatestIntake(app::Id clinic_id, app::Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kIntakeColumns) +
                    " WHERE clinic_id = $1 AND client_id = $2 ORDER BY revision DESC LIMIT 1",
                {clinic_id, client_id}));
  if (rows.empty()) return Status::NotFound("no intake recorded");
  return IntakeFromRow(rows.front());
}

Result<std::vector<app::IntakeRecord>> SqlClientRepository::Intakes(app::Id clinic_id,
                                                                    app::Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows, db_.Query(std::string(kIntakeColumns) +
                                     " WHERE clinic_id = $1 AND client_id = $2 ORDER BY revision",
                                 {clinic_id, client_id}));
  std::vector<app::IntakeRecord> intakes;
  intakes.reserve(rows.size());
  for (const SqlRow& row : rows) intakes.push_back(IntakeFromRow(row));
  return intakes;
}

}  // namespace corium::store
