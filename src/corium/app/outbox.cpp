#include "corium/app/outbox.h"

#include <algorithm>
#include <string_view>

namespace corium::app {
namespace {

std::string Filled(std::string text, const std::string& start) {
  constexpr std::string_view kPlaceholder = "{start}";
  for (size_t at = text.find(kPlaceholder); at != std::string::npos;
       at = text.find(kPlaceholder, at + start.size())) {
    text.replace(at, kPlaceholder.size(), start);
  }
  return text;
}

}  // namespace

Status OutboxScheduler::Booked(const Actor& actor, const Appointment& appointment,
                               const AppointmentType& type) {
  const std::string purpose(AppointmentPurposeName(type.spec.purpose));
  CORIUM_ASSIGN_OR_RETURN(const std::string zone_name, repository_.ClinicTimeZone(actor.clinic_id));
  CORIUM_ASSIGN_OR_RETURN(const auto zone, zones_(zone_name));
  CORIUM_ASSIGN_OR_RETURN(const std::string email,
                          repository_.ClientEmail(actor.clinic_id, appointment.client_id));
  const std::string start = calendar::LocalDateTimeText(appointment.time.start, *zone);
  const Instant now = clock_.NowSeconds();
  for (const kb::MessageTemplate& t : kb_.messages) {
    if (std::find(t.purposes.begin(), t.purposes.end(), purpose) == t.purposes.end()) continue;
    const Instant anchor =
        t.from == kb::MessageAnchor::kStart ? appointment.time.start : appointment.time.end;
    // A reminder or preparation note whose time has passed (a booking made at short notice) is
    // still worth sending at once while the appointment lies ahead.
    const Instant due = std::max(anchor + std::int64_t{t.offset_hours} * calendar::kHour, now);
    if (t.offset_hours < 0 && due >= appointment.time.start) continue;
    OutboxMessage message;
    message.clinic_id = actor.clinic_id;
    message.appointment_id = appointment.id;
    message.idempotency_key = "appointment:" + std::to_string(appointment.id) + ":" + t.kind + ":" +
                              std::to_string(anchor);
    message.kind = t.kind;
    message.recipient = email;
    message.subject = Filled(t.subject, start);
    message.body = Filled(t.body, start);
    message.due_at = due;
    CORIUM_RETURN_IF_ERROR(repository_.Enqueue(message));
  }
  return Status::Ok();
}

Status OutboxScheduler::Cancelled(const Actor& /*actor*/, const Appointment& appointment) {
  return repository_.CancelPending(appointment.id);
}

Result<DeliveryReport> OutboxDelivery::DeliverDue(int limit) {
  std::vector<OutboxMessage> due;
  const Status read = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(due, repository_.Due(clock_.NowSeconds(), limit));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  DeliveryReport report;
  for (const OutboxMessage& message : due) {
    const Status sent = sender_.Send(message);
    const Status recorded = work_.Write([&]() -> Status {
      if (sent.ok()) return repository_.MarkSent(message.id, clock_.NowSeconds());
      return repository_.RecordFailure(message.id, sent.message());
    });
    if (!recorded.ok()) return recorded;
    ++(sent.ok() ? report.sent : report.failed);
  }
  return report;
}

Result<OutboxSummary> OutboxStatus::Summary(const Actor& actor) {
  OutboxSummary summary;
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(summary, repository_.Summary(actor.clinic_id));
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return summary;
}

}  // namespace corium::app
