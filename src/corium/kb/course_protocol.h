// CourseProtocol: the course-of-treatment part of the knowledge base (kb/course.yaml): default
// series, follow-up points, preparation reminders and the home-rolling regimen. Immutable once
// loaded, like the rest of KnowledgeBase.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/domain/code.h"

namespace corium::kb {

// FU-01: how many sessions, how far apart, by default or for one indication.
struct SeriesDefault {
  std::optional<Code> indication;  // nullopt: the default for any indication
  int sessions = 0;
  int max_sessions = 0;
  int interval_days = 0;
};

// A follow-up point: `days` after each session, or `months` after the last one of the series.
struct FollowUpPoint {
  Code point;
  int days = 0;
  int months = 0;
  std::string rule;
  std::string purpose;
};

// A reminder before a session; due as many days before it as the longest wait of its rules.
struct PreparationReminder {
  Code point;
  std::vector<std::string> rules;
  std::string advice;
};

struct RuleItems {
  std::string rule;
  std::vector<std::string> items;
  std::string instead;
};

struct HomeRolling {
  std::string depth_rule;  // HM-01: the home cap is that rule's cap
  std::string frequency_rule;
  int max_per_week = 0;
  int min_days_apart = 0;
  std::string pause_rule;  // HM-03: the pause after a session is that rule's window
  int pause_days_before = 0;
  std::string replacement_rule;
  int replace_after_uses = 0;
  RuleItems avoid_products;
  RuleItems never;
};

struct CourseProtocol {
  std::string series_rule;
  std::vector<SeriesDefault> series;  // the default first, then per indication
  std::vector<FollowUpPoint> after_each_session;
  std::vector<FollowUpPoint> after_series;
  std::string no_response_rule;
  int no_response_months = 0;
  std::vector<PreparationReminder> preparation;
  HomeRolling home;

  // The indication's series, or the default.
  const SeriesDefault& SeriesFor(const Code& indication) const;
};

}  // namespace corium::kb
