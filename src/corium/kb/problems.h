// Problems: what is wrong with a knowledge base, each named by file and line. Collected across the
// whole load so that `corium kb check` reports everything at once rather than one error per run.
#pragma once

#include <string>
#include <vector>

#include "corium/base/status.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

class Problems {
 public:
  void Add(const YamlDocument& doc, const std::string& pointer, std::string message) {
    list_.push_back({doc.Where(pointer), std::move(message)});
  }
  void Add(std::string where, std::string message) {
    list_.push_back({std::move(where), std::move(message)});
  }
  // Adds the problems of a failed step: its field errors, each already named "file:line".
  void Add(const Status& status) {
    if (status.ok()) return;
    if (status.field_errors().empty()) {
      list_.push_back({"", status.message()});
    } else {
      list_.insert(list_.end(), status.field_errors().begin(), status.field_errors().end());
    }
  }

  bool empty() const { return list_.empty(); }
  Status ToStatus() const { return Status::InvalidFields(list_); }

 private:
  std::vector<FieldError> list_;
};

}  // namespace corium::kb
