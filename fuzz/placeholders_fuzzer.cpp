// libFuzzer target for the SQLite placeholder rewriter ($N -> ?N): it must never crash, and the
// only change it may ever make is a '$' becoming a '?'.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "corium/store/sqlite/placeholders.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string out = corium::store::RewritePlaceholders(data, size);
  if (out.size() != size) std::abort();
  for (std::size_t i = 0; i < size; ++i) {
    const char in = static_cast<char>(data[i]);
    if (out[i] != in && !(in == '$' && out[i] == '?')) std::abort();
  }
  return 0;
}
