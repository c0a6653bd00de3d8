#include "corium/app/stored_decision.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <utility>

namespace corium::app {
namespace {

using nlohmann::json;

// Collects, while the parser reads a decision, the zone entries of one indication and nothing
// else. Depths: 1 holds the decision's members, 2 the "zones" array, 3 a zone entry, 4 the entry's
// "depth_mm" object.
class ZoneEntries final : public nlohmann::json_sax<json> {
 public:
  explicit ZoneEntries(std::string indication) : indication_(std::move(indication)) {}

  bool is_object() const { return is_object_; }
  DecidedZones& zones() { return zones_; }

  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t value) override {
    return Number(static_cast<double>(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Number(static_cast<double>(value));
  }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return Number(value);
  }
  bool string(string_t& value) override {
    if (!InEntry()) return true;
    if (entry_key_ == "zone") {
      zone_ = std::move(value);
    } else if (entry_key_ == "indication") {
      indication_matches_ = value == indication_;
    } else if (entry_key_ == "status") {
      decided_.status = std::move(value);
    }
    return true;
  }
  bool binary(binary_t& /*value*/) override { return true; }

  bool start_object(std::size_t /*elements*/) override {
    if (depth_ == 0) is_object_ = true;
    ++depth_;
    if (in_zones_ && depth_ == kEntry) {
      zone_.clear();
      indication_matches_ = false;
      decided_ = {};
      entry_key_.clear();
    }
    if (in_zones_ && depth_ == kDepthMm) {
      in_depth_mm_ = entry_key_ == "depth_mm";
      depth_key_.clear();
    }
    return true;
  }
  bool end_object() override {
    if (InEntry() && indication_matches_) {
      zones_.emplace(Code(std::move(zone_)), std::move(decided_));
    }
    if (depth_ == kDepthMm) in_depth_mm_ = false;
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*elements*/) override {
    ++depth_;
    if (depth_ == kZones && member_ == "zones") in_zones_ = true;
    return true;
  }
  bool end_array() override {
    if (depth_ == kZones) in_zones_ = false;
    --depth_;
    return true;
  }
  bool key(string_t& name) override {
    if (depth_ == kMember) {
      member_ = std::move(name);
    } else if (InEntry()) {
      entry_key_ = std::move(name);
    } else if (in_depth_mm_ && depth_ == kDepthMm) {
      depth_key_ = std::move(name);
    }
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;
  }

 private:
  static constexpr int kMember = 1;
  static constexpr int kZones = 2;
  static constexpr int kEntry = 3;
  static constexpr int kDepthMm = 4;

  bool InEntry() const { return in_zones_ && depth_ == kEntry; }
  bool Number(double value) {
    if (in_depth_mm_ && depth_ == kDepthMm && depth_key_ == "max") {
      decided_.max = Depth::FromMillimetres(value);
    }
    return true;
  }

  const std::string indication_;
  DecidedZones zones_;
  bool is_object_ = false;
  int depth_ = 0;
  std::string member_;     // the decision member being read (depth 1)
  bool in_zones_ = false;  // inside the "zones" array
  std::string entry_key_;  // the zone entry's member being read (depth 3)
  bool in_depth_mm_ = false;
  std::string depth_key_;  // the depth_mm member being read (depth 4)
  std::string zone_;
  bool indication_matches_ = false;
  DecidedZone decided_;
};

}  // namespace

Result<DecidedZones> DecidedZonesFor(const std::string& decision_json, const Code& indication) {
  ZoneEntries entries(indication.str());
  const bool parsed = json::sax_parse(decision_json, &entries);
  if (!parsed || !entries.is_object()) {
    return Status::Internal("stored decision is not a JSON object");
  }
  return std::move(entries.zones());
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
