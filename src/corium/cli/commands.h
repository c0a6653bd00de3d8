// The subcommands of `corium`. Each returns the process exit status: for `screen` 0 decided,
// 1 invalid intake, 2 usage or knowledge base error (docs/screening.md).
#pragma once

#include <string>
#include <vector>

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

// `corium user add`: reads the password (one line) from standard input, migrates the database,
// then gives the staff member with `email` an account, registering them (and, when the database
// has no clinic of that name, the clinic) first. Exit 0 on success, 1 when the database refuses
// (an email with an account already, a password too short), 2 for a usage error.
struct UserAddOptions {
  DbOptions db;
  std::string kb_dir;
  std::string email;
  std::string full_name;
  std::string role = "admin";
  std::string clinic_name;  // needed when the database has no clinic or several
  std::string time_zone;    // needed when the clinic is made here
  bool admin = false;       // the admin grant, on top of the role
};

int RunUserAdd(const UserAddOptions& options);

// Delivery by SMTP instead of the spool directory, when `url` is set (docs/operations.md).
struct SmtpOptions {
  std::string url;            // smtp://host:port or smtps://host:port; empty: use the spool
  std::string from;           // the From address, e.g. clinic@example.org
  std::string user;           // empty: no authentication
  std::string password_file;  // first line is the password; else $CORIUM_SMTP_PASSWORD
  bool require_tls = false;   // smtp:// only: STARTTLS must succeed or nothing is sent
  int timeout_seconds = 30;   // for the whole exchange of one message
};

// Where due messages go: SMTP when smtp.url is set, else the spool directory.
struct DeliveryOptions {
  std::string spool_dir;
  SmtpOptions smtp;
};

// `corium serve`: migrates the database (creating the SQLite file in the data directory on first
// start), then serves the API and the web app until SIGTERM or SIGINT. Exit 0 after a clean
// drain, 1 when the database or the listen address fails, 2 for a usage or knowledge base error.
struct ServeOptions {
  DbOptions db{.sqlite_path = "", .postgres_url = ""};  // no sqlite_path: <data_dir>/corium.db
  std::string data_dir = "corium-data";
  std::string listen = "127.0.0.1:8080";
  std::string tls_certificate;
  std::string tls_private_key;
  std::string kb_dir;
  std::string web_dir;               // the built web app; empty: web/dist when it exists
  std::vector<std::string> origins;  // more origins browsers may write from (a reverse proxy's)
  int workers = 2;
  int outbox_interval_seconds = 30;  // how often due reminders are delivered into DATA_DIR/outbox
  SmtpOptions smtp;                  // when smtp.url is set, delivered by SMTP instead
  bool demo = false;                 // fill an empty database with the demo clinic and its sign-ins
  bool verbose = false;
  // Tests only: libsodium's minimum argon2id cost, so a test server signs in quickly. Weak hashes.
  bool fast_password_hashing = false;
};

int RunServe(const ServeOptions& options);

// `corium outbox deliver`: sends the reminders and check-ins due now into the spool directory.
// Exit 0 when everything due was sent, 1 when the database fails or a message could not be sent.
struct OutboxOptions {
  DbOptions db;
  std::string spool_dir = "corium-data/outbox";
  SmtpOptions smtp;  // when smtp.url is set, delivered by SMTP instead of the spool
};

int RunOutboxDeliver(const OutboxOptions& options);

}  // namespace corium::cli
