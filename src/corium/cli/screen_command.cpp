#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "corium/cli/commands.h"
#include "corium/cli/kb_locator.h"
#include "corium/cli/text_report.h"
#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"

namespace corium::cli {
namespace {

constexpr int kDecided = 0;
constexpr int kInvalidIntake = 1;
constexpr int kUsageOrKb = 2;

// The default `as_of`: today in the machine's local zone (the clinic's).
Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::FromYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                       static_cast<unsigned>(local.tm_mday));
}

bool ReadInput(const std::string& input, std::string& text) {
  std::ostringstream buffer;
  if (input == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(input, std::ios::binary);
    if (!in) return false;
    buffer << in.rdbuf();
  }
  text = buffer.str();
  return true;
}

}  // namespace

int RunScreen(const ScreenOptions& options) {
  std::string text;
  if (!ReadInput(options.input, text)) {
    std::cerr << "corium screen: cannot read " << options.input << "\n";
    return kUsageOrKb;
  }
  const auto kb_dir = LocateKb(options.kb_dir);
  const auto kb = LoadKbFrom(kb_dir);
  if (!kb.ok()) {
    PrintKbProblems(kb.status(), kb_dir);
    return kUsageOrKb;
  }
  const auto intake = engine::ParseIntake(text, *kb, Today());
  if (!intake.ok()) {
    for (const FieldError& e : intake.status().field_errors()) {
      std::cerr << e.path << ": " << e.message << "\n";
    }
    if (options.format == OutputFormat::kJson) {
      std::cout << engine::ErrorsToJson(intake.status().field_errors()) << "\n";
    }
    return kInvalidIntake;
  }
  const Decision decision = engine::Screen(*intake, *kb);
  if (options.format == OutputFormat::kJson) {
    std::cout << engine::DecisionToJson(decision) << "\n";
  } else {
    std::cout << TextReport(decision, *intake, *kb);
  }
  return kDecided;
}

int RunKbCheck(const std::string& kb_dir) {
  const auto dir = LocateKb(kb_dir);
  const auto kb = LoadKbFrom(dir);
  if (!kb.ok()) {
    PrintKbProblems(kb.status(), dir);
    return kUsageOrKb;
  }
  size_t cases = 0;
  for (const auto& rule : kb->rules) cases += rule.cases.size();
  std::cout << "knowledge base OK: " << dir.string() << "\n"
            << "  version " << kb->version << "\n"
            << "  digest  " << kb->digest << "\n"
            << "  " << kb->rules.size() << " rules (" << cases << " screening cases), "
            << kb->source_ids.size() << " sources, " << kb->zones.size() << " zones, "
            << kb->jurisdictions.size() << " jurisdictions\n";
  return kDecided;
}

}  // namespace corium::cli
