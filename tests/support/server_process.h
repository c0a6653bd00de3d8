// ServerProcess: the real `corium serve` binary, started for a black-box test on an ephemeral
// loopback port over a fresh database (a new SQLite data directory, or a new schema on the test
// PostgreSQL server, or another server's database), over HTTP or HTTPS, and stopped with SIGTERM at
// the end. Its standard output is collected, so a test can read the port, the setup token and the
// demo sign-in.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "corium/store/sql.h"

namespace corium::testing {

class ServerProcess;

struct ServerConfig {
  store::Dialect dialect = store::Dialect::kSqlite;
  bool demo = true;  // start with the demo clinic and its sign-ins
  std::vector<std::string> extra_args{};
  // Another running server whose database this one opens too (several processes on one
  // PostgreSQL database); it must outlive this one, which leaves the schema to it.
  const ServerProcess* share_database_of = nullptr;
};

class ServerProcess {
 public:
  // Starts the server and waits until it listens; throws std::runtime_error when it cannot.
  explicit ServerProcess(ServerConfig config = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  // The address it printed, e.g. "https://127.0.0.1:40123".
  const std::string& url() const { return url_; }
  std::string output() const;
  // The one-time setup token printed at first start, when no account exists.
  std::optional<std::string> setup_token() const;
  const std::filesystem::path& data_dir() const { return data_dir_; }
  // The --postgres connection string, or the SQLite file.
  const std::string& database() const { return database_; }
  // PostgreSQL: the schema it made for itself, also the application_name of its connections.
  const std::string& schema() const { return schema_; }
  bool alive() const;
  // SIGTERM, then waits; returns the exit status (128 + signal when killed by one).
  int Stop();

 private:
  void ReadOutput(int fd);

  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string url_;
  std::filesystem::path data_dir_;
  std::string database_;
  std::string schema_;  // PostgreSQL: dropped at the end
  mutable std::mutex mutex_;
  std::string output_;
  std::thread reader_;
};

// The demo password and a few demo sign-ins by role (cli/demo_accounts.cpp).
std::string DemoPassword();
std::string DemoEmail(const std::string& role);

}  // namespace corium::testing
