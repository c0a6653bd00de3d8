// Placeholder rewriting: Corium's SQL is written once with PostgreSQL's `$1, $2` placeholders, and
// SQLite gets them as `?1, ?2`. A pure function of its input; safe to call from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace corium::store {

// Returns `sql` with every `$N` parameter (N decimal digits) turned into `?N`, leaving everything
// else byte for byte. Why not pass `$N` through: SQLite accepts `$2` but numbers such parameters by
// order of first appearance, so `SELECT $2 || '-' || $1` binds the first value to `$2` and silently
// swaps them (engineering notes 2.5); `?N` binds by number. The scan follows SQLite's own lexer so
// that nothing inside a string literal ('it''s $1'), a quoted identifier ("$1", `$1`, [$1]), a
// `--` line comment or a `/* */` block comment changes, nor a `$` inside an identifier (`price$1`).
// Any input is accepted, including unterminated quotes and comments (left for SQLite to reject).
std::string RewritePlaceholders(std::string_view sql);

// The same function over raw bytes, for libFuzzer: `LLVMFuzzerTestOneInput` can call it directly.
std::string RewritePlaceholders(const std::uint8_t* data, std::size_t size);

}  // namespace corium::store
