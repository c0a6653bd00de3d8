// SodiumTokenSource: the Accounts TokenSource port over libsodium: 256-bit random tokens, their
// BLAKE2b-256 digests (what the database stores) and a constant-time comparison. Stateless;
// safe to share between threads.
#pragma once

#include <string>

#include "corium/app/accounts.h"

namespace corium::security {

class SodiumTokenSource final : public app::TokenSource {
 public:
  SodiumTokenSource();  // calls InitSecurity()

  // 32 random bytes as URL-safe base64 without padding: 43 characters, cookie- and header-safe.
  std::string NewToken() const override;
  // Lower-case hex of BLAKE2b-256 (64 characters). A token carries 256 bits of entropy, so an
  // unsalted fast digest is enough: unlike a password's, its space cannot be searched.
  std::string Digest(const std::string& token) const override;
  // Constant time for strings of equal length; false at once when the lengths differ (a
  // length is no secret: every token and digest has a fixed one).
  bool Equal(const std::string& a, const std::string& b) const override;
};

}  // namespace corium::security
