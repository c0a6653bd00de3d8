#include "support/test_kb.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"
#include "corium/kb/loader.h"

namespace corium::testing {

std::string SourceKbDir() { return CORIUM_SOURCE_KB_DIR; }
std::string TestsDir() { return CORIUM_TESTS_DIR; }

kb::KnowledgeBase LoadKbOrThrow(const std::string& dir) {
  auto files = kb::ReadKbDirectory(dir);
  if (!files.ok()) throw std::runtime_error(files.status().ToString());
  auto loaded = kb::LoadKnowledgeBase(*files);
  if (!loaded.ok()) throw std::runtime_error(loaded.status().ToString());
  return std::move(loaded).value();
}

const kb::KnowledgeBase& ShippedKb() {
  static const kb::KnowledgeBase* const kb = new kb::KnowledgeBase(LoadKbOrThrow(SourceKbDir()));
  return *kb;
}

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

Decision ScreenJson(const std::string& intake_json) {
  const auto intake = engine::ParseIntake(intake_json, ShippedKb(), Date::FromYmd(2026, 11, 20));
  if (!intake.ok()) {
    ADD_FAILURE() << "intake rejected: " << intake.status().ToString() << "\n" << intake_json;
    return {};
  }
  return engine::Screen(*intake, ShippedKb());
}

namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

CommandResult RunCorium(const std::string& args, const std::string& stdin_text) {
  namespace fs = std::filesystem;
  static std::mt19937_64 rng(std::random_device{}());
  const fs::path dir = fs::temp_directory_path() /
                       ("corium-run-" + std::to_string(getpid()) + "-" + std::to_string(rng()));
  fs::create_directories(dir);
  {
    std::ofstream in(dir / "stdin");
    in << stdin_text;
  }
  const std::string command = std::string("'") + CORIUM_BINARY + "' " + args + " <'" +
                              (dir / "stdin").string() + "' >'" + (dir / "stdout").string() +
                              "' 2>'" + (dir / "stderr").string() + "'";
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): test-only runner
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadAll(dir / "stdout");
  result.err = ReadAll(dir / "stderr");
  fs::remove_all(dir);
  return result;
}

}  // namespace corium::testing
