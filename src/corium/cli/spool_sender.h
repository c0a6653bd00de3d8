// SpoolSender: the default MessageSender. Each message becomes one file in a spool directory,
// named by its idempotency key and written atomically (a temporary file, fsync, rename), for a
// mail relay or the clinic's own tooling to pick up. A key already spooled is not written again,
// so a message sent before a crash and sent again after it still exists once.
#pragma once

#include <filesystem>
#include <string>

#include "corium/app/outbox.h"

namespace corium::cli {

class SpoolSender final : public app::MessageSender {
 public:
  explicit SpoolSender(std::filesystem::path directory) : directory_(std::move(directory)) {}

  Status Send(const app::OutboxMessage& message) override;

  // The file name of a key: letters, digits, '-' and '_' kept, anything else '_', then ".eml".
  static std::string FileNameFor(const std::string& idempotency_key);

 private:
  std::filesystem::path directory_;
};

}  // namespace corium::cli
