#include "corium/http/target.h"

namespace corium::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Visible ASCII only: a raw space, control character or byte ≥ 0x80 must arrive percent-encoded.
bool IsTargetChar(char c) { return c > 0x20 && c < 0x7f; }

}  // namespace

std::optional<std::string_view> Target::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      const char decoded = static_cast<char>(high * 16 + low);
      if (decoded == '\0') return std::nullopt;
      out.push_back(decoded);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<Target> ParseTarget(std::string_view raw) {
  if (raw.empty() || raw.front() != '/') {
    return Status::InvalidArgument("the request target must be a path starting with '/'");
  }
  if (raw.size() > kMaxTargetLength) {
    return Status::InvalidArgument("the request target is too long");
  }
  for (const char c : raw) {
    if (!IsTargetChar(c)) {
      return Status::InvalidArgument(
          "the request target has a raw control, space or non-ASCII byte");
    }
  }
  const size_t question = raw.find('?');
  const std::string_view raw_path = raw.substr(0, question);
  const std::string_view raw_query =
      question == std::string_view::npos ? std::string_view() : raw.substr(question + 1);
  if (raw_query.find('#') != std::string_view::npos ||
      raw_path.find('#') != std::string_view::npos) {
    return Status::InvalidArgument("a request target carries no fragment");
  }

  Target target;
  size_t start = 1;
  while (true) {
    const size_t slash = raw_path.find('/', start);
    const std::string_view piece = raw_path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    auto decoded = PercentDecode(piece, false);
    if (!decoded) return Status::InvalidArgument("the path has a malformed percent escape");
    if (decoded->find('/') != std::string::npos || decoded->find('\\') != std::string::npos) {
      return Status::InvalidArgument("the path has an encoded slash");
    }
    if (*decoded == "." || *decoded == "..") {
      return Status::InvalidArgument("the path has a '.' or '..' segment");
    }
    target.segments.push_back(std::move(*decoded));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  for (const std::string& segment : target.segments) {
    target.path += '/';
    target.path += segment;
  }

  size_t pos = 0;
  while (pos < raw_query.size()) {
    const size_t amp = raw_query.find('&', pos);
    const std::string_view pair =
        raw_query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    pos = amp == std::string_view::npos ? raw_query.size() : amp + 1;
    if (pair.empty()) continue;
    if (target.query.size() == kMaxQueryParameters) {
      return Status::InvalidArgument("the query has too many parameters");
    }
    const size_t equals = pair.find('=');
    auto name = PercentDecode(pair.substr(0, equals), true);
    auto value = PercentDecode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (!name || !value) return Status::InvalidArgument("the query has a malformed percent escape");
    target.query.emplace_back(std::move(*name), std::move(*value));
  }
  return target;
}

}  // namespace corium::http
