#include "corium/cli/spool_sender.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace corium::cli {
namespace {

Status WriteAll(int fd, const std::string& text) {
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Unavailable(std::string("spool write: ") + std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
  return Status::Ok();
}

std::string MessageText(const app::OutboxMessage& m) {
  return "To: " + m.recipient + "\r\nSubject: " + m.subject + "\r\nMessage-ID: <" +
         m.idempotency_key + "@corium>\r\nX-Corium-Kind: " + m.kind +
         "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + m.body + "\r\n";
}

}  // namespace

std::string SpoolSender::FileNameFor(const std::string& idempotency_key) {
  std::string name;
  for (const char c : idempotency_key) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    name += keep ? c : '_';
  }
  return name + ".eml";
}

Status SpoolSender::Send(const app::OutboxMessage& message) {
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  if (ec) return Status::Unavailable("spool directory: " + ec.message());
  const std::filesystem::path final_path = directory_ / FileNameFor(message.idempotency_key);
  if (std::filesystem::exists(final_path, ec)) return Status::Ok();  // spooled before a restart
  const std::filesystem::path temporary =
      directory_ / ("." + FileNameFor(message.idempotency_key) + ".tmp");
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) return Status::Unavailable(std::string("spool open: ") + std::strerror(errno));
  Status status = WriteAll(fd, MessageText(message));
  if (status.ok() && ::fsync(fd) != 0) {
    status = Status::Unavailable(std::string("spool fsync: ") + std::strerror(errno));
  }
  ::close(fd);
  if (!status.ok()) return status;
  // rename() replaces atomically: a reader sees no file or the whole message, never a part.
  std::filesystem::rename(temporary, final_path, ec);
  if (ec) return Status::Unavailable("spool rename: " + ec.message());
  const int dir_fd = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);  // make the rename itself durable
    ::close(dir_fd);
  }
  return Status::Ok();
}

}  // namespace corium::cli
