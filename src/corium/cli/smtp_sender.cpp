#include "corium/cli/smtp_sender.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <mutex>

namespace corium::cli {
namespace {

constexpr const char* kPasswordVariable = "CORIUM_SMTP_PASSWORD";

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// A header value on one line: CR and LF (which would start a new header) become spaces.
std::string OneLine(const std::string& text) {
  std::string line = text;
  for (char& c : line) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return line;
}

std::uint32_t Byte(const std::string& bytes, size_t i) {
  return i < bytes.size() ? static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) : 0U;
}

std::string Base64(const std::string& bytes) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t n =
        (Byte(bytes, i) << 16U) | (Byte(bytes, i + 1) << 8U) | Byte(bytes, i + 2);
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6U) & 63U] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63U] : '=';
  }
  return out;
}

// RFC 2047: a subject with non-ASCII characters travels as an encoded word.
std::string EncodedSubject(const std::string& subject) {
  std::string line = OneLine(subject);
  for (const char c : line) {
    if (static_cast<unsigned char>(c) >= 0x80) return "=?UTF-8?B?" + Base64(line) + "?=";
  }
  return line;
}

// Lines end in CRLF on the wire.
std::string CrlfLines(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

std::string RfcDate(std::time_t now) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  std::array<char, 64> text{};
  (void)std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000",
                      kDays.at(static_cast<size_t>(utc.tm_wday)), utc.tm_mday,
                      kMonths.at(static_cast<size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour,
                      utc.tm_min, utc.tm_sec);
  return text.data();
}

struct Upload {
  std::string text;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t room = size * count;
  const size_t left = upload->text.size() - upload->offset;
  const size_t n = left < room ? left : room;
  upload->text.copy(buffer, n, upload->offset);
  upload->offset += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

std::string SmtpSender::MessageIdFor(const std::string& idempotency_key) {
  std::string local;
  for (const char c : idempotency_key) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    local += keep ? c : '.';
  }
  return "<" + local + "@corium.outbox>";
}

std::string SmtpSender::MessageText(const app::OutboxMessage& message, const std::string& from,
                                    const std::string& date) {
  return "Date: " + date + "\r\nFrom: " + OneLine(from) + "\r\nTo: " + OneLine(message.recipient) +
         "\r\nSubject: " + EncodedSubject(message.subject) +
         "\r\nMessage-ID: " + MessageIdFor(message.idempotency_key) +
         "\r\nX-Corium-Kind: " + OneLine(message.kind) +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8"
         "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
         CrlfLines(message.body) + "\r\n";
}

Status SmtpSender::Send(const app::OutboxMessage& message) {
  if (message.recipient.empty()) {
    return Status::InvalidArgument("recipient: the client has no email address");
  }
  InitCurlOnce();
  const std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Status::Internal("smtp: curl_easy_init failed");
  Upload upload{MessageText(message, options_.from, RfcDate(std::time(nullptr))), 0};
  const std::string from = "<" + OneLine(options_.from) + ">";
  const std::string to = "<" + OneLine(message.recipient) + ">";
  const std::unique_ptr<curl_slist, SlistDeleter> recipients(
      curl_slist_append(nullptr, to.c_str()));
  std::array<char, CURL_ERROR_SIZE> error{};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout_seconds));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options_.timeout_seconds));
  curl_easy_setopt(h, CURLOPT_USE_SSL,
                   static_cast<long>(options_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error.data());
  if (!options_.user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, options_.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, password_.c_str());
  }
  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    // libcurl's messages name the host and the server's reply, never the password.
    const std::string reason = error[0] != '\0' ? error.data() : curl_easy_strerror(code);
    spdlog::warn("outbox: {} not accepted by the mail server: {}", message.idempotency_key, reason);
    return Status::Unavailable("smtp: " + reason);
  }
  return Status::Ok();
}

Status ValidateSmtpOptions(const SmtpOptions& options) {
  const bool smtp = options.url.rfind("smtp://", 0) == 0;
  const bool smtps = options.url.rfind("smtps://", 0) == 0;
  if (!smtp && !smtps) return Status::InvalidArgument("--smtp-url: smtp://HOST[:PORT] or smtps://");
  if (options.from.empty() || options.from.find('@') == std::string::npos) {
    return Status::InvalidArgument("--smtp-from: an email address is required with --smtp-url");
  }
  if (options.timeout_seconds < 1 || options.timeout_seconds > 600) {
    return Status::InvalidArgument("--smtp-timeout: from 1 to 600 seconds");
  }
  return Status::Ok();
}

Result<std::string> ReadSmtpPassword(const SmtpOptions& options) {
  if (!options.password_file.empty()) {
    std::ifstream file(options.password_file);
    if (!file) return Status::InvalidArgument("--smtp-password-file: cannot read the file");
    std::string line;
    std::getline(file, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  const char* variable = std::getenv(kPasswordVariable);  // NOLINT(concurrency-mt-unsafe)
  return std::string(variable != nullptr ? variable : "");
}

}  // namespace corium::cli
