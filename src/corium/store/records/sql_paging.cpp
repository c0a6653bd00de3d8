#include "corium/store/records/sql_paging.h"

namespace corium::store {

std::string PageClause(std::vector<SqlValue>& params, app::PageRequest page) {
  const size_t first = params.size() + 1;
  params.emplace_back(std::int64_t{page.limit});
  params.emplace_back(page.offset);
  return " LIMIT $" + std::to_string(first) + " OFFSET $" + std::to_string(first + 1);
}

Result<std::int64_t> CountRows(SqlConnection& db, std::string_view sql,
                               const std::vector<SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows, db.Query(sql, params));
  if (rows.empty()) return Status::Internal("COUNT(*) gave no row");
  return rows.front().Int(0);
}

Result<SqlRow> FirstRow(Result<std::vector<SqlRow>> rows, std::string_view not_found) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound(std::string(not_found));
  return rows->front();
}

std::optional<app::Id> OptionalIdColumn(const SqlRow& row, size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Int(column);
}

}  // namespace corium::store
