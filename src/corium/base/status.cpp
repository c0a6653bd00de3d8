#include "corium/base/status.h"

namespace corium {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kAlreadyExists: return "already exists";
    case StatusCode::kConflict: return "conflict";
    case StatusCode::kPermissionDenied: return "permission denied";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

Status Status::InvalidFields(std::vector<FieldError> errors) {
  std::string message = errors.size() == 1 ? "1 invalid field"
                                           : std::to_string(errors.size()) + " invalid fields";
  Status status(StatusCode::kInvalidArgument, std::move(message));
  status.field_errors_ = std::move(errors);
  return status;
}

Status Status::AlreadyExistsAt(FieldError error) {
  Status status(StatusCode::kAlreadyExists, error.path + ": " + error.message);
  status.field_errors_.push_back(std::move(error));
  return status;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out(StatusCodeName(code_));
  out += ": ";
  out += message_;
  for (const FieldError& e : field_errors_) {
    out += "\n  ";
    out += e.path;
    out += ": ";
    out += e.message;
  }
  return out;
}

}  // namespace corium
