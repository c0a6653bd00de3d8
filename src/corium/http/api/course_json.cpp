#include "corium/http/api/course_json.h"

#include <string>

namespace corium::http {
namespace {

using nlohmann::json;

json OptionalDate(const std::optional<Date>& date) {
  return date ? json(date->ToString()) : json(nullptr);
}

json OptionalText(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json KbStamp(const kb::KnowledgeBase& kb) {
  return {{"version", kb.version}, {"digest", kb.digest}};
}

json ScheduledToJson(const course::ScheduledSession& s) {
  return {{"number", s.number},
          {"earliest_date", s.earliest.ToString()},
          {"date", s.date.ToString()},
          {"moved", s.moved},
          {"bound_by", {{"rule", s.bound_by.rule}, {"reason", s.bound_by.reason}}}};
}

json RuleItemsToJson(const kb::RuleItems& items, const char* key) {
  json out = {{"rule", items.rule}, {key, items.items}};
  if (!items.instead.empty()) out["instead"] = items.instead;
  return out;
}

}  // namespace

json PlanCourseToJson(const app::PlanCourseView& view, const kb::KnowledgeBase& kb) {
  const course::Course& c = view.course;
  json done = json::array();
  for (size_t i = 0; i < c.done.size(); ++i) {
    done.push_back({{"number", c.done[i].number},
                    {"session_id", i < view.done_session_ids.size() ? json(view.done_session_ids[i])
                                                                    : json(nullptr)},
                    {"date", c.done[i].date.ToString()}});
  }
  json scheduled = json::array();
  for (const auto& s : c.sessions) scheduled.push_back(ScheduledToJson(s));
  json follow_ups = json::array();
  for (const auto& f : c.follow_ups) {
    follow_ups.push_back(
        {{"point", f.point.str()},
         {"date", f.date.ToString()},
         {"rule", f.rule},
         {"purpose", f.purpose},
         {"after_session", f.after_session == 0 ? json(nullptr) : json(f.after_session)}});
  }
  json preparation = json::array();
  for (const auto& p : c.preparation) {
    preparation.push_back({{"point", p.point.str()},
                           {"date", p.date.ToString()},
                           {"session", p.session},
                           {"days_before", p.days_before},
                           {"rules", p.rules},
                           {"advice", p.advice}});
  }
  json booked = json::array();
  for (const app::BookedSessionView& b : view.booked) {
    booked.push_back({{"appointment_id", b.fit.id},
                      {"starts_at", b.starts_at},
                      {"date", b.fit.date.ToString()},
                      {"session", b.fit.number == 0 ? json(nullptr) : json(b.fit.number)},
                      {"needs_new_date", b.fit.needs_new_date},
                      {"problem", OptionalText(b.fit.problem)}});
  }
  std::optional<Date> no_response_from;
  if (c.sessions.empty() && c.series_ends) {
    no_response_from = c.series_ends->AddMonths(kb.course.no_response_months);
  }
  return {{"plan_id", view.plan.id},
          {"client_id", view.plan.client_id},
          {"indication", view.plan.indication.str()},
          {"sessions", view.plan.sessions},
          {"interval_days", view.plan.interval_days},
          {"status", view.plan.status},
          {"outcome", view.outcome ? json(*view.outcome) : json(nullptr)},
          {"as_of", view.as_of.ToString()},
          {"done", done},
          {"scheduled", scheduled},
          {"booked", booked},
          {"series_ends", OptionalDate(c.series_ends)},
          {"follow_ups", follow_ups},
          {"preparation", preparation},
          {"no_response_from", OptionalDate(no_response_from)},
          {"kb", KbStamp(kb)}};
}

json HomeCareToJson(const app::HomeCareView& view, int weeks, const kb::KnowledgeBase& kb) {
  const course::HomeCarePlan& p = view.plan;
  json days = json::array();
  for (const auto& d : p.days) {
    days.push_back({{"date", d.date.ToString()},
                    {"kind", std::string(course::HomeDayKindName(d.kind))},
                    {"rule", OptionalText(d.rule)},
                    {"reason", OptionalText(d.reason)}});
  }
  json replace_on = json::array();
  for (const Date& d : p.replace_on) replace_on.push_back(d.ToString());
  return {{"client_id", view.client_id},
          {"from", view.from.ToString()},
          {"weeks", weeks},
          {"regimen",
           {{"max_depth_mm", p.max_depth.millimetres()},
            {"depth_rule", p.depth_rule},
            {"max_per_week", p.max_per_week},
            {"min_days_apart", p.min_days_apart},
            {"frequency_rule", p.frequency_rule},
            {"pause",
             {{"days_before", p.pause_days_before},
              {"days_after", p.pause_days_after},
              {"rule", p.pause_rule}}},
            {"replacement", {{"after_uses", p.replace_after_uses}, {"rule", p.replacement_rule}}},
            {"avoid_products", RuleItemsToJson(p.avoid_products, "products")},
            {"never", RuleItemsToJson(p.never, "items")}}},
          {"days", days},
          {"replace_on", replace_on},
          {"kb", KbStamp(kb)}};
}

}  // namespace corium::http
