#include "corium/course/home_care.h"

#include <algorithm>
#include <variant>

namespace corium::course {
namespace {

// HM-01's home cap and HM-03's wait after a session live in rules/home.yaml.
std::optional<Depth> CapOf(const kb::Rule* rule) {
  if (rule == nullptr) return std::nullopt;
  for (const kb::RuleCase& c : rule->cases) {
    if (c.cap) return c.cap;
  }
  return std::nullopt;
}

std::optional<int> WindowDaysOf(const kb::Rule* rule) {
  if (rule == nullptr) return std::nullopt;
  for (const kb::RuleCase& c : rule->cases) {
    if (c.window && c.window->days > 0) return c.window->days;
  }
  return std::nullopt;
}

Result<HomeCarePlan> RegimenOf(const kb::KnowledgeBase& kb) {
  const kb::HomeRolling& home = kb.course.home;
  const auto cap = CapOf(kb.FindRule(home.depth_rule));
  const auto after = WindowDaysOf(kb.FindRule(home.pause_rule));
  if (!cap || !after) {
    return Status::Internal("the knowledge base gives no home depth cap (" + home.depth_rule +
                            ") or no pause after a session (" + home.pause_rule + ")");
  }
  HomeCarePlan plan;
  plan.max_depth = *cap;
  plan.depth_rule = home.depth_rule;
  plan.max_per_week = home.max_per_week;
  plan.min_days_apart = home.min_days_apart;
  plan.frequency_rule = home.frequency_rule;
  plan.pause_days_before = home.pause_days_before;
  plan.pause_days_after = *after;
  plan.pause_rule = home.pause_rule;
  plan.replace_after_uses = home.replace_after_uses;
  plan.replacement_rule = home.replacement_rule;
  plan.avoid_products = home.avoid_products;
  plan.never = home.never;
  return plan;
}

// The clinic session whose pause window [session - before, session + after) holds `day`.
std::optional<Date> PausingSession(const HomeCarePlan& plan, const std::vector<Date>& sessions,
                                   Date day) {
  for (const Date& s : sessions) {
    if (s.AddDays(-plan.pause_days_before) <= day && day < s.AddDays(plan.pause_days_after)) {
      return s;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view HomeDayKindName(HomeDayKind kind) {
  switch (kind) {
    case HomeDayKind::kRoll:
      return "roll";
    case HomeDayKind::kRest:
      return "rest";
    case HomeDayKind::kPaused:
      return "paused";
  }
  return "rest";
}

Result<HomeCarePlan> PlanHomeCare(const kb::KnowledgeBase& kb, const HomeCareRequest& request) {
  std::vector<FieldError> errors;
  if (request.weeks < 1 || request.weeks > 52) errors.push_back({"weeks", "must be from 1 to 52"});
  if (request.uses_so_far < 0) errors.push_back({"uses_so_far", "must not be negative"});
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  auto regimen = RegimenOf(kb);
  if (!regimen.ok()) return regimen.status();
  HomeCarePlan plan = std::move(regimen).value();

  std::vector<Date> rolls;
  int uses = request.uses_so_far;
  for (int i = 0; i < request.weeks * 7; ++i) {
    HomeDay day{request.from.AddDays(i), HomeDayKind::kRoll, "", ""};
    const auto in_week = std::count_if(rolls.begin(), rolls.end(),
                                       [&](const Date& r) { return r > day.date.AddDays(-7); });
    if (const auto session = PausingSession(plan, request.clinic_sessions, day.date)) {
      day = {day.date, HomeDayKind::kPaused, plan.pause_rule,
             "clinic session on " + session->ToString() + ": no home rolling from " +
                 std::to_string(plan.pause_days_before) + " days before until " +
                 std::to_string(plan.pause_days_after) + " days after"};
    } else if (!rolls.empty() && rolls.back() > day.date.AddDays(-plan.min_days_apart)) {
      day = {day.date, HomeDayKind::kRest, plan.frequency_rule,
             "rolled on " + rolls.back().ToString() + "; never on consecutive days"};
    } else if (in_week >= plan.max_per_week) {
      day = {day.date, HomeDayKind::kRest, plan.frequency_rule,
             "already " + std::to_string(in_week) + " times in the last 7 days; at most " +
                 std::to_string(plan.max_per_week) + " a week"};
    } else {
      rolls.push_back(day.date);
      if (++uses >= plan.replace_after_uses) {
        plan.replace_on.push_back(day.date);
        uses = 0;
      }
    }
    plan.days.push_back(std::move(day));
  }
  return plan;
}

}  // namespace corium::course
