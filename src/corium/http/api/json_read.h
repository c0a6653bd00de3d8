// Reading a request body that the pipeline has already validated against the operation's OpenAPI
// schema (types, required fields, enums). What a schema cannot say (a real calendar date, a depth
// in range) is checked here, and every problem is collected as a FieldError with its path.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corium/app/actor.h"
#include "corium/base/status.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"

namespace corium::http {

class BodyReader {
 public:
  // `prefix` is prepended to field paths ("zones[2]." for a nested object).
  explicit BodyReader(const nlohmann::json& body, std::string prefix = "")
      : body_(body), prefix_(std::move(prefix)) {}

  std::string String(std::string_view field, std::string fallback = "") const;
  std::optional<std::string> OptionalString(std::string_view field) const;
  bool Bool(std::string_view field, bool fallback = false) const;
  std::int64_t Int(std::string_view field, std::int64_t fallback = 0) const;
  std::optional<std::int64_t> OptionalInt(std::string_view field) const;
  double Number(std::string_view field, double fallback = 0) const;
  std::optional<app::Id> OptionalId(std::string_view field) const;
  // A required YYYY-MM-DD date; records an error (and returns a placeholder) when it is not one.
  Date RequiredDate(std::string_view field);
  std::optional<Date> OptionalDate(std::string_view field);
  // A depth in millimetres (0–3.5 with at most micrometre precision).
  Depth RequiredDepth(std::string_view field);

  const nlohmann::json& At(std::string_view field) const;  // null json when absent
  std::string Path(std::string_view field) const { return prefix_ + std::string(field); }
  void Fail(std::string_view field, std::string message) {
    errors_.push_back({Path(field), std::move(message)});
  }
  // Appends a nested reader's errors.
  void Merge(const BodyReader& nested) {
    errors_.insert(errors_.end(), nested.errors_.begin(), nested.errors_.end());
  }
  // Ok, or InvalidFields with every error recorded so far.
  Status status() const;

 private:
  const nlohmann::json& body_;
  std::string prefix_;
  std::vector<FieldError> errors_;
};

}  // namespace corium::http
