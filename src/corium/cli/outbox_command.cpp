// `corium outbox deliver`: sends every message due now through the spool directory, or by SMTP
// when --smtp-url is given, then exits.
// The same delivery runs every 30 seconds inside `corium serve` (serve_command.cpp).
#include <iostream>

#include "corium/cli/commands.h"
#include "corium/cli/database_connection.h"
#include "corium/cli/outbox_delivery_loop.h"

namespace corium::cli {

int RunOutboxDeliver(const OutboxOptions& options) {
  auto db = ConnectDatabase(options.db);
  if (!db.ok()) {
    std::cerr << "corium outbox deliver: " << db.status().ToString() << "\n";
    return 1;
  }
  auto sender = MakeSender({.spool_dir = options.spool_dir, .smtp = options.smtp});
  if (!sender.ok()) {
    std::cerr << "corium outbox deliver: " << sender.status().ToString() << "\n";
    return 2;
  }
  const auto report = DeliverAllDue(**db, **sender);
  if (!report.ok()) {
    std::cerr << "corium outbox deliver: " << report.status().ToString() << "\n";
    return 1;
  }
  std::cout << "sent " << report->sent << ", failed " << report->failed << "\n";
  return report->failed == 0 ? 0 : 1;
}

}  // namespace corium::cli
