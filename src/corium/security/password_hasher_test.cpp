#include "corium/security/password_hasher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace corium::security {
namespace {

using Clock = std::chrono::steady_clock;

TEST(SodiumPasswordHasher, VerifiesTheRightPasswordAndRefusesAWrongOne) {
  const SodiumPasswordHasher hasher(PasswordHashParams::Minimum());
  const auto hash = hasher.Hash("correct horse battery staple");
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0U) << *hash;
  EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery staple"));
  EXPECT_FALSE(hasher.Verify(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(hasher.Verify(*hash, ""));
}

TEST(SodiumPasswordHasher, SaltsEveryHash) {
  const SodiumPasswordHasher hasher(PasswordHashParams::Minimum());
  EXPECT_NE(*hasher.Hash("same password"), *hasher.Hash("same password"));
}

TEST(SodiumPasswordHasher, RefusesEmptyAndMalformedHashes) {
  const SodiumPasswordHasher hasher(PasswordHashParams::Minimum());
  const std::vector<std::string> malformed = {"", "plain text", "$argon2id$",
                                              "$argon2i$v=19$m=8,t=1,p=1$xx$yy",
                                              std::string("$argon2id$\0v=19", 15)};
  for (const std::string& bad : malformed) {
    EXPECT_FALSE(hasher.Verify(bad, "")) << bad;
    EXPECT_FALSE(hasher.Verify(bad, "plain text")) << bad;
    EXPECT_TRUE(hasher.NeedsRehash(bad)) << bad;
  }
}

TEST(SodiumPasswordHasher, AsksForARehashWhenTheCostChanged) {
  const SodiumPasswordHasher cheap(PasswordHashParams::Minimum());
  PasswordHashParams dearer = PasswordHashParams::Minimum();
  dearer.opslimit = 2;
  const SodiumPasswordHasher stronger(dearer);
  const std::string hash = *cheap.Hash("a password");
  EXPECT_FALSE(cheap.NeedsRehash(hash));
  EXPECT_TRUE(stronger.NeedsRehash(hash));
  EXPECT_TRUE(stronger.Verify(hash, "a password"));  // old hashes keep working
}

double Milliseconds(const std::function<void()>& run) {
  const auto start = Clock::now();
  run();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// An unknown account is verified against the dummy hash: the time spent must not tell it apart
// from a wrong password for a real account. The machine is shared, so each side's fastest of
// several interleaved runs is compared, and only the failure that matters is asserted: a
// malformed hash answered at once (microseconds, against milliseconds for argon2id).
TEST(SodiumPasswordHasher, SpendsComparableTimeOnAMalformedHash) {
  PasswordHashParams params = PasswordHashParams::Minimum();
  params.memlimit = size_t{4} * 1024 * 1024;
  params.opslimit = 2;
  const SodiumPasswordHasher hasher(params);
  const std::string hash = *hasher.Hash("the real password");
  double real = 1e9;
  double empty = 1e9;
  double malformed = 1e9;
  for (int i = 0; i < 7; ++i) {
    real = std::min(real, Milliseconds([&] { (void)hasher.Verify(hash, "a wrong password"); }));
    empty = std::min(empty, Milliseconds([&] { (void)hasher.Verify("", "a wrong password"); }));
    malformed = std::min(
        malformed, Milliseconds([&] { (void)hasher.Verify("$argon2id$x", "a wrong password"); }));
  }
  EXPECT_GT(empty, real / 3) << "real " << real << " ms, empty " << empty << " ms";
  EXPECT_GT(malformed, real / 3) << "real " << real << " ms, malformed " << malformed << " ms";
}

// With one slot, four hashes started together run one after another.
TEST(SodiumPasswordHasher, CapsConcurrentHashing) {
  PasswordHashParams params = PasswordHashParams::Minimum();
  params.memlimit = size_t{4} * 1024 * 1024;
  params.max_concurrent = 1;
  const SodiumPasswordHasher hasher(params);
  double single = 1e9;
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    ASSERT_TRUE(hasher.Hash("one").ok());
    single =
        std::min(single, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::vector<std::string> hashes(4);
  const auto start = Clock::now();
  {
    std::vector<std::jthread> threads;
    for (size_t i = 0; i < hashes.size(); ++i) {
      threads.emplace_back([&, i] { hashes[i] = *hasher.Hash("password " + std::to_string(i)); });
    }
  }
  const double all = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  EXPECT_GE(all, single * 3) << "one hash " << single << " ms, four " << all << " ms";
  for (size_t i = 0; i < hashes.size(); ++i) {
    EXPECT_TRUE(hasher.Verify(hashes[i], "password " + std::to_string(i)));
  }
}

}  // namespace
}  // namespace corium::security
