// DemoStory: the demo clinic of `corium demo` (demo_clinic.h) as a story told through the use
// cases. Internal to the demo: its scenes live in demo_*.cpp, one file per phase of the story.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corium/app/calendar.h"
#include "corium/app/charting.h"
#include "corium/app/consultation.h"
#include "corium/app/inventory.h"
#include "corium/app/outbox.h"
#include "corium/app/safety.h"
#include "corium/store/records/sql_calendar.h"
#include "corium/store/records/sql_charting.h"
#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_outbox.h"
#include "corium/store/records/sql_safety.h"
#include "corium/store/records/sql_screenings.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_unit_of_work.h"

namespace corium::cli::demo {

// A use case's refusal, prefixed with the demo step that met it: with fixed data, a refusal means
// the knowledge base decides differently than the story expects, and the step says where.
inline Status Step(const std::string& what, const Status& status) {
  if (status.ok()) return status;
  return {status.code(), what + ": " + status.ToString()};
}
template <typename T>
Result<T> Step(const std::string& what, Result<T> result) {
  if (result.ok()) return result;
  return Step(what, result.status());
}

enum class Anaesthetic { kNone, kTopical };

// The clinic's zone through the tz database (demo_calendar.cpp).
Result<std::unique_ptr<calendar::ClinicZone>> OpenDemoZone(const std::string& iana_name);

// The clinic's story from opening day to the demo's today, told through the use cases on one
// connection, with the clock moved to each scene's date. Not thread-safe; one story per run.
class DemoStory {
 public:
  DemoStory(store::SqlConnection& db, const kb::KnowledgeBase& kb);
  Result<app::Id> Tell();

 private:
  static std::int64_t SecondsAt(Date day, int local_hour);
  static Date Day(unsigned month, unsigned day);
  static Depth Mm(double millimetres);
  static std::vector<app::ChecklistTick> Checklist(Anaesthetic anaesthetic);
  static app::TreatedZone Zone(const std::string& zone, double millimetres, int passes);
  void At(Date day, int local_hour);

  Status OpenClinic();
  Result<app::Actor> Hire(const app::Actor& by, const app::StaffDraft& draft);
  Status HireStaff();
  Status StockInventory();
  Result<app::Id> NewClient(const app::Actor& by, const app::ClientDraft& draft,
                            const std::string& history_json);
  Result<app::Screening> Screen(const app::Actor& by, app::Id client_id,
                                const std::string& indication,
                                const std::vector<std::string>& zones);
  Result<app::Id> PlanAndConsent(const app::Actor& by, const app::Screening& screening,
                                 const app::PlanRequest& plan, const std::string& signer);
  Result<app::Id> TreatAndSign(const app::Actor& by, app::Id plan_id,
                               std::vector<app::TreatedZone> zones,
                               const std::string& anaesthetic_area, std::string notes);
  // Charts a session and leaves it a draft, as a practitioner does before signing it.
  Result<app::Id> Treat(const app::Actor& by, app::Id plan_id, std::vector<app::TreatedZone> zones,
                        const std::string& anaesthetic_area, std::string notes);

  // The clients, one story each, told in date order (below).
  Status ThreeWrinkleSessionsWithAnAmendment();
  Status AnticoagulantTreatedConservatively();
  Status PigmentationAfterAcneScarSession();
  Status ReferralOverriddenForATeenager();
  Status FollowUps();
  Status DeferralsOfTheLastWeek();
  Status OpenWorkForToday();
  Status NextWeeksCalendar();  // demo_calendar.cpp

  store::SqlConnection& db_;
  const kb::KnowledgeBase& kb_;
  app::FixedClock clock_;
  store::SqlAuditLog audit_;
  store::SqlUnitOfWork work_;  // holds audit_ for its reads
  store::SqlStaffRepository staff_repository_;
  store::SqlClientRepository client_repository_;
  store::SqlScreeningRepository screening_repository_;
  store::SqlInventoryRepository inventory_repository_;
  store::SqlSafetyRepository safety_repository_;
  store::SqlChartRepository chart_repository_;
  app::ConsultationPorts ports_;
  app::Inventory inventory_;
  app::SafetyRecords safety_;
  app::Charting charting_;
  store::SqlCalendarRepository calendar_repository_;
  store::SqlOutboxRepository outbox_repository_;
  app::OutboxScheduler outbox_scheduler_;
  app::Calendar calendar_;

  app::Id clinic_id_ = 0;
  app::Actor director_, nurse_practitioner_, nurse_, master_esthetician_, california_esthetician_;
  app::Id pen_ = 0, near_expiry_lot_ = 0, glide_ = 0, lidocaine_ = 0, sunscreen_ = 0;
  std::vector<app::Id> cartridges_;  // sealed units of the lot in use, first expiring first out
  size_t next_cartridge_ = 0;
  app::Id wrinkle_plan_ = 0, pigmentation_event_ = 0;
  app::Id ava_ = 0, ava_plan_ = 0;
};

}  // namespace corium::cli::demo
