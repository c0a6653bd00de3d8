#include "corium/cli/outbox_delivery_loop.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "corium/cli/database_connection.h"
#include "corium/cli/smtp_sender.h"
#include "corium/cli/spool_sender.h"
#include "corium/store/records/sql_outbox.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "corium/tz/zoned_system_clock.h"

namespace corium::cli {
namespace {

constexpr int kBatch = 100;

}  // namespace

Result<std::unique_ptr<app::MessageSender>> MakeSender(const DeliveryOptions& options) {
  if (options.smtp.url.empty()) {
    return std::unique_ptr<app::MessageSender>(std::make_unique<SpoolSender>(options.spool_dir));
  }
  CORIUM_RETURN_IF_ERROR(ValidateSmtpOptions(options.smtp));
  CORIUM_ASSIGN_OR_RETURN(std::string password, ReadSmtpPassword(options.smtp));
  return std::unique_ptr<app::MessageSender>(
      std::make_unique<SmtpSender>(options.smtp, std::move(password)));
}

Result<app::DeliveryReport> DeliverAllDue(store::SqlConnection& db, app::MessageSender& sender) {
  store::SqlUnitOfWork work(db);
  store::SqlOutboxRepository repository(db);
  const tz::ZonedSystemClock clock;
  app::OutboxDelivery delivery(work, repository, sender, clock);
  app::DeliveryReport total;
  for (;;) {
    CORIUM_ASSIGN_OR_RETURN(const app::DeliveryReport batch, delivery.DeliverDue(kBatch));
    total.sent += batch.sent;
    total.failed += batch.failed;
    // A failed message stays due; stop after a batch with failures rather than spin on it.
    if (batch.sent + batch.failed < kBatch || batch.failed > 0) return total;
  }
}

struct OutboxDeliveryLoop::State {
  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
  std::unique_ptr<app::MessageSender> sender;
  std::thread thread;
};

OutboxDeliveryLoop::OutboxDeliveryLoop(DbOptions db, std::unique_ptr<app::MessageSender> sender,
                                       int interval_seconds)
    : state_(std::make_unique<State>()) {
  State* state = state_.get();
  state->sender = std::move(sender);
  state->thread = std::thread([state, db = std::move(db), interval_seconds] {
    std::unique_ptr<store::SqlConnection> connection;
    for (;;) {
      if (!connection) {
        auto opened = ConnectDatabase(db);
        if (opened.ok()) {
          connection = std::move(*opened);
        } else {
          spdlog::warn("outbox: {}", opened.status().ToString());
        }
      }
      if (connection) {
        const auto report = DeliverAllDue(*connection, *state->sender);
        if (!report.ok()) {
          spdlog::warn("outbox: {}", report.status().ToString());
          connection.reset();  // reconnect on the next round
        } else if (report->sent + report->failed > 0) {
          spdlog::info("outbox: sent {}, failed {}", report->sent, report->failed);
        }
      }
      std::unique_lock lock(state->mutex);
      if (state->wake.wait_for(lock, std::chrono::seconds(interval_seconds),
                               [state] { return state->stopping; })) {
        return;
      }
    }
  });
}

OutboxDeliveryLoop::~OutboxDeliveryLoop() {
  {
    const std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->wake.notify_all();
  if (state_->thread.joinable()) state_->thread.join();
}

}  // namespace corium::cli
