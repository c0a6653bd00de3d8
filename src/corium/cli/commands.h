// The subcommands of `corium`. Each returns the process exit status: for `screen` 0 decided,
// 1 invalid intake, 2 usage or knowledge base error (docs/screening.md).
#pragma once

#include <string>

namespace corium::cli {

enum class OutputFormat { kText, kJson };

struct ScreenOptions {
  std::string input = "-";  // a file, or "-" for standard input
  std::string kb_dir;
  OutputFormat format = OutputFormat::kText;
};

int RunScreen(const ScreenOptions& options);
int RunKbCheck(const std::string& kb_dir);

// `corium db …`: the SQLite file (default) or a PostgreSQL database. Exit 0 on success, 1 when the
// database refuses or is unhealthy, 2 for a usage error.
struct DbOptions {
  std::string sqlite_path = "corium-data/corium.db";
  std::string postgres_url;  // libpq conninfo or URL; when set, used instead of the SQLite file
};

int RunDbMigrate(const DbOptions& options);
int RunDbBackup(const DbOptions& options, const std::string& destination);
int RunDbCheck(const DbOptions& options);

// `corium demo`: migrates the database and, when it holds no clinic yet, fills it with the demo
// clinic through the use cases (docs/operations.md). Exit 0 on success (also when the demo clinic
// exists already), 1 on a database error, 2 for a usage or knowledge base error.
struct DemoOptions {
  DbOptions db;
  std::string kb_dir;
};

int RunDemo(const DemoOptions& options);

}  // namespace corium::cli
