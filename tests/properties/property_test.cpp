// Properties of the screening over generated intakes (contracts.md §1.2–1.3): more history never
// lowers the severity, list order never matters, the result is deterministic across runs and
// knowledge base loads, and every decision is internally consistent with the knowledge base.
// The generator is seeded (std::mt19937, fixed seeds), so every failure reproduces; a failure
// prints the seed and the intake.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"
#include "corium/kb/loader.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

using nlohmann::json;

constexpr unsigned kFirstSeed = 20261120;
constexpr int kIntakes = 600;       // per property
constexpr int kMaxReported = 5;     // failures printed per property

const Date kAsOf = Date::FromYmd(2026, 11, 20);

std::vector<std::string> CodesOf(const kb::KnowledgeBase& kb, const std::string& category) {
  std::vector<std::string> codes;
  const auto it = kb.vocabulary.order.find(category);
  if (it == kb.vocabulary.order.end()) return codes;
  for (const Code& code : it->second) codes.push_back(code.str());
  return codes;
}

struct GeneratorVocabulary {
  std::vector<std::string> zones, indications, conditions, medications, allergies, procedures,
      clinic_roles, device_kinds, needle_materials;
  std::string home_role;
};

GeneratorVocabulary VocabularyOf(const kb::KnowledgeBase& kb) {
  GeneratorVocabulary v;
  v.zones = CodesOf(kb, "zones");
  v.indications = CodesOf(kb, "indications");
  v.conditions = CodesOf(kb, "conditions");
  v.medications = CodesOf(kb, "medications");
  v.allergies = CodesOf(kb, "allergies");
  v.procedures = CodesOf(kb, "procedures");
  v.device_kinds = CodesOf(kb, "device_kinds");
  v.needle_materials = CodesOf(kb, "needle_materials");
  const auto home = kb.vocabulary.setting_default_role.find(Code("home"));
  v.home_role = home == kb.vocabulary.setting_default_role.end() ? "home_user" : home->second.str();
  for (const std::string& role : CodesOf(kb, "roles")) {
    if (role != v.home_role) v.clinic_roles.push_back(role);
  }
  return v;
}

// Random valid intakes over the shipped vocabulary.
class IntakeGenerator {
 public:
  IntakeGenerator(unsigned seed, const GeneratorVocabulary& vocab) : rng_(seed), vocab_(vocab) {}

  std::mt19937& rng() { return rng_; }

  json Intake() {
    json j;
    j["as_of"] = kAsOf.ToString();
    const bool home = Chance(0.15);
    j["setting"] = home ? "home" : "clinic";
    json client;
    // Mostly adults, some minors and some 18-21 year olds.
    client["birth_date"] = DaysBack(Int(14 * 365, 85 * 365));
    if (Chance(0.8)) client["fitzpatrick"] = Int(1, 6);
    if (Chance(0.5)) client["pregnant"] = Chance(0.08);
    if (Chance(0.5)) client["breastfeeding"] = Chance(0.08);
    j["client"] = client;
    j["conditions"] = List(0, 2, [this] { return Condition(); });
    j["medications"] = List(0, 2, [this] { return Medication(); });
    j["allergies"] = List(0, 1, [this] { return Allergy(); });
    j["procedures"] = List(0, 2, [this] { return Procedure(); });
    j["requests"] = json::array();
    const int requests = Chance(0.3) ? 2 : 1;
    for (int i = 0; i < requests; ++i) {
      j["requests"].push_back({{"indication", Pick(vocab_.indications)}, {"zones", Zones()}});
    }
    if (home) {
      if (Chance(0.7)) {
        j["practitioner"] = {{"role", vocab_.home_role}, {"jurisdiction", Jurisdiction()}};
      }
    } else {
      json p = {{"role", Pick(vocab_.clinic_roles)}, {"jurisdiction", Jurisdiction()}};
      if (Chance(0.7)) p["supervised"] = Chance(0.5);
      j["practitioner"] = p;
    }
    if (Chance(0.9)) {
      json d = {{"kind", Pick(vocab_.device_kinds)}};
      if (Chance(0.9)) d["cleared"] = Chance(0.8);
      if (Chance(0.85)) {
        static const std::vector<double> kDepths = {0.2, 0.25, 0.3, 0.4, 0.5, 0.75,
                                                    1.0, 1.5, 2.0, 2.5, 3.0};
        d["max_depth_mm"] = kDepths[Index(kDepths.size())];
      }
      if (Chance(0.7)) d["needle_material"] = Pick(vocab_.needle_materials);
      j["device"] = d;
    }
    return j;
  }

  // One fact of the kind a contraindication is made of, appended to the matching list.
  void AddContraindicationFact(json& intake) {
    switch (Int(0, 3)) {
      case 0:
        intake["conditions"].push_back(Condition());
        break;
      case 1:
        intake["medications"].push_back(Medication());
        break;
      case 2:
        intake["allergies"].push_back(Allergy());
        break;
      default:
        intake["procedures"].push_back(Procedure());
        break;
    }
  }

  // Shuffles every list of the intake, and every zones list inside them.
  void ShuffleLists(json& intake) {
    for (const char* key : {"conditions", "medications", "allergies", "procedures", "requests"}) {
      if (!intake.contains(key)) continue;
      json& list = intake[key];
      std::shuffle(list.begin(), list.end(), rng_);
      for (json& item : list) {
        if (item.contains("zones")) std::shuffle(item["zones"].begin(), item["zones"].end(), rng_);
      }
    }
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  size_t Index(size_t size) { return std::uniform_int_distribution<size_t>(0, size - 1)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  const std::string& Pick(const std::vector<std::string>& list) { return list[Index(list.size())]; }
  std::string DaysBack(int days) { return kAsOf.AddDays(-days).ToString(); }

  template <typename Make>
  json List(int lo, int hi, Make make) {
    json list = json::array();
    // Skewed towards short histories: each further entry is less likely.
    const int n = Chance(0.4) ? lo : Int(lo, hi + 1);
    for (int i = 0; i < n; ++i) list.push_back(make());
    return list;
  }

  // A non-empty subset of the zones, without repeats.
  json Zones() {
    std::vector<std::string> zones = vocab_.zones;
    std::shuffle(zones.begin(), zones.end(), rng_);
    const int n = Chance(0.6) ? 1 : Int(2, 4);
    zones.resize(std::min(zones.size(), static_cast<size_t>(n)));
    return zones;
  }

  std::string Jurisdiction() {
    static const std::vector<std::string> kCodes = {"US-CA", "US-TX", "US-OH", "US-FL", "US-UT",
                                                    "US-NC", "US-AZ", "GB-ENG", "US-WA"};
    return kCodes[Index(kCodes.size())];
  }

  json Condition() {
    json c = {{"code", Pick(vocab_.conditions)}};
    if (Chance(0.5)) c["zones"] = Zones();
    if (c["code"] == "diabetes" ? Chance(0.7) : Chance(0.05)) c["controlled"] = Chance(0.5);
    if (Chance(0.25)) c["resolved"] = DaysBack(Int(0, 60));
    return c;
  }

  json Medication() {
    json m = {{"code", Pick(vocab_.medications)}};
    if (Chance(0.6)) m["current"] = Chance(0.5);
    if (Chance(0.5)) m["last_dose"] = DaysBack(Int(0, 400));
    if (Chance(0.2)) m["zones"] = Zones();
    return m;
  }

  json Allergy() { return {{"code", Pick(vocab_.allergies)}}; }

  json Procedure() {
    json p = {{"code", Pick(vocab_.procedures)}, {"date", DaysBack(Chance(0.7) ? Int(0, 40) : Int(0, 300))}};
    if (Chance(0.6)) p["zones"] = Zones();
    if (Chance(0.4)) {
      static const std::vector<double> kDepths = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0};
      p["depth_mm"] = kDepths[Index(kDepths.size())];
    }
    return p;
  }

  std::mt19937 rng_;
  const GeneratorVocabulary& vocab_;
};

const GeneratorVocabulary& Vocab() {
  static const GeneratorVocabulary kVocab = VocabularyOf(ShippedKb());
  return kVocab;
}

// The shipped knowledge base loaded a second time, independently of ShippedKb().
const kb::KnowledgeBase& ReloadedKb() {
  static const kb::KnowledgeBase* const kb = new kb::KnowledgeBase(LoadKbOrThrow(SourceKbDir()));
  return *kb;
}

// Parses an intake that the generator promises is valid; nullopt (and a test failure) if not.
std::optional<Intake> Parse(const json& intake, const kb::KnowledgeBase& kb = ShippedKb()) {
  auto parsed = engine::ParseIntake(intake.dump(), kb, kAsOf);
  if (!parsed.ok()) {
    std::string errors;
    for (const FieldError& e : parsed.status().field_errors()) {
      errors += "\n  " + e.path + ": " + e.message;
    }
    ADD_FAILURE() << "generated intake rejected:" << errors << "\n" << intake.dump();
    return std::nullopt;
  }
  return std::move(parsed).value();
}

std::string ScreenToJson(const json& intake, const kb::KnowledgeBase& kb = ShippedKb()) {
  const auto parsed = Parse(intake, kb);
  if (!parsed) return "";
  return engine::DecisionToJson(engine::Screen(*parsed, kb));
}

// Runs `check` over kIntakes seeded intakes; `check` returns an explanation on failure. Reports at
// most kMaxReported failures with seed and intake, and the total.
template <typename Check>
void ForEachIntake(unsigned seed_offset, Check check) {
  int failures = 0;
  for (int i = 0; i < kIntakes; ++i) {
    const unsigned seed = kFirstSeed + seed_offset + static_cast<unsigned>(i);
    IntakeGenerator gen(seed, Vocab());
    const json intake = gen.Intake();
    const std::optional<std::string> problem = check(gen, intake);
    if (::testing::Test::HasFatalFailure()) return;
    if (!problem) continue;
    if (++failures <= kMaxReported) {
      ADD_FAILURE() << "seed " << seed << ": " << *problem << "\nintake: " << intake.dump();
    }
  }
  EXPECT_EQ(failures, 0) << failures << " of " << kIntakes << " intakes break the property";
}

TEST(Generator, IntakesAreValidAndVaried) {
  std::set<std::string> outcomes;
  std::set<std::string> statuses;
  int invalid = 0;
  for (int i = 0; i < kIntakes; ++i) {
    IntakeGenerator gen(kFirstSeed + static_cast<unsigned>(i), Vocab());
    const json intake = gen.Intake();
    const auto parsed = engine::ParseIntake(intake.dump(), ShippedKb(), kAsOf);
    if (!parsed.ok()) {
      if (++invalid <= kMaxReported) {
        ADD_FAILURE() << "invalid: " << parsed.status().ToString() << "\n" << intake.dump();
      }
      continue;
    }
    const Decision d = engine::Screen(*parsed, ShippedKb());
    outcomes.insert(std::string(OutcomeName(d.outcome)));
    for (const ZonePlan& z : d.zones) statuses.insert(std::string(ZoneStatusName(z.status)));
  }
  EXPECT_EQ(invalid, 0);
  // The generator reaches every outcome and every zone status, so the properties mean something.
  EXPECT_EQ(outcomes.size(), 5U) << "outcomes reached: " << json(outcomes).dump();
  EXPECT_EQ(statuses.size(), 4U) << "zone statuses reached: " << json(statuses).dump();
}

// (a) One more condition, medication, allergy or procedure never makes the decision less severe.
TEST(ScreeningProperties, AddingAFactNeverLowersSeverity) {
  ForEachIntake(0, [](IntakeGenerator& gen, const json& intake) -> std::optional<std::string> {
    json more = intake;
    gen.AddContraindicationFact(more);
    const auto before = Parse(intake);
    const auto after = Parse(more);
    if (!before || !after) return std::nullopt;
    const Decision a = engine::Screen(*before, ShippedKb());
    const Decision b = engine::Screen(*after, ShippedKb());
    if (b.outcome >= a.outcome) return std::nullopt;
    return "decision went from " + std::string(OutcomeName(a.outcome)) + " to " +
           std::string(OutcomeName(b.outcome)) + " after adding a fact\nwith the fact: " +
           more.dump();
  });
}

// (b) The order of every list (and of every zones list) never changes a byte of the decision.
TEST(ScreeningProperties, ListOrderDoesNotMatter) {
  ForEachIntake(100000, [](IntakeGenerator& gen, const json& intake) -> std::optional<std::string> {
    const std::string original = ScreenToJson(intake);
    for (int round = 0; round < 2; ++round) {
      json shuffled = intake;
      gen.ShuffleLists(shuffled);
      const std::string again = ScreenToJson(shuffled);
      if (again != original) {
        return "shuffled lists give a different decision\nshuffled: " + shuffled.dump() +
               "\noriginal decision: " + original + "\nshuffled decision: " + again;
      }
    }
    return std::nullopt;
  });
}

// (c) Screening is deterministic: twice in a row, and through a second load of the same files.
TEST(ScreeningProperties, SameIntakeSameBytes) {
  ASSERT_EQ(ReloadedKb().digest, ShippedKb().digest);
  ForEachIntake(200000, [](IntakeGenerator&, const json& intake) -> std::optional<std::string> {
    const std::string first = ScreenToJson(intake);
    const std::string second = ScreenToJson(intake);
    const std::string reloaded = ScreenToJson(intake, ReloadedKb());
    if (first != second) return "screened twice: " + first + "\nvs " + second;
    if (first != reloaded) return "reloaded kb: " + first + "\nvs " + reloaded;
    return std::nullopt;
  });
}

// (d) Every decision is consistent with its knowledge base and with the contract's own rules.
std::optional<std::string> CheckConsistency(const Intake& intake, const Decision& d,
                                            const kb::KnowledgeBase& kb) {
  const auto where = [&](const std::string& what) { return what + "\ndecision: " + engine::DecisionToJson(d); };
  std::set<Code> requested;
  std::set<std::pair<Code, Code>> pairs;
  for (const TreatmentRequest& r : intake.requests) {
    for (const Code& z : r.zones) {
      requested.insert(z);
      pairs.insert({z, r.indication});
    }
  }

  std::optional<Effect> worst;
  std::optional<Date> latest_until;
  for (const Finding& f : d.findings) {
    if (kb.FindRule(f.rule) == nullptr) return where("finding cites unknown rule " + f.rule);
    for (const std::string& s : f.sources) {
      if (kb.source_ids.count(s) == 0) return where("finding " + f.rule + " cites unknown source " + s);
    }
    if (f.summary.empty() || f.basis.empty()) return where("finding " + f.rule + " lacks summary or basis");
    if (f.until && f.effect != Effect::kDefer) return where("non-defer finding " + f.rule + " has until");
    if (!f.zones.empty()) {
      bool touches = false;
      for (const Code& z : f.zones) touches = touches || requested.count(z) != 0;
      if (!touches) return where("finding " + f.rule + " counts though none of its zones is requested");
    }
    if (!worst || f.effect > *worst) worst = f.effect;
    if (f.effect == Effect::kDefer && f.until && (!latest_until || *f.until > *latest_until)) {
      latest_until = f.until;
    }
  }
  const Outcome expected = worst ? OutcomeOf(*worst) : Outcome::kProceed;
  if (d.outcome != expected) {
    return where("decision " + std::string(OutcomeName(d.outcome)) +
                 " is not the most severe finding's " + std::string(OutcomeName(expected)));
  }
  if (d.earliest_date != latest_until) {
    return where("earliest_date is not the latest until among defer findings");
  }

  std::set<std::pair<Code, Code>> planned;
  for (const ZonePlan& z : d.zones) {
    const std::string name = z.zone.str() + "/" + z.indication.str();
    if (!planned.insert({z.zone, z.indication}).second) return where("zone plan repeated: " + name);
    const kb::ZoneInfo* info = kb.FindZone(z.zone);
    if (info == nullptr) return where("zone plan for unknown zone " + name);
    if (z.depth) {
      if (z.depth->min > z.depth->max) return where(name + ": depth min above max");
      if (!info->cap) return where(name + ": a zone without a cap has a depth");
      const Depth zone_limit = info->scar_cap ? std::max(*info->cap, *info->scar_cap) : *info->cap;
      if (z.depth->max > zone_limit) return where(name + ": depth above the zone's scar cap");
      if (intake.device && intake.device->max_depth && z.depth->max > *intake.device->max_depth) {
        return where(name + ": depth above the device's max_depth_mm");
      }
      if (z.depth->max.is_zero()) return where(name + ": a zero maximum should be no depth (null)");
    }
    bool declined = false;
    for (const Finding& f : d.findings) {
      if (f.effect != Effect::kDecline) continue;
      const bool applies =
          f.zones.empty() || std::find(f.zones.begin(), f.zones.end(), z.zone) != f.zones.end();
      declined = declined || applies;
    }
    if (declined && z.status != ZoneStatus::kBlocked) {
      return where(name + ": a decline finding applies but the status is " +
                   std::string(ZoneStatusName(z.status)));
    }
    if (!declined && z.status == ZoneStatus::kBlocked) {
      return where(name + ": blocked although no decline finding applies to it");
    }
  }
  if (planned != pairs) return where("zone plans are not one per requested zone and indication");
  if (d.kb.digest != kb.digest || d.kb.version != kb.version) return where("kb stamp differs");
  return std::nullopt;
}

TEST(ScreeningProperties, DecisionsAreConsistentWithTheKb) {
  ForEachIntake(300000, [](IntakeGenerator&, const json& intake) -> std::optional<std::string> {
    const auto parsed = Parse(intake);
    if (!parsed) return std::nullopt;
    return CheckConsistency(*parsed, engine::Screen(*parsed, ShippedKb()), ShippedKb());
  });
}

// The same consistency holds for intakes with more history than usual.
TEST(ScreeningProperties, LongHistoriesAreConsistentToo) {
  ForEachIntake(400000, [](IntakeGenerator& gen, const json& intake) -> std::optional<std::string> {
    json more = intake;
    for (int i = 0; i < 6; ++i) gen.AddContraindicationFact(more);
    const auto parsed = Parse(more);
    if (!parsed) return std::nullopt;
    auto problem = CheckConsistency(*parsed, engine::Screen(*parsed, ShippedKb()), ShippedKb());
    if (problem) *problem += "\nwith history: " + more.dump();
    return problem;
  });
}

}  // namespace
}  // namespace corium::testing
