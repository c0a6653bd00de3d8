// Problem details (RFC 9457): the one table from a Status to an HTTP status, and the
// application/problem+json bodies every error is sent as. Nothing internal reaches a client: an
// internal error says only that something failed and when, and its message goes to the log.
#pragma once

#include <string>
#include <string_view>

#include "corium/base/status.h"
#include "corium/http/message.h"

namespace corium::http {

// The HTTP status for a use case's Status. `had_if_match`: a conflict on a request that carried
// If-Match is a stale version (412); otherwise it clashes with current state (409).
int HttpStatusFor(const Status& status, bool had_if_match);

// A problem+json response. `detail` is shown to the user; field errors come from `status`.
Response ProblemResponse(int http_status, std::string_view detail);
Response ProblemResponse(int http_status, const Status& status);

std::string_view ReasonPhrase(int http_status);

}  // namespace corium::http
