// corium: the command-line entry point. Subcommands: `screen`, `kb check`, `db
// migrate|backup|check`, `demo`, `serve`, `user add`.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "corium/cli/commands.h"

namespace {

// Delivery by SMTP instead of the spool (docs/operations.md); the password never on the command
// line: --smtp-password-file or $CORIUM_SMTP_PASSWORD.
void AddSmtpOptions(CLI::App& command, corium::cli::SmtpOptions& smtp) {
  command.add_option("--smtp-url", smtp.url,
                     "Send by SMTP instead of the spool: smtp://HOST:PORT or smtps://HOST:PORT");
  command.add_option("--smtp-from", smtp.from, "From address of the messages sent by SMTP");
  command.add_option("--smtp-user", smtp.user, "SMTP user name (password: file or environment)");
  command.add_option("--smtp-password-file", smtp.password_file,
                     "File whose first line is the SMTP password (else $CORIUM_SMTP_PASSWORD)");
  command.add_flag("--smtp-require-tls", smtp.require_tls, "With smtp://: send only over STARTTLS");
  command.add_option("--smtp-timeout", smtp.timeout_seconds, "Seconds allowed per message")
      ->capture_default_str();
}

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
  db_cmd->add_option("--postgres", db.postgres_url,
                     "PostgreSQL connection string, instead of --db");
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

  corium::cli::ServeOptions serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "Serve the API and the web app");
  serve_cmd->add_option("--db", serve.db.sqlite_path,
                        "SQLite database file (default: DATA_DIR/corium.db)");
  serve_cmd->add_option("--postgres", serve.db.postgres_url,
                        "PostgreSQL connection string, instead of --db");
  serve_cmd->add_option("--data-dir", serve.data_dir, "Directory for the database and photos")
      ->capture_default_str();
  serve_cmd
      ->add_option("--listen", serve.listen, "ADDRESS:PORT to listen on (port 0: any free one)")
      ->capture_default_str();
  serve_cmd->add_option("--tls-cert", serve.tls_certificate, "TLS certificate chain (PEM)");
  serve_cmd->add_option("--tls-key", serve.tls_private_key, "TLS private key (PEM)");
  serve_cmd->add_option("--kb", serve.kb_dir, "Knowledge base directory");
  serve_cmd->add_option("--web", serve.web_dir, "Built web app directory (default: web/dist)");
  // One string split by hand: CLI11's vector options trip g++ 12's -Wnull-dereference at -O2.
  std::string origins;
  serve_cmd->add_option("--origin", origins,
                        "More origins browsers may write from, comma-separated, e.g. "
                        "https://clinic.example");
  serve_cmd->add_option("--workers", serve.workers, "Worker threads (each with a DB connection)")
      ->capture_default_str();
  serve_cmd->add_flag("--demo", serve.demo, "Fill an empty database with the demo clinic");
  serve_cmd->add_flag("--verbose", serve.verbose, "Log every request (path and status only)");
  serve_cmd->add_flag("--fast-password-hashing", serve.fast_password_hashing,
                      "Tests only: weakest password hashes, for quick sign-ins");

  corium::cli::OutboxOptions outbox;
  CLI::App* outbox_cmd = app.add_subcommand("outbox", "Reminders and check-ins");
  outbox_cmd->require_subcommand(1);
  CLI::App* deliver_cmd =
      outbox_cmd->add_subcommand("deliver", "Send the messages due now into the spool directory");
  deliver_cmd->add_option("--db", outbox.db.sqlite_path, "SQLite database file")
      ->capture_default_str();
  deliver_cmd->add_option("--postgres", outbox.db.postgres_url,
                          "PostgreSQL connection string, instead of --db");
  deliver_cmd->add_option("--spool-dir", outbox.spool_dir, "Spool directory")
      ->capture_default_str();
  serve_cmd
      ->add_option("--outbox-interval", serve.outbox_interval_seconds,
                   "Seconds between deliveries of due reminders into DATA_DIR/outbox")
      ->capture_default_str();

  AddSmtpOptions(*deliver_cmd, outbox.smtp);
  AddSmtpOptions(*serve_cmd, serve.smtp);

  corium::cli::UserAddOptions user;
  CLI::App* user_cmd = app.add_subcommand("user", "Accounts of staff members");
  user_cmd->require_subcommand(1);
  CLI::App* user_add_cmd = user_cmd->add_subcommand(
      "add", "Give a staff member an account; the password is read from standard input");
  user_add_cmd->add_option("--email", user.email, "Sign-in email")->required();
  user_add_cmd->add_option("--name", user.full_name, "Full name (for a new staff member)")
      ->required();
  user_add_cmd->add_option("--role", user.role, "Staff role")->capture_default_str();
  user_add_cmd->add_flag("--admin", user.admin, "Grant administration on top of the role");
  user_add_cmd->add_option("--clinic-name", user.clinic_name, "Clinic (made when none has it)");
  user_add_cmd->add_option("--time-zone", user.time_zone, "IANA time zone of a new clinic");
  user_add_cmd->add_option("--db", user.db.sqlite_path, "SQLite database file")
      ->capture_default_str();
  user_add_cmd->add_option("--postgres", user.db.postgres_url,
                           "PostgreSQL connection string, instead of --db");
  user_add_cmd->add_option("--kb", user.kb_dir, "Knowledge base directory");

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
      screen.format =
          format == "json" ? corium::cli::OutputFormat::kJson : corium::cli::OutputFormat::kText;
    }
    return corium::cli::RunScreen(screen);
  }
  if (check_cmd->parsed()) return corium::cli::RunKbCheck(kb_dir);
  if (migrate_cmd->parsed()) return corium::cli::RunDbMigrate(db);
  if (backup_cmd->parsed()) return corium::cli::RunDbBackup(db, backup_file);
  if (db_check_cmd->parsed()) return corium::cli::RunDbCheck(db);
  if (demo_cmd->parsed()) return corium::cli::RunDemo(demo);
  if (user_add_cmd->parsed()) return corium::cli::RunUserAdd(user);
  if (deliver_cmd->parsed()) return corium::cli::RunOutboxDeliver(outbox);
  if (serve_cmd->parsed()) {
    for (size_t start = 0; start < origins.size();) {
      const size_t comma = std::min(origins.find(',', start), origins.size());
      if (comma > start) serve.origins.push_back(origins.substr(start, comma - start));
      start = comma + 1;
    }
    return corium::cli::RunServe(serve);
  }
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
