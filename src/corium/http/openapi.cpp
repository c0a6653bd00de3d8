#include "corium/http/openapi.h"

#include <algorithm>
#include <exception>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace corium::http {
namespace {

constexpr std::array<std::string_view, 5> kMethods = {"get", "post", "put", "patch", "delete"};

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// valijson names a node as ["<root>", "[zones]", "[2]", "[depth]"]; the API's error paths read
// "zones[2].depth", like the intake parser's.
std::string PathOf(const std::vector<std::string>& context) {
  std::string path;
  for (const std::string& part : context) {
    if (part.size() < 2 || part.front() != '[' || part.back() != ']') continue;
    const std::string name = part.substr(1, part.size() - 2);
    const bool index = !name.empty() && std::all_of(name.begin(), name.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
    if (index) {
      path += "[" + name + "]";
    } else {
      path += (path.empty() ? "" : ".") + name;
    }
  }
  return path;
}

std::string Join(const std::string& parent, const std::string& field) {
  return parent.empty() ? field : parent + "." + field;
}

// Turns valijson's messages about a missing or unknown property into an error on that property.
FieldError Describe(const std::string& path, const std::string& description) {
  const auto quoted = [&](std::string_view prefix) -> std::optional<std::string> {
    const size_t at = description.find(prefix);
    if (at == std::string::npos) return std::nullopt;
    const size_t open = description.find('\'', at + prefix.size() - 1);
    const size_t close = description.find('\'', open + 1);
    if (open == std::string::npos || close == std::string::npos) return std::nullopt;
    return description.substr(open + 1, close - open - 1);
  };
  if (auto name = quoted("Missing required property '")) return {Join(path, *name), "required"};
  if (auto name = quoted("'additionalProperties' constraints: '")) {
    return {Join(path, *name), "unknown field"};
  }
  return {path.empty() ? "(body)" : path, description};
}

Status MergeInto(nlohmann::json& target, const nlohmann::json& part, const std::string& file) {
  if (!part.is_object()) return Status::Internal(file + ": not a JSON object");
  const nlohmann::json paths = part.value("paths", nlohmann::json::object());
  for (const auto& [path, item] : paths.items()) {
    auto& slot = target["paths"][path];
    for (const auto& [method, operation] : item.items()) {
      if (slot.contains(method)) {
        std::string message = file;
        message.append(": ").append(method).append(" ").append(path).append(" twice");
        return Status::Internal(message);
      }
      slot[method] = operation;
    }
  }
  const auto components = part.value("components", nlohmann::json::object());
  for (const auto& [kind, entries] : components.items()) {
    for (const auto& [name, schema] : entries.items()) {
      auto& slot = target["components"][kind];
      if (slot.contains(name)) {
        std::string message = file;
        message.append(": component ").append(name).append(" twice");
        return Status::Internal(message);
      }
      slot[name] = schema;
    }
  }
  return Status::Ok();
}

}  // namespace

// valijson copies what it needs out of the source document while compiling, so the source (the
// schema beside a copy of every component, for its $refs) is dropped once the schema is built:
// kept, those copies held 50 MB of the server's memory.
struct OpenApi::Compiled {
  valijson::Schema schema;
};

OpenApi::~OpenApi() = default;

Result<std::shared_ptr<const OpenApi>> OpenApi::Assemble(const std::vector<EmbeddedFile>& files) {
  std::shared_ptr<OpenApi> api(new OpenApi());
  const auto root = std::find_if(files.begin(), files.end(),
                                 [](const EmbeddedFile& f) { return f.path == "openapi.json"; });
  if (root == files.end()) return Status::Internal("the OpenAPI root document is missing");
  api->document_ = nlohmann::json::parse(root->text, nullptr, false);
  if (api->document_.is_discarded()) return Status::Internal("openapi.json is not valid JSON");
  for (const EmbeddedFile& file : files) {
    if (file.path == "openapi.json") continue;
    const auto part = nlohmann::json::parse(file.text, nullptr, false);
    if (part.is_discarded()) return Status::Internal(std::string(file.path) + " is not valid JSON");
    CORIUM_RETURN_IF_ERROR(MergeInto(api->document_, part, std::string(file.path)));
  }
  CORIUM_RETURN_IF_ERROR(api->Compile());
  api->serialized_ = api->document_.dump();
  return std::shared_ptr<const OpenApi>(std::move(api));
}

Status OpenApi::Compile() {
  const nlohmann::json components = document_.value("components", nlohmann::json::object());
  const auto add = [&](const std::string& key, const nlohmann::json& schema) -> Status {
    auto compiled = std::make_unique<Compiled>();
    nlohmann::json source = nlohmann::json::object();
    source["allOf"] = nlohmann::json::array({schema});
    source["components"] = components;
    try {
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(source);
      parser.populateSchema(adapter, compiled->schema);
    } catch (const std::exception& e) {
      return Status::Internal(key + ": schema does not compile: " + e.what());
    }
    schemas_[key] = std::move(compiled);
    return Status::Ok();
  };
  const nlohmann::json paths = document_.value("paths", nlohmann::json::object());
  for (const auto& [path, item] : paths.items()) {
    for (const auto& [method, operation] : item.items()) {
      const std::string key = Upper(method) + " " + path;
      const auto* request =
          operation.contains("requestBody") ? &operation["requestBody"]["content"] : nullptr;
      if (request != nullptr && request->contains("application/json")) {
        const auto& media = (*request)["application/json"];
        if (media.contains("schema")) CORIUM_RETURN_IF_ERROR(add(key, media["schema"]));
      }
      const nlohmann::json responses = operation.value("responses", nlohmann::json::object());
      for (const auto& [status, response] : responses.items()) {
        if (response.contains("$ref")) continue;  // the shared Problem response, checked apart
        const nlohmann::json content = response.value("content", nlohmann::json::object());
        for (const auto& [type, media] : content.items()) {
          if (type.find("json") == std::string::npos || !media.contains("schema")) continue;
          std::string response_key = key;
          response_key.append(" ").append(status);
          CORIUM_RETURN_IF_ERROR(add(response_key, media["schema"]));
        }
      }
    }
  }
  const nlohmann::json problem = {{"$ref", "#/components/schemas/Problem"}};
  return add("problem", problem);
}

bool OpenApi::HasOperation(std::string_view method, const std::string& path) const {
  const auto& paths = document_["paths"];
  return paths.contains(path) && paths[path].contains(Lower(method));
}

std::vector<std::pair<std::string, std::string>> OpenApi::Operations() const {
  std::vector<std::pair<std::string, std::string>> out;
  const nlohmann::json paths = document_.value("paths", nlohmann::json::object());
  for (const auto& [path, item] : paths.items()) {
    for (const auto& [method, operation] : item.items()) {
      if (std::find(kMethods.begin(), kMethods.end(), method) != kMethods.end()) {
        out.emplace_back(Upper(method), path);
      }
    }
  }
  return out;
}

Status OpenApi::Check(const std::string& key, const nlohmann::json& body) const {
  const auto it = schemas_.find(key);
  if (it == schemas_.end()) return Status::Ok();
  // A Validator caches compiled regexes and is not thread-safe: one per thread.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(body);
  if (validator.validate(it->second->schema, target, &results)) return Status::Ok();
  std::vector<FieldError> errors;
  valijson::ValidationResults::Error error;
  std::vector<std::pair<std::string, std::string>> raw;
  while (results.popError(error)) raw.emplace_back(PathOf(error.context), error.description);
  for (const auto& entry : raw) {
    const std::string& path = entry.first;  // not a structured binding: clang-14 cannot capture one
    const std::string& description = entry.second;
    // Keep the deepest: a container's "failed to validate item 2" adds nothing to item 2's own.
    const bool has_deeper = std::any_of(raw.begin(), raw.end(), [&](const auto& other) {
      return other.first.size() > path.size() && other.first.compare(0, path.size(), path) == 0;
    });
    if (has_deeper && description.find("Missing required") == std::string::npos &&
        description.find("additionalProperties") == std::string::npos) {
      continue;
    }
    FieldError field = Describe(path, description);
    if (std::find(errors.begin(), errors.end(), field) == errors.end()) {
      errors.push_back(std::move(field));
    }
  }
  return Status::InvalidFields(std::move(errors));
}

Status OpenApi::ValidateRequest(std::string_view method, const std::string& path,
                                const nlohmann::json& body) const {
  return Check(Upper(method) + " " + path, body);
}

Status OpenApi::ValidateResponse(std::string_view method, const std::string& path, int status,
                                 const nlohmann::json& body) const {
  const std::string key = Upper(method) + " " + path + " " + std::to_string(status);
  if (schemas_.count(key) != 0) return Check(key, body);
  if (status >= 400) return Check("problem", body);
  return Status::InvalidArgument(key + " is not documented");
}

}  // namespace corium::http
