#include "corium/cli/demo_clinic.h"

#include <chrono>
#include <cstdint>

#include "corium/cli/demo_story.h"

namespace corium::cli {
namespace demo {

std::int64_t DemoStory::SecondsAt(Date day, int local_hour) {
  const std::chrono::sys_days midnight{std::chrono::year_month_day{
      std::chrono::year(day.year()), std::chrono::month(day.month()), std::chrono::day(day.day())}};
  // Denver is UTC-7 (UTC-6 in summer); one offset is enough because decisions read only the
  // calendar date, and the audit log's instants stay in order.
  constexpr std::int64_t kUtcOffsetHours = 7;
  return std::chrono::duration_cast<std::chrono::seconds>(midnight.time_since_epoch()).count() +
         (local_hour + kUtcOffsetHours) * 3600;
}

DemoStory::DemoStory(store::SqlConnection& db, const kb::KnowledgeBase& kb)
    : db_(db),
      kb_(kb),
      clock_(SecondsAt(Day(6, 1), 8), Day(6, 1)),
      audit_(db),
      work_(db, audit_),
      staff_repository_(db),
      client_repository_(db),
      screening_repository_(db),
      inventory_repository_(db),
      safety_repository_(db),
      chart_repository_(db),
      ports_{
          work_, audit_, clock_, kb_, staff_repository_, client_repository_, screening_repository_},
      inventory_(work_, audit_, inventory_repository_, clock_, kb_),
      safety_(work_, audit_, safety_repository_, clock_),
      charting_(work_, chart_repository_, audit_, clock_),
      calendar_repository_(db),
      outbox_repository_(db),
      outbox_scheduler_(outbox_repository_, kb_, clock_, OpenDemoZone),
      calendar_(work_, audit_, calendar_repository_, clock_, kb_, OpenDemoZone,
                &outbox_scheduler_) {}

Date DemoStory::Day(unsigned month, unsigned day) { return Date::FromYmd(2026, month, day); }

Depth DemoStory::Mm(double millimetres) { return *Depth::FromMillimetres(millimetres); }

void DemoStory::At(Date day, int local_hour) { clock_.Set(SecondsAt(day, local_hour), day); }

// The scenes in date order, so that the audit log reads as the clinic lived it.
Result<app::Id> DemoStory::Tell() {
  CORIUM_RETURN_IF_ERROR(OpenClinic());
  CORIUM_RETURN_IF_ERROR(HireStaff());
  CORIUM_RETURN_IF_ERROR(StockInventory());
  CORIUM_RETURN_IF_ERROR(ThreeWrinkleSessionsWithAnAmendment());
  CORIUM_RETURN_IF_ERROR(AnticoagulantTreatedConservatively());
  CORIUM_RETURN_IF_ERROR(PigmentationAfterAcneScarSession());
  CORIUM_RETURN_IF_ERROR(ReferralOverriddenForATeenager());
  CORIUM_RETURN_IF_ERROR(FollowUps());
  CORIUM_RETURN_IF_ERROR(DeferralsOfTheLastWeek());
  CORIUM_RETURN_IF_ERROR(OpenWorkForToday());
  CORIUM_RETURN_IF_ERROR(NextWeeksCalendar());
  return clinic_id_;
}

}  // namespace demo

Date DemoToday() { return Date::FromYmd(2026, 11, 20); }

Result<app::Id> SeedDemoClinic(store::SqlConnection& db, const kb::KnowledgeBase& kb) {
  demo::DemoStory story(db, kb);
  return story.Tell();
}

}  // namespace corium::cli
