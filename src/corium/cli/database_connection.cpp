#include "corium/cli/database_connection.h"

#include <filesystem>

#include "corium/store/postgres/postgres_connection.h"
#include "corium/store/sqlite/sqlite_connection.h"

namespace corium::cli {

Result<std::unique_ptr<store::SqlConnection>> ConnectDatabase(const DbOptions& options) {
  if (!options.postgres_url.empty()) {
    CORIUM_ASSIGN_OR_RETURN(auto pg, store::PostgresConnection::Open(options.postgres_url));
    return std::unique_ptr<store::SqlConnection>(std::move(pg));
  }
  // The first use creates the data directory as well as the file.
  const std::filesystem::path parent = std::filesystem::path(options.sqlite_path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  CORIUM_ASSIGN_OR_RETURN(auto db, store::SqliteConnection::Open(
                                       options.sqlite_path, store::OpenMode::kReadWriteCreate));
  return std::unique_ptr<store::SqlConnection>(std::move(db));
}

}  // namespace corium::cli
