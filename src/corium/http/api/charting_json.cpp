#include "corium/http/api/charting_json.h"

#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "corium/http/api/json_read.h"

namespace corium::http {
namespace {

using nlohmann::json;

std::string Item(const std::string& list, size_t index) {
  return list + "[" + std::to_string(index) + "].";
}

// Each element of the array `field` as a reader prefixed with its path, problems merged into
// `read` by the caller.
template <typename Visit>
void ForEach(BodyReader& read, std::string_view field, Visit visit) {
  const json& list = read.At(field);
  if (!list.is_array()) return;
  for (size_t i = 0; i < list.size(); ++i) {
    BodyReader item(list[i], read.Path(Item(std::string(field), i)));
    visit(item);
    read.Merge(item);
  }
}

json OptionalIdJson(const std::optional<app::Id>& id) { return id ? json(*id) : json(nullptr); }

// A stored JSON object column; an empty or unreadable one reads as {}.
json StoredObject(const std::string& text) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return value.is_object() ? value : json::object();
}

}  // namespace

Result<app::PlanRequest> PlanRequestFromJson(const json& body) {
  BodyReader read(body);
  app::PlanRequest plan;
  plan.screening_id = read.Int("screening_id");
  plan.indication = Code(read.String("indication"));
  plan.sessions = static_cast<int>(read.Int("sessions"));
  plan.interval_days = static_cast<int>(read.Int("interval_days"));
  ForEach(read, "zones", [&](BodyReader& zone) {
    plan.zones.push_back(
        {Code(zone.String("zone")), zone.RequiredDepth("min"), zone.RequiredDepth("max")});
  });
  CORIUM_RETURN_IF_ERROR(read.status());
  return plan;
}

Result<app::ConsentRequest> ConsentRequestFromJson(const json& body) {
  BodyReader read(body);
  app::ConsentRequest consent;
  consent.plan_id = read.Int("plan_id");
  for (const json& item : read.At("items")) {
    if (item.is_string()) consent.items.push_back(item.get<std::string>());
  }
  consent.text_version = read.String("text_version");
  consent.text_digest = read.String("text_digest");
  consent.signature = read.String("signature");
  consent.signer_name = read.String("signer_name");
  consent.photo_consent = read.Bool("photo_consent");
  CORIUM_RETURN_IF_ERROR(read.status());
  return consent;
}

Result<app::SessionChart> SessionChartFromJson(const json& body) {
  BodyReader read(body);
  app::SessionChart chart;
  chart.plan_id = read.Int("plan_id");
  chart.device_id = read.Int("device_id");
  chart.cartridge_id = read.Int("cartridge_id");
  ForEach(read, "zones", [&](BodyReader& zone) {
    app::TreatedZone treated;
    treated.zone = Code(zone.String("zone"));
    treated.depth = zone.RequiredDepth("depth");
    treated.passes = static_cast<int>(zone.Int("passes"));
    treated.endpoint = Code(zone.String("endpoint"));
    treated.override_reason = zone.String("override_reason");
    treated.speed = zone.String("speed");
    chart.zones.push_back(std::move(treated));
  });
  ForEach(read, "products", [&](BodyReader& product) {
    chart.products.push_back({product.Int("product_id"), Code(product.String("step"))});
  });
  if (read.At("anaesthetic").is_object()) {
    BodyReader anaesthetic(read.At("anaesthetic"), "anaesthetic.");
    chart.anaesthetic = app::AnaestheticUse{
        anaesthetic.Int("product_id"), anaesthetic.String("strength"), anaesthetic.String("area"),
        static_cast<int>(anaesthetic.Int("contact_minutes"))};
    read.Merge(anaesthetic);
  }
  ForEach(read, "checklist", [&](BodyReader& tick) {
    const bool done = tick.String("state") != "not_used";
    chart.checklist.push_back(
        {Code(tick.String("step")), done ? app::StepState::kDone : app::StepState::kNotUsed});
  });
  chart.notes = read.String("notes");
  CORIUM_RETURN_IF_ERROR(read.status());
  return chart;
}

Result<app::AmendmentRequest> AmendmentRequestFromJson(const json& body) {
  BodyReader read(body);
  app::AmendmentRequest amendment;
  amendment.record_type = read.String("record_type");
  amendment.record_id = read.Int("record_id");
  amendment.reason = read.String("reason");
  amendment.body_json = read.At("body").dump();
  CORIUM_RETURN_IF_ERROR(read.status());
  return amendment;
}

std::optional<app::Id> ParseQueryId(std::string_view text) {
  app::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

json PlanToJson(const app::PlanView& plan) {
  json zones = json::array();
  for (const app::PlanZoneRecord& zone : plan.zones) {
    zones.push_back({{"zone", zone.zone.str()},
                     {"min", zone.planned_min.millimetres()},
                     {"max", zone.planned_max.millimetres()},
                     {"cap", zone.cap_max.millimetres()}});
  }
  return {{"id", plan.id},
          {"client_id", plan.client_id},
          {"screening_id", plan.screening_id},
          {"indication", plan.indication.str()},
          {"sessions", plan.sessions},
          {"interval_days", plan.interval_days},
          {"status", plan.status},
          {"zones", std::move(zones)},
          {"created_by", plan.created_by},
          {"created_at", plan.created_at},
          {"version", plan.version}};
}

json ConsentToJson(const app::ConsentView& consent) {
  return {{"id", consent.id},
          {"client_id", consent.client_id},
          {"plan_id", consent.plan_id},
          {"items", consent.items},
          {"text_version", consent.text_version},
          {"text_digest", consent.text_digest},
          {"signature", consent.signature},
          {"signer_name", consent.signer_name},
          {"photo_consent", consent.photo_consent},
          {"witnessed_by", consent.witnessed_by},
          {"signed_at", consent.signed_at}};
}

json ConsentItemsToJson(const app::ConsentItemsView& view) {
  json texts = json::array();
  for (const kb::ConsentItem& item : view.texts) {
    texts.push_back({{"id", item.id},
                     {"title", item.title},
                     {"applies_when", item.applies_when},
                     {"text", item.text},
                     {"sources", item.sources}});
  }
  return {{"plan_id", view.plan_id},           {"client_id", view.client_id},
          {"screening_id", view.screening_id}, {"items", view.items},
          {"texts", std::move(texts)},         {"text_version", view.text_version},
          {"text_digest", view.text_digest}};
}

json SessionToJson(const app::SessionView& s) {
  json zones = json::array();
  for (const app::ChartedZone& zone : s.zones) {
    zones.push_back(
        {{"zone", zone.zone.str()},
         {"depth", zone.depth.millimetres()},
         {"passes", zone.passes},
         {"endpoint", zone.endpoint.str()},
         {"speed", zone.speed},
         {"override_by", OptionalIdJson(zone.override_by)},
         {"override_reason", zone.override_reason ? json(*zone.override_reason) : json(nullptr)}});
  }
  json products = json::array();
  for (const app::AppliedProduct& product : s.products) {
    products.push_back({{"product_id", product.product_id}, {"step", product.step.str()}});
  }
  // Iterated from a named object: items() of a temporary would dangle inside the loop.
  const json ticks = StoredObject(s.checklist_json);
  json checklist = json::array();
  for (const auto& [step, state] : ticks.items()) {
    checklist.push_back({{"step", step}, {"state", state.is_string() ? state : json("done")}});
  }
  json anaesthetic = StoredObject(s.anaesthetic_json);
  return {{"id", s.id},
          {"client_id", s.client_id},
          {"plan_id", s.plan_id},
          {"consent_id", s.consent_id},
          {"screening_id", s.screening_id},
          {"practitioner_id", s.practitioner_id},
          {"device_id", s.device_id},
          {"cartridge_id", s.cartridge_id},
          {"cartridge",
           {{"lot_id", s.cartridge.lot_id},
            {"lot_number", s.cartridge.lot_number},
            {"unit_code", s.cartridge.unit_code},
            {"model", s.cartridge.model},
            {"needle_count", s.cartridge.needle_count},
            {"expires_on", s.cartridge.expires_on.ToString()}}},
          {"performed_on", s.performed_on.ToString()},
          {"zones", std::move(zones)},
          {"products", std::move(products)},
          {"anaesthetic", anaesthetic.empty() ? json(nullptr) : std::move(anaesthetic)},
          {"checklist", std::move(checklist)},
          {"notes", s.notes},
          {"status", s.status},
          {"signed_by", OptionalIdJson(s.signed_by)},
          {"signed_at", s.signed_at ? json(*s.signed_at) : json(nullptr)},
          {"created_at", s.created_at},
          {"version", s.version}};
}

json SessionSummaryToJson(const app::SessionSummary& s) {
  return {{"id", s.id},
          {"plan_id", s.plan_id},
          {"practitioner_id", s.practitioner_id},
          {"performed_on", s.performed_on.ToString()},
          {"status", s.status},
          {"version", s.version}};
}

json AmendmentToJson(const app::AmendmentView& a) {
  return {{"id", a.id},
          {"record_type", a.record_type},
          {"record_id", a.record_id},
          {"reason", a.reason},
          {"body", StoredObject(a.body_json)},
          {"author_id", a.author_id},
          {"created_at", a.created_at}};
}

}  // namespace corium::http
