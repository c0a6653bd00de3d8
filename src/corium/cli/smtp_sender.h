// SmtpSender: the MessageSender that hands each message to a mail server over SMTP (libcurl), when
// `corium serve` or `corium outbox deliver` is given --smtp-url. The message is a plain RFC 5322
// text (Date, From, To, Subject, MIME text/plain UTF-8) whose Message-ID is derived from the
// outbox idempotency key, so a message resent after a crash is recognisable as the same one. Send
// returns Ok only once the server has accepted the message; anything else is an error naming the
// reason (never the password) and the outbox keeps the message pending for the next round.
#pragma once

#include <string>

#include "corium/app/outbox.h"
#include "corium/cli/commands.h"

namespace corium::cli {

class SmtpSender final : public app::MessageSender {
 public:
  // `password` comes from SmtpOptions::password_file or $CORIUM_SMTP_PASSWORD (ReadSmtpPassword).
  SmtpSender(SmtpOptions options, std::string password)
      : options_(std::move(options)), password_(std::move(password)) {}

  Status Send(const app::OutboxMessage& message) override;

  // The message as sent, with `date` as the Date header (RFC 5322 form).
  static std::string MessageText(const app::OutboxMessage& message, const std::string& from,
                                 const std::string& date);
  // "<key with unsafe characters as '.'>@corium.outbox": stable for one idempotency key.
  static std::string MessageIdFor(const std::string& idempotency_key);

 private:
  SmtpOptions options_;
  std::string password_;
};

// Checks the options (URL scheme, From address) and reads the password: from the file when
// `password_file` is set (first line), else from $CORIUM_SMTP_PASSWORD, else none.
Result<std::string> ReadSmtpPassword(const SmtpOptions& options);
Status ValidateSmtpOptions(const SmtpOptions& options);

}  // namespace corium::cli
