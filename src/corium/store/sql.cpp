#include "corium/store/sql.h"

namespace corium::store {

bool SqlRow::IsNull(size_t column) const {
  return std::holds_alternative<std::monostate>(values.at(column));
}

std::int64_t SqlRow::Int(size_t column) const {
  const SqlValue& v = values.at(column);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stoll(*s);
  return 0;
}

double SqlRow::Real(size_t column) const {
  const SqlValue& v = values.at(column);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0.0 : std::stod(*s);
  return 0.0;
}

std::string SqlRow::Text(size_t column) const {
  const SqlValue& v = values.at(column);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

Result<std::int64_t> SqlConnection::InsertReturningId(std::string_view insert_sql,
                                                      const std::vector<SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          Query(std::string(insert_sql) + " RETURNING id", params));
  if (rows.size() != 1) {
    return Status::Internal("INSERT … RETURNING id gave " + std::to_string(rows.size()) +
                            " rows, in: " + std::string(insert_sql));
  }
  return rows.front().Int(0);
}

std::string_view DialectName(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "sqlite" : "postgres";
}

Transaction::Transaction(SqlConnection& connection, TransactionKind kind)
    : connection_(connection), begin_status_(connection.Begin(kind)), open_(begin_status_.ok()) {}

Transaction::~Transaction() {
  if (open_) (void)connection_.Rollback();
}

Status Transaction::Commit() {
  if (!open_) return Status::Internal("commit of a transaction that is not open");
  open_ = false;
  return connection_.Commit();
}

}  // namespace corium::store
