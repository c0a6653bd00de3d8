// Outbox delivery for the command line and for `corium serve`'s background loop: the spool
// sender over one database connection, and a loop that runs it until stopped.
#pragma once

#include <memory>
#include <string>

#include "corium/app/outbox.h"
#include "corium/cli/commands.h"
#include "corium/store/sql.h"

namespace corium::cli {

// Delivers every message due now (in batches) into `spool_dir`.
Result<app::DeliveryReport> DeliverAllDue(store::SqlConnection& db, const std::string& spool_dir);

// A background thread delivering what is due every `interval_seconds`, on a connection of its
// own, until destroyed (the destructor stops and joins it).
class OutboxDeliveryLoop {
 public:
  OutboxDeliveryLoop(DbOptions db, std::string spool_dir, int interval_seconds);
  ~OutboxDeliveryLoop();
  OutboxDeliveryLoop(const OutboxDeliveryLoop&) = delete;
  OutboxDeliveryLoop& operator=(const OutboxDeliveryLoop&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace corium::cli
