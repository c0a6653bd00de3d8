// The decision and intake errors as JSON, exactly as contracts.md §1.2 writes them. One encoder
// for the CLI and the HTTP API, so the two can never drift apart.
#pragma once

#include <string>
#include <vector>

#include "corium/base/status.h"
#include "corium/domain/decision.h"

namespace corium::engine {

// Compact JSON, keys in the contract's order; the same decision always gives the same bytes.
std::string DecisionToJson(const Decision& decision);
// {"errors":[{"path":…,"message":…}]}
std::string ErrorsToJson(const std::vector<FieldError>& errors);

}  // namespace corium::engine
