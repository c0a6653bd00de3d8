// SodiumPasswordHasher: the Accounts PasswordHasher port over libsodium's argon2id, with a cap
// on how many hashes run at once. Immutable after construction and safe to share between
// threads; one instance per process caps the whole process's hashing memory.
#pragma once

#include <cstddef>
#include <semaphore>
#include <string>

#include "corium/app/accounts.h"

namespace corium::security {

// argon2id cost. The defaults: 3 passes over 64 MiB, at most two hashes at a time, so hashing
// never takes more than 128 MiB however many sign-ins arrive together; the others wait.
struct PasswordHashParams {
  unsigned long long opslimit = 3;  // libsodium's own type
  size_t memlimit = size_t{64} * 1024 * 1024;
  int max_concurrent = 2;

  // libsodium's minimum cost (1 pass, 8 KiB): for tests only, never for stored passwords.
  static PasswordHashParams Minimum();
};

class SodiumPasswordHasher final : public app::PasswordHasher {
 public:
  // Calls InitSecurity() and computes the dummy hash that Verify spends its time on when the
  // stored hash is empty or malformed.
  explicit SodiumPasswordHasher(PasswordHashParams params = {});

  // kUnavailable when the memory for the hash cannot be had.
  Result<std::string> Hash(const std::string& password) const override;
  bool Verify(const std::string& hash, const std::string& password) const override;
  // True when `hash` was made with other parameters, or is not an argon2id hash at all.
  bool NeedsRehash(const std::string& hash) const override;

 private:
  static bool IsWellFormed(const std::string& hash);
  // Verifies while holding one of the max_concurrent slots.
  bool VerifyInSlot(const std::string& hash, const std::string& password) const;

  PasswordHashParams params_;
  mutable std::counting_semaphore<> slots_;
  std::string dummy_hash_;  // of a random password, made with params_
};

}  // namespace corium::security
