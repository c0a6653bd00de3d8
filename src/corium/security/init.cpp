#include "corium/security/init.h"

#include <sodium.h>

namespace corium::security {

Status InitSecurity() {
  // A function-local static is initialised once, even with threads racing to it.
  static const int result = sodium_init();
  if (result < 0) return Status::Unavailable("libsodium could not be initialised (no randomness)");
  return Status::Ok();
}

}  // namespace corium::security
