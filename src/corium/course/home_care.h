// Home care (brief §9, HM-01..HM-06): a home-rolling calendar around the client's clinic sessions,
// with the regimen's limits, replacement reminders and products to avoid. Pure: the first day
// comes in, the limits from the knowledge base (course.yaml's home_rolling, HM-01's cap, HM-03's
// window).
#pragma once

#include <string>
#include <vector>

#include "corium/base/result.h"
#include "corium/domain/date.h"
#include "corium/domain/depth.h"
#include "corium/kb/knowledge_base.h"

namespace corium::course {

struct HomeCareRequest {
  std::vector<Date> clinic_sessions;  // done or scheduled
  Date from;                          // the first day of the calendar
  int weeks = 0;                      // 1 to 52
  int uses_so_far = 0;                // uses of the client's current roller
};

enum class HomeDayKind {
  kRoll,    // a suggested rolling day
  kRest,    // allowed, but rolling would break the frequency limit (HM-02)
  kPaused,  // no rolling around a clinic session (HM-03)
};

struct HomeDay {
  Date date;
  HomeDayKind kind = HomeDayKind::kRest;
  std::string rule;    // the rule behind a pause or a rest
  std::string reason;  // in words; empty on rolling days
};

struct HomeCarePlan {
  Depth max_depth;  // HM-01
  std::string depth_rule;
  int max_per_week = 0;
  int min_days_apart = 0;
  std::string frequency_rule;
  int pause_days_before = 0;
  int pause_days_after = 0;
  std::string pause_rule;
  int replace_after_uses = 0;
  std::string replacement_rule;
  std::vector<Date> replace_on;  // replace the roller after rolling on these days (HM-06)
  kb::RuleItems avoid_products;  // HM-05
  kb::RuleItems never;           // HM-04
  std::vector<HomeDay> days;     // one per day from `from`
};

std::string_view HomeDayKindName(HomeDayKind kind);

Result<HomeCarePlan> PlanHomeCare(const kb::KnowledgeBase& kb, const HomeCareRequest& request);

}  // namespace corium::course
