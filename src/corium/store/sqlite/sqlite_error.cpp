#include "corium/store/sqlite/sqlite_error.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace corium::store {

StatusCode StatusCodeForSqlite(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return StatusCode::kAlreadyExists;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_TRIGGER:
    case SQLITE_CONSTRAINT_DATATYPE:
      return StatusCode::kInvalidArgument;
    default:
      break;
  }
  // The primary code is the low byte of an extended one.
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
      return StatusCode::kUnavailable;
    default:
      return StatusCode::kInternal;
  }
}

Status SqliteStatus(int extended_code, std::string_view errmsg, std::string_view context) {
  std::string message = "sqlite: ";
  message += errmsg.empty() ? std::string_view(sqlite3_errstr(extended_code)) : errmsg;
  message += " (code ";
  message += std::to_string(extended_code);
  message += ")";
  if (!context.empty()) {
    // Statements are our own text with bound parameters, so they carry no client data; a long one
    // is cut so that a log line stays a line.
    constexpr size_t kMaxContext = 160;
    message += ", in: ";
    message += context.substr(0, kMaxContext);
    if (context.size() > kMaxContext) message += "…";
  }
  return {StatusCodeForSqlite(extended_code), std::move(message)};
}

}  // namespace corium::store
