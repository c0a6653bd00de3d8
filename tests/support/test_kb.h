// The shipped knowledge base (kb/ of the source tree), loaded once per test process, and helpers
// to run the CLI binary as a black box.
#pragma once

#include <string>

#include "corium/domain/decision.h"
#include "corium/kb/knowledge_base.h"

namespace corium::testing {

const kb::KnowledgeBase& ShippedKb();
// Loads a knowledge base directory, throwing (and so failing the test) when it does not load.
kb::KnowledgeBase LoadKbOrThrow(const std::string& dir);
// Quotes `text` for /bin/sh: 'it'\''s'.
std::string ShellQuote(const std::string& text);
std::string SourceKbDir();
std::string TestsDir();

// Parses the intake JSON (which must be valid) and screens it against the shipped knowledge base.
Decision ScreenJson(const std::string& intake_json);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};
// Runs the built `corium` binary with `args` (shell-quoted by the caller) and `stdin_text` as input.
CommandResult RunCorium(const std::string& args, const std::string& stdin_text = "");

}  // namespace corium::testing
