#include "corium/store/records/sql_outbox.h"

namespace corium::store {

Result<std::string> SqlOutboxRepository::ClientEmail(app::Id clinic_id, app::Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db_.Query("SELECT email FROM clients WHERE id = $1 AND clinic_id = $2",
                                    {client_id, clinic_id}));
  if (rows.empty()) return Status::NotFound("client not found");
  return rows.front().Text(0);
}

Result<std::string> SqlOutboxRepository::ClinicTimeZone(app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(const auto rows,
                          db_.Query("SELECT time_zone FROM clinics WHERE id = $1", {clinic_id}));
  if (rows.empty()) return Status::NotFound("clinic not found");
  return rows.front().Text(0);
}

// ON CONFLICT … DO UPDATE … WHERE is the same on both engines (SQLite ≥ 3.24).
Status SqlOutboxRepository::Enqueue(const app::OutboxMessage& m) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto changed,
      db_.Execute(
          "INSERT INTO outbox (clinic_id, appointment_id, idempotency_key, kind, recipient,"
          " subject, body, due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)"
          " ON CONFLICT (idempotency_key) DO UPDATE SET status = 'pending',"
          " due_at = excluded.due_at WHERE outbox.status = 'cancelled'",
          {m.clinic_id, m.appointment_id ? SqlValue(*m.appointment_id) : SqlValue(std::monostate{}),
           m.idempotency_key, m.kind, m.recipient, m.subject, m.body, m.due_at}));
  (void)changed;
  return Status::Ok();
}

Status SqlOutboxRepository::CancelPending(app::Id appointment_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto changed,
      db_.Execute("UPDATE outbox SET status = 'cancelled' WHERE appointment_id = $1"
                  " AND status = 'pending'",
                  {appointment_id}));
  (void)changed;
  return Status::Ok();
}

Result<std::vector<app::OutboxMessage>> SqlOutboxRepository::Due(app::Instant now, int limit) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT id, clinic_id, appointment_id, idempotency_key, kind, recipient, subject,"
                " body, due_at, status, attempts, last_error FROM outbox"
                " WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT $2",
                {now, std::int64_t{limit}}));
  std::vector<app::OutboxMessage> due;
  due.reserve(rows.size());
  for (const SqlRow& row : rows) {
    app::OutboxMessage m;
    m.id = row.Int(0);
    m.clinic_id = row.Int(1);
    if (!row.IsNull(2)) m.appointment_id = row.Int(2);
    m.idempotency_key = row.Text(3);
    m.kind = row.Text(4);
    m.recipient = row.Text(5);
    m.subject = row.Text(6);
    m.body = row.Text(7);
    m.due_at = row.Int(8);
    m.status = row.Text(9);
    m.attempts = static_cast<int>(row.Int(10));
    m.last_error = row.Text(11);
    due.push_back(std::move(m));
  }
  return due;
}

Status SqlOutboxRepository::MarkSent(app::Id message_id, app::Instant now) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto changed,
      db_.Execute("UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1"
                  " WHERE id = $2 AND status = 'pending'",
                  {now, message_id}));
  (void)changed;
  return Status::Ok();
}

Status SqlOutboxRepository::RecordFailure(app::Id message_id, const std::string& error) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto changed,
      db_.Execute("UPDATE outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2",
                  {error, message_id}));
  (void)changed;
  return Status::Ok();
}

Result<app::OutboxSummary> SqlOutboxRepository::Summary(app::Id clinic_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("SELECT status, COUNT(*), SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END),"
                " MIN(due_at) FROM outbox WHERE clinic_id = $1 GROUP BY status",
                {clinic_id}));
  app::OutboxSummary summary;
  for (const SqlRow& row : rows) {
    const std::string status = row.Text(0);
    if (status == "pending") {
      summary.pending = row.Int(1);
      summary.failing = row.Int(2);
      summary.next_due = row.Int(3);
    } else if (status == "sent") {
      summary.sent = row.Int(1);
    } else {
      summary.cancelled = row.Int(1);
    }
  }
  return summary;
}

}  // namespace corium::store
