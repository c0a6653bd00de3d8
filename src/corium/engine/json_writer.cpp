#include "corium/engine/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace corium::engine {
namespace {

// The bytes a JSON string cannot hold as they are: control characters, the quote, the backslash.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (size_t c = 0; c < 0x20; ++c) escaped[c] = true;
  escaped['"'] = true;
  escaped['\\'] = true;
  return escaped;
}();

// Whether any of the eight bytes at `p` needs an escape: a control character (below 0x20), a
// quote or a backslash. Each test sets a byte's high bit where it holds; bytes of 0x80 and above
// (UTF-8) are masked out, as they never need one.
bool AnyEscaped(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  const auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t control = (word - kOnes * 0x20) & ~word & kHigh;
  const std::uint64_t quote = zero_byte(word ^ (kOnes * '"'));
  const std::uint64_t backslash = zero_byte(word ^ (kOnes * '\\'));
  return (control | quote | backslash) != 0;
}

}  // namespace

void JsonWriter::BeforeValue() {
  if (!first_) out_ += ',';
  first_ = false;
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  first_ = true;
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_ += '}';
  first_ = false;
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  first_ = true;
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_ += ']';
  first_ = false;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
  // A member's name is spelled by the program, never by a user, and needs no escape. `,"name":`
  // goes in with one resize: a decision has some fifty members.
  const size_t at = out_.size();
  const size_t comma = first_ ? 0 : 1;
  out_.resize(at + comma + name.size() + 3);
  char* p = out_.data() + at;
  if (comma != 0) *p++ = ',';
  *p++ = '"';
  std::memcpy(p, name.data(), name.size());
  p += name.size();
  *p++ = '"';
  *p = ':';
  first_ = true;  // the member's value follows without a comma
  return *this;
}

// Escapes as nlohmann does with its defaults: the two characters JSON requires, the five control
// characters with short forms, other control characters as \u00xx, and UTF-8 passed through.
JsonWriter& JsonWriter::String(std::string_view text) {
  BeforeValue();
  out_ += '"';
  size_t plain_from = 0;  // the run of characters that need no escape, appended in one go
  for (size_t i = 0; i < text.size(); ++i) {
    // Eight characters at a time while none of them needs an escape (most text needs none).
    while (i + 8 <= text.size() && !AnyEscaped(text.data() + i)) i += 8;
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kEscaped[c]) continue;
    out_.append(text, plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        constexpr std::string_view kHex = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
      }
    }
  }
  out_.append(text, plain_from, text.size() - plain_from);
  out_ += '"';
  return *this;
}

// The shortest text that reads back as the same double, as nlohmann writes it: plain digits from
// 1e-4 up to 1e15 (with ".0" on a whole number), an exponent outside; JSON has no infinity or
// NaN, so those are null.
JsonWriter& JsonWriter::Number(double value) {
  if (!std::isfinite(value)) return Null();
  BeforeValue();
  const double magnitude = std::fabs(value);
  const bool plain = magnitude == 0.0 || (magnitude >= 1e-4 && magnitude < 1e15);
  std::array<char, 40> buffer{};
  const auto written =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                    plain ? std::chars_format::fixed : std::chars_format::scientific);
  const std::string_view text(buffer.data(), static_cast<size_t>(written.ptr - buffer.data()));
  out_ += text;
  if (plain && text.find('.') == std::string_view::npos) out_ += ".0";
  return *this;
}

// Exact decimal arithmetic gives the text Number(value / 1000.0) writes: the shortest text of
// that double is the decimal with at most three places, with ".0" on a whole number.
JsonWriter& JsonWriter::Thousandths(std::int64_t value) {
  BeforeValue();
  std::uint64_t magnitude = static_cast<std::uint64_t>(value);
  if (value < 0) {
    out_ += '-';
    magnitude = ~magnitude + 1;  // two's complement negation, defined for the minimum too
  }
  std::array<char, 24> whole{};
  const auto written = std::to_chars(whole.data(), whole.data() + whole.size(), magnitude / 1000);
  out_.append(whole.data(), written.ptr);
  const auto fraction = static_cast<unsigned>(magnitude % 1000);
  const std::array<char, 4> places = {'.', static_cast<char>('0' + fraction / 100),
                                      static_cast<char>('0' + fraction / 10 % 10),
                                      static_cast<char>('0' + fraction % 10)};
  size_t length = places.size();
  while (length > 2 && places.at(length - 1) == '0') --length;
  out_.append(places.data(), length);
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Integer(std::int64_t value) {
  BeforeValue();
  std::array<char, 24> digits{};
  const auto written = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  out_.append(digits.data(), written.ptr);
  return *this;
}

JsonWriter& JsonWriter::Verbatim(std::string_view json_text) {
  BeforeValue();
  out_ += json_text;
  return *this;
}

}  // namespace corium::engine
