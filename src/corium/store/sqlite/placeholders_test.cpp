#include "corium/store/sqlite/placeholders.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace corium::store {
namespace {

TEST(Placeholders, TurnsDollarNumbersIntoQuestionNumbers) {
  EXPECT_EQ(RewritePlaceholders("SELECT $2 || '-' || $1"), "SELECT ?2 || '-' || ?1");
  EXPECT_EQ(RewritePlaceholders("INSERT INTO t(a,b) VALUES($1,$2)"),
            "INSERT INTO t(a,b) VALUES(?1,?2)");
}

TEST(Placeholders, KeepsEveryDigitOfMultiDigitNumbers) {
  EXPECT_EQ(RewritePlaceholders("$1 $10 $12 $1"), "?1 ?10 ?12 ?1");
  EXPECT_EQ(RewritePlaceholders("a=$10,b=$1"), "a=?10,b=?1");
  EXPECT_EQ(RewritePlaceholders("x IN($3,$20)"), "x IN(?3,?20)");
}

TEST(Placeholders, LeavesStringLiteralsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT '$1', $1"), "SELECT '$1', ?1");
  EXPECT_EQ(RewritePlaceholders("SELECT 'it''s $1' || $2"), "SELECT 'it''s $1' || ?2");
  EXPECT_EQ(RewritePlaceholders("SELECT '''$1''', $1"), "SELECT '''$1''', ?1");
  EXPECT_EQ(RewritePlaceholders("SELECT x'24', $1"), "SELECT x'24', ?1");
}

TEST(Placeholders, LeavesQuotedIdentifiersAlone) {
  EXPECT_EQ(RewritePlaceholders(R"(SELECT "$1" FROM t WHERE a = $1)"),
            R"(SELECT "$1" FROM t WHERE a = ?1)");
  EXPECT_EQ(RewritePlaceholders(R"(SELECT "a""$1" , $1)"), R"(SELECT "a""$1" , ?1)");
  EXPECT_EQ(RewritePlaceholders("SELECT `$1`, [$1], $1"), "SELECT `$1`, [$1], ?1");
}

TEST(Placeholders, LeavesDollarsInsideIdentifiersAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT price$1 FROM t WHERE x = $1"),
            "SELECT price$1 FROM t WHERE x = ?1");
  EXPECT_EQ(RewritePlaceholders("SELECT é$1, _$2"), "SELECT é$1, _$2");
}

TEST(Placeholders, LeavesCommentsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT $1 -- binds $2\n, $2"), "SELECT ?1 -- binds $2\n, ?2");
  EXPECT_EQ(RewritePlaceholders("SELECT /* $1 */ $1"), "SELECT /* $1 */ ?1");
  EXPECT_EQ(RewritePlaceholders("SELECT /* a /* $1 */ $1 */"), "SELECT /* a /* $1 */ ?1 */");
  EXPECT_EQ(RewritePlaceholders("SELECT 1 - -$1"), "SELECT 1 - -?1");
  EXPECT_EQ(RewritePlaceholders("SELECT 4/ $1 *$2"), "SELECT 4/ ?1 *?2");
}

TEST(Placeholders, LeavesOtherDollarsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT $name, $, $$, $a1"), "SELECT $name, $, $$, $a1");
  EXPECT_EQ(RewritePlaceholders("SELECT 1"), "SELECT 1");
  EXPECT_EQ(RewritePlaceholders(""), "");
}

TEST(Placeholders, CopiesUnterminatedQuotesAndCommentsToTheEnd) {
  EXPECT_EQ(RewritePlaceholders("SELECT 'abc $1"), "SELECT 'abc $1");
  EXPECT_EQ(RewritePlaceholders("SELECT \"abc $1"), "SELECT \"abc $1");
  EXPECT_EQ(RewritePlaceholders("SELECT [abc $1"), "SELECT [abc $1");
  EXPECT_EQ(RewritePlaceholders("SELECT $1 /* $2"), "SELECT ?1 /* $2");
  EXPECT_EQ(RewritePlaceholders("SELECT $1 -- $2"), "SELECT ?1 -- $2");
  EXPECT_EQ(RewritePlaceholders("$"), "$");
  EXPECT_EQ(RewritePlaceholders("$7"), "?7");
  EXPECT_EQ(RewritePlaceholders("'"), "'");
  EXPECT_EQ(RewritePlaceholders("-"), "-");
  EXPECT_EQ(RewritePlaceholders("/"), "/");
  EXPECT_EQ(RewritePlaceholders("/*"), "/*");
}

TEST(Placeholders, KeepsEmbeddedNulBytesAndOtherBytes) {
  constexpr char kIn[] = "SELECT '\0$1', $1\xff";
  constexpr char kOut[] = "SELECT '\0$1', ?1\xff";
  EXPECT_EQ(RewritePlaceholders(std::string(kIn, sizeof kIn - 1)),
            std::string(kOut, sizeof kOut - 1));
}

TEST(Placeholders, ByteEntryPointMatchesTheStringOne) {
  const std::string sql = "SELECT $2, '$1'";
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(sql.data());
  EXPECT_EQ(RewritePlaceholders(bytes, sql.size()), RewritePlaceholders(sql));
  EXPECT_EQ(RewritePlaceholders(nullptr, 0), "");
}

// The rewrite changes only `$` into `?`, never the length: a cheap invariant over many inputs,
// the same one a fuzzer checks.
TEST(Placeholders, ChangesOnlyDollarsIntoQuestionMarks) {
  const std::string alphabet = "$1 0'\"`[]-/*\nab\xc3";
  std::uint32_t state = 12345;
  for (int round = 0; round < 20000; ++round) {
    std::string sql;
    const size_t length = state % 24;
    for (size_t i = 0; i < length; ++i) {
      state = state * 1664525u + 1013904223u;
      sql += alphabet[(state >> 16) % alphabet.size()];
    }
    state = state * 1664525u + 1013904223u;
    const std::string out = RewritePlaceholders(sql);
    ASSERT_EQ(out.size(), sql.size()) << sql;
    for (size_t i = 0; i < sql.size(); ++i) {
      if (out[i] != sql[i]) {
        ASSERT_EQ(sql[i], '$') << sql;
        ASSERT_EQ(out[i], '?') << sql;
      }
    }
  }
}

}  // namespace
}  // namespace corium::store
