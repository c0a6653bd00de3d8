// Checks a response of `corium serve` against the OpenAPI document the binary serves (the same
// files, assembled the same way), so every integration test also proves the document true.
#pragma once

#include <string>

#include "support/http_client.h"

namespace corium::testing {

// "" when `response` has a status and body the document allows for `method` `pattern`
// (e.g. "GET", "/api/v1/clients/{client_id}"); otherwise what is wrong.
std::string OpenApiMismatch(const std::string& method, const std::string& pattern,
                            const HttpResponse& response);

}  // namespace corium::testing

// EXPECT that a response matches its documented schema.
#define EXPECT_MATCHES_OPENAPI(method, pattern, response) \
  EXPECT_EQ(::corium::testing::OpenApiMismatch(method, pattern, response), "")
