#include "corium/security/token_source.h"

#include <sodium.h>

#include <array>

#include "corium/security/init.h"

namespace corium::security {
namespace {

constexpr size_t kTokenBytes = 32;
constexpr size_t kDigestBytes = 32;  // BLAKE2b-256

}  // namespace

SodiumTokenSource::SodiumTokenSource() {
  // `corium serve` calls InitSecurity() first and refuses to start when it fails.
  (void)InitSecurity();
}

std::string SodiumTokenSource::NewToken() const {
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(text.data());
}

std::string SodiumTokenSource::Digest(const std::string& token) const {
  std::array<unsigned char, kDigestBytes> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::array<char, kDigestBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

bool SodiumTokenSource::Equal(const std::string& a, const std::string& b) const {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace corium::security
