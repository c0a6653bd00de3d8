// ICS writer: a list of events as an RFC 5545 iCalendar document (CRLF line ends, lines folded
// at 75 octets without splitting a UTF-8 character, TEXT values escaped, a UID and DTSTAMP on
// every event, times in UTC). Pure: the caller supplies the events and the stamp, so appointments
// and a course's follow-up points export alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/calendar/interval.h"
#include "corium/domain/date.h"

namespace corium::calendar {

struct IcsEvent {
  std::string uid;  // globally unique and stable: the same event exported twice has the same UID
  Interval time;
  std::string summary;
  std::string description;      // may be empty
  std::string location;         // may be empty
  bool cancelled = false;       // STATUS:CANCELLED
  std::optional<Date> all_day;  // a whole-day event on this date (VALUE=DATE); `time` is unused
};

struct IcsCalendar {
  std::string name;   // X-WR-CALNAME, shown by calendar apps
  Instant stamp = 0;  // DTSTAMP of every event: when the document was made
  std::vector<IcsEvent> events;
};

std::string WriteIcs(const IcsCalendar& calendar);

// RFC 5545 3.3.11: backslash, semicolon and comma escaped; line breaks as \n.
std::string EscapeIcsText(const std::string& text);

// RFC 5545 3.1: content lines longer than 75 octets continue on lines that start with a space.
std::string FoldIcsLine(const std::string& line);

}  // namespace corium::calendar
