// Differential libFuzzer target for the strict JSON reader: for any bytes, the fast path
// (simdjson, then the document built from its tape) must give what the exact reader (nlohmann's
// parser) gives: the same document, or the same kind of refusal. Nothing may crash or trip a
// sanitizer on the way.
//
//   ./build/fuzz/strict_json_fuzzer -max_len=4096 NEW_CORPUS_DIR fuzz/corpus/strict_json
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "corium/engine/strict_json.h"

namespace {

using corium::engine::StrictJsonError;

[[noreturn]] void Disagree(std::string_view text, const char* what) {
  std::fprintf(stderr, "the two readers disagree (%s) on: %.*s\n", what,
               static_cast<int>(text.size()), text.data());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const int depth : {4, 32}) {
    const auto fast = corium::engine::ParseStrictJson(text, depth);
    const auto exact = corium::engine::ParseStrictJsonExactly(text, depth);
    if (fast.index() != exact.index()) Disagree(text, "one reads it, the other refuses it");
    if (const auto* document = std::get_if<nlohmann::json>(&fast)) {
      if (*document != std::get<nlohmann::json>(exact)) Disagree(text, "different documents");
      if (document->dump() != std::get<nlohmann::json>(exact).dump()) {
        Disagree(text, "documents that write differently");
      }
    } else {
      const auto& a = std::get<StrictJsonError>(fast);
      const auto& b = std::get<StrictJsonError>(exact);
      if (a.kind != b.kind || a.key != b.key) Disagree(text, "different refusals");
    }
  }
  return 0;
}
