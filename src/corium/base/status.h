// Status: the outcome of a fallible operation, with a small set of codes and, for invalid input,
// the list of offending fields by path. Immutable after construction; safe to share across threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corium {

// How to choose a code: kInvalidArgument when the caller sent something wrong and must change it;
// kNotFound when a named thing does not exist; kAlreadyExists / kConflict when the request clashes
// with current state (a conflict may succeed if retried on fresh state); kPermissionDenied when
// the caller is known but not allowed; kUnauthenticated when the caller is unknown; kUnavailable
// for a transient failure worth retrying; kInternal for a bug or broken invariant.
enum class StatusCode {
  kOk,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kConflict,
  kPermissionDenied,
  kUnauthenticated,
  kUnavailable,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

// One offending field of an input document, named by its path (e.g. `conditions[2].code`).
struct FieldError {
  std::string path;
  std::string message;

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string message) {
    return {StatusCode::kInvalidArgument, std::move(message)};
  }
  // An invalid document: every offending field with its path.
  static Status InvalidFields(std::vector<FieldError> errors);
  static Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
  static Status AlreadyExists(std::string message) {
    return {StatusCode::kAlreadyExists, std::move(message)};
  }
  // A clash with stored state caused by one field of the input (a cartridge already used): the
  // request is well formed, but this value is taken. Carries the field like InvalidFields does.
  static Status AlreadyExistsAt(FieldError error);
  static Status Conflict(std::string message) { return {StatusCode::kConflict, std::move(message)}; }
  static Status Internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }
  static Status Unavailable(std::string message) {
    return {StatusCode::kUnavailable, std::move(message)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& field_errors() const { return field_errors_; }

  // "invalid argument: message" or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<FieldError> field_errors_;
};

}  // namespace corium

// Propagates a non-ok Status to the caller.
#define CORIUM_RETURN_IF_ERROR(expr)              \
  do {                                            \
    ::corium::Status corium_status_ = (expr);     \
    if (!corium_status_.ok()) return corium_status_; \
  } while (false)
