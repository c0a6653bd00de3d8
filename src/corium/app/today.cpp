#include "corium/app/today.h"

#include <algorithm>
#include <set>
#include <utility>

namespace corium::app {

std::vector<DueSession> PlansDue(const std::vector<PlanProgress>& plans, Date today) {
  std::vector<DueSession> due;
  for (const PlanProgress& plan : plans) {
    if (plan.has_draft || plan.signed_sessions >= plan.sessions) continue;
    std::optional<Date> due_date;
    if (plan.last_signed_on) {
      due_date = plan.last_signed_on->AddDays(plan.interval_days);
      if (today < *due_date) continue;
    }
    due.push_back({plan.client, plan.plan_id, std::nullopt, "due", due_date});
  }
  return due;
}

Result<TodayView> TodayReads::Read(const Actor& actor, Scope scope) {
  TodayView view;
  view.date = clock_.Today();
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto drafts, today_.DraftSessions(actor.clinic_id));
    for (const DraftSession& draft : drafts) {
      view.sessions_due.push_back(
          {draft.client, draft.plan_id, draft.session_id, "draft", draft.performed_on});
    }
    CORIUM_ASSIGN_OR_RETURN(const auto plans, today_.ActivePlans(actor.clinic_id));
    for (DueSession& due : PlansDue(plans, view.date)) view.sessions_due.push_back(std::move(due));
    CORIUM_ASSIGN_OR_RETURN(view.awaiting_clearance, today_.AwaitingClearance(actor.clinic_id));
    if (scope == Scope::kClinical) {
      CORIUM_ASSIGN_OR_RETURN(
          auto events, safety_.AdverseEvents(actor.clinic_id, std::nullopt, EventState::kOpen,
                                             PageRequest{kTodayOpenEventLimit, 0}));
      view.open_adverse_events = std::move(events.items);
    }
    CORIUM_ASSIGN_OR_RETURN(
        view.expiring_lots,
        inventory_.LotsExpiringBy(actor.clinic_id, view.date.AddDays(kTodayExpiryDays)));
    // The worklist names clients: each one named is audited as read, once.
    std::set<Id> named;
    for (const DueSession& due : view.sessions_due) named.insert(due.client.client_id);
    for (const ClearancePending& pending : view.awaiting_clearance) {
      named.insert(pending.client.client_id);
    }
    for (const AdverseEventView& event : view.open_adverse_events) named.insert(event.client_id);
    for (const Id client_id : named) {
      CORIUM_RETURN_IF_ERROR(audit_.Append(EntryFor(actor, clock_.NowSeconds(), "read", "today",
                                                    std::nullopt, client_id, "worklist")));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return view;
}

}  // namespace corium::app
