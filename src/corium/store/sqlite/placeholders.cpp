#include "corium/store/sqlite/placeholders.h"

namespace corium::store {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// SQLite's identifier characters: letters, digits, `_`, `$` and every byte of a non-ASCII UTF-8
// sequence. A `$` that follows one of them is part of an identifier, not a parameter.
bool IsIdentifierChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' || c == '$' ||
         byte >= 0x80;
}

// The index just past a quoted run that opened at `start` and closes with `close`, where a doubled
// `close` inside the run is an escaped one ('it''s', "a""b"). Unterminated: the end of `sql`.
size_t SkipQuoted(std::string_view sql, size_t start, char close) {
  size_t i = start + 1;
  while (i < sql.size()) {
    if (sql[i] == close) {
      if (i + 1 < sql.size() && sql[i + 1] == close && close != ']') {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return sql.size();
}

size_t SkipLineComment(std::string_view sql, size_t start) {
  const size_t end = sql.find('\n', start);
  return end == std::string_view::npos ? sql.size() : end + 1;
}

// SQLite's block comments do not nest, and an unterminated one runs to the end of the input.
size_t SkipBlockComment(std::string_view sql, size_t start) {
  const size_t end = sql.find("*/", start + 2);
  return end == std::string_view::npos ? sql.size() : end + 2;
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    size_t end = i + 1;
    if (c == '\'' || c == '"' || c == '`') {
      end = SkipQuoted(sql, i, c);
    } else if (c == '[') {
      end = SkipQuoted(sql, i, ']');
    } else if (c == '-' && next == '-') {
      end = SkipLineComment(sql, i);
    } else if (c == '/' && next == '*') {
      end = SkipBlockComment(sql, i);
    } else if (c == '$' && IsDigit(next)) {
      out += '?';
      while (end < sql.size() && IsDigit(sql[end])) ++end;
      out.append(sql.substr(i + 1, end - i - 1));
      i = end;
      continue;
    } else if (IsIdentifierChar(c)) {
      // A whole word at once, so that a `$` inside it (`price$1`) is never read as a parameter.
      while (end < sql.size() && IsIdentifierChar(sql[end])) ++end;
    }
    out.append(sql.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string RewritePlaceholders(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return {};
  return RewritePlaceholders(std::string_view(reinterpret_cast<const char*>(data), size));
}

}  // namespace corium::store
