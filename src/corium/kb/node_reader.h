// NodeReader: typed, path-aware reads from a knowledge-base document. A missing or mistyped value
// becomes a problem naming file and line, and the read returns a harmless default, so a single pass
// reports every mistake in a file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corium/domain/code.h"
#include "corium/domain/depth.h"
#include "corium/kb/problems.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

class NodeReader {
 public:
  NodeReader(const YamlDocument& doc, const nlohmann::json& node, std::string pointer,
             Problems& problems)
      : doc_(&doc), node_(&node), pointer_(std::move(pointer)), problems_(&problems) {}

  bool Has(const std::string& key) const;
  NodeReader Child(const std::string& key) const;  // a null node when absent
  std::vector<NodeReader> Items(const std::string& key) const;  // elements of an array field

  std::string String(const std::string& key) const;
  std::optional<std::string> OptionalString(const std::string& key) const;
  bool Bool(const std::string& key, bool fallback) const;
  std::optional<int> OptionalInt(const std::string& key) const;
  Depth Millimetres(const std::string& key) const;
  std::optional<Depth> OptionalMillimetres(const std::string& key) const;
  std::vector<std::string> Strings(const std::string& key) const;
  std::vector<Code> Codes(const std::string& key) const;

  const nlohmann::json& json() const { return *node_; }
  const std::string& pointer() const { return pointer_; }
  const YamlDocument& doc() const { return *doc_; }
  int line() const { return doc_->LineOf(pointer_); }
  void Problem(const std::string& key, const std::string& message) const;

 private:
  std::string PointerTo(const std::string& key) const;

  const YamlDocument* doc_;
  const nlohmann::json* node_;
  std::string pointer_;
  Problems* problems_;
};

}  // namespace corium::kb
