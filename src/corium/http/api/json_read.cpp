#include "corium/http/api/json_read.h"

#include <utility>

namespace corium::http {
namespace {

const nlohmann::json& Null() {
  static const nlohmann::json null_value;
  return null_value;
}

}  // namespace

const nlohmann::json& BodyReader::At(std::string_view field) const {
  if (!body_.is_object()) return Null();
  const auto it = body_.find(field);
  return it == body_.end() ? Null() : *it;
}

std::string BodyReader::String(std::string_view field, std::string fallback) const {
  const auto& value = At(field);
  return value.is_string() ? value.get<std::string>() : std::move(fallback);
}

std::optional<std::string> BodyReader::OptionalString(std::string_view field) const {
  const auto& value = At(field);
  if (!value.is_string()) return std::nullopt;
  return value.get<std::string>();
}

bool BodyReader::Bool(std::string_view field, bool fallback) const {
  const auto& value = At(field);
  return value.is_boolean() ? value.get<bool>() : fallback;
}

std::int64_t BodyReader::Int(std::string_view field, std::int64_t fallback) const {
  return OptionalInt(field).value_or(fallback);
}

std::optional<std::int64_t> BodyReader::OptionalInt(std::string_view field) const {
  const auto& value = At(field);
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

double BodyReader::Number(std::string_view field, double fallback) const {
  const auto& value = At(field);
  return value.is_number() ? value.get<double>() : fallback;
}

std::optional<app::Id> BodyReader::OptionalId(std::string_view field) const {
  return OptionalInt(field);
}

Date BodyReader::RequiredDate(std::string_view field) {
  if (auto date = OptionalDate(field)) return *date;
  if (At(field).is_null()) Fail(field, "required");
  return Date();
}

std::optional<Date> BodyReader::OptionalDate(std::string_view field) {
  const auto& value = At(field);
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) {
    if (auto date = Date::Parse(value.get<std::string>())) return date;
  }
  Fail(field, "expected a calendar date as YYYY-MM-DD");
  return std::nullopt;
}

Depth BodyReader::RequiredDepth(std::string_view field) {
  const auto& value = At(field);
  if (value.is_number()) {
    if (auto depth = Depth::FromMillimetres(value.get<double>())) return *depth;
  }
  Fail(field, "expected a depth in millimetres");
  return Depth();
}

Status BodyReader::status() const {
  if (errors_.empty()) return Status::Ok();
  return Status::InvalidFields(errors_);
}

}  // namespace corium::http
