// OpenApi: the API's OpenAPI 3.1 document, assembled at start-up from the files embedded from
// api/ (openapi.json and paths/*.json), served at /api/v1/openapi.json, and used to validate every
// JSON request body against its operation's schema before a handler sees it. Immutable after
// Assemble; Validate may be called from any thread.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corium/base/embedded_file.h"
#include "corium/base/result.h"

namespace corium::http {

// Generated from api/ by cmake/EmbedFiles.cmake; constant data.
extern const std::vector<EmbeddedFile> kOpenApiFiles;  // NOLINT(readability-identifier-naming)

class OpenApi {
 public:
  // Merges openapi.json with every paths/*.json (their "paths" and "components.schemas"); a path,
  // method or schema defined twice, or a schema that does not compile, is kInternal.
  static Result<std::shared_ptr<const OpenApi>> Assemble(const std::vector<EmbeddedFile>& files);
  ~OpenApi();

  const nlohmann::json& document() const { return document_; }
  const std::string& serialized() const { return serialized_; }

  bool HasOperation(std::string_view method, const std::string& path) const;
  // Every (method, path) the document describes, methods upper case.
  std::vector<std::pair<std::string, std::string>> Operations() const;

  // Ok when `body` matches the operation's application/json request schema (or it declares
  // none); otherwise InvalidFields with paths like `zones[2].depth`.
  Status ValidateRequest(std::string_view method, const std::string& path,
                         const nlohmann::json& body) const;
  // The same for a response body against the schema documented for `status` (or "default").
  Status ValidateResponse(std::string_view method, const std::string& path, int status,
                          const nlohmann::json& body) const;

 private:
  struct Compiled;
  OpenApi() = default;  // NOLINT(bugprone-exception-escape): json() does not throw
  Status Compile();
  Status Check(const std::string& key, const nlohmann::json& body) const;

  nlohmann::json document_;
  std::string serialized_;
  std::map<std::string, std::unique_ptr<Compiled>> schemas_;  // "POST /api/v1/x" or "… 201"
};

}  // namespace corium::http
