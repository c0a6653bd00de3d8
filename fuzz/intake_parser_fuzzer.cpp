// libFuzzer target for the intake parser and everything a valid intake reaches: arbitrary bytes go
// through engine::ParseIntake against the shipped knowledge base (loaded once); a valid intake is
// screened and encoded, an invalid one has its errors encoded. Nothing may crash, leak or trip a
// sanitizer, and the screening must be deterministic.
//
//   ./build/fuzz/intake_parser_fuzzer -max_len=4096 NEW_CORPUS_DIR fuzz/corpus/intake_parser
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "corium/domain/date.h"
#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"
#include "corium/kb/loader.h"

#ifndef CORIUM_SOURCE_KB_DIR
#error "CORIUM_SOURCE_KB_DIR must name the knowledge base directory"
#endif

namespace {

const corium::kb::KnowledgeBase& Kb() {
  static const corium::kb::KnowledgeBase* const kKb = [] {
    auto files = corium::kb::ReadKbDirectory(CORIUM_SOURCE_KB_DIR);
    if (!files.ok()) {
      std::fprintf(stderr, "cannot read the knowledge base: %s\n",
                   files.status().ToString().c_str());
      std::abort();
    }
    auto kb = corium::kb::LoadKnowledgeBase(*files);
    if (!kb.ok()) {
      std::fprintf(stderr, "cannot load the knowledge base: %s\n", kb.status().ToString().c_str());
      std::abort();
    }
    return new corium::kb::KnowledgeBase(std::move(kb).value());
  }();
  return *kKb;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)Kb();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const corium::Date today = corium::Date::FromYmd(2026, 11, 20);
  const auto intake = corium::engine::ParseIntake(text, Kb(), today);
  if (!intake.ok()) {
    // Every rejection names at least one field, and encodes.
    if (intake.status().field_errors().empty()) __builtin_trap();
    const std::string errors = corium::engine::ErrorsToJson(intake.status().field_errors());
    if (errors.empty()) __builtin_trap();
    return 0;
  }
  const corium::Decision decision = corium::engine::Screen(*intake, Kb());
  const std::string json = corium::engine::DecisionToJson(decision);
  // Pure and deterministic: the same intake screens to the same bytes.
  if (corium::engine::DecisionToJson(corium::engine::Screen(*intake, Kb())) != json) {
    __builtin_trap();
  }
  return 0;
}
