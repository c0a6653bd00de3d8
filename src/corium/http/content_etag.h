// Strong ETags derived from a response's bytes (RFC 9110 §8.8.3), and the If-None-Match check
// that lets a client holding those bytes get 304 Not Modified instead of them again.
#pragma once

#include <string>
#include <string_view>

#include "corium/http/message.h"

namespace corium::http {

// A quoted, strong entity tag: the first 96 bits of the SHA-256 of `bytes`, in hex.
std::string ContentEtag(std::string_view bytes);

// Whether the request's If-None-Match lists `etag` or is "*" (weak comparison, W/ ignored, as
// RFC 9110 §13.1.2 prescribes for If-None-Match).
bool IfNoneMatchHits(const Request& request, std::string_view etag);

}  // namespace corium::http
