// corium: the command-line entry point. Subcommands: `screen`, `kb check`, `db migrate|backup|check`,
// `demo`.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "corium/cli/commands.h"

namespace {

int Run(int argc, char** argv) {
  CLI::App app{"Corium - practice system for microneedling clinics"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("corium ") + CORIUM_VERSION_STRING);

  corium::cli::ScreenOptions screen;
  std::string format;
  CLI::App* screen_cmd = app.add_subcommand("screen", "Screen one intake and print the decision");
  screen_cmd->add_option("file", screen.input, "Intake JSON file, or - for standard input");
  screen_cmd->add_option("--kb", screen.kb_dir, "Knowledge base directory");
  screen_cmd->add_option("--format", format, "json or text (default: text on a terminal)")
      ->check(CLI::IsMember({"json", "text"}));

  std::string kb_dir;
  CLI::App* kb_cmd = app.add_subcommand("kb", "Knowledge base tools");
  kb_cmd->require_subcommand(1);
  CLI::App* check_cmd = kb_cmd->add_subcommand("check", "Validate a knowledge base directory");
  check_cmd->add_option("dir", kb_dir, "Knowledge base directory (default: the installed one)");

  corium::cli::DbOptions db;
  std::string backup_file;
  CLI::App* db_cmd = app.add_subcommand("db", "Database tools (SQLite file or PostgreSQL)");
  db_cmd->require_subcommand(1);
  db_cmd->add_option("--db", db.sqlite_path, "SQLite database file")->capture_default_str();
  db_cmd->add_option("--postgres", db.postgres_url, "PostgreSQL connection string, instead of --db");
  CLI::App* migrate_cmd = db_cmd->add_subcommand("migrate", "Create or upgrade the schema");
  CLI::App* backup_cmd = db_cmd->add_subcommand("backup", "Copy the SQLite database while in use");
  backup_cmd->add_option("file", backup_file, "Destination file (must not exist)")->required();
  CLI::App* db_check_cmd = db_cmd->add_subcommand("check", "Check the SQLite file's integrity");
  // `corium db migrate --db FILE` as well as `corium db --db FILE migrate`.
  for (CLI::App* sub : {migrate_cmd, backup_cmd, db_check_cmd}) sub->fallthrough();

  corium::cli::DemoOptions demo;
  CLI::App* demo_cmd =
      app.add_subcommand("demo", "Migrate and fill an empty database with a demo clinic");
  demo_cmd->add_option("--db", demo.db.sqlite_path, "SQLite database file")->capture_default_str();
  demo_cmd->add_option("--postgres", demo.db.postgres_url,
                       "PostgreSQL connection string, instead of --db");
  demo_cmd->add_option("--kb", demo.kb_dir, "Knowledge base directory");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors exit 2 (contracts.md §1)
  }

  if (screen_cmd->parsed()) {
    if (format.empty()) {
      screen.format = isatty(STDOUT_FILENO) != 0 ? corium::cli::OutputFormat::kText
                                                 : corium::cli::OutputFormat::kJson;
    } else {
      screen.format = format == "json" ? corium::cli::OutputFormat::kJson
                                       : corium::cli::OutputFormat::kText;
    }
    return corium::cli::RunScreen(screen);
  }
  if (check_cmd->parsed()) return corium::cli::RunKbCheck(kb_dir);
  if (migrate_cmd->parsed()) return corium::cli::RunDbMigrate(db);
  if (backup_cmd->parsed()) return corium::cli::RunDbBackup(db, backup_file);
  if (db_check_cmd->parsed()) return corium::cli::RunDbCheck(db);
  if (demo_cmd->parsed()) return corium::cli::RunDemo(demo);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // Library code reports through Status; an exception reaching here is a bug or exhaustion
  // (std::bad_alloc). Say so plainly rather than abort.
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "corium: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "corium: internal error\n";
  }
  return 2;
}
