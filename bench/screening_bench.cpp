// Screening benchmarks: a typical consultation and a heavy one (20 conditions, 10 procedures,
// 8 zones), in process, with the knowledge base loaded once; plus parsing, encoding and loading.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <variant>

#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"
#include "corium/engine/strict_json.h"
#include "corium/kb/loader.h"

namespace {

using corium::Date;

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

// The consultation a clinic sees every day: a few facts, one request over two zones.
const char* const kTypical = R"({
  "as_of": "2026-11-20", "setting": "clinic",
  "client": {"birth_date": "1990-05-01", "fitzpatrick": 3, "pregnant": false, "breastfeeding": false},
  "conditions": [{"code": "active_acne", "zones": ["forehead"]}, {"code": "diabetes", "controlled": true}],
  "medications": [{"code": "isotretinoin", "current": false, "last_dose": "2026-04-01"}],
  "allergies": [{"code": "lidocaine"}],
  "procedures": [{"code": "waxing", "date": "2026-11-10", "zones": ["perioral"]},
                 {"code": "microneedling", "date": "2026-10-30", "zones": ["cheeks"], "depth_mm": 1.0}],
  "requests": [{"indication": "acne_scars", "zones": ["cheeks", "chin"]}],
  "practitioner": {"role": "nurse", "jurisdiction": "US-UT", "supervised": true},
  "device": {"kind": "pen", "cleared": true, "max_depth_mm": 2.5, "needle_material": "stainless_steel"}
})";

// A complicated history: 20 conditions, 10 procedures, 8 requested zones over two indications.
const char* const kHeavy = R"({
  "as_of": "2026-11-20", "setting": "clinic",
  "client": {"birth_date": "1970-01-15", "fitzpatrick": 5, "pregnant": false, "breastfeeding": false},
  "conditions": [
    {"code": "active_acne", "zones": ["forehead"]}, {"code": "hsv_recurrent"},
    {"code": "hsv_active", "zones": ["perioral"], "resolved": "2026-11-15"},
    {"code": "skin_infection", "zones": ["back"]}, {"code": "open_wound", "zones": ["hands"]},
    {"code": "dermatitis_active", "zones": ["abdomen"]}, {"code": "sunburn", "resolved": "2026-11-01"},
    {"code": "actinic_keratosis", "zones": ["temple"]}, {"code": "diabetes", "controlled": true},
    {"code": "immunosuppression"}, {"code": "psoriasis", "zones": ["scalp"]},
    {"code": "vitiligo", "zones": ["hands"]}, {"code": "rosacea", "zones": ["cheeks"]},
    {"code": "telangiectasia", "zones": ["nose"]}, {"code": "melasma_history"},
    {"code": "pih_history"}, {"code": "radiotherapy", "zones": ["decollete"]},
    {"code": "arrhythmia"}, {"code": "hepatic_disease"}, {"code": "lupus"}],
  "medications": [{"code": "anticoagulant"}, {"code": "topical_retinoid", "current": false, "last_dose": "2026-11-17", "zones": ["cheeks"]}],
  "allergies": [{"code": "sulfonamide"}],
  "procedures": [
    {"code": "waxing", "date": "2026-11-10", "zones": ["perioral"]},
    {"code": "threading", "date": "2026-11-12", "zones": ["forehead"]},
    {"code": "superficial_peel", "date": "2026-11-01", "zones": ["cheeks"]},
    {"code": "neurotoxin", "date": "2026-11-11", "zones": ["forehead"]},
    {"code": "ha_filler", "date": "2026-10-30", "zones": ["chin"]},
    {"code": "non_ha_filler", "date": "2025-06-01", "zones": ["jawline"]},
    {"code": "laser_resurfacing", "date": "2026-10-25", "zones": ["neck"]},
    {"code": "ablative_laser", "date": "2026-09-01", "zones": ["nose"]},
    {"code": "surgery", "date": "2026-07-01", "zones": ["neck"]},
    {"code": "microneedling", "date": "2026-11-05", "zones": ["cheeks"], "depth_mm": 0.5}],
  "requests": [{"indication": "acne_scars", "zones": ["cheeks", "chin", "forehead", "nose"]},
               {"indication": "wrinkles", "zones": ["perioral", "neck", "jawline", "temple"]}],
  "practitioner": {"role": "physician", "jurisdiction": "US-NC"},
  "device": {"kind": "pen", "cleared": true, "max_depth_mm": 2.5, "needle_material": "titanium"}
})";

corium::Intake Parse(const char* text) {
  auto intake = corium::engine::ParseIntake(text, Kb(), Date::FromYmd(2026, 11, 20));
  if (!intake.ok()) throw std::runtime_error(intake.status().ToString());
  return std::move(intake).value();
}

void BM_ScreenTypical(benchmark::State& state) {
  const corium::Intake intake = Parse(kTypical);
  for (auto _ : state) benchmark::DoNotOptimize(corium::engine::Screen(intake, Kb()));
}
BENCHMARK(BM_ScreenTypical);

void BM_ScreenHeavy(benchmark::State& state) {
  const corium::Intake intake = Parse(kHeavy);
  for (auto _ : state) benchmark::DoNotOptimize(corium::engine::Screen(intake, Kb()));
}
BENCHMARK(BM_ScreenHeavy);

// The three steps of a request separately: the JSON text read into a document (the HTTP
// pipeline's one parse), the document read into an intake, and the decision written as JSON.
void BM_ReadJsonTypical(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(corium::engine::ParseStrictJson(kTypical, 32));
}
BENCHMARK(BM_ReadJsonTypical);

void BM_ReadIntakeDocumentTypical(benchmark::State& state) {
  const auto document = std::get<nlohmann::json>(corium::engine::ParseStrictJson(kTypical, 32));
  const auto& kb = Kb();  // loaded before the timing starts
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        corium::engine::ParseIntakeDocument(document, kb, Date::FromYmd(2026, 11, 20)));
  }
}
BENCHMARK(BM_ReadIntakeDocumentTypical);

// The same two steps as the HTTP pipeline takes them: the text read into simdjson's index, kept
// as the document, and the intake read from that index.
void BM_ReadJsonIndexTypical(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(corium::engine::ReadStrictJson(kTypical, 32));
}
BENCHMARK(BM_ReadJsonIndexTypical);

void BM_ReadIntakeIndexTypical(benchmark::State& state) {
  const auto read = corium::engine::ReadStrictJson(kTypical, 32);
  const auto& document = std::get<corium::engine::StrictJsonDocument>(read);
  const auto& kb = Kb();  // loaded before the timing starts
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        corium::engine::ParseIntakeDocument(document, kb, Date::FromYmd(2026, 11, 20)));
  }
}
BENCHMARK(BM_ReadIntakeIndexTypical);

void BM_EncodeDecisionTypical(benchmark::State& state) {
  const corium::Decision decision = corium::engine::Screen(Parse(kTypical), Kb());
  for (auto _ : state) benchmark::DoNotOptimize(corium::engine::DecisionToJson(decision));
}
BENCHMARK(BM_EncodeDecisionTypical);

// What one request costs end to end in process: JSON in, decision JSON out.
void BM_ParseScreenEncodeTypical(benchmark::State& state) {
  for (auto _ : state) {
    const corium::Intake intake = Parse(kTypical);
    benchmark::DoNotOptimize(corium::engine::DecisionToJson(corium::engine::Screen(intake, Kb())));
  }
}
BENCHMARK(BM_ParseScreenEncodeTypical);

void BM_ParseScreenEncodeHeavy(benchmark::State& state) {
  for (auto _ : state) {
    const corium::Intake intake = Parse(kHeavy);
    benchmark::DoNotOptimize(corium::engine::DecisionToJson(corium::engine::Screen(intake, Kb())));
  }
}
BENCHMARK(BM_ParseScreenEncodeHeavy);

// Reading, schema-checking and building the whole knowledge base (what every CLI run pays).
void BM_LoadKnowledgeBase(benchmark::State& state) {
  auto files = corium::kb::ReadKbDirectory(CORIUM_SOURCE_KB_DIR);
  if (!files.ok()) throw std::runtime_error(files.status().ToString());
  for (auto _ : state) benchmark::DoNotOptimize(corium::kb::LoadKnowledgeBase(*files));
}
BENCHMARK(BM_LoadKnowledgeBase)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
