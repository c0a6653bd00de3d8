// Course benchmarks (issue 6): a 6-session course over 4 zones for a client with a year of history
// (12 monthly sessions, 24 other procedures, a deferring screening), with and without a moved
// session, and a 26-week home-rolling calendar around it; knowledge base loaded once.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "corium/course/home_care.h"
#include "corium/course/schedule.h"
#include "corium/kb/loader.h"

namespace {

using corium::Code;
using corium::Date;
using corium::Depth;

const corium::kb::KnowledgeBase& Kb() {
  static const corium::kb::KnowledgeBase kKb = [] {
    auto files = corium::kb::ReadKbDirectory(CORIUM_SOURCE_KB_DIR);
    if (!files.ok()) throw std::runtime_error(files.status().ToString());
    auto kb = corium::kb::LoadKnowledgeBase(*files);
    if (!kb.ok()) throw std::runtime_error(kb.status().ToString());
    return std::move(kb).value();
  }();
  return kKb;
}

corium::course::CourseRequest YearOfHistory() {
  const Date as_of = Date::FromYmd(2026, 11, 20);
  corium::course::CourseRequest r;
  r.as_of = as_of;
  const std::vector<std::string> zones = {"cheeks", "forehead", "chin", "perioral"};
  for (const std::string& z : zones) {
    r.plan.zones.push_back({Code(z), Depth::FromMicrometres(1000)});
  }
  r.plan.indication = Code("acne_scars");
  r.plan.sessions = 6;
  r.plan.interval_days = 28;
  for (int month = 12; month >= 1; --month) {
    r.history.sessions.push_back({as_of.AddMonths(-month),
                                  {{Code(zones[static_cast<size_t>(month) % 4]),
                                    Depth::FromMicrometres(500 + 125 * (month % 5))}},
                                  false});
  }
  const std::vector<std::string> procedures = {"waxing",           "neurotoxin", "ha_filler",
                                               "superficial_peel", "threading",  "tanning"};
  for (int i = 0; i < 24; ++i) {
    r.history.procedures.push_back({Code(procedures[static_cast<size_t>(i) % procedures.size()]),
                                    {Code(zones[static_cast<size_t>(i) % 4])},
                                    as_of.AddDays(-365 + 16 * i),
                                    std::nullopt});
  }
  r.history.screening_earliest = as_of.AddDays(3);
  return r;
}

void BM_SixSessionCourseWithAYearOfHistory(benchmark::State& state) {
  const auto request = YearOfHistory();
  for (auto _ : state) {
    auto course = corium::course::PlanCourse(Kb(), request);
    if (!course.ok()) state.SkipWithError("course refused");
    benchmark::DoNotOptimize(course);
  }
}
BENCHMARK(BM_SixSessionCourseWithAYearOfHistory);

void BM_SixSessionCourseWithAMove(benchmark::State& state) {
  auto request = YearOfHistory();
  const auto planned = corium::course::PlanCourse(Kb(), request);
  if (!planned.ok()) throw std::runtime_error(planned.status().ToString());
  request.moves = {{3, planned->sessions[2].date.AddDays(5)}};
  for (auto _ : state) {
    auto course = corium::course::PlanCourse(Kb(), request);
    if (!course.ok()) state.SkipWithError("move refused");
    benchmark::DoNotOptimize(course);
  }
}
BENCHMARK(BM_SixSessionCourseWithAMove);

void BM_HomeCareTwentySixWeeks(benchmark::State& state) {
  const auto course = corium::course::PlanCourse(Kb(), YearOfHistory());
  if (!course.ok()) throw std::runtime_error(course.status().ToString());
  corium::course::HomeCareRequest request{{}, Date::FromYmd(2026, 11, 20), 26, 0};
  for (const auto& s : course->sessions) request.clinic_sessions.push_back(s.date);
  for (auto _ : state) {
    auto plan = corium::course::PlanHomeCare(Kb(), request);
    benchmark::DoNotOptimize(plan);
  }
}
BENCHMARK(BM_HomeCareTwentySixWeeks);

}  // namespace

BENCHMARK_MAIN();
