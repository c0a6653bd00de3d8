#include "corium/kb/schema_check.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <vector>

namespace corium::kb {
namespace {

// valijson names a node as ["<root>", "[rules]", "[3]", "[id]"]; we want "/rules/3/id".
std::string PointerOf(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
      pointer += "/" + part.substr(1, part.size() - 2);
    }
  }
  return pointer;
}

std::string Readable(const std::string& pointer) {
  return pointer.empty() ? "(document)" : pointer.substr(1);
}

}  // namespace

struct SchemaChecker::State {
  valijson::Validator validator;  // holds the compiled-regex cache
  std::map<std::string, std::unique_ptr<valijson::Schema>> schemas;  // by file name
  std::set<std::string> broken;
};

SchemaChecker::SchemaChecker() : state_(std::make_unique<State>()) {}
SchemaChecker::~SchemaChecker() = default;

void SchemaChecker::Check(const YamlDocument& doc, const std::string& schema_file,
                          const std::string& schema_text, Problems& problems) {
  if (state_->broken.count(schema_file) != 0) return;
  auto& schema = state_->schemas[schema_file];
  if (!schema) {
    const auto schema_json = nlohmann::json::parse(schema_text, nullptr, false);
    if (schema_json.is_discarded()) {
      problems.Add(schema_file, "schema is not valid JSON");
      state_->broken.insert(schema_file);
      return;
    }
    schema = std::make_unique<valijson::Schema>();
    try {
      valijson::SchemaParser parser;
      valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
      parser.populateSchema(schema_adapter, *schema);
    } catch (const std::exception& e) {
      problems.Add(schema_file, std::string("invalid JSON Schema: ") + e.what());
      state_->broken.insert(schema_file);
      return;
    }
  }
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc.root);
  if (state_->validator.validate(*schema, target, &results)) return;

  struct Failure {
    std::string pointer;
    std::string description;
  };
  std::vector<Failure> failures;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) failures.push_back({PointerOf(error.context), error.description});

  // Keep the deepest failures: a container's "failed to validate item 3" adds nothing to the
  // message about item 3 itself.
  for (const Failure& f : failures) {
    const bool has_deeper = std::any_of(failures.begin(), failures.end(), [&](const Failure& g) {
      return g.pointer.size() > f.pointer.size() &&
             g.pointer.compare(0, f.pointer.size() + 1, f.pointer + "/") == 0;
    });
    if (has_deeper) continue;
    const bool repeated = std::any_of(failures.begin(), failures.end(), [&](const Failure& g) {
      return &g < &f && g.pointer == f.pointer && g.description == f.description;
    });
    if (repeated) continue;
    problems.Add(doc, f.pointer, Readable(f.pointer) + ": " + f.description);
  }
}

}  // namespace corium::kb
