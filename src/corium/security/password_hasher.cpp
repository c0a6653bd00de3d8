#include "corium/security/password_hasher.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "corium/security/init.h"

namespace corium::security {
namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

// Holds one of the hasher's slots for its lifetime.
class Slot {
 public:
  explicit Slot(std::counting_semaphore<>& slots) : slots_(slots) { slots_.acquire(); }
  ~Slot() { slots_.release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  std::counting_semaphore<>& slots_;
};

}  // namespace

PasswordHashParams PasswordHashParams::Minimum() {
  PasswordHashParams params;
  params.opslimit = crypto_pwhash_argon2id_OPSLIMIT_MIN;
  params.memlimit = crypto_pwhash_argon2id_MEMLIMIT_MIN;
  return params;
}

SodiumPasswordHasher::SodiumPasswordHasher(PasswordHashParams params)
    : params_(params), slots_(std::max(1, params.max_concurrent)) {
  // `corium serve` calls InitSecurity() first and refuses to start when it fails; here the
  // result only repeats that one.
  (void)InitSecurity();
  std::array<unsigned char, 32> random_password{};
  randombytes_buf(random_password.data(), random_password.size());
  auto dummy = Hash(std::string(random_password.begin(), random_password.end()));
  // Without memory for even this hash, Verify of a malformed hash returns at once; the server
  // cannot sign anyone in then anyway.
  if (dummy.ok()) dummy_hash_ = *std::move(dummy);
}

Result<std::string> SodiumPasswordHasher::Hash(const std::string& password) const {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  {
    const Slot slot(slots_);
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), params_.opslimit,
                              params_.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
      return Status::Unavailable("not enough memory to hash a password");
    }
  }
  return std::string(out.data());
}

bool SodiumPasswordHasher::Verify(const std::string& hash, const std::string& password) const {
  if (!IsWellFormed(hash)) {
    // Spend what a real verification costs, so that the time taken does not tell an unknown
    // account (or a damaged row) from a wrong password.
    (void)VerifyInSlot(dummy_hash_, password);
    return false;
  }
  return VerifyInSlot(hash, password);
}

bool SodiumPasswordHasher::NeedsRehash(const std::string& hash) const {
  if (!IsWellFormed(hash)) return true;
  return crypto_pwhash_str_needs_rehash(hash.c_str(), params_.opslimit, params_.memlimit) != 0;
}

bool SodiumPasswordHasher::IsWellFormed(const std::string& hash) {
  if (hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string::npos) return false;
  if (hash.compare(0, kArgon2idPrefix.size(), kArgon2idPrefix) != 0) return false;
  // Decodes the parameters: -1 for a string that is not an argon2id hash.
  return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_argon2id_OPSLIMIT_MIN,
                                        crypto_pwhash_argon2id_MEMLIMIT_MIN) != -1;
}

bool SodiumPasswordHasher::VerifyInSlot(const std::string& hash,
                                        const std::string& password) const {
  if (hash.empty()) return false;
  const Slot slot(slots_);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace corium::security
