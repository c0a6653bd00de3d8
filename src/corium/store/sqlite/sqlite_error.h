// Turning SQLite result codes into Corium's Status codes, the one table shared by the connection
// and the backup functions in this folder. Pure functions; safe to call from any thread.
#pragma once

#include <string_view>

#include "corium/base/status.h"

namespace corium::store {

// The code for an extended SQLite result code, as sql.h documents it: a UNIQUE or PRIMARY KEY
// violation is kAlreadyExists; a CHECK, NOT NULL, FOREIGN KEY, trigger RAISE(ABORT) or STRICT type
// violation is kInvalidArgument (the caller sent something it must change); a lock held by another
// connection (BUSY, LOCKED) or a database that cannot be opened is kUnavailable; the rest
// kInternal.
StatusCode StatusCodeForSqlite(int extended_code);

// A non-ok Status for a failed call: "sqlite: <errmsg> (code <N>)", then ", in: <context>" if any.
// `errmsg` is sqlite3_errmsg at the time of failure; it names the violated constraint.
Status SqliteStatus(int extended_code, std::string_view errmsg, std::string_view context);

}  // namespace corium::store
