// What planning and charting read back from a stored screening decision (contracts.md §1.2): the
// zones it judged for an indication, with their status and depth cap, and its consent items.
// Pure functions of the decision text; safe from any thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "corium/base/result.h"
#include "corium/domain/code.h"
#include "corium/domain/depth.h"

namespace corium::app {

// A zone of a stored decision, as far as planning and charting need it.
struct DecidedZone {
  std::string status;        // ok | deferred | blocked …
  std::optional<Depth> max;  // the depth cap; none when the zone allows no depth
};

// The zones a decision judged for one indication, by zone; the first entry for a zone counts.
using DecidedZones = std::map<Code, DecidedZone>;

// Reads only the "zones" member from simdjson's index of the text, without building a tree of the
// decision: charting does this inside every chart commit, where building the whole document, and
// then nlohmann's SAX reader, were its largest costs after the database itself
// (bench/RESULTS.md). kInternal when the text is not a JSON object.
Result<DecidedZones> DecidedZonesFor(const std::string& decision_json, const Code& indication);

// The decision's "consent_items" (CN-01…); kInternal when the text is not a JSON object.
Result<std::vector<std::string>> ConsentItemsOf(const std::string& decision_json);

}  // namespace corium::app
