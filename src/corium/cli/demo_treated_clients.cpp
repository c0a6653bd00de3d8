// The clients the demo clinic treats: charts, an amendment, outcome assessments and an adverse
// event, in date order.
#include "corium/cli/demo_story.h"

namespace corium::cli::demo {

// Emma Larsen, Fitzpatrick II with nothing in her history, treated by the supervised nurse.
Status DemoStory::ThreeWrinkleSessionsWithAnAmendment() {
  const app::Actor& rn = nurse_;
  At(Day(8, 4), 9);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id emma,
      NewClient(rn,
                {"Emma", "Larsen", Date::FromYmd(1984, 6, 2), "emma.larsen@example.com",
                 "+1 801 555 0142", 2},
                R"({"client": {"birth_date": "1984-06-02", "fitzpatrick": 2, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  // She first asks for her eyelids too; inside the orbital rim is never needled (EX-10).
  CORIUM_RETURN_IF_ERROR(Screen(rn, emma, "wrinkles", {"periorbital", "eyelid"}).status());
  const std::vector<std::string> zones = {"periorbital", "forehead", "cheeks"};
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening, Screen(rn, emma, "wrinkles", zones));
  CORIUM_ASSIGN_OR_RETURN(wrinkle_plan_, PlanAndConsent(rn, screening,
                                                        {screening.id,
                                                         Code("wrinkles"),
                                                         {{Code("periorbital"), Mm(0.25), Mm(0.5)},
                                                          {Code("forehead"), Mm(0.25), Mm(0.5)},
                                                          {Code("cheeks"), Mm(0.5), Mm(1.0)}},
                                                         3,
                                                         28},
                                                        "Emma Larsen"));
  CORIUM_RETURN_IF_ERROR(
      Step("baseline of Emma Larsen",
           safety_
               .RecordOutcomeAssessment(
                   rn, kb_,
                   {wrinkle_plan_, Code("lemperle"), 3, app::TimePoint::kBaseline, clock_.Today()})
               .status()));
  CORIUM_ASSIGN_OR_RETURN(const app::Id first_session,
                          TreatAndSign(rn, wrinkle_plan_,
                                       {Zone("periorbital", 0.25, 2), Zone("forehead", 0.5, 2),
                                        Zone("cheeks", 0.75, 3)},
                                       "forehead, periorbital skin and cheeks",
                                       "First of three. Even erythema reached; tolerated well."));

  const std::vector<app::TreatedZone> full_depth = {
      Zone("periorbital", 0.5, 2), Zone("forehead", 0.5, 3), Zone("cheeks", 1.0, 3)};
  At(Day(9, 1), 9);
  CORIUM_RETURN_IF_ERROR(Screen(rn, emma, "wrinkles", zones).status());  // the day-of re-check
  CORIUM_RETURN_IF_ERROR(TreatAndSign(rn, wrinkle_plan_, full_depth,
                                      "forehead, periorbital skin and cheeks",
                                      "Second of three. No reaction after the first session.")
                             .status());
  // A signed chart never changes: the correction sits beside it.
  CORIUM_RETURN_IF_ERROR(
      Step("amending the first session",
           charting_
               .AmendRecord(rn, {"session", first_session,
                                 "Forehead charted as two passes; three were made (procedure "
                                 "photos reviewed with the client).",
                                 R"({"zones": [{"zone": "forehead", "passes": 3}]})"})
               .status()));
  At(Day(9, 29), 9);
  CORIUM_RETURN_IF_ERROR(Screen(rn, emma, "wrinkles", zones).status());
  return TreatAndSign(rn, wrinkle_plan_, full_depth, "forehead, periorbital skin and cheeks",
                      "Last of three. Outcome review at month 3.")
      .status();
}

// Margaret Doyle, 68, on an anticoagulant (PC-01): shallow settings and an erythema endpoint.
Status DemoStory::AnticoagulantTreatedConservatively() {
  const app::Actor& np = nurse_practitioner_;
  At(Day(10, 1), 10);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id margaret,
      NewClient(np,
                {"Margaret", "Doyle", Date::FromYmd(1958, 9, 11), "m.doyle@example.com",
                 "+1 801 555 0187", 2},
                R"({"client": {"birth_date": "1958-09-11", "fitzpatrick": 2, "pregnant": false,
                    "breastfeeding": false}, "conditions": [],
                    "medications": [{"code": "anticoagulant", "current": true}],
                    "allergies": [], "procedures": []})"));
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening,
                          Screen(np, margaret, "photoaging", {"cheeks", "neck"}));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id plan,
      PlanAndConsent(np, screening,
                     {screening.id,
                      Code("photoaging"),
                      {{Code("cheeks"), Mm(0.5), Mm(0.75)}, {Code("neck"), Mm(0.25), Mm(0.5)}},
                      3,
                      42},
                     "Margaret Doyle"));
  return TreatAndSign(np, plan, {Zone("cheeks", 0.5, 2), Zone("neck", 0.25, 2)}, "",
                      "On apixaban: no anaesthetic, shallow settings, pressure held five minutes. "
                      "No bleeding beyond the channels.")
      .status();
}

// Amara Okafor, Fitzpatrick V (CN-02), treated by the master esthetician within Utah's 1.5 mm
// cap, develops post-inflammatory hyperpigmentation: a grade 2 adverse event.
Status DemoStory::PigmentationAfterAcneScarSession() {
  const app::Actor& me = master_esthetician_;
  At(Day(10, 6), 11);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id amara,
      NewClient(me,
                {"Amara", "Okafor", Date::FromYmd(1990, 2, 27), "amara.okafor@example.com",
                 "+1 385 555 0119", 5},
                R"({"client": {"birth_date": "1990-02-27", "fitzpatrick": 5, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening,
                          Screen(me, amara, "acne_scars", {"cheeks"}));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id plan,
      PlanAndConsent(
          me, screening,
          {screening.id, Code("acne_scars"), {{Code("cheeks"), Mm(0.5), Mm(1.0)}}, 4, 42},
          "Amara Okafor"));
  CORIUM_RETURN_IF_ERROR(
      Step("baseline of Amara Okafor",
           safety_
               .RecordOutcomeAssessment(me, kb_,
                                        {plan, Code("goodman_baron_qualitative"), 3,
                                         app::TimePoint::kBaseline, clock_.Today()})
               .status()));
  CORIUM_ASSIGN_OR_RETURN(const app::Id session,
                          TreatAndSign(me, plan, {Zone("cheeks", 1.0, 3)}, "both cheeks",
                                       "First of four. Even erythema."));

  At(Day(10, 9), 14);
  app::AdverseEventReport report;
  report.client_id = amara;
  report.session_id = session;
  report.onset_on = Day(10, 8);
  report.description =
      "Post-inflammatory hyperpigmentation on both cheeks, noticed two days after the session; "
      "strict photoprotection and azelaic acid 15% started, next session postponed.";
  report.grade = 2;
  report.causality = app::Causality::kProbable;
  report.suspected_device_id = pen_;
  report.suspected_lot_id = near_expiry_lot_;
  report.outcome = app::AdverseOutcome::kOngoing;
  CORIUM_ASSIGN_OR_RETURN(pigmentation_event_, Step("adverse event of Amara Okafor",
                                                    safety_.RecordAdverseEvent(me, report)));
  return Status::Ok();
}

// Ava Martinez, 19 (EX-02, CN-04): the California esthetician's screening refers; the medical
// director overrides it, and the nurse practitioner screens and treats her the same day.
Status DemoStory::ReferralOverriddenForATeenager() {
  At(Day(10, 20), 15);
  CORIUM_ASSIGN_OR_RETURN(
      ava_,
      NewClient(california_esthetician_,
                {"Ava", "Martinez", Date::FromYmd(2007, 5, 14), "ava.martinez@example.com",
                 "+1 801 555 0166", 3},
                R"({"client": {"birth_date": "2007-05-14", "fitzpatrick": 3, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  CORIUM_ASSIGN_OR_RETURN(const app::Screening referred,
                          Screen(california_esthetician_, ava_, "acne_scars", {"cheeks"}));
  CORIUM_RETURN_IF_ERROR(
      Step("overriding the referral",
           app::OverrideScreening(
               ports_, director_, referred.id,
               "Reviewed by the medical director: the referral is accepted in-house. The "
               "nurse practitioner, permitted in Utah, screens and treats; the esthetician "
               "does not needle.")
               .status()));
  const app::Actor& np = nurse_practitioner_;
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening,
                          Screen(np, ava_, "acne_scars", {"cheeks"}));
  CORIUM_ASSIGN_OR_RETURN(
      ava_plan_,
      PlanAndConsent(
          np, screening,
          {screening.id, Code("acne_scars"), {{Code("cheeks"), Mm(0.5), Mm(1.0)}}, 3, 28},
          "Ava Martinez"));
  return TreatAndSign(np, ava_plan_, {Zone("cheeks", 0.75, 3)}, "both cheeks",
                      "First of three. Consent reviewed with the client (19).")
      .status();
}

Status DemoStory::FollowUps() {
  At(Day(11, 4), 9);
  CORIUM_RETURN_IF_ERROR(
      Step("month 3 of Emma Larsen",
           safety_
               .RecordOutcomeAssessment(
                   nurse_, kb_,
                   {wrinkle_plan_, Code("lemperle"), 2, app::TimePoint::kMonth3, clock_.Today()})
               .status()));
  At(Day(11, 13), 16);
  return Step("resolving the pigmentation",
              safety_
                  .UpdateAdverseEventOutcome(director_, pigmentation_event_, 1,
                                             app::AdverseOutcome::kResolved)
                  .status());
}

// The demo's today (DemoToday): work the Today screen shows open. Ava Martinez reports small red
// papules a month after her first session (ES-05: a dermatologist reviews; the event stays open),
// and her second session is charted but not yet signed.
Status DemoStory::OpenWorkForToday() {
  At(Day(11, 19), 11);
  app::AdverseEventReport report;
  report.client_id = ava_;
  report.onset_on = Day(11, 17);
  report.description =
      "Three small red papules on the left cheek, a month after the first session; referred to "
      "a dermatologist, topicals used recorded, no self-treatment.";
  report.grade = 1;
  report.causality = app::Causality::kPossible;
  report.outcome = app::AdverseOutcome::kOngoing;
  CORIUM_RETURN_IF_ERROR(
      Step("adverse event of Ava Martinez", safety_.RecordAdverseEvent(nurse_practitioner_, report))
          .status());
  At(Day(11, 20), 10);
  const app::Actor& np = nurse_practitioner_;
  CORIUM_RETURN_IF_ERROR(Screen(np, ava_, "acne_scars", {"cheeks"}).status());
  return Treat(np, ava_plan_, {Zone("cheeks", 0.75, 3)}, "both cheeks",
               "Second of three; papules on the left cheek avoided. To be signed after review.")
      .status();
}

}  // namespace corium::cli::demo
