#include "support/smtp_sink.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace corium::testing {
namespace {

std::string ReadWhole(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

SmtpSink::SmtpSink() {
  static int counter = 0;
  directory_ = std::filesystem::temp_directory_path() /
               ("corium-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  std::filesystem::remove_all(directory_);
  std::filesystem::create_directories(directory_);
  const std::string script = std::string(CORIUM_TESTS_DIR) + "/support/smtp_sink.py";
  const std::string messages = (directory_ / "messages").string();
  const std::string port_file = (directory_ / "port").string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::execlp("python3", "python3", script.c_str(), messages.c_str(), port_file.c_str(), nullptr);
    ::_exit(127);
  }
  // Waits for the port file the server writes once it listens (or for it to exit).
  for (int tries = 0; tries < 300; ++tries) {
    if (std::filesystem::exists(port_file)) {
      port_ = static_cast<unsigned short>(std::stoi(ReadWhole(port_file)));
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the SMTP sink exited before listening");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  Stop();
  throw std::runtime_error("the SMTP sink did not start");
}

SmtpSink::~SmtpSink() {
  Stop();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

void SmtpSink::Stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::vector<std::string> SmtpSink::Messages() const {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory_ / "messages")) {
    if (entry.path().extension() == ".eml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return std::stoi(a.stem().string()) < std::stoi(b.stem().string());
  });
  std::vector<std::string> texts;
  texts.reserve(files.size());
  for (const auto& file : files) texts.push_back(ReadWhole(file));
  return texts;
}

}  // namespace corium::testing
