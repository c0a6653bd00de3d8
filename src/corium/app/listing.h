// Listing: a window onto a list read (an offset and a limit, chosen by the adapter) and the page
// it returns with the total the whole list holds, so a caller can page through it. Plain values.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "corium/base/status.h"

namespace corium::app {

struct PageRequest {
  int limit = 50;
  std::int64_t offset = 0;
};

inline constexpr int kMaxPageLimit = 200;

// kInvalidArgument naming `limit` (1–200) or `offset` (0 or more) when out of range.
inline Status CheckPage(const PageRequest& page) {
  std::vector<FieldError> errors;
  if (page.limit < 1 || page.limit > kMaxPageLimit) {
    errors.push_back({"limit", "expected a whole number from 1 to 200"});
  }
  if (page.offset < 0) errors.push_back({"offset", "expected a whole number, 0 or more"});
  return errors.empty() ? Status::Ok() : Status::InvalidFields(std::move(errors));
}

template <typename T>
struct Listing {
  std::vector<T> items;
  std::int64_t total = 0;  // items in the whole list, not only on this page
};

}  // namespace corium::app
