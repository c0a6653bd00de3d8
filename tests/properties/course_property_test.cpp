// Properties of the course engine and the home-rolling calendar over generated histories (issue 6):
// no scheduled session falls inside a wash-out window or closer than the plan's interval, each
// earliest date is the first one allowed, a move keeps the order and every constraint, and home
// rolling never falls on consecutive days, inside a pause, or more than 3 times in 7 days.
// Seeded (std::mt19937, fixed seeds), so every failure reproduces; failures print the seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "corium/course/home_care.h"
#include "corium/course/schedule.h"
#include "corium/course/washouts.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

using course::ClientHistory;
using course::Course;
using course::CourseRequest;
using course::OtherProcedure;
using course::PastSession;
using course::ZoneDepth;

constexpr unsigned kFirstSeed = 20261121;
constexpr int kHistories = 400;
const Date kAsOf = Date::FromYmd(2026, 11, 20);

const std::vector<std::string> kZones = {"forehead", "cheeks", "perioral", "chin", "neck"};
const std::vector<std::string> kProcedures = {
    "waxing",     "threading", "superficial_peel", "medium_deep_peel", "ablative_laser",
    "neurotoxin", "ha_filler", "tanning",          "microneedling",    "dermaplaning"};

int Uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::vector<Code> SomeZones(std::mt19937& rng) {
  std::vector<Code> zones;
  for (const std::string& z : kZones) {
    if (Uniform(rng, 0, 2) == 0) zones.emplace_back(z);
  }
  return zones;
}

Depth SomeDepth(std::mt19937& rng) { return Depth::FromMicrometres(250 * Uniform(rng, 1, 6)); }

// A plan and a year of history: past sessions, procedures done or booked, sometimes a screening.
CourseRequest Generate(std::mt19937& rng) {
  CourseRequest r;
  r.as_of = kAsOf;
  std::vector<Code> zones = SomeZones(rng);
  if (zones.empty()) zones.emplace_back("cheeks");
  for (const Code& z : zones) r.plan.zones.push_back({z, SomeDepth(rng)});
  r.plan.indication = Code("acne_scars");
  r.plan.sessions = Uniform(rng, 1, 6);
  r.plan.interval_days = 7 * Uniform(rng, 2, 6);
  Date day = kAsOf.AddDays(-365);
  const int done = Uniform(rng, 0, r.plan.sessions);
  for (int i = 0; i < done; ++i) {
    day = day.AddDays(Uniform(rng, 14, 60));
    if (day > kAsOf) break;
    r.history.sessions.push_back({day, r.plan.zones, true});
  }
  for (int i = Uniform(rng, 0, 12); i > 0; --i) {
    const auto& code = kProcedures[static_cast<size_t>(Uniform(rng, 0, 9))];
    std::optional<Depth> depth;
    if (code == "microneedling" && Uniform(rng, 0, 1) == 1) depth = SomeDepth(rng);
    r.history.procedures.push_back(
        {Code(code), SomeZones(rng), kAsOf.AddDays(Uniform(rng, -365, 200)), depth});
  }
  if (Uniform(rng, 0, 3) == 0) r.history.screening_earliest = kAsOf.AddDays(Uniform(rng, 1, 90));
  return r;
}

bool Touches(const std::vector<Code>& zones, const CourseRequest& r) {
  if (zones.empty()) return true;
  return std::any_of(zones.begin(), zones.end(), [&](const Code& z) {
    return std::any_of(r.plan.zones.begin(), r.plan.zones.end(),
                       [&](const ZoneDepth& p) { return p.zone == z; });
  });
}

// The first wash-out window that holds `date`, given the sessions scheduled before it; empty when
// none does. Checked independently of the engine's search, from the same rules.
std::string WindowHolding(const CourseRequest& r, const Course& c, size_t index, Date date) {
  std::vector<OtherProcedure> events = r.history.procedures;
  std::vector<PastSession> sessions = r.history.sessions;
  for (size_t i = 0; i < index; ++i) sessions.push_back({c.sessions[i].date, r.plan.zones, true});
  for (const PastSession& s : sessions) {
    for (const ZoneDepth& z : s.zones)
      events.push_back({Code("microneedling"), {z.zone}, s.date, z.depth});
  }
  for (const course::Washout& w : course::WashoutsOf(ShippedKb())) {
    for (const OtherProcedure& e : events) {
      if (Touches(e.zones, r) && w.Matches(e.code, e.depth) && e.date <= date &&
          date < w.EndAfter(e.date)) {
        return w.rule + " after " + e.code.str() + " on " + e.date.ToString();
      }
    }
  }
  return "";
}

Date LowerBoundOf(const CourseRequest& r, const Course& c, size_t index) {
  Date bound = r.as_of;
  if (r.history.screening_earliest) bound = std::max(bound, *r.history.screening_earliest);
  const std::optional<Date> previous =
      index > 0 ? std::optional<Date>(c.sessions[index - 1].date)
                : (c.done.empty() ? std::nullopt : std::optional<Date>(c.done.back().date));
  if (previous) bound = std::max(bound, previous->AddDays(r.plan.interval_days));
  return bound;
}

// Every session respects every constraint, and (unless moved) no earlier day would have.
void ExpectConstraintsHold(const CourseRequest& r, const Course& c, unsigned seed) {
  for (size_t i = 0; i < c.sessions.size(); ++i) {
    const auto& s = c.sessions[i];
    const Date bound = LowerBoundOf(r, c, i);
    EXPECT_GE(s.date, bound) << "seed " << seed << " session " << s.number;
    EXPECT_EQ(WindowHolding(r, c, i, s.date), "") << "seed " << seed << " session " << s.number;
    if (i > 0) {
      EXPECT_LT(c.sessions[i - 1].date, s.date) << "seed " << seed;
    }
    if (!s.moved && s.date > bound) {
      EXPECT_NE(WindowHolding(r, c, i, s.date.AddDays(-1)), "")
          << "seed " << seed << " session " << s.number << " could be a day earlier";
    }
  }
}

TEST(CourseProperties, NoSessionBreaksAWashoutOrAnIntervalAndEachIsTheEarliest) {
  for (unsigned seed = kFirstSeed; seed < kFirstSeed + kHistories; ++seed) {
    std::mt19937 rng(seed);
    const CourseRequest r = Generate(rng);
    const auto c = course::PlanCourse(ShippedKb(), r);
    ASSERT_TRUE(c.ok()) << "seed " << seed << ": " << c.status().ToString();
    EXPECT_EQ(c->done.size() + c->sessions.size(), static_cast<size_t>(r.plan.sessions));
    ExpectConstraintsHold(r, *c, seed);
  }
}

TEST(CourseProperties, AMoveKeepsTheOrderAndEveryConstraintOrIsRefusedForAReason) {
  int accepted = 0;
  for (unsigned seed = kFirstSeed; seed < kFirstSeed + kHistories; ++seed) {
    std::mt19937 rng(seed);
    CourseRequest r = Generate(rng);
    const auto before = course::PlanCourse(ShippedKb(), r);
    ASSERT_TRUE(before.ok());
    if (before->sessions.empty()) continue;
    const size_t index =
        static_cast<size_t>(Uniform(rng, 0, static_cast<int>(before->sessions.size()) - 1));
    const auto& moved = before->sessions[index];
    const Date wanted = moved.earliest.AddDays(Uniform(rng, -5, 40));
    r.moves = {{moved.number, wanted}};
    const auto after = course::PlanCourse(ShippedKb(), r);
    if (!after.ok()) {
      // Refused: the date really is too early or inside a wash-out window.
      EXPECT_TRUE(wanted < moved.earliest || WindowHolding(r, *before, index, wanted) != "")
          << "seed " << seed << ": " << after.status().ToString();
      continue;
    }
    ++accepted;
    ASSERT_EQ(after->sessions.size(), before->sessions.size());
    EXPECT_EQ(after->sessions[index].date, wanted) << "seed " << seed;
    for (size_t i = 0; i < index; ++i) {
      EXPECT_EQ(after->sessions[i].date, before->sessions[i].date) << "seed " << seed;
    }
    for (size_t i = index; i < after->sessions.size(); ++i) {
      EXPECT_GE(after->sessions[i].date, before->sessions[i].date) << "seed " << seed;
    }
    ExpectConstraintsHold(r, *after, seed);
  }
  EXPECT_GT(accepted, kHistories / 4);  // the generator exercises accepted moves, not only refusals
}

TEST(HomeCareProperties, NeverConsecutiveNeverPausedAtMostThreeInSevenDays) {
  const int max_per_week = ShippedKb().course.home.max_per_week;
  for (unsigned seed = kFirstSeed; seed < kFirstSeed + kHistories; ++seed) {
    std::mt19937 rng(seed);
    course::HomeCareRequest request{{}, kAsOf, Uniform(rng, 1, 26), Uniform(rng, 0, 9)};
    for (int i = Uniform(rng, 0, 6); i > 0; --i) {
      request.clinic_sessions.push_back(kAsOf.AddDays(Uniform(rng, -30, 200)));
    }
    const auto plan = course::PlanHomeCare(ShippedKb(), request);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    std::vector<Date> rolls;
    for (const course::HomeDay& d : plan->days) {
      if (d.kind == course::HomeDayKind::kRoll) rolls.push_back(d.date);
    }
    for (size_t i = 0; i < rolls.size(); ++i) {
      if (i > 0) {
        EXPECT_GT(rolls[i], rolls[i - 1].AddDays(1)) << "seed " << seed;
      }
      const auto in_week = std::count_if(rolls.begin(), rolls.end(), [&](const Date& x) {
        return x <= rolls[i] && x > rolls[i].AddDays(-7);
      });
      EXPECT_LE(in_week, max_per_week) << "seed " << seed << " " << rolls[i].ToString();
      for (const Date& s : request.clinic_sessions) {
        const bool paused = s.AddDays(-plan->pause_days_before) <= rolls[i] &&
                            rolls[i] < s.AddDays(plan->pause_days_after);
        EXPECT_FALSE(paused) << "seed " << seed << " rolls " << rolls[i].ToString()
                             << " around session " << s.ToString();
      }
    }
    EXPECT_EQ(plan->days.size(), static_cast<size_t>(request.weeks * 7));
  }
}

}  // namespace
}  // namespace corium::testing
