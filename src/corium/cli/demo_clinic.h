// The demo clinic of `corium demo`: a small Utah practice whose staff, stock, clients, screenings
// and charts are entered through the use cases, so every invariant and audit entry is exercised.
#pragma once

#include <string_view>

#include "corium/app/actor.h"
#include "corium/base/result.h"
#include "corium/domain/date.h"
#include "corium/kb/knowledge_base.h"
#include "corium/store/sql.h"

namespace corium::cli {

inline constexpr std::string_view kDemoClinicName = "Wasatch Skin Studio";

// The demo's "today", 2026-11-20. Every step runs on an app::FixedClock set to a date of a story
// that starts on 2026-06-01 and ends on this day, so that the same knowledge base gives the same
// decisions, deferral dates and expiry list on every run, whatever the real date.
Date DemoToday();

// Creates the demo clinic and fills it through the use cases; returns the clinic's id. Each step
// commits on its own, as it would at a real front desk: a failure part-way (a knowledge base that
// decides differently, a database error) leaves a partial clinic, and the status names the step.
Result<app::Id> SeedDemoClinic(store::SqlConnection& db, const kb::KnowledgeBase& kb);

}  // namespace corium::cli
