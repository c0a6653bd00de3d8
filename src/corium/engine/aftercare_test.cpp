// The aftercare sheet (AF-01, AF-02, ES-01..ES-07) against the shipped knowledge base: dates count
// from the session, makeup waits 48 hours after a session deeper than 1.0 mm (or of unrecorded
// depth), the AF-02 statement is there for a client on a blood thinner only, and no line ever
// tells a client to stop one.
#include "corium/engine/aftercare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "support/test_kb.h"

namespace corium::engine {
namespace {

using testing::ShippedKb;

AftercareFacts Facts(std::optional<double> deepest_mm, bool blood_thinner = false) {
  AftercareFacts facts;
  facts.session_date = Date::FromYmd(2026, 11, 20);
  if (deepest_mm) facts.deepest = Depth::FromMillimetres(*deepest_mm);
  facts.zones = {Code("cheeks"), Code("forehead")};
  facts.blood_thinner = blood_thinner;
  return facts;
}

const AftercareAvoidance& Avoid(const AftercareSheet& sheet, const std::string& what) {
  for (const AftercareAvoidance& a : sheet.avoid) {
    if (a.what.rfind(what, 0) == 0) return a;
  }
  static const AftercareAvoidance kNone{};
  ADD_FAILURE() << "nothing to avoid named " << what;
  return kNone;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

TEST(Aftercare, DatesCountFromTheSessionDay) {
  const AftercareSheet sheet = BuildAftercareSheet(Facts(0.75), ShippedKb());
  ASSERT_FALSE(sheet.timeline.empty());
  EXPECT_EQ(sheet.timeline[0].when, "First 24 hours");
  EXPECT_EQ(sheet.timeline[0].from, Date::FromYmd(2026, 11, 20));
  EXPECT_EQ(sheet.timeline[0].to, Date::FromYmd(2026, 11, 21));
  EXPECT_EQ(Avoid(sheet, "Saunas").until, Date::FromYmd(2026, 11, 27));
  EXPECT_EQ(Avoid(sheet, "Strenuous exercise").until, Date::FromYmd(2026, 11, 23));
  ASSERT_EQ(sheet.check_ins.size(), 3U);
  EXPECT_EQ(sheet.check_ins[0].label, "48-hour check-in");
  EXPECT_EQ(sheet.check_ins[0].date, Date::FromYmd(2026, 11, 22));
  EXPECT_EQ(sheet.check_ins[2].date, Date::FromYmd(2026, 12, 18));
  EXPECT_EQ(Avoid(sheet, "Waxing").what,
            "Waxing, laser, peels and injectables in the treated area (Cheeks, Forehead and "
            "glabella)");
}

TEST(Aftercare, MakeupWaits24HoursUpTo1MmAnd48HoursDeeper) {
  EXPECT_EQ(Avoid(BuildAftercareSheet(Facts(1.0), ShippedKb()), "Makeup").until,
            Date::FromYmd(2026, 11, 21));
  EXPECT_EQ(Avoid(BuildAftercareSheet(Facts(1.25), ShippedKb()), "Makeup").until,
            Date::FromYmd(2026, 11, 22));
  EXPECT_EQ(Avoid(BuildAftercareSheet(Facts(std::nullopt), ShippedKb()), "Makeup").until,
            Date::FromYmd(2026, 11, 22));
}

TEST(Aftercare, BloodThinnerStatementOnlyForClientsTakingOne) {
  const AftercareSheet on = BuildAftercareSheet(Facts(0.5, /*blood_thinner=*/true), ShippedKb());
  ASSERT_EQ(on.notes.size(), 1U);
  EXPECT_EQ(on.notes[0].rule, "AF-02");
  EXPECT_NE(on.notes[0].text.find("Do not stop your prescribed blood thinner"), std::string::npos);
  EXPECT_TRUE(BuildAftercareSheet(Facts(0.5), ShippedKb()).notes.empty());
}

TEST(Aftercare, EveryWarningSignIsListedAndNothingSaysToStopBloodThinners) {
  const AftercareSheet sheet = BuildAftercareSheet(Facts(0.5, true), ShippedKb());
  ASSERT_EQ(sheet.warning_signs.size(), 7U);
  EXPECT_EQ(sheet.warning_signs[0].rule, "ES-01");
  EXPECT_EQ(sheet.warning_signs[0].urgency, "emergency");
  std::string all;
  for (const auto& p : sheet.timeline) {
    all += p.expect;
    for (const auto& s : p.steps) all += s;
  }
  for (const auto& a : sheet.avoid) all += a.what;
  for (const auto& w : sheet.warning_signs) all += w.signs + w.action;
  EXPECT_EQ(Lower(all).find("blood thin"), std::string::npos);
  EXPECT_EQ(Lower(all).find("aspirin"), std::string::npos);
}

}  // namespace
}  // namespace corium::engine
