// Actor: who is doing something, for which clinic. Every use case takes one; every query is scoped
// by its clinic (the tenant), and every read or change of a client's record is audited under it.
#pragma once

#include <cstdint>

#include "corium/domain/code.h"

namespace corium::app {

using Id = std::int64_t;

struct Actor {
  Id clinic_id = 0;
  Id staff_id = 0;
  Code role;  // vocabulary role code (physician, nurse, esthetician…)
};

}  // namespace corium::app
