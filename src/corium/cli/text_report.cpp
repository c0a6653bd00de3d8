#include "corium/cli/text_report.h"

#include <cstdio>
#include <sstream>

namespace corium::cli {
namespace {

std::string Headline(const Decision& d) {
  switch (d.outcome) {
    case Outcome::kProceed:
      return "PROCEED - nothing in this intake stands in the way of treatment.";
    case Outcome::kProceedWithCaution:
      return "PROCEED WITH CAUTION - treatment may go ahead with the precautions below.";
    case Outcome::kDefer:
      return "DEFER - not yet; treatment must wait.";
    case Outcome::kRefer:
      return "REFER - a prescriber must clear or direct this treatment first.";
    case Outcome::kDecline:
      return "DECLINE - this treatment cannot be done in this workflow.";
  }
  return "";
}

std::string Pad(const std::string& text, size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

std::string DepthText(const ZonePlan& z) {
  if (!z.depth) return "none";
  return z.depth->min.ToString() + " to " + z.depth->max.ToString() + " mm";
}

}  // namespace

std::string TextReport(const Decision& d, const Intake& intake, const kb::KnowledgeBase& kb) {
  const kb::Vocabulary& vocab = kb.vocabulary;
  std::ostringstream out;
  out << Headline(d) << "\n";
  bool deferred = false;
  for (const Finding& f : d.findings) deferred = deferred || f.effect == Effect::kDefer;
  if (deferred) {
    if (d.earliest_date) {
      out << "Earliest date: " << d.earliest_date->ToString();
      bool undated = false;
      for (const Finding& f : d.findings) {
        undated = undated || (f.effect == Effect::kDefer && !f.until);
      }
      out << (undated ? ", and only once the undated conditions below have cleared" : "") << ".\n";
    } else {
      out << "Earliest date: none yet - wait until the conditions below have cleared.\n";
    }
  }
  out << "Screened for " << intake.as_of.ToString() << ".\n\n";

  if (d.findings.empty()) {
    out << "Findings: none.\n";
  } else {
    out << "Findings (most serious first):\n";
    for (const Finding& f : d.findings) {
      std::string effect(EffectName(f.effect));
      for (char& c : effect) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out << "  " << Pad(effect, 8) << f.rule << "  " << f.summary;
      if (f.until) out << " (until " << f.until->ToString() << ")";
      out << "\n           why: " << f.basis << "\n";
      if (!f.sources.empty()) {
        out << "           sources:";
        for (const std::string& s : f.sources) out << " " << s;
        out << "\n";
      }
    }
  }

  out << "\nDepth by zone (needle setting):\n";
  out << "  " << Pad("zone", 16) << Pad("indication", 28) << Pad("status", 14) << Pad("depth", 16)
      << Pad("limited by", 12) << "endpoint\n";
  for (const ZonePlan& z : d.zones) {
    out << "  " << Pad(vocab.Label("zones", z.zone), 16)
        << Pad(vocab.Label("indications", z.indication), 28)
        << Pad(std::string(ZoneStatusName(z.status)), 14) << Pad(DepthText(z), 16)
        << Pad(std::string(CapSourceName(z.limited_by)), 12) << vocab.Label("endpoints", z.endpoint)
        << "\n";
  }
  out << "\nConsent items:";
  for (const std::string& item : d.consent_items) out << " " << item;
  out << "\nKnowledge base " << d.kb.version << " (" << d.kb.digest << ")\n";
  out << "A clinician makes the decision; this screening shows the rules and facts behind it.\n";
  return out.str();
}

}  // namespace corium::cli
