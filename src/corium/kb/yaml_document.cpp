#include "corium/kb/yaml_document.h"

#include <yaml.h>

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

// Builds JSON from libyaml's event stream. Anchors and aliases are refused: the knowledge base is
// read by clinicians, and a value defined in one place and silently reused in another is a trap.
class EventReader {
 public:
  EventReader(YamlDocument& doc, std::string_view text) : doc_(doc) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~EventReader() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  Status ReadDocument(nlohmann::json& out) {
    CORIUM_RETURN_IF_ERROR(Next());  // stream start
    CORIUM_RETURN_IF_ERROR(Next());
    if (event_.type == YAML_STREAM_END_EVENT) {
      out = nullptr;
      return Status::Ok();
    }
    CORIUM_RETURN_IF_ERROR(Next());  // past document start
    CORIUM_RETURN_IF_ERROR(ReadNode("", out));
    CORIUM_RETURN_IF_ERROR(Next());  // document end
    CORIUM_RETURN_IF_ERROR(Next());
    if (event_.type != YAML_STREAM_END_EVENT) {
      return Fail(Line(), "a knowledge base file holds one YAML document");
    }
    return Status::Ok();
  }

 private:
  int Line() const { return static_cast<int>(event_.start_mark.line) + 1; }

  Status Fail(int line, const std::string& message) const {
    return Status::InvalidFields({{doc_.file + ":" + std::to_string(line), message}});
  }

  Status Next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    if (!has_event_) {
      return Fail(static_cast<int>(parser_.problem_mark.line) + 1,
                  std::string("YAML syntax error: ") +
                      (parser_.problem != nullptr ? parser_.problem : "unreadable"));
    }
    return Status::Ok();
  }

  // Reads the node whose first event is current; leaves its last event current.
  Status ReadNode(const std::string& pointer, nlohmann::json& out) {
    doc_.lines[pointer] = Line();
    switch (event_.type) {
      case YAML_SCALAR_EVENT: {
        const std::string text(reinterpret_cast<const char*>(event_.data.scalar.value),
                               event_.data.scalar.length);
        const bool plain = event_.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                           event_.data.scalar.tag == nullptr;
        out = plain ? PlainScalar(text) : nlohmann::json(text);
        return Status::Ok();
      }
      case YAML_SEQUENCE_START_EVENT: {
        out = nlohmann::json::array();
        for (size_t index = 0;; ++index) {
          CORIUM_RETURN_IF_ERROR(Next());
          if (event_.type == YAML_SEQUENCE_END_EVENT) return Status::Ok();
          nlohmann::json value;
          CORIUM_RETURN_IF_ERROR(ReadNode(pointer + "/" + std::to_string(index), value));
          out.push_back(std::move(value));
        }
      }
      case YAML_MAPPING_START_EVENT: {
        out = nlohmann::json::object();
        while (true) {
          CORIUM_RETURN_IF_ERROR(Next());
          if (event_.type == YAML_MAPPING_END_EVENT) return Status::Ok();
          if (event_.type != YAML_SCALAR_EVENT) return Fail(Line(), "a key must be plain text");
          const std::string key(reinterpret_cast<const char*>(event_.data.scalar.value),
                                event_.data.scalar.length);
          if (out.contains(key)) return Fail(Line(), "duplicate key \"" + key + "\"");
          CORIUM_RETURN_IF_ERROR(Next());
          nlohmann::json value;
          CORIUM_RETURN_IF_ERROR(ReadNode(pointer + "/" + EscapePointerToken(key), value));
          out[key] = std::move(value);
        }
      }
      case YAML_ALIAS_EVENT:
        return Fail(Line(), "aliases (*name) are not allowed; write the value out");
      default:
        return Fail(Line(), "unexpected YAML structure");
    }
  }

  YamlDocument& doc_;
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
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
  EventReader reader(doc, text);
  CORIUM_RETURN_IF_ERROR(reader.ReadDocument(doc.root));
  return doc;
}

}  // namespace corium::kb
