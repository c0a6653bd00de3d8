// Result<T>: either a value or a non-ok Status (g++ 12 has no std::expected under C++20).
// Like Status, a Result is a plain value: copy or move it freely, share it read-only across threads.
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "corium/base/status.h"

namespace corium {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  const T& value() const& { assert(ok()); return *value_; }
  T& value() & { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace corium

#define CORIUM_CONCAT_INNER_(a, b) a##b
#define CORIUM_CONCAT_(a, b) CORIUM_CONCAT_INNER_(a, b)

// CORIUM_ASSIGN_OR_RETURN(auto x, Compute()); declares x from a Result, or returns its Status.
#define CORIUM_ASSIGN_OR_RETURN(lhs, expr) \
  CORIUM_ASSIGN_OR_RETURN_IMPL_(CORIUM_CONCAT_(corium_result_, __LINE__), lhs, expr)
// `lhs` is a declaration and cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define CORIUM_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
