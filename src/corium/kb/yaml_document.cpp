#include "corium/kb/yaml_document.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <string>

namespace corium::kb {
namespace {

std::string EscapePointerToken(const std::string& token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

enum class NumberKind { kNone, kInteger, kDecimal };

// YAML 1.2 core schema: [-+]?[0-9]+ is an integer; [-+]?(digits.digits?|.digits)(e[-+]?digits)?
// a decimal. Written by hand because std::regex costs more than the rest of the load.
NumberKind ClassifyNumber(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  const auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  const size_t whole = digits();
  if (i == text.size()) return whole > 0 ? NumberKind::kInteger : NumberKind::kNone;
  if (text[i] != '.') return NumberKind::kNone;
  ++i;
  const size_t fraction = digits();
  if (whole == 0 && fraction == 0) return NumberKind::kNone;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (digits() == 0) return NumberKind::kNone;
  }
  return i == text.size() ? NumberKind::kDecimal : NumberKind::kNone;
}

nlohmann::json PlainScalar(const std::string& text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  switch (ClassifyNumber(text)) {
    case NumberKind::kInteger: {
      long long value = 0;
      const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
      const auto [ptr, ec] = std::from_chars(begin, text.data() + text.size(), value);
      if (ec == std::errc() && ptr == text.data() + text.size()) return value;
      return text;
    }
    case NumberKind::kDecimal:
      return std::stod(text);
    case NumberKind::kNone:
      return text;
  }
  return text;
}

class Converter {
 public:
  explicit Converter(YamlDocument& doc) : doc_(doc) {}

  Status Convert(const YAML::Node& node, const std::string& pointer, nlohmann::json& out) {
    doc_.lines[pointer] = node.Mark().line + 1;
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        out = nullptr;
        return Status::Ok();
      case YAML::NodeType::Scalar:
        out = node.Tag() == "!" ? nlohmann::json(node.Scalar()) : PlainScalar(node.Scalar());
        return Status::Ok();
      case YAML::NodeType::Sequence: {
        out = nlohmann::json::array();
        size_t index = 0;
        for (const YAML::Node& item : node) {
          nlohmann::json value;
          CORIUM_RETURN_IF_ERROR(Convert(item, pointer + "/" + std::to_string(index++), value));
          out.push_back(std::move(value));
        }
        return Status::Ok();
      }
      case YAML::NodeType::Map: {
        out = nlohmann::json::object();
        for (const auto& entry : node) {
          if (!entry.first.IsScalar()) {
            return Status::InvalidFields({{doc_.Where(pointer), "a key must be plain text"}});
          }
          const std::string key = entry.first.Scalar();
          if (out.contains(key)) {
            return Status::InvalidFields(
                {{doc_.file + ":" + std::to_string(entry.first.Mark().line + 1),
                  "duplicate key \"" + key + "\""}});
          }
          nlohmann::json value;
          CORIUM_RETURN_IF_ERROR(
              Convert(entry.second, pointer + "/" + EscapePointerToken(key), value));
          out[key] = std::move(value);
        }
        return Status::Ok();
      }
    }
    return Status::Ok();
  }

 private:
  YamlDocument& doc_;
};

}  // namespace

int YamlDocument::LineOf(std::string pointer) const {
  while (true) {
    const auto it = lines.find(pointer);
    if (it != lines.end()) return it->second;
    const size_t slash = pointer.rfind('/');
    if (slash == std::string::npos) return 1;
    pointer.resize(slash);
  }
}

std::string YamlDocument::Where(const std::string& pointer) const {
  return file + ":" + std::to_string(LineOf(pointer));
}

Result<YamlDocument> ParseYaml(std::string file, std::string_view text) {
  YamlDocument doc;
  doc.file = std::move(file);
  YAML::Node node;
  try {
    node = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return Status::InvalidFields(
        {{doc.file + ":" + std::to_string(e.mark.line + 1), "YAML syntax error: " + e.msg}});
  }
  Converter converter(doc);
  CORIUM_RETURN_IF_ERROR(converter.Convert(node, "", doc.root));
  return doc;
}

}  // namespace corium::kb
