// The clients of the demo's last week whose screenings defer.
#include "corium/cli/demo_story.h"

namespace corium::cli::demo {

// Four clients whose screenings defer: nothing is planned until the reason has passed.
Status DemoStory::DeferralsOfTheLastWeek() {
  At(Day(11, 16), 10);  // active acne on the forehead (DF-03)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id lucas,
      NewClient(director_,
                {"Lucas", "Brennan", Date::FromYmd(2001, 7, 8), "lucas.brennan@example.com",
                 "+1 801 555 0103", 3},
                R"({"client": {"birth_date": "2001-07-08", "fitzpatrick": 3, "pregnant": false,
                    "breastfeeding": false},
                    "conditions": [{"code": "active_acne", "zones": ["forehead"]}],
                    "medications": [], "allergies": [], "procedures": []})"));
  CORIUM_RETURN_IF_ERROR(Screen(director_, lucas, "acne_scars", {"cheeks", "forehead"}).status());

  At(Day(11, 17), 10);  // isotretinoin stopped three months ago (DF-01)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id noah,
      NewClient(nurse_practitioner_,
                {"Noah", "Fischer", Date::FromYmd(1996, 1, 20), "noah.fischer@example.com",
                 "+1 435 555 0150", 3},
                R"({"client": {"birth_date": "1996-01-20", "fitzpatrick": 3, "pregnant": false,
                    "breastfeeding": false}, "conditions": [],
                    "medications": [{"code": "isotretinoin", "current": false,
                                     "last_dose": "2026-08-15"}],
                    "allergies": [], "procedures": []})"));
  CORIUM_RETURN_IF_ERROR(Screen(nurse_practitioner_, noah, "acne_scars", {"cheeks"}).status());

  At(Day(11, 18), 10);  // waxed the upper lip yesterday (DF-08)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id grace,
      NewClient(nurse_,
                {"Grace", "Holloway", Date::FromYmd(1979, 12, 3), "grace.holloway@example.com",
                 "+1 801 555 0174", 2},
                R"({"client": {"birth_date": "1979-12-03", "fitzpatrick": 2, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [],
                    "procedures": [{"code": "waxing", "date": "2026-11-17",
                                    "zones": ["perioral"]}]})"));
  CORIUM_RETURN_IF_ERROR(Screen(nurse_, grace, "wrinkles", {"perioral"}).status());

  At(Day(11, 19), 10);  // pregnant (EX-03)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id sarah,
      NewClient(director_,
                {"Sarah", "Whitfield", Date::FromYmd(1993, 10, 30), "sarah.whitfield@example.com",
                 "+1 801 555 0128", 2},
                R"({"client": {"birth_date": "1993-10-30", "fitzpatrick": 2, "pregnant": true,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  return Screen(director_, sarah, "stretch_marks", {"abdomen"}).status();
}

}  // namespace corium::cli::demo
