// Date: a calendar date (no time, no zone), the unit of every clinical wait in Corium.
// A plain value type; all operations are pure and thread-safe.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace corium {

class Date {
 public:
  // Parses strict ISO `YYYY-MM-DD` for a real calendar day; nullopt for anything else
  // (`2026-02-30`, `2026-2-3`, trailing text).
  Date() = default;  // 1970-01-01; real dates come from Parse or FromYmd
  static std::optional<Date> Parse(std::string_view text);
  static Date FromYmd(int year, unsigned month, unsigned day);

  std::string ToString() const;  // YYYY-MM-DD

  Date AddDays(int days) const;
  // Calendar months; a day past the end of the target month is clamped to its last day
  // (2026-08-31 + 6 months = 2027-02-28).
  Date AddMonths(int months) const;

  // Whole years from `*this` to `later` (an age): the anniversary must have been reached; someone
  // born on 29 February reaches it on 1 March in common years.
  int WholeYearsUntil(Date later) const;

  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }

  friend auto operator<=>(const Date& a, const Date& b) { return a.days() <=> b.days(); }
  friend bool operator==(const Date& a, const Date& b) { return a.ymd_ == b.ymd_; }

 private:
  explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  long days() const { return std::chrono::sys_days(ymd_).time_since_epoch().count(); }

  std::chrono::year_month_day ymd_{std::chrono::year(1970), std::chrono::January,
                                   std::chrono::day(1)};
};

}  // namespace corium
