#include "corium/kb/course_builder.h"

#include <string>
#include <vector>

#include "corium/kb/node_reader.h"

namespace corium::kb {
namespace {

std::string RuleOf(const NodeReader& node, const std::string& key, const YamlDocument& doc,
                   References& refs) {
  std::string rule = node.String(key);
  refs.Use("rules", rule, doc, node.pointer() + "/" + key);
  return rule;
}

SeriesDefault SeriesOf(const NodeReader& node, const YamlDocument& doc, References& refs) {
  SeriesDefault series;
  if (const auto indication = node.OptionalString("indication")) {
    series.indication = Code(*indication);
    refs.Use("indications", *indication, doc, node.pointer() + "/indication");
  }
  series.sessions = node.OptionalInt("sessions").value_or(0);
  series.max_sessions = node.OptionalInt("max_sessions").value_or(0);
  series.interval_days = node.OptionalInt("interval_days").value_or(0);
  if (series.max_sessions < series.sessions) {
    node.Problem("max_sessions", "must not be below sessions");
  }
  return series;
}

std::vector<FollowUpPoint> PointsOf(const NodeReader& parent, const std::string& key,
                                    const std::string& unit, const YamlDocument& doc,
                                    References& refs) {
  std::vector<FollowUpPoint> points;
  for (const NodeReader& node : parent.Items(key)) {
    FollowUpPoint point;
    point.point = Code(node.String("point"));
    point.days = node.OptionalInt("days").value_or(0);
    point.months = node.OptionalInt("months").value_or(0);
    if (!node.Has(unit)) node.Problem(unit, "a point of " + key + " needs " + std::string(unit));
    point.rule = RuleOf(node, "rule", doc, refs);
    point.purpose = node.String("purpose");
    points.push_back(std::move(point));
  }
  return points;
}

RuleItems ItemsOf(const NodeReader& node, const std::string& key, const YamlDocument& doc,
                  References& refs) {
  RuleItems items;
  items.rule = RuleOf(node, "rule", doc, refs);
  items.items = node.Strings(key);
  if (node.Has("instead")) items.instead = node.String("instead");
  return items;
}

HomeRolling HomeOf(const NodeReader& node, const YamlDocument& doc, References& refs) {
  HomeRolling home;
  home.depth_rule = RuleOf(node, "depth_rule", doc, refs);
  const NodeReader frequency = node.Child("frequency");
  home.frequency_rule = RuleOf(frequency, "rule", doc, refs);
  home.max_per_week = frequency.OptionalInt("max_per_week").value_or(0);
  home.min_days_apart = frequency.OptionalInt("min_days_apart").value_or(0);
  const NodeReader pause = node.Child("pause");
  home.pause_rule = RuleOf(pause, "rule", doc, refs);
  home.pause_days_before = pause.OptionalInt("days_before").value_or(0);
  const NodeReader replacement = node.Child("replacement");
  home.replacement_rule = RuleOf(replacement, "rule", doc, refs);
  home.replace_after_uses = replacement.OptionalInt("after_uses").value_or(0);
  home.avoid_products = ItemsOf(node.Child("avoid_products"), "products", doc, refs);
  home.never = ItemsOf(node.Child("never"), "items", doc, refs);
  return home;
}

}  // namespace

void BuildCourse(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems, References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  CourseProtocol& course = kb.course;

  const NodeReader series = root.Child("series");
  course.series_rule = RuleOf(series, "rule", doc, refs);
  course.series.push_back(SeriesOf(series.Child("default"), doc, refs));
  if (course.series.front().indication) {
    series.Problem("default", "the default series names no indication");
  }
  for (const NodeReader& entry : series.Items("indications")) {
    course.series.push_back(SeriesOf(entry, doc, refs));
    if (!course.series.back().indication) entry.Problem("indication", "is required here");
  }

  const NodeReader follow_up = root.Child("follow_up");
  course.after_each_session = PointsOf(follow_up, "after_each_session", "days", doc, refs);
  course.after_series = PointsOf(follow_up, "after_series", "months", doc, refs);
  const NodeReader no_response = follow_up.Child("no_response");
  course.no_response_rule = RuleOf(no_response, "rule", doc, refs);
  course.no_response_months = no_response.OptionalInt("months_after_series").value_or(0);

  for (const NodeReader& entry : root.Items("preparation")) {
    PreparationReminder reminder;
    reminder.point = Code(entry.String("point"));
    reminder.rules = entry.Strings("rules");
    for (size_t i = 0; i < reminder.rules.size(); ++i) {
      refs.Use("rules", reminder.rules[i], doc, entry.pointer() + "/rules/" + std::to_string(i));
    }
    reminder.advice = entry.String("advice");
    course.preparation.push_back(std::move(reminder));
  }
  course.home = HomeOf(root.Child("home_rolling"), doc, refs);
}

const SeriesDefault& CourseProtocol::SeriesFor(const Code& indication) const {
  for (const SeriesDefault& s : series) {
    if (s.indication && *s.indication == indication) return s;
  }
  return series.front();
}

}  // namespace corium::kb
