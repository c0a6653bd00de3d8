// Outbox delivery for the command line and for `corium serve`'s background loop: the spool or
// SMTP sender over one database connection, and a loop that runs it until stopped.
#pragma once

#include <memory>
#include <string>

#include "corium/app/outbox.h"
#include "corium/cli/commands.h"
#include "corium/store/sql.h"

namespace corium::cli {

// The sender the options choose: SMTP when options.smtp.url is set (its options checked and its
// password read), else the spool directory.
Result<std::unique_ptr<app::MessageSender>> MakeSender(const DeliveryOptions& options);

// Delivers every message due now (in batches) through `sender`.
Result<app::DeliveryReport> DeliverAllDue(store::SqlConnection& db, app::MessageSender& sender);

// A background thread delivering what is due every `interval_seconds`, on a connection of its
// own, until destroyed (the destructor stops and joins it).
class OutboxDeliveryLoop {
 public:
  OutboxDeliveryLoop(DbOptions db, std::unique_ptr<app::MessageSender> sender,
                     int interval_seconds);
  ~OutboxDeliveryLoop();
  OutboxDeliveryLoop(const OutboxDeliveryLoop&) = delete;
  OutboxDeliveryLoop& operator=(const OutboxDeliveryLoop&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace corium::cli
