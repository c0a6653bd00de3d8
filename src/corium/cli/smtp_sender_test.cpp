#include "corium/cli/smtp_sender.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace corium::cli {
namespace {

app::OutboxMessage Message() {
  app::OutboxMessage message;
  message.idempotency_key = "appointment:12:reminder_48h:1795449600";
  message.kind = "reminder_48h";
  message.recipient = "ana@example.org";
  message.subject = "Your appointment";
  message.body = "Line one\nLine two";
  return message;
}

TEST(SmtpSender, WritesTheHeadersAndCrlfLines) {
  const std::string text =
      SmtpSender::MessageText(Message(), "clinic@example.org", "Mon, 23 Nov 2026 09:00:00 +0000");
  EXPECT_NE(text.find("Date: Mon, 23 Nov 2026 09:00:00 +0000\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("From: clinic@example.org\r\nTo: ana@example.org\r\n"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <appointment.12.reminder_48h.1795449600@corium.outbox>\r\n"),
            std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nLine one\r\nLine two\r\n"), std::string::npos) << text;
}

TEST(SmtpSender, EncodesANonAsciiSubjectAndKeepsHeadersOnOneLine) {
  app::OutboxMessage message = Message();
  message.subject = "Séance";
  message.recipient = "ana@example.org\r\nBcc: x@example.org";
  const std::string text = SmtpSender::MessageText(message, "clinic@example.org", "date");
  EXPECT_NE(text.find("Subject: =?UTF-8?B?U8OpYW5jZQ==?=\r\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos) << text;
}

TEST(SmtpSender, ChecksItsOptionsAndReadsThePasswordFromAFile) {
  SmtpOptions options;
  options.url = "http://mail.example.org";
  options.from = "clinic@example.org";
  EXPECT_FALSE(ValidateSmtpOptions(options).ok());
  options.url = "smtps://mail.example.org:465";
  EXPECT_TRUE(ValidateSmtpOptions(options).ok());
  options.from = "";
  EXPECT_FALSE(ValidateSmtpOptions(options).ok());

  const auto file = std::filesystem::temp_directory_path() /
                    ("corium-smtp-password-" + std::to_string(::getpid()));
  std::ofstream(file) << "s3cret\nignored\n";
  options.password_file = file.string();
  const auto password = ReadSmtpPassword(options);
  std::filesystem::remove(file);
  ASSERT_TRUE(password.ok());
  EXPECT_EQ(*password, "s3cret");
  options.password_file = file.string();
  EXPECT_FALSE(ReadSmtpPassword(options).ok());
}

TEST(SmtpSender, RefusesAMessageWithoutRecipient) {
  app::OutboxMessage message = Message();
  message.recipient = "";
  SmtpOptions options;
  options.url = "smtp://127.0.0.1:1";
  options.from = "clinic@example.org";
  SmtpSender sender(options, "");
  const Status sent = sender.Send(message);
  EXPECT_FALSE(sent.ok());
  EXPECT_NE(sent.message().find("recipient"), std::string::npos);
}

}  // namespace
}  // namespace corium::cli
