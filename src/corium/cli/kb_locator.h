// Finds and loads the knowledge base for a command: --kb DIR, else $CORIUM_KB_DIR, else the one
// installed beside the binary (<prefix>/share/corium/kb), else the source tree it was built from.
#pragma once

#include <filesystem>
#include <string>

#include "corium/base/result.h"
#include "corium/kb/knowledge_base.h"

namespace corium::cli {

std::filesystem::path LocateKb(const std::string& explicit_dir);
Result<kb::KnowledgeBase> LoadKbFrom(const std::filesystem::path& dir);
// Prints a load failure to standard error, one problem per line.
void PrintKbProblems(const Status& status, const std::filesystem::path& dir);

}  // namespace corium::cli
