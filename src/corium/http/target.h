// Decoding a request-target ("/api/v1/clients/7?q=ann%20lee&limit=20") into a clean path and its
// query parameters. Everything a client sends passes through here first, so it is strict: only
// origin-form targets, valid percent escapes, no NUL, no "." or ".." segments, no encoded '/',
// and bounded sizes. Pure; fuzzed by fuzz/request_target_fuzzer.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corium/base/result.h"

namespace corium::http {

struct Target {
  std::string path;                   // decoded, starting with '/'
  std::vector<std::string> segments;  // decoded path segments ("/a/b/" → "a", "b", "")
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order

  // The first value of a query parameter.
  std::optional<std::string_view> Query(std::string_view name) const;
};

inline constexpr size_t kMaxTargetLength = 4096;
inline constexpr size_t kMaxQueryParameters = 64;

// kInvalidArgument naming what is wrong with the target.
Result<Target> ParseTarget(std::string_view raw);

// Percent-decoding of one component; `plus_is_space` for query strings. nullopt when an escape is
// malformed or decodes to NUL.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace corium::http
