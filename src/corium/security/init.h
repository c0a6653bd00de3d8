// libsodium's one-time initialisation, for the security adapters (password hashes, tokens).
// Thread-safe: the first call initialises, later calls return the first call's result.
#pragma once

#include "corium/base/status.h"

namespace corium::security {

// kUnavailable when the system cannot provide randomness. The adapters' constructors call it
// too; calling it at start-up lets `corium serve` refuse to start rather than fail later.
Status InitSecurity();

}  // namespace corium::security
