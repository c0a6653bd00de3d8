// The outbox on both engines: a booking enqueues the knowledge base's reminders and check-ins in
// its own transaction; moving or cancelling it withdraws the pending ones; delivery into the spool
// survives a crash between sending and recording, without a duplicate; delivery by SMTP to a real
// server on 127.0.0.1 sends each message once and keeps it pending while the server is down.
#include "corium/app/outbox.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corium/cli/smtp_sender.h"
#include "corium/cli/spool_sender.h"
#include "corium/store/records/sql_calendar.h"
#include "corium/store/records/sql_outbox.h"
#include "corium/tz/clinic_time_zone.h"
#include "records/inventory_fixture.h"
#include "support/smtp_sink.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

// Monday 2026-11-23 09:00 in Denver; the fixture's now is the Friday before, 05:00 there.
constexpr std::int64_t kMondayNine = 1'795'449'600;

Result<std::unique_ptr<calendar::ClinicZone>> OpenZone(const std::string& name) {
  CORIUM_ASSIGN_OR_RETURN(auto zone, tz::ClinicTimeZone::Open(name));
  return std::unique_ptr<calendar::ClinicZone>(std::move(zone));
}

// Spools the message, then fails as a process killed before recording it would.
class CrashAfterSpooling final : public app::MessageSender {
 public:
  explicit CrashAfterSpooling(app::MessageSender& spool) : spool_(spool) {}
  Status Send(const app::OutboxMessage& message) override {
    CORIUM_RETURN_IF_ERROR(spool_.Send(message));
    return Status::Unavailable("killed after spooling");
  }

 private:
  app::MessageSender& spool_;
};

class OutboxTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    spool_ = std::filesystem::temp_directory_path() /
             ("corium-spool-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(spool_);
    ASSERT_TRUE(
        db().Execute("UPDATE clinics SET time_zone = 'America/Denver' WHERE id = $1", {a_.clinic})
            .ok());
    calendar_repository_ = std::make_unique<store::SqlCalendarRepository>(db());
    outbox_repository_ = std::make_unique<store::SqlOutboxRepository>(db());
    scheduler_ =
        std::make_unique<app::OutboxScheduler>(*outbox_repository_, ShippedKb(), clock_, OpenZone);
    calendar_ = std::make_unique<app::Calendar>(*work_, *audit_, *calendar_repository_, clock_,
                                                ShippedKb(), OpenZone, scheduler_.get());
    std::vector<calendar::WeeklyHours> hours;
    for (int weekday = 1; weekday <= 5; ++weekday) hours.push_back({weekday, 9 * 60, 17 * 60});
    ASSERT_TRUE(calendar_->SetWorkingHours(a_.actor, a_.staff, hours).ok());
    auto type = calendar_->AddAppointmentType(
        a_.actor, {"Microneedling", app::AppointmentPurpose::kSession, 60, false, std::nullopt});
    ASSERT_TRUE(type.ok()) << type.status().ToString();
    type_ = *type;
  }
  void TearDown() override { std::filesystem::remove_all(spool_); }

  app::Id Book(std::int64_t starts_at) {
    app::BookingRequest request;
    request.client_id = a_.client;
    request.type_id = type_;
    request.practitioner_id = a_.staff;
    request.starts_at = starts_at;
    auto booked = calendar_->Book(a_.actor, request);
    EXPECT_TRUE(booked.ok()) << booked.status().ToString();
    return booked.ok() ? *booked : 0;
  }

  std::int64_t Count(const std::string& status) {
    return Scalar("SELECT COUNT(*) FROM outbox WHERE status = $1", {status});
  }

  // A delivery as a fresh process would run it: its own connection and objects.
  app::DeliveryReport Deliver(app::MessageSender& sender, const app::Clock& clock) {
    auto connection = database_->Reconnect();
    store::SqlUnitOfWork work(*connection);
    store::SqlOutboxRepository repository(*connection);
    app::OutboxDelivery delivery(work, repository, sender, clock);
    auto report = delivery.DeliverDue();
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : app::DeliveryReport{};
  }

  size_t SpooledFiles() const {
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(spool_)) {
      if (entry.path().extension() == ".eml") ++files;
    }
    return files;
  }

  std::filesystem::path spool_;
  static inline int counter = 0;
  std::unique_ptr<store::SqlCalendarRepository> calendar_repository_;
  std::unique_ptr<store::SqlOutboxRepository> outbox_repository_;
  std::unique_ptr<app::OutboxScheduler> scheduler_;
  std::unique_ptr<app::Calendar> calendar_;
  app::Id type_ = 0;
};

TEST_P(OutboxTest, ASessionEnqueuesItsRemindersAndCheckInsWithTheBooking) {
  const app::Id appointment = Book(kMondayNine);
  // Reminder 48 h before, preparation 14 and 7 days before, check-ins at 48 h, day 7 and day 28.
  EXPECT_EQ(Count("pending"), 6);
  // Preparation notes whose day has passed (booked at short notice) go at once.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outbox WHERE due_at = $1", {kNow}), 2);
  EXPECT_EQ(Scalar("SELECT due_at FROM outbox WHERE kind = 'checkin_7d'"),
            kMondayNine + 3600 + std::int64_t{7} * 86400);
  const std::string subject = Text("SELECT subject FROM outbox WHERE kind = 'reminder_48h'");
  EXPECT_NE(subject.find("2026-11-23 09:00"), std::string::npos) << subject;
  EXPECT_EQ(Scalar("SELECT COUNT(DISTINCT idempotency_key) FROM outbox WHERE appointment_id = $1",
                   {appointment}),
            6);
}

TEST_P(OutboxTest, MovingReplacesThePendingMessagesAndCancellingWithdrawsThem) {
  const app::Id appointment = Book(kMondayNine);
  app::MoveRequest move;
  move.starts_at = kMondayNine + 86400;
  ASSERT_TRUE(calendar_->Move(a_.actor, appointment, 1, move).ok());
  EXPECT_EQ(Count("cancelled"), 6);
  EXPECT_EQ(Count("pending"), 6);
  // Moved back: the first time's messages come back rather than being enqueued twice.
  move.starts_at = kMondayNine;
  ASSERT_TRUE(calendar_->Move(a_.actor, appointment, 2, move).ok());
  EXPECT_EQ(Count("pending"), 6);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM outbox"), 12);
  ASSERT_TRUE(calendar_->Cancel(a_.actor, appointment, 3).ok());
  EXPECT_EQ(Count("pending"), 0);
}

TEST_P(OutboxTest, DeliveryAfterACrashSendsNothingTwice) {
  Book(kMondayNine);
  cli::SpoolSender spool(spool_);
  CrashAfterSpooling crashing(spool);
  // The first process spools the two messages due, then dies before recording either.
  const app::DeliveryReport crashed = Deliver(crashing, clock_);
  EXPECT_EQ(crashed.failed, 2);
  EXPECT_EQ(Count("sent"), 0);
  ASSERT_EQ(SpooledFiles(), 2U);
  const auto first_file = std::filesystem::directory_iterator(spool_)->path();
  const auto first_written = std::filesystem::last_write_time(first_file);

  // A new process delivers again: the same two files, untouched, and both now recorded as sent.
  const app::DeliveryReport again = Deliver(spool, clock_);
  EXPECT_EQ(again.sent, 2);
  EXPECT_EQ(SpooledFiles(), 2U);
  EXPECT_EQ(std::filesystem::last_write_time(first_file), first_written);
  EXPECT_EQ(Count("sent"), 2);
  EXPECT_EQ(Deliver(spool, clock_).sent, 0);

  // A month later everything else is due, and each message exists once.
  const app::FixedClock later(kMondayNine + std::int64_t{40} * 86400, Date::FromYmd(2027, 1, 2));
  EXPECT_EQ(Deliver(spool, later).sent, 4);
  EXPECT_EQ(SpooledFiles(), 6U);
  std::ifstream file(
      spool_ / cli::SpoolSender::FileNameFor(Text("SELECT idempotency_key FROM outbox WHERE kind = "
                                                  "'checkin_28d'")));
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_NE(text.str().find("Subject: Four weeks after your session"), std::string::npos)
      << text.str();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_P(OutboxTest, SmtpDeliversEachMessageOnceAndRetriesWhileTheServerIsDown) {
  ASSERT_TRUE(
      db().Execute("UPDATE clients SET email = 'ana@example.org' WHERE id = $1", {a_.client}).ok());
  Book(kMondayNine);
  cli::SmtpOptions options;
  options.from = "clinic@example.org";
  options.timeout_seconds = 10;
  {
    SmtpSink sink;
    cli::SmtpOptions to_sink = options;
    to_sink.url = sink.url();
    cli::SmtpSender smtp(to_sink, "");
    EXPECT_EQ(Deliver(smtp, clock_).sent, 2);
    EXPECT_EQ(Count("sent"), 2);
    // Delivered again: nothing is due, so nothing arrives twice.
    EXPECT_EQ(Deliver(smtp, clock_).sent, 0);
    const auto messages = sink.Messages();
    ASSERT_EQ(messages.size(), 2U);
    const std::string key =
        Text("SELECT idempotency_key FROM outbox WHERE kind = 'preparation_7d'");
    const auto prep = std::find_if(messages.begin(), messages.end(), [&](const std::string& m) {
      return Contains(m, "Message-ID: " + cli::SmtpSender::MessageIdFor(key));
    });
    ASSERT_NE(prep, messages.end()) << messages[0];
    EXPECT_TRUE(Contains(*prep, "X-Envelope-To: ana@example.org")) << *prep;
    EXPECT_TRUE(Contains(*prep, "From: clinic@example.org")) << *prep;
    EXPECT_TRUE(Contains(*prep, "To: ana@example.org")) << *prep;
    EXPECT_TRUE(Contains(*prep, "Date: ")) << *prep;
    EXPECT_TRUE(Contains(*prep, "Content-Type: text/plain; charset=utf-8")) << *prep;
    const std::string subject = Text("SELECT subject FROM outbox WHERE kind = 'preparation_7d'");
    EXPECT_TRUE(Contains(*prep, "Subject: " + subject)) << *prep;
    const std::string body = Text("SELECT body FROM outbox WHERE kind = 'preparation_7d'");
    EXPECT_TRUE(Contains(*prep, body.substr(0, body.find('\n')))) << *prep;
  }

  // The server is down a month later: the four messages then due stay pending with the reason.
  const app::FixedClock later(kMondayNine + std::int64_t{40} * 86400, Date::FromYmd(2027, 1, 2));
  SmtpSink sink;
  cli::SmtpOptions to_sink = options;
  to_sink.url = sink.url();
  sink.Stop();
  cli::SmtpSender down(to_sink, "");
  const app::DeliveryReport failed = Deliver(down, later);
  EXPECT_EQ(failed.sent, 0);
  EXPECT_EQ(failed.failed, 4);
  EXPECT_EQ(Count("pending"), 4);
  EXPECT_TRUE(Contains(Text("SELECT last_error FROM outbox WHERE kind = 'checkin_28d'"), "smtp:"));

  // Back up (on a new port): the next round sends them, each once.
  SmtpSink back;
  to_sink.url = back.url();
  cli::SmtpSender up(to_sink, "");
  EXPECT_EQ(Deliver(up, later).sent, 4);
  EXPECT_EQ(Deliver(up, later).sent, 0);
  EXPECT_EQ(back.Messages().size(), 4U);
  EXPECT_EQ(Count("sent"), 6);
}

INSTANTIATE_TEST_SUITE_P(Engines, OutboxTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
