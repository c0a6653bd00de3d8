#include "support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <stdexcept>

#include "corium/cli/demo_accounts.h"
#include "corium/store/postgres/postgres_connection.h"
#include "support/test_databases.h"

namespace corium::testing {
namespace {

std::string RandomSuffix() {
  std::random_device device;
  std::mt19937_64 engine(device());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 12; ++i) out += kHex[engine() % 16];
  return out;
}

}  // namespace

ServerProcess::ServerProcess(ServerConfig config) {
  data_dir_ = std::filesystem::temp_directory_path() / ("corium-serve-" + RandomSuffix());
  std::filesystem::create_directories(data_dir_);
  std::vector<std::string> args = {CORIUM_BINARY,
                                   "serve",
                                   "--listen",
                                   "127.0.0.1:0",
                                   "--data-dir",
                                   data_dir_.string(),
                                   "--kb",
                                   CORIUM_SOURCE_KB_DIR,
                                   "--workers",
                                   "2",
                                   "--fast-password-hashing"};
  if (config.share_database_of != nullptr) {
    database_ = config.share_database_of->database();
    args.insert(args.end(),
                {config.dialect == store::Dialect::kPostgres ? "--postgres" : "--db", database_});
  } else if (config.dialect == store::Dialect::kPostgres) {
    const std::string why = PostgresUnavailableReason();
    if (!why.empty()) throw std::runtime_error(why);
    const char* url = std::getenv("CORIUM_TEST_PG_URL");
    schema_ = "s_" + RandomSuffix();
    auto admin = store::PostgresConnection::Open(url);
    if (!admin.ok()) throw std::runtime_error(admin.status().ToString());
    if (const Status created = (*admin)->ExecuteScript("CREATE SCHEMA " + schema_); !created.ok()) {
      throw std::runtime_error(created.ToString());
    }
    // Named after its schema, so that a test can find this server's connections on the server.
    database_ =
        std::string(url) + " options='-csearch_path=" + schema_ + "' application_name=" + schema_;
    args.insert(args.end(), {"--postgres", database_});
  } else {
    database_ = (data_dir_ / "corium.db").string();
  }
  if (config.demo) args.emplace_back("--demo");
  args.insert(args.end(), config.extra_args.begin(), config.extra_args.end());

  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  reader_ = std::thread([this, fd = out[0]] { ReadOutput(fd); });

  // "Corium is listening on http://127.0.0.1:PORT" (https:// under TLS).
  const std::string marker = "Corium is listening on ";
  const std::string host = "://127.0.0.1:";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string text = output();
    const size_t at = text.find(marker);
    const size_t end = at == std::string::npos ? at : text.find('\n', at);
    const size_t port_at = end == std::string::npos ? end : text.find(host, at);
    if (port_at != std::string::npos && port_at < end) {
      url_ = text.substr(at + marker.size(), end - at - marker.size());
      port_ = static_cast<unsigned short>(std::stoi(text.substr(port_at + host.size())));
      return;
    }
    if (!alive()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const std::string text = output();
  Stop();
  throw std::runtime_error("corium serve did not start; it printed:\n" + text);
}

ServerProcess::~ServerProcess() {
  Stop();
  if (reader_.joinable()) reader_.join();
  std::error_code ignored;
  std::filesystem::remove_all(data_dir_, ignored);
  if (!schema_.empty()) {
    if (auto admin = store::PostgresConnection::Open(std::getenv("CORIUM_TEST_PG_URL"));
        admin.ok()) {
      (void)(*admin)->ExecuteScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
  }
}

void ServerProcess::ReadOutput(int fd) {
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    std::lock_guard lock(mutex_);
    output_.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
}

std::string ServerProcess::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

std::optional<std::string> ServerProcess::setup_token() const {
  const std::string text = output();
  const std::string marker = "one-time setup token";
  const size_t at = text.find(marker);
  if (at == std::string::npos) return std::nullopt;
  size_t line = text.find('\n', at);
  if (line == std::string::npos) return std::nullopt;
  std::string token = text.substr(line + 1, text.find('\n', line + 1) - line - 1);
  token.erase(0, token.find_first_not_of(' '));
  return token;
}

bool ServerProcess::alive() const {
  if (pid_ <= 0) return false;
  int status = 0;
  return ::waitpid(pid_, &status, WNOHANG) == 0;
}

int ServerProcess::Stop() {
  if (pid_ <= 0) return 0;
  ::kill(pid_, SIGTERM);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  pid_t done = 0;
  while ((done = ::waitpid(pid_, &status, WNOHANG)) == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (done == 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
  }
  pid_ = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::string DemoPassword() { return std::string(cli::kDemoPassword); }

std::string DemoEmail(const std::string& role) {
  if (role == "physician") return "hannah.whitaker@wasatchskin.example";
  if (role == "nurse_practitioner") return "marcus.reyes@wasatchskin.example";
  if (role == "nurse") return "olivia.tran@wasatchskin.example";
  if (role == "master_esthetician") return "sofia.lindqvist@wasatchskin.example";
  if (role == "esthetician") return "camila.ortiz@wasatchskin.example";
  if (role == "physician_assistant") return "jordan.kim@wasatchskin.example";
  if (role == "admin") return "priya.natarajan@wasatchskin.example";
  if (role == "front_desk") return "tyler.brooks@wasatchskin.example";
  if (role == "auditor") return "dana.whitfield@wasatchskin.example";
  throw std::runtime_error("no demo account with role " + role);
}

}  // namespace corium::testing
