// Services: every use case of one worker thread, over one database connection. Adapters (the
// HTTP server) open one ServiceScope per worker thread and call the use cases through it; nothing
// in a scope is shared between threads, and nothing a second process would need lives in it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "corium/app/accounts.h"
#include "corium/app/aftercare.h"
#include "corium/app/audit_reads.h"
#include "corium/app/calendar.h"
#include "corium/app/chart_reads.h"
#include "corium/app/charting.h"
#include "corium/app/consultation.h"
#include "corium/app/course_reads.h"
#include "corium/app/inventory.h"
#include "corium/app/inventory_reads.h"
#include "corium/app/outbox.h"
#include "corium/app/photos.h"
#include "corium/app/plan_status.h"
#include "corium/app/safety.h"
#include "corium/app/safety_reads.h"
#include "corium/app/today.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

// The clock of a worker thread: real time, with "today" in the time zone of the clinic the
// current request is for (set by the adapter before each call).
class ZonedClock : public Clock {
 public:
  // kInvalidArgument for a name the time zone database does not know.
  virtual Status SetZone(const std::string& iana_name) = 0;
};

struct Services {
  const kb::KnowledgeBase& kb;
  ZonedClock& clock;
  ConsultationPorts consultation;
  AuditTrail& audit_trail;  // reading the audit log (app/audit_reads.h)
  Charting& charting;
  Inventory& inventory;
  SafetyRecords& safety;
  Accounts& accounts;
  ChartReads& chart_reads;          // plans, consents, sessions, amendments as read back
  SafetyReads& safety_reads;        // adverse events, outcome assessments
  InventoryReads& inventory_reads;  // devices, cartridge lots, products
  Photos& photos;                   // uploads and audited downloads (a BlobStore under --data-dir)
  CourseReads& course_reads;        // a plan's course, a client's home-rolling plan (issue 6)
  PlanStatusChanges& plan_status;   // closing a plan, "no response" included (FU-03)
  Calendar& calendar;               // rooms, hours, types, slots, appointments
  AftercareReads& aftercare;        // a session's aftercare sheet
  TodayReads& today;                // the clinic's worklist for the day
  OutboxStatus& outbox;             // reminders and check-ins: counts by state
};

class ServiceScope {
 public:
  virtual ~ServiceScope() = default;
  virtual Services& services() = 0;
  // The wait for the audit entries that the calls since the last TakeDurabilityWait appended and
  // that are not yet durable; null when there are none. Only the server's scopes defer entries
  // (their reads hand them to a writer thread, store/records/audit_writer.h); the server takes
  // this wait after every request and sends the response only once it reports Ok.
  virtual DurabilityWait TakeDurabilityWait() { return nullptr; }
  // Whether the scope's database connection is gone for good; the server then opens a new scope
  // for the thread's next request instead of failing every one (a PostgreSQL restart).
  virtual bool ConnectionLost() const { return false; }
};

// Opens one thread's scope (a new database connection); kUnavailable when the database is down.
using ServiceOpener = std::function<Result<std::unique_ptr<ServiceScope>>()>;

}  // namespace corium::app
