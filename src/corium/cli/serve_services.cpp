#include "corium/cli/serve_services.h"

#include "corium/cli/database_connection.h"
#include "corium/store/records/file_blob_store.h"
#include "corium/store/records/sql_accounts.h"
#include "corium/store/records/sql_aftercare.h"
#include "corium/store/records/sql_audit_reads.h"
#include "corium/store/records/sql_calendar.h"
#include "corium/store/records/sql_chart_reads.h"
#include "corium/store/records/sql_charting.h"
#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_course_records.h"
#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_inventory_reads.h"
#include "corium/store/records/sql_outbox.h"
#include "corium/store/records/sql_photos.h"
#include "corium/store/records/sql_safety.h"
#include "corium/store/records/sql_safety_reads.h"
#include "corium/store/records/sql_screenings.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_today.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "corium/tz/clinic_time_zone.h"
#include "corium/tz/zoned_system_clock.h"

namespace corium::cli {
namespace {

Result<std::unique_ptr<calendar::ClinicZone>> OpenClinicZone(const std::string& iana_name) {
  CORIUM_ASSIGN_OR_RETURN(auto zone, tz::ClinicTimeZone::Open(iana_name));
  return std::unique_ptr<calendar::ClinicZone>(std::move(zone));
}

// Members are declared in dependency order: each is built from the ones above it.
class SqlServiceScope final : public app::ServiceScope {
 public:
  SqlServiceScope(std::unique_ptr<store::SqlConnection> db, const SharedServices& shared)
      : db_(std::move(db)),
        audit_(*db_),
        work_(*db_, audit_, shared.read_audit),
        audit_trail_(*db_),
        staff_(*db_),
        clients_(*db_),
        screenings_(*db_),
        charts_(*db_),
        inventory_repository_(*db_),
        safety_repository_(*db_),
        accounts_repository_(*db_),
        chart_reads_repository_(*db_),
        safety_reads_repository_(*db_),
        inventory_reads_repository_(*db_),
        photo_repository_(*db_),
        course_repository_(*db_),
        calendar_repository_(*db_),
        today_repository_(*db_),
        aftercare_repository_(*db_),
        outbox_repository_(*db_),
        blobs_(std::filesystem::path(shared.data_dir) / "photos"),
        charting_(work_, charts_, audit_, clock_),
        inventory_(work_, audit_, inventory_repository_, clock_, shared.kb),
        safety_(work_, audit_, safety_repository_, clock_),
        accounts_(work_, audit_, accounts_repository_, staff_, shared.hasher, shared.tokens,
                  clock_),
        chart_reads_(work_, chart_reads_repository_, audit_, clock_),
        safety_reads_(work_, safety_reads_repository_, audit_, clock_),
        inventory_reads_(work_, inventory_reads_repository_),
        photos_(work_, photo_repository_, blobs_, audit_, clock_),
        course_reads_(work_, course_repository_, audit_, clock_),
        plan_status_(work_, course_repository_, audit_, clock_),
        outbox_scheduler_(outbox_repository_, shared.kb, clock_, OpenClinicZone),
        outbox_status_(work_, outbox_repository_),
        calendar_(work_, audit_, calendar_repository_, clock_, shared.kb, OpenClinicZone,
                  &outbox_scheduler_),
        aftercare_(work_, chart_reads_repository_, aftercare_repository_, audit_, clock_),
        today_(work_, today_repository_, safety_reads_repository_, inventory_repository_, audit_,
               clock_),
        services_{.kb = shared.kb,
                  .clock = clock_,
                  .consultation = {work_, audit_, clock_, shared.kb, staff_, clients_, screenings_},
                  .audit_trail = audit_trail_,
                  .charting = charting_,
                  .inventory = inventory_,
                  .safety = safety_,
                  .accounts = accounts_,
                  .chart_reads = chart_reads_,
                  .safety_reads = safety_reads_,
                  .inventory_reads = inventory_reads_,
                  .photos = photos_,
                  .course_reads = course_reads_,
                  .plan_status = plan_status_,
                  .calendar = calendar_,
                  .aftercare = aftercare_,
                  .today = today_,
                  .outbox = outbox_status_} {
    // Booking a session respects the course, and the course read shows the booked sessions.
    calendar_.UseCourse(&course_repository_);
    course_reads_.UseBookings(&calendar_);
  }

  app::Services& services() override { return services_; }
  app::DurabilityWait TakeDurabilityWait() override { return work_.TakeDurabilityWait(); }
  bool ConnectionLost() const override { return db_->lost(); }

 private:
  std::unique_ptr<store::SqlConnection> db_;
  tz::ZonedSystemClock clock_;
  store::SqlAuditLog audit_;
  store::SqlUnitOfWork work_;  // holds audit_ for its reads
  store::SqlAuditTrail audit_trail_;
  store::SqlStaffRepository staff_;
  store::SqlClientRepository clients_;
  store::SqlScreeningRepository screenings_;
  store::SqlChartRepository charts_;
  store::SqlInventoryRepository inventory_repository_;
  store::SqlSafetyRepository safety_repository_;
  store::SqlAccountRepository accounts_repository_;
  store::SqlChartReadRepository chart_reads_repository_;
  store::SqlSafetyReadRepository safety_reads_repository_;
  store::SqlInventoryReadRepository inventory_reads_repository_;
  store::SqlPhotoRepository photo_repository_;
  store::SqlCourseRecordRepository course_repository_;
  store::SqlCalendarRepository calendar_repository_;
  store::SqlTodayRepository today_repository_;
  store::SqlAftercareRepository aftercare_repository_;
  store::SqlOutboxRepository outbox_repository_;
  store::FileBlobStore blobs_;
  app::Charting charting_;
  app::Inventory inventory_;
  app::SafetyRecords safety_;
  app::Accounts accounts_;
  app::ChartReads chart_reads_;
  app::SafetyReads safety_reads_;
  app::InventoryReads inventory_reads_;
  app::Photos photos_;
  app::CourseReads course_reads_;
  app::PlanStatusChanges plan_status_;
  app::OutboxScheduler outbox_scheduler_;
  app::OutboxStatus outbox_status_;
  app::Calendar calendar_;
  app::AftercareReads aftercare_;
  app::TodayReads today_;
  app::Services services_;
};

}  // namespace

Result<std::unique_ptr<app::ServiceScope>> OpenServiceScope(const SharedServices& shared) {
  CORIUM_ASSIGN_OR_RETURN(auto db, ConnectDatabase(shared.db));
  return std::unique_ptr<app::ServiceScope>(
      std::make_unique<SqlServiceScope>(std::move(db), shared));
}

}  // namespace corium::cli
