#include "corium/cli/kb_locator.h"

#include <cstdlib>
#include <iostream>

#include "corium/kb/loader.h"

namespace corium::cli {

std::filesystem::path LocateKb(const std::string& explicit_dir) {
  namespace fs = std::filesystem;
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("CORIUM_KB_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "corium" / "kb";
    if (fs::is_regular_file(installed / "manifest.yaml", ec)) return installed;
  }
  return CORIUM_SOURCE_KB_DIR;
}

Result<kb::KnowledgeBase> LoadKbFrom(const std::filesystem::path& dir) {
  CORIUM_ASSIGN_OR_RETURN(auto files, kb::ReadKbDirectory(dir));
  return kb::LoadKnowledgeBase(files);
}

void PrintKbProblems(const Status& status, const std::filesystem::path& dir) {
  std::cerr << "knowledge base " << dir.string() << " is not valid:\n";
  if (status.field_errors().empty()) std::cerr << "  " << status.message() << "\n";
  for (const FieldError& e : status.field_errors()) {
    std::cerr << "  " << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
  }
}

}  // namespace corium::cli
