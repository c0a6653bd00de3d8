// Records benchmarks on a real SQLite file (WAL, synchronous=FULL): a durable chart commit through
// the ChartSession use case against a bare durable INSERT in the same run (and the same pair with
// the fsync skipped, to separate work from flushing), a consultation (screen + store) round trip,
// and a recall over 100,000 sessions. With CORIUM_BENCH_POSTGRES set, the durable chart commit and
// bare INSERT pair also runs on that PostgreSQL server.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "corium/app/charting.h"
#include "corium/app/consultation.h"
#include "corium/app/inventory.h"
#include "corium/kb/loader.h"
#include "corium/store/migrations.h"
#include "corium/store/postgres/postgres_connection.h"
#include "corium/store/records/sql_charting.h"
#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_screenings.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "corium/store/sqlite/sqlite_connection.h"

namespace {

namespace fs = std::filesystem;
using namespace corium;  // NOLINT(google-build-using-namespace): a benchmark program

template <typename T>
T Must(Result<T> result) {
  if (!result.ok()) throw std::runtime_error(result.status().ToString());
  return std::move(result).value();
}
void Must(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

const kb::KnowledgeBase& Kb() {
  static const kb::KnowledgeBase kKb =
      Must(kb::LoadKnowledgeBase(Must(kb::ReadKbDirectory(CORIUM_SOURCE_KB_DIR))));
  return kKb;
}

// Where the PostgreSQL pair runs: a libpq conninfo in CORIUM_BENCH_POSTGRES (see
// bench/postgres_durability.sh, which starts a durable throwaway server and sets it); unset, only
// the SQLite benchmarks run.
const char* PostgresUrl() { return std::getenv("CORIUM_BENCH_POSTGRES"); }

std::string UniqueName() {
  static int counter = 0;
  return std::to_string(getpid()) + "_" + std::to_string(++counter);
}

// A migrated database, removed afterwards: a SQLite file in a fresh directory, or a fresh schema
// on the PostgreSQL server of CORIUM_BENCH_POSTGRES.
struct BenchDatabase {
  fs::path dir;
  std::string schema;
  std::unique_ptr<store::SqlConnection> db;

  explicit BenchDatabase(store::Dialect dialect = store::Dialect::kSqlite) {
    if (dialect == store::Dialect::kPostgres) {
      db = Must(store::PostgresConnection::Open(PostgresUrl()));
      schema = "bench_" + UniqueName();
      Must(db->ExecuteScript("CREATE SCHEMA " + schema + "; SET search_path TO " + schema));
    } else {
      dir = fs::temp_directory_path() / ("corium-bench-" + UniqueName());
      fs::create_directories(dir);
      db = Must(store::SqliteConnection::Open((dir / "corium.db").string(),
                                              store::OpenMode::kReadWriteCreate));
    }
    Must(store::Migrate(*db, 1).status());
  }
  ~BenchDatabase() {
    if (!schema.empty()) {
      (void)db->ExecuteScript("SET search_path TO public; DROP SCHEMA " + schema + " CASCADE");
    }
    db.reset();
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
  BenchDatabase(const BenchDatabase&) = delete;
  BenchDatabase& operator=(const BenchDatabase&) = delete;
};

// Whether each commit waits for its fsync. kSkip is for the work-only pair below and never for a
// clinic's database.
enum class Fsync { kWait, kSkip };

void SkipFsync(store::SqlConnection& db) { Must(db.ExecuteScript("PRAGMA synchronous=OFF")); }

void BareInsert(benchmark::State& state, store::Dialect dialect, Fsync fsync = Fsync::kWait) {
  BenchDatabase b(dialect);
  if (fsync == Fsync::kSkip) SkipFsync(*b.db);
  Must(b.db->ExecuteScript(dialect == store::Dialect::kPostgres
                               ? "CREATE TABLE bare (id BIGINT GENERATED ALWAYS AS IDENTITY"
                                 " PRIMARY KEY, v TEXT NOT NULL)"
                               : "CREATE TABLE bare (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
  std::int64_t n = 0;
  for (auto _ : state) {
    store::Transaction tx(*b.db, store::TransactionKind::kWrite);
    Must(b.db->Execute("INSERT INTO bare (v) VALUES ($1)", {std::to_string(++n)}).status());
    Must(tx.Commit());
  }
  state.counters["commits/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
void BM_BareDurableInsert(benchmark::State& state) { BareInsert(state, store::Dialect::kSqlite); }
BENCHMARK(BM_BareDurableInsert)->UseRealTime()->MinTime(2.0);

// A clinic ready to chart: physician, client with intake, today's screening, plan, signed consent,
// device, a glide, and a lot of many sealed cartridges.
class ChartingClinic {
 public:
  explicit ChartingClinic(int cartridges, store::Dialect dialect = store::Dialect::kSqlite)
      : b_(dialect),
        audit_(*b_.db),
        work_(*b_.db, audit_),
        staff_(*b_.db),
        clients_(*b_.db),
        screenings_(*b_.db),
        inventory_repo_(*b_.db),
        charts_(*b_.db),
        ports_{work_, audit_, clock_, Kb(), staff_, clients_, screenings_},
        inventory_(work_, audit_, inventory_repo_, clock_, Kb()),
        charting_(work_, charts_, audit_, clock_) {
    auto rows = Must(b_.db->Query(
        "INSERT INTO clinics (name, time_zone, created_at) VALUES ('Bench','UTC',1) RETURNING id",
        {}));
    actor_.clinic_id = rows.front().Int(0);
    app::StaffDraft doctor{"Dr Bench", "dr@bench.example", Code("physician"), "US-UT",
                           "MD-1",     std::nullopt,       std::nullopt};
    const app::StaffMember member = Must(app::RegisterStaff(ports_, actor_, doctor));
    actor_.staff_id = member.id;
    actor_.role = Code("physician");
    app::ClientDraft draft{"Ada", "Lovelace", Date::FromYmd(1990, 5, 1), "", "", 2};
    client_ = Must(app::RegisterClient(ports_, actor_, draft)).id;
    Must(app::RecordIntake(ports_, actor_, client_,
                           R"({"client": {"birth_date": "1990-05-01", "fitzpatrick": 2}})")
             .status());
    corium::Device pen{Code("pen"), true, Depth::FromMillimetres(2.5), Code("stainless_steel")};
    const app::Screening screening =
        Must(app::Consult(ports_, actor_, client_, {{Code("wrinkles"), {Code("cheeks")}}}, pen));
    app::PlanRequest plan{
        screening.id,
        Code("wrinkles"),
        {{Code("cheeks"), *Depth::FromMillimetres(0.5), *Depth::FromMillimetres(1.0)}},
        3,
        28};
    plan_ = Must(charting_.CreatePlan(actor_, plan));
    app::ConsentRequest consent{plan_,       {"CN-01"},      "1", "sha256:bench",
                                "signature", "Ada Lovelace", true};
    Must(charting_.SignConsent(actor_, consent).status());
    device_ = Must(inventory_.RegisterDevice(
        actor_, {"Bench Pen", Code("pen"), "K000000", app::Clearance::kCleared, 2.5, "SN-1"}));
    glide_ = Must(inventory_.ReceiveProduct(
        actor_, {"HA glide", app::ProductKind::kGlide, "G-1", Date::FromYmd(2027, 12, 31),
                 app::Sterility::kSterile, app::BrokenSkinLabel::kLabelled}));
    app::CartridgeLotReceipt lot{
        "LOT-BENCH", "C12", 12, Code("stainless_steel"), Date::FromYmd(2027, 12, 31), {}};
    for (int i = 0; i < cartridges; ++i) lot.unit_codes.push_back("U" + std::to_string(i));
    cartridges_ = Must(inventory_.ReceiveCartridgeLot(actor_, lot)).cartridge_ids;
  }

  app::Id ChartNext() {
    app::SessionChart chart;
    chart.plan_id = plan_;
    chart.device_id = device_;
    chart.cartridge_id = cartridges_.at(next_++);
    chart.zones = {
        {Code("cheeks"), *Depth::FromMillimetres(1.0), 3, Code("erythema"), "", "level 4"}};
    chart.products = {{glide_, Code("glide")}};
    for (const char* step :
         {"cleanse", "antisepsis", "glide", "needling", "endpoint", "calming", "sun_protection"}) {
      chart.checklist.push_back({Code(step), app::StepState::kDone});
    }
    chart.checklist.push_back({Code("anaesthetic"), app::StepState::kNotUsed});
    return Must(charting_.ChartSession(actor_, Kb(), chart));
  }

  // Adds `lots` cartridge lots of `per_lot` used cartridges each, every cartridge charted in a
  // signed session of one of `clients` clients: the history a recall has to search.
  void SeedHistory(int lots, int per_lot, int clients) {
    store::Transaction tx(*b_.db, store::TransactionKind::kWrite);
    Must(tx.status());
    std::vector<app::Id> client_ids;
    for (int c = 0; c < clients; ++c) {
      client_ids.push_back(
          Must(
              b_.db->Query(
                  "INSERT INTO clients (clinic_id, given_name, family_name, birth_date, created_at,"
                  " updated_at) VALUES ($1, 'Client', $2, '1980-01-01', 1, 1) RETURNING id",
                  {actor_.clinic_id, "No" + std::to_string(c)}))
              .front()
              .Int(0));
    }
    const auto screening =
        Must(b_.db->Query("SELECT screening_id FROM plans WHERE id = $1", {plan_})).front().Int(0);
    const auto consent =
        Must(b_.db->Query("SELECT id FROM consents WHERE plan_id = $1", {plan_})).front().Int(0);
    std::int64_t n = 0;
    for (int l = 0; l < lots; ++l) {
      const auto lot =
          Must(b_.db->Query(
                   "INSERT INTO cartridge_lots (clinic_id, lot_number, model, needle_count,"
                   " needle_material, expires_on) VALUES ($1, $2, 'C12', 12, 'stainless_steel',"
                   " '2027-12-31') RETURNING id",
                   {actor_.clinic_id, "HIST-" + std::to_string(l)}))
              .front()
              .Int(0);
      for (int u = 0; u < per_lot; ++u, ++n) {
        const auto cartridge =
            Must(b_.db->Query(
                     "INSERT INTO cartridges (clinic_id, lot_id, unit_code) VALUES ($1, $2, $3)"
                     " RETURNING id",
                     {actor_.clinic_id, lot, "H" + std::to_string(u)}))
                .front()
                .Int(0);
        Must(
            b_.db
                ->Execute(
                    "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
                    " practitioner_id, device_id, cartridge_id, performed_on, checklist_json, "
                    "status,"
                    " signed_by, signed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
                    " '2025-06-01', '{}', 'signed', $6, 1, 1)",
                    {actor_.clinic_id, client_ids[static_cast<size_t>(n % clients)], plan_, consent,
                     screening, actor_.staff_id, device_, cartridge})
                .status());
      }
    }
    Must(tx.Commit());
  }

  std::vector<app::RecallHit> Recall(const std::string& lot) {
    return Must(inventory_.Recall(actor_, app::LotKind::kCartridge, lot));
  }

  store::SqlConnection& db() { return *b_.db; }

  app::Screening Consult() {
    corium::Device pen{Code("pen"), true, Depth::FromMillimetres(2.5), Code("stainless_steel")};
    return Must(app::Consult(ports_, actor_, client_, {{Code("wrinkles"), {Code("cheeks")}}}, pen));
  }

 private:
  BenchDatabase b_;
  app::FixedClock clock_{1'795'000'000, Date::FromYmd(2026, 11, 20)};
  store::SqlAuditLog audit_;
  store::SqlUnitOfWork work_;  // holds audit_ for its reads
  store::SqlStaffRepository staff_;
  store::SqlClientRepository clients_;
  store::SqlScreeningRepository screenings_;
  store::SqlInventoryRepository inventory_repo_;
  store::SqlChartRepository charts_;
  app::ConsultationPorts ports_;
  app::Inventory inventory_;
  app::Charting charting_;
  app::Actor actor_;
  app::Id client_ = 0, plan_ = 0, device_ = 0, glide_ = 0;
  std::vector<app::Id> cartridges_;
  size_t next_ = 0;
};

// Enough sealed cartridges for every iteration Google Benchmark may run in two seconds.
constexpr int kBenchCartridges = 40000;

void DurableChartCommit(benchmark::State& state, store::Dialect dialect, int cartridges) {
  ChartingClinic clinic(cartridges, dialect);
  for (auto _ : state) benchmark::DoNotOptimize(clinic.ChartNext());
  state.counters["commits/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
void BM_DurableChartCommit(benchmark::State& state) {
  DurableChartCommit(state, store::Dialect::kSqlite, kBenchCartridges);
}
BENCHMARK(BM_DurableChartCommit)->UseRealTime()->MinTime(2.0);

// The same pair on SQLite with the fsync skipped (synchronous=OFF): what a commit costs besides
// its flush (statements, checks, b-tree pages, WAL frames written to the page cache). The durable
// pair's gap minus this pair's gap is what flushing the chart's extra pages costs.
void BM_BareInsertWithoutFsync(benchmark::State& state) {
  BareInsert(state, store::Dialect::kSqlite, Fsync::kSkip);
}
BENCHMARK(BM_BareInsertWithoutFsync)->UseRealTime()->MinTime(0.5);

void BM_ChartCommitWithoutFsync(benchmark::State& state) {
  ChartingClinic clinic(kBenchCartridges);
  SkipFsync(clinic.db());
  for (auto _ : state) benchmark::DoNotOptimize(clinic.ChartNext());
  state.counters["commits/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ChartCommitWithoutFsync)->UseRealTime()->MinTime(0.5);

// The same pair on PostgreSQL (fsync, synchronous_commit and full_page_writes as the server has
// them; bench/postgres_durability.sh turns all three on). A durable commit there costs a WAL
// flush of a few milliseconds, so fewer sealed cartridges suffice; their receipt is committed in
// one transaction before timing starts.
constexpr int kPostgresBenchCartridges = 20000;

void RegisterPostgresPair() {
  if (PostgresUrl() == nullptr) return;
  benchmark::RegisterBenchmark(
      "BM_BareDurableInsert/postgres",
      [](benchmark::State& state) { BareInsert(state, store::Dialect::kPostgres); })
      ->UseRealTime()
      ->MinTime(2.0);
  benchmark::RegisterBenchmark("BM_DurableChartCommit/postgres",
                               [](benchmark::State& state) {
                                 DurableChartCommit(state, store::Dialect::kPostgres,
                                                    kPostgresBenchCartridges);
                               })
      ->UseRealTime()
      ->MinTime(2.0);
}

void BM_ConsultScreenAndStore(benchmark::State& state) {
  ChartingClinic clinic(1);
  for (auto _ : state) benchmark::DoNotOptimize(clinic.Consult());
}
BENCHMARK(BM_ConsultScreenAndStore)->UseRealTime()->MinTime(2.0);

// Recall of one cartridge lot (100 sessions) among 100,000 sessions, audit entries included.
void BM_RecallAmong100kSessions(benchmark::State& state) {
  ChartingClinic clinic(1);
  clinic.SeedHistory(1000, 100, 5000);
  size_t found = 0;
  for (auto _ : state) found = clinic.Recall("HIST-500").size();
  if (found != 100) throw std::runtime_error("recall found " + std::to_string(found));
}
BENCHMARK(BM_RecallAmong100kSessions)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
  RegisterPostgresPair();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
