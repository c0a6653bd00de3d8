#include "corium/kb/loader.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "corium/kb/course_builder.h"
#include "corium/kb/cross_check.h"
#include "corium/kb/messages_builder.h"
#include "corium/kb/node_reader.h"
#include "corium/kb/rules_builder.h"
#include "corium/kb/schema_check.h"
#include "corium/kb/tables_builder.h"

namespace corium::kb {
namespace {

bool IsRulesFile(const std::string& name) {
  return name.rfind("rules/", 0) == 0 && name.size() > 11 &&
         name.compare(name.size() - 5, 5, ".yaml") == 0;
}

std::string SchemaNameFor(const std::string& file) {
  if (IsRulesFile(file)) return "schema/rules.schema.json";
  return "schema/" + file.substr(0, file.size() - 5) + ".schema.json";
}

using Builder = void (*)(const YamlDocument&, KnowledgeBase&, Problems&, References&);

Builder BuilderFor(const std::string& file) {
  if (IsRulesFile(file)) return BuildRules;
  if (file == "vocabulary.yaml") return BuildVocabulary;
  if (file == "zones.yaml") return BuildZones;
  if (file == "indications.yaml") return BuildIndications;
  if (file == "jurisdictions.yaml") return BuildJurisdictions;
  if (file == "course.yaml") return BuildCourse;
  if (file == "aftercare.yaml") return BuildAftercare;
  if (file == "messages.yaml") return BuildMessages;
  return CollectDescriptive;
}

}  // namespace

const std::vector<std::string>& TopicFiles() {
  static const std::vector<std::string> topic_files = {
      "manifest.yaml",      "vocabulary.yaml", "sources.yaml", "zones.yaml",     "indications.yaml",
      "jurisdictions.yaml", "devices.yaml",    "consent.yaml", "conflicts.yaml", "course.yaml",
      "aftercare.yaml",     "messages.yaml"};
  return topic_files;
}

Result<KnowledgeBase> LoadKnowledgeBase(const std::vector<KbFile>& files) {
  Problems problems;
  std::map<std::string, const KbFile*> by_name;
  for (const KbFile& f : files) by_name[f.name] = &f;

  std::vector<std::string> documents = TopicFiles();
  for (const auto& [name, file] : by_name) {
    if (IsRulesFile(name)) documents.push_back(name);
  }
  if (documents.size() == TopicFiles().size()) problems.Add("rules/", "no rules/*.yaml file");

  // Parse and schema-check every document before building anything.
  SchemaChecker schemas;
  std::vector<YamlDocument> parsed;
  for (const std::string& name : documents) {
    const auto file = by_name.find(name);
    if (file == by_name.end()) {
      problems.Add(name, "file is missing");
      continue;
    }
    auto doc = ParseYaml(name, file->second->text);
    if (!doc.ok()) {
      problems.Add(doc.status());
      continue;
    }
    const std::string schema_name = SchemaNameFor(name);
    const auto schema_file = by_name.find(schema_name);
    if (schema_file == by_name.end()) {
      problems.Add(schema_name, "schema file is missing");
    } else {
      schemas.Check(*doc, schema_name, schema_file->second->text, problems);
    }
    parsed.push_back(std::move(doc).value());
  }
  if (!problems.empty()) return problems.ToStatus();

  KnowledgeBase kb;
  References refs;
  for (const YamlDocument& doc : parsed) {
    if (doc.file == "manifest.yaml") {
      kb.version = NodeReader(doc, doc.root, "", problems).String("version");
      continue;
    }
    BuilderFor(doc.file)(doc, kb, problems, refs);
  }
  if (!problems.empty()) return problems.ToStatus();
  CheckCrossReferences(kb, refs, problems);
  if (!problems.empty()) return problems.ToStatus();
  kb.digest = DigestOf(files);
  return kb;
}

std::string DigestOf(const std::vector<KbFile>& files) {
  std::vector<const KbFile*> sorted;
  sorted.reserve(files.size());
  for (const KbFile& f : files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(),
            [](const KbFile* a, const KbFile* b) { return a->name < b->name; });
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (const KbFile* f : sorted) {
    // Name and length frame each file, so moving bytes between files changes the digest.
    const std::string header = f->name + '\0' + std::to_string(f->text.size()) + '\0';
    EVP_DigestUpdate(ctx, header.data(), header.size());
    EVP_DigestUpdate(ctx, f->text.data(), f->text.size());
  }
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx, hash, &length);
  EVP_MD_CTX_free(ctx);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[hash[i] >> 4];
    out += kHex[hash[i] & 0x0f];
  }
  return out;
}

Result<std::vector<KbFile>> ReadKbDirectory(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound("knowledge base directory not found: " + dir.string());
  }
  std::vector<KbFile> files;
  const auto read = [&](const fs::path& path, const std::string& name) -> Status {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Unavailable("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({name, text.str()});
    return Status::Ok();
  };
  for (const std::string& name : TopicFiles()) {
    if (fs::exists(dir / name, ec)) CORIUM_RETURN_IF_ERROR(read(dir / name, name));
  }
  for (const std::string sub : {"rules", "schema"}) {
    if (!fs::is_directory(dir / sub, ec)) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir / sub, ec)) {
      const std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".json")) {
        CORIUM_RETURN_IF_ERROR(read(entry.path(), sub + "/" + entry.path().filename().string()));
      }
    }
  }
  std::sort(files.begin(), files.end(),
            [](const KbFile& a, const KbFile& b) { return a.name < b.name; });
  return files;
}

}  // namespace corium::kb
