#include "corium/security/token_source.h"

#include <gtest/gtest.h>

#include <set>

#include "corium/security/init.h"

namespace corium::security {
namespace {

TEST(InitSecurity, SucceedsAndCanBeCalledAgain) {
  EXPECT_TRUE(InitSecurity().ok());
  EXPECT_TRUE(InitSecurity().ok());
}

TEST(SodiumTokenSource, MakesUrlSafeTokensOf256Bits) {
  const SodiumTokenSource tokens;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string token = tokens.NewToken();
    ASSERT_EQ(token.size(), 43U) << token;
    for (const char c : token) {
      EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << token;
    }
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 200U);
}

TEST(SodiumTokenSource, DigestsAreHexBlake2b256) {
  const SodiumTokenSource tokens;
  // BLAKE2b-256 of the empty string (RFC 7693 reference implementation).
  EXPECT_EQ(tokens.Digest(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  const std::string token = tokens.NewToken();
  EXPECT_EQ(tokens.Digest(token), tokens.Digest(token));
  EXPECT_NE(tokens.Digest(token), tokens.Digest(token + "x"));
  EXPECT_EQ(tokens.Digest(token).size(), 64U);
}

TEST(SodiumTokenSource, ComparesEqualLengthsOnly) {
  const SodiumTokenSource tokens;
  EXPECT_TRUE(tokens.Equal("abc", "abc"));
  EXPECT_FALSE(tokens.Equal("abc", "abd"));
  EXPECT_FALSE(tokens.Equal("abc", "abcd"));
  EXPECT_TRUE(tokens.Equal("", ""));
}

}  // namespace
}  // namespace corium::security
