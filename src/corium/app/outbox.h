// Outbox: the messages due around appointments (kb/messages.yaml: a reminder 48 h before, for a
// treatment session preparation 14 and 7 days before and aftercare check-ins at 48 h, day 7 and
// day 28 after, AF-01), enqueued in the booking's own transaction and delivered later by a
// pluggable MessageSender. Each message has an idempotency key naming the appointment, the kind
// and the time it is for, unique in the database, so it is enqueued once and, with a sender that
// honours the key (the spool writes one file per key), delivered once even across restarts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/calendar.h"

namespace corium::app {

struct OutboxMessage {
  Id id = 0;
  Id clinic_id = 0;
  std::optional<Id> appointment_id;
  std::string idempotency_key;  // "appointment:12:reminder_48h:1795449600"
  std::string kind;
  std::string recipient;  // the client's email; may be empty (the spool keeps the message anyway)
  std::string subject;
  std::string body;
  Instant due_at = 0;
  std::string status = "pending";  // pending, sent, cancelled
  int attempts = 0;
  std::string last_error;
};

struct OutboxSummary {
  std::int64_t pending = 0;
  std::int64_t sent = 0;
  std::int64_t cancelled = 0;
  std::int64_t failing = 0;  // pending with at least one failed attempt
  std::optional<Instant> next_due;
};

class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  virtual Result<std::string> ClientEmail(Id clinic_id, Id client_id) = 0;
  virtual Result<std::string> ClinicTimeZone(Id clinic_id) = 0;
  // Inserts the message; a message with the same key that was cancelled becomes pending again
  // (an appointment moved back to its first time), and one pending or sent is left as it is.
  virtual Status Enqueue(const OutboxMessage& message) = 0;
  virtual Status CancelPending(Id appointment_id) = 0;
  // Pending messages due at or before `now`, every clinic, oldest first.
  virtual Result<std::vector<OutboxMessage>> Due(Instant now, int limit) = 0;
  virtual Status MarkSent(Id message_id, Instant now) = 0;
  virtual Status RecordFailure(Id message_id, const std::string& error) = 0;
  virtual Result<OutboxSummary> Summary(Id clinic_id) = 0;
};

// Delivers one message. Implementations: the spool directory (one file per idempotency key,
// written atomically; a key already spooled is not written again) and SMTP.
class MessageSender {
 public:
  virtual ~MessageSender() = default;
  virtual Status Send(const OutboxMessage& message) = 0;
};

// Enqueues the kb's messages when an appointment is booked or moved, and cancels the pending ones
// when it is moved or cancelled. Runs inside the booking's transaction.
class OutboxScheduler final : public BookingListener {
 public:
  OutboxScheduler(OutboxRepository& repository, const kb::KnowledgeBase& kb, const Clock& clock,
                  ZoneOpener zones)
      : repository_(repository), kb_(kb), clock_(clock), zones_(std::move(zones)) {}

  Status Booked(const Actor& actor, const Appointment& appointment,
                const AppointmentType& type) override;
  Status Cancelled(const Actor& actor, const Appointment& appointment) override;

 private:
  OutboxRepository& repository_;
  const kb::KnowledgeBase& kb_;
  const Clock& clock_;
  ZoneOpener zones_;
};

struct DeliveryReport {
  int sent = 0;
  int failed = 0;
};

// Sends what is due: each message is sent, then marked sent in its own transaction. A crash
// between the two leaves it pending, and the next run sends it again. The spool sender skips a key
// it already wrote, so the client never gets it twice; SMTP cannot take a message back, so there a
// crash in that window repeats it, with the same Message-ID (docs/operations.md).
class OutboxDelivery {
 public:
  OutboxDelivery(UnitOfWork& work, OutboxRepository& repository, MessageSender& sender,
                 const Clock& clock)
      : work_(work), repository_(repository), sender_(sender), clock_(clock) {}

  Result<DeliveryReport> DeliverDue(int limit = 100);

 private:
  UnitOfWork& work_;
  OutboxRepository& repository_;
  MessageSender& sender_;
  const Clock& clock_;
};

// The outbox's state for one clinic (the API's outbox status).
class OutboxStatus {
 public:
  OutboxStatus(UnitOfWork& work, OutboxRepository& repository)
      : work_(work), repository_(repository) {}
  Result<OutboxSummary> Summary(const Actor& actor);

 private:
  UnitOfWork& work_;
  OutboxRepository& repository_;
};

}  // namespace corium::app
