#include "corium/app/stored_decision.h"

#include <simdjson.h>

#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace corium::app {
namespace {

using nlohmann::json;

// One zone entry of a decision: its members read in text order, so that a repeated member counts
// as it did for the SAX reader this replaces (the last one wins; a "max" that is not a number is
// skipped).
void ReadEntry(simdjson::dom::object entry, std::string_view indication, DecidedZones& zones) {
  std::string_view zone;
  bool indication_matches = false;
  DecidedZone decided;
  for (const simdjson::dom::key_value_pair member : entry) {
    std::string_view text;
    if (member.key == "zone" || member.key == "indication" || member.key == "status") {
      if (member.value.get_string().get(text) != simdjson::SUCCESS) continue;
      if (member.key == "zone") {
        zone = text;
      } else if (member.key == "indication") {
        indication_matches = text == indication;
      } else {
        decided.status = std::string(text);
      }
    } else if (member.key == "depth_mm") {
      simdjson::dom::object depth_mm;
      if (member.value.get_object().get(depth_mm) != simdjson::SUCCESS) continue;
      for (const simdjson::dom::key_value_pair bound : depth_mm) {
        double mm = 0;
        if (bound.key == "max" && bound.value.get_double().get(mm) == simdjson::SUCCESS) {
          decided.max = Depth::FromMillimetres(mm);
        }
      }
    }
  }
  if (indication_matches) zones.emplace(Code(std::string(zone)), std::move(decided));
}

// simdjson's parser with a padded copy of the text, one per thread, both kept between calls: a
// chart commit then allocates nothing to index the decision. The element Parse returns lives in
// the thread's parser, so it is valid until that thread's next Parse.
class ThreadReader {
 public:
  static simdjson::dom::element Parse(const std::string& text, simdjson::error_code& error) {
    thread_local ThreadReader reader;
    reader.buffer_.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    reader.buffer_.assign(text);
    simdjson::dom::element root;
    error = reader.parser_.parse(reader.buffer_.data(), reader.buffer_.size(), false).get(root);
    return root;
  }

 private:
  simdjson::dom::parser parser_;
  std::string buffer_;
};

}  // namespace

Result<DecidedZones> DecidedZonesFor(const std::string& decision_json, const Code& indication) {
  simdjson::error_code error = simdjson::SUCCESS;
  const simdjson::dom::element root = ThreadReader::Parse(decision_json, error);
  simdjson::dom::object decision;
  if (error != simdjson::SUCCESS || root.get_object().get(decision) != simdjson::SUCCESS) {
    return Status::Internal("stored decision is not a JSON object");
  }
  DecidedZones zones;
  for (const simdjson::dom::key_value_pair member : decision) {
    simdjson::dom::array entries;
    if (member.key != "zones" || member.value.get_array().get(entries) != simdjson::SUCCESS) {
      continue;
    }
    for (const simdjson::dom::element entry : entries) {
      simdjson::dom::object fields;
      if (entry.get_object().get(fields) == simdjson::SUCCESS) {
        ReadEntry(fields, indication.str(), zones);
      }
    }
  }
  return zones;
}

Result<std::vector<std::string>> ConsentItemsOf(const std::string& decision_json) {
  const json decision = json::parse(decision_json, nullptr, /*allow_exceptions=*/false);
  if (!decision.is_object()) return Status::Internal("stored decision is not a JSON object");
  std::vector<std::string> items;
  const auto list = decision.find("consent_items");
  if (list == decision.end() || !list->is_array()) return items;
  for (const json& item : *list) {
    if (item.is_string()) items.push_back(item.get<std::string>());
  }
  return items;
}

}  // namespace corium::app
