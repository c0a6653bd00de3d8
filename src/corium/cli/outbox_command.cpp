// `corium outbox deliver`: sends every message due now through the spool directory, then exits.
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
  const auto report = DeliverAllDue(**db, options.spool_dir);
  if (!report.ok()) {
    std::cerr << "corium outbox deliver: " << report.status().ToString() << "\n";
    return 1;
  }
  std::cout << "sent " << report->sent << ", failed " << report->failed << "\n";
  return report->failed == 0 ? 0 : 1;
}

}  // namespace corium::cli
