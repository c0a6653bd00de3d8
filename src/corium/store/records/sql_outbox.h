// SqlOutboxRepository: the app's OutboxRepository over a SqlConnection, portable across SQLite
// and PostgreSQL. Single-threaded, like the connection it wraps.
#pragma once

#include "corium/app/outbox.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlOutboxRepository final : public app::OutboxRepository {
 public:
  explicit SqlOutboxRepository(SqlConnection& db) : db_(db) {}

  Result<std::string> ClientEmail(app::Id clinic_id, app::Id client_id) override;
  Result<std::string> ClinicTimeZone(app::Id clinic_id) override;
  Status Enqueue(const app::OutboxMessage& message) override;
  Status CancelPending(app::Id appointment_id) override;
  Result<std::vector<app::OutboxMessage>> Due(app::Instant now, int limit) override;
  Status MarkSent(app::Id message_id, app::Instant now) override;
  Status RecordFailure(app::Id message_id, const std::string& error) override;
  Result<app::OutboxSummary> Summary(app::Id clinic_id) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
