// Message templates (kb/messages.yaml): what the outbox sends around an appointment, and when.
// Plain immutable data; the outbox (app/outbox.h) fills in the appointment's time.
#pragma once

#include <string>
#include <vector>

namespace corium::kb {

enum class MessageAnchor { kStart, kEnd };

struct MessageTemplate {
  std::string id;                     // MSG-01
  std::string kind;                   // reminder_48h, preparation_14d, checkin_7d…
  std::vector<std::string> purposes;  // appointment purposes it goes with
  MessageAnchor from = MessageAnchor::kStart;
  int offset_hours = 0;  // from the anchor; negative is before it
  std::string subject;   // may hold {start}
  std::string body;      // may hold {start}
};

}  // namespace corium::kb
