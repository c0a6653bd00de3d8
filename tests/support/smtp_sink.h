// SmtpSink: a real SMTP server on 127.0.0.1 (tests/support/smtp_sink.py, Python's stdlib smtpd)
// started for a test on a free port; every message it accepts is saved as a file, so a test can
// count what arrived and read its headers and body. Stopped with SIGTERM when destroyed.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace corium::testing {

class SmtpSink {
 public:
  // Starts the server and waits until it listens; throws std::runtime_error when it cannot.
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  unsigned short port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The messages accepted so far, oldest first, each as saved (envelope lines, then the message).
  std::vector<std::string> Messages() const;
  // Stops the server (SIGTERM, then waits); the saved messages stay readable.
  void Stop();

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::filesystem::path directory_;
};

}  // namespace corium::testing
