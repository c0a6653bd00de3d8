// The subcommands of `corium`. Each returns the process exit status; see contracts.md §1 for
// `screen` (0 decided, 1 invalid intake, 2 usage or knowledge base error).
#pragma once

#include <string>

namespace corium::cli {

enum class OutputFormat { kText, kJson };

struct ScreenOptions {
  std::string input = "-";  // a file, or "-" for standard input
  std::string kb_dir;
  OutputFormat format = OutputFormat::kText;
};

int RunScreen(const ScreenOptions& options);
int RunKbCheck(const std::string& kb_dir);

}  // namespace corium::cli
