// PlanStatusChanges: closing or reopening a plan, including the "no response" verdict, which FU-03
// refuses while sessions remain or before the knowledge base's months after the last session (the
// course is computed from the records as CourseReads does). One transaction, audited, and guarded
// by the version the caller read. Not thread-safe: one instance per connection.
#pragma once

#include <cstdint>
#include <string>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/course_reads.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

class PlanStatusChanges {
 public:
  PlanStatusChanges(UnitOfWork& work, CourseRecordRepository& records, AuditLog& audit,
                    const Clock& clock)
      : work_(work), records_(records), audit_(audit), clock_(clock) {}

  // `status` is active, completed, cancelled or no_response (stored as completed with the
  // outcome no_response). InvalidFields on `status` for another value or an FU-03 refusal;
  // kConflict for a stale version; kNotFound for a plan the clinic does not have.
  // Answers the plan's new version.
  Result<std::int64_t> SetStatus(const Actor& actor, const kb::KnowledgeBase& kb, Id plan_id,
                                 std::int64_t version, const std::string& status);

 private:
  UnitOfWork& work_;
  CourseRecordRepository& records_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace corium::app
