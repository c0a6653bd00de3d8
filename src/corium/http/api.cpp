#include "corium/http/api.h"

#include <charconv>

namespace corium::http {
namespace {

std::vector<std::string> SplitPattern(std::string_view pattern) {
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= pattern.size()) {
    const size_t slash = pattern.find('/', start);
    parts.emplace_back(pattern.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool IsParameter(const std::string& part) {
  return part.size() > 2 && part.front() == '{' && part.back() == '}';
}

std::optional<std::int64_t> ParsePositive(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

Result<app::Id> ApiCall::PathId(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key != name) continue;
    if (const auto id = ParsePositive(value)) return *id;
    break;
  }
  return Status::NotFound("no such record");
}

Result<std::int64_t> ApiCall::IfMatch() const {
  const auto header = request.headers.Find("If-Match");
  if (!header) {
    return Status::InvalidFields({{"If-Match", "required: the ETag of the version you read"}});
  }
  std::string_view text = *header;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  if (const auto version = ParsePositive(text)) return *version;
  return Status::InvalidFields({{"If-Match", "not an ETag this server issued"}});
}

Result<ApiCall::Page> ApiCall::Paging() const {
  Page page;
  std::vector<FieldError> errors;
  if (const auto limit = Query("limit")) {
    const auto value = ParsePositive(*limit);
    if (!value || *value > 200) {
      errors.push_back({"limit", "expected a whole number from 1 to 200"});
    } else {
      page.limit = static_cast<int>(*value);
    }
  }
  if (const auto offset = Query("offset")) {
    if (*offset == "0") {
      page.offset = 0;
    } else if (const auto value = ParsePositive(*offset)) {
      page.offset = *value;
    } else {
      errors.push_back({"offset", "expected a whole number, 0 or more"});
    }
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  return page;
}

void ApiRouter::Add(ApiRoute route) {
  std::vector<std::string> parts = SplitPattern(route.pattern);
  if (shapes_.size() <= parts.size()) shapes_.resize(parts.size() + 1);
  const bool literal_resource =
      parts.size() > kResourceSegment && !IsParameter(parts[kResourceSegment]);
  shapes_[parts.size()][literal_resource ? parts[kResourceSegment] : std::string()].push_back(
      routes_.size());
  patterns_.push_back(std::move(parts));
  routes_.push_back(std::move(route));
}

std::optional<ApiRouter::Match> ApiRouter::Find(std::string_view method,
                                                const std::vector<std::string>& segments) const {
  if (segments.size() >= shapes_.size()) return std::nullopt;
  // The routes of this many segments under this resource, and those whose resource segment is a
  // parameter, in the order they were added.
  const auto& of_length = shapes_[segments.size()];
  static const std::vector<size_t> no_routes;
  const auto bucket = [&](std::string_view resource) -> const std::vector<size_t>& {
    const auto it = of_length.find(resource);
    return it == of_length.end() ? no_routes : it->second;
  };
  const std::vector<size_t>& named =
      segments.size() > kResourceSegment && !segments[kResourceSegment].empty()
          ? bucket(segments[kResourceSegment])
          : no_routes;
  const std::vector<size_t>& open = bucket("");
  std::optional<Match> found;
  for (size_t next_named = 0, next_open = 0;
       next_named < named.size() || next_open < open.size();) {
    const bool take_named = next_open == open.size() ||
                            (next_named < named.size() && named[next_named] < open[next_open]);
    const size_t i = take_named ? named[next_named++] : open[next_open++];
    const auto& parts = patterns_[i];
    // Literal segments first: most routes fail there, before any parameter is copied.
    bool matches = true;
    for (size_t j = 0; j < parts.size() && matches; ++j) {
      matches = IsParameter(parts[j]) ? !segments[j].empty() : parts[j] == segments[j];
    }
    if (!matches) continue;
    if (!found) found.emplace();
    found->allowed.push_back(routes_[i].method);
    if (routes_[i].method == method && found->route == nullptr) {
      found->route = &routes_[i];
      for (size_t j = 0; j < parts.size(); ++j) {
        if (IsParameter(parts[j])) {
          found->params.emplace_back(parts[j].substr(1, parts[j].size() - 2), segments[j]);
        }
      }
    }
  }
  return found;
}

}  // namespace corium::http
