#include "corium/calendar/ics_writer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace corium::calendar {
namespace {

constexpr size_t kLineOctets = 75;

// 20261120T160000Z
std::string UtcDateTime(Instant instant) {
  const std::chrono::sys_seconds at{std::chrono::seconds(instant)};
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{at - day};
  char text[20];
  const int written = std::snprintf(
      text, sizeof text, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
      static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
      static_cast<int>(time.seconds().count()));
  return written == 16 ? std::string(text) : std::string("19700101T000000Z");
}

// 20261120, a DATE value (RFC 5545 3.3.4).
std::string DateValue(Date day) {
  std::string text = day.ToString();
  text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
  return text;
}

void Line(std::string& out, const std::string& line) {
  out += FoldIcsLine(line);
  out += "\r\n";
}

}  // namespace

std::string EscapeIcsText(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FoldIcsLine(const std::string& line) {
  std::string out;
  size_t used = 0;  // octets on the current physical line
  for (size_t i = 0; i < line.size();) {
    // The length of the UTF-8 character starting here, so a fold never splits one.
    const auto lead = static_cast<unsigned char>(line[i]);
    size_t length = 1;
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    length = std::min(length, line.size() - i);
    if (used + length > kLineOctets) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line, i, length);
    used += length;
    i += length;
  }
  return out;
}

std::string WriteIcs(const IcsCalendar& calendar) {
  std::string out;
  Line(out, "BEGIN:VCALENDAR");
  Line(out, "VERSION:2.0");
  Line(out, "PRODID:-//Corium//Clinic calendar//EN");
  Line(out, "CALSCALE:GREGORIAN");
  Line(out, "METHOD:PUBLISH");
  if (!calendar.name.empty()) Line(out, "X-WR-CALNAME:" + EscapeIcsText(calendar.name));
  const std::string stamp = UtcDateTime(calendar.stamp);
  for (const IcsEvent& event : calendar.events) {
    Line(out, "BEGIN:VEVENT");
    Line(out, "UID:" + event.uid);
    Line(out, "DTSTAMP:" + stamp);
    if (event.all_day) {
      Line(out, "DTSTART;VALUE=DATE:" + DateValue(*event.all_day));
      Line(out, "DTEND;VALUE=DATE:" + DateValue(event.all_day->AddDays(1)));
    } else {
      Line(out, "DTSTART:" + UtcDateTime(event.time.start));
      Line(out, "DTEND:" + UtcDateTime(event.time.end));
    }
    Line(out, "SUMMARY:" + EscapeIcsText(event.summary));
    if (!event.description.empty()) {
      Line(out, "DESCRIPTION:" + EscapeIcsText(event.description));
    }
    if (!event.location.empty()) Line(out, "LOCATION:" + EscapeIcsText(event.location));
    Line(out, event.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    Line(out, "END:VEVENT");
  }
  Line(out, "END:VCALENDAR");
  return out;
}

}  // namespace corium::calendar
