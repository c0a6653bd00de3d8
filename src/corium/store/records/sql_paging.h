// Small pieces the SQL read repositories share: one page of a list (LIMIT/OFFSET bound as
// parameters, with the list's total) and the one row a clinic-scoped lookup must find.
// Stateless; each call uses the caller's connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/listing.h"
#include "corium/store/sql.h"

namespace corium::store {

// " LIMIT $n OFFSET $n+1" for a statement whose last parameter so far is $n-1, and the two
// parameters appended to `params`.
std::string PageClause(std::vector<SqlValue>& params, app::PageRequest page);

// The single integer a COUNT(*) query answers.
Result<std::int64_t> CountRows(SqlConnection& db, std::string_view sql,
                               const std::vector<SqlValue>& params);

// The first row found, or kNotFound with `not_found` (the same message for another clinic's row
// and for a missing one).
Result<SqlRow> FirstRow(Result<std::vector<SqlRow>> rows, std::string_view not_found);

// A nullable id column.
std::optional<app::Id> OptionalIdColumn(const SqlRow& row, size_t column);

}  // namespace corium::store
