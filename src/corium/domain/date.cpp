#include "corium/domain/date.h"

#include <string>

namespace corium {
namespace {

bool Digits(std::string_view text, size_t from, size_t count, int& out) {
  out = 0;
  for (size_t i = from; i < from + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  int m = 0;
  int d = 0;
  if (!Digits(text, 0, 4, y) || !Digits(text, 5, 2, m) || !Digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y),
                                        std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

Date Date::FromYmd(int year, unsigned month, unsigned day) {
  return Date(std::chrono::year_month_day{std::chrono::year(year), std::chrono::month(month),
                                          std::chrono::day(day)});
}

std::string Date::ToString() const {
  // Digit by digit for the years a clinic meets: a decision writes several dates, and building
  // them from padded numbers cost more than the rest of its text.
  const int y = year();
  if (y >= 0 && y <= 9999) {
    const unsigned m = month();
    const unsigned d = day();
    const auto digit = [](unsigned value) { return static_cast<char>('0' + value % 10); };
    const auto year_digits = static_cast<unsigned>(y);
    return {digit(year_digits / 1000),
            digit(year_digits / 100),
            digit(year_digits / 10),
            digit(year_digits),
            '-',
            digit(m / 10),
            digit(m),
            '-',
            digit(d / 10),
            digit(d)};
  }
  const auto padded = [](long value, size_t width) {
    std::string text = std::to_string(value);
    text.insert(0, width > text.size() ? width - text.size() : 0, '0');
    return text;
  };
  return padded(year(), 4) + "-" + padded(month(), 2) + "-" + padded(day(), 2);
}

Date Date::AddDays(int days) const {
  return Date(std::chrono::year_month_day(std::chrono::sys_days(ymd_) + std::chrono::days(days)));
}

Date Date::AddMonths(int months) const {
  const std::chrono::year_month ym =
      std::chrono::year_month(ymd_.year(), ymd_.month()) + std::chrono::months(months);
  const std::chrono::day last =
      std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month())).day();
  return Date(std::chrono::year_month_day(ym.year(), ym.month(), std::min(ymd_.day(), last)));
}

int Date::WholeYearsUntil(Date later) const {
  int years = later.year() - year();
  // The anniversary in `later`'s year; 29 February falls on 1 March in a common year.
  const bool before_anniversary =
      later.month() < month() || (later.month() == month() && later.day() < day());
  if (before_anniversary) --years;
  return years;
}

}  // namespace corium
