// Intake parsing (contracts.md §1.1): JSON text in, a typed Intake out, or every offending field
// with its JSON path ("conditions[2].code: unknown code \"acme\""). Unknown fields, unknown codes,
// impossible dates and dates after `as_of` are errors: a typo must never silently drop a
// contraindication. Pure: the default date comes in as an argument.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "corium/base/result.h"
#include "corium/domain/date.h"
#include "corium/domain/intake.h"
#include "corium/engine/strict_json.h"
#include "corium/kb/knowledge_base.h"

namespace corium::engine {

// `default_as_of` is used when the intake has no `as_of` (the CLI passes today's date).
Result<Intake> ParseIntake(std::string_view json_text, const kb::KnowledgeBase& kb,
                           Date default_as_of);

// The same over a document already read strictly (a request body, read once by the HTTP
// pipeline), so repeated keys and nesting were refused there. Either form of the document gives
// the same answer, errors and their order included.
Result<Intake> ParseIntakeDocument(const StrictJsonDocument& document, const kb::KnowledgeBase& kb,
                                   Date default_as_of);
Result<Intake> ParseIntakeDocument(const nlohmann::json& document, const kb::KnowledgeBase& kb,
                                   Date default_as_of);

}  // namespace corium::engine
