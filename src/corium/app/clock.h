// Clock: the only way the app layer learns the time, so tests can fix it and decisions stay
// reproducible. Implementations live in adapters (cli/, http/).
#pragma once

#include <cstdint>

#include "corium/domain/date.h"

namespace corium::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t NowSeconds() const = 0;  // seconds since the epoch, UTC
  virtual Date Today() const = 0;               // the clinic's calendar date
};

// A clock that always says the same thing (tests, reproducible demos).
class FixedClock final : public Clock {
 public:
  FixedClock(std::int64_t now_seconds, Date today) : now_(now_seconds), today_(today) {}
  std::int64_t NowSeconds() const override { return now_; }
  Date Today() const override { return today_; }
  void Set(std::int64_t now_seconds, Date today) {
    now_ = now_seconds;
    today_ = today;
  }

 private:
  std::int64_t now_;
  Date today_;
};

}  // namespace corium::app
