#include "corium/store/records/sql_audit_reads.h"

#include <string>
#include <vector>

namespace corium::store {
namespace {

std::optional<app::Id> OptionalColumn(const SqlRow& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Int(column);
}

app::AuditRecord RecordFromRow(const SqlRow& row, app::Id clinic_id) {
  app::AuditRecord record;
  record.id = row.Int(0);
  record.entry.clinic_id = clinic_id;
  record.entry.actor_id = OptionalColumn(row, 1);
  record.entry.action = row.Text(2);
  record.entry.record_type = row.Text(3);
  record.entry.record_id = OptionalColumn(row, 4);
  record.entry.client_id = OptionalColumn(row, 5);
  record.entry.at = row.Int(6);
  record.entry.detail = row.Text(7);
  return record;
}

}  // namespace

Result<app::Listing<app::AuditRecord>> SqlAuditTrail::Search(app::Id clinic_id,
                                                             const app::AuditQuery& query,
                                                             const app::PageRequest& page) {
  // Newest first is highest id first: entries are numbered in the order they were written
  // (migration 0006 dropped the index by time, which every request paid for). Without a client,
  // `+clinic_id` keeps SQLite from choosing audit_by_client and then sorting the whole clinic's
  // trail; walking the table backwards from the newest entry stops once the page is full. For one
  // client, audit_by_client finds that client's entries, which are few enough to sort.
  std::string where = query.client_id ? " FROM audit_log WHERE clinic_id = $1"
                                      : " FROM audit_log WHERE +clinic_id = $1";
  std::vector<SqlValue> params = {clinic_id};
  const auto filter = [&](const char* condition, std::int64_t value) {
    params.emplace_back(value);
    where += std::string(" AND ") + condition + " $" + std::to_string(params.size());
  };
  if (query.client_id) filter("client_id =", *query.client_id);
  if (query.actor_id) filter("actor_id =", *query.actor_id);
  if (query.from) filter("at >=", *query.from);
  if (query.to) filter("at <=", *query.to);

  CORIUM_ASSIGN_OR_RETURN(const auto counted, db_.Query("SELECT COUNT(*)" + where, params));
  app::Listing<app::AuditRecord> found;
  found.total = counted.front().Int(0);
  params.emplace_back(std::int64_t{page.limit});
  params.emplace_back(page.offset);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT id, actor_id, action, record_type, record_id, client_id, at, detail" +
                    where + " ORDER BY id DESC LIMIT $" + std::to_string(params.size() - 1) +
                    " OFFSET $" + std::to_string(params.size()),
                params));
  found.items.reserve(rows.size());
  for (const SqlRow& row : rows) found.items.push_back(RecordFromRow(row, clinic_id));
  return found;
}

}  // namespace corium::store
