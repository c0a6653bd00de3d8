// Opening the records database for a command: PostgreSQL when a URL is given, else the SQLite file
// (creating its directory on first use). Shared by `corium db` and `corium demo`.
#pragma once

#include <memory>

#include "corium/base/result.h"
#include "corium/cli/commands.h"
#include "corium/store/sql.h"

namespace corium::cli {

Result<std::unique_ptr<store::SqlConnection>> ConnectDatabase(const DbOptions& options);

}  // namespace corium::cli
