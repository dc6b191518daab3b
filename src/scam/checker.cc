#include "scam/checker.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/utf8.h"
#include "scam/domains.h"
#include "text/normalize.h"

namespace antoan::scam {
namespace {

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  double e = std::exp(z);
  return e / (1.0 + e);
}

double logit_of(double p) { return std::log(p / (1.0 - p)); }

// Cuts at most `max` bytes without splitting a UTF-8 sequence.
std::string_view cut_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string percent(double p) { return std::to_string(static_cast<int>(std::lround(p * 100))) + "%"; }

Reason evidence(std::string code, SignalKind kind, std::string vi, std::string en, double weight) {
  return Reason{std::move(code), std::move(vi), std::move(en), weight, std::string(signal_kind_name(kind)), true};
}

Reason registry_reason(const Indicator& ind, const RegistryHit& hit) {
  std::string kind(indicator_kind_name(ind.kind));
  const std::string& what = ind.value;
  switch (hit.status) {
    case RegistryStatus::confirmed:
      return evidence("registry:confirmed", SignalKind::registry,
                      what + " đã được cơ quan chức năng xác nhận là lừa đảo",
                      what + " is a confirmed scam " + kind + " in the registry", 100.0);
    case RegistryStatus::cleared:
      return Reason{"registry:cleared",
                    what + " đã được kiểm tra và xác nhận không phải lừa đảo",
                    what + " was checked and cleared in the registry",
                    -2.0,
                    "genuine",
                    false};
    case RegistryStatus::reported: {
      double w = std::min(2.5, 1.0 + 0.5 * std::log(static_cast<double>(std::max<std::int64_t>(1, hit.report_count))));
      std::string n = std::to_string(hit.report_count);
      return evidence("registry:reported", SignalKind::registry,
                      what + " đã bị người dùng báo cáo lừa đảo " + n + " lần",
                      what + " was reported as a scam " + n + " time(s)", w);
    }
  }
  return {};
}

const std::string& first_domain(const Brand& b) {
  static const std::string none;
  for (const std::string& d : b.domains)
    if (d.rfind("*.", 0) != 0) return d;
  return b.domains.empty() ? none : b.domains.front();
}

// Evidence from the links of a message: lookalike and non-official domains,
// shorteners, bare IPs, throw-away TLDs, hosts in lookalike characters; and
// official links (a genuine sign).
void link_evidence(const BrandTable& brands, std::vector<Indicator>& indicators, std::string_view raw,
                   std::string_view normalized, std::vector<Reason>& out) {
  // Which brands the message speaks for matters only beside a link of unknown standing:
  // scanned for at the first such link (most messages have none).
  std::optional<std::vector<int>> mentioned;
  bool official_seen = false, mismatch_seen = false;
  // Hosts written in lookalike letters first (extract_indicators keeps them as written),
  // judged by what they imitate rather than by the domain checks below.
  std::vector<std::string> homoglyph_hosts;
  for (const UnicodeHost& h : find_unicode_hosts(raw)) {
    homoglyph_hosts.push_back(h.host);
    if (auto look = brands.homoglyph(h.ascii, h.skeleton)) {
      const Brand& b = brands.brand(look->brand);
      out.push_back(evidence("link:homoglyph", SignalKind::link,
                             "Đường link " + h.host + " dùng chữ của bảng chữ cái khác để giả " + b.display +
                                 " (trang thật: " + first_domain(b) + ")",
                             "The link " + h.host + " uses letters from another alphabet to imitate " + b.display +
                                 " (the real site: " + first_domain(b) + ")",
                             3.5));
    } else {
      out.push_back(evidence("link:mixed_script", SignalKind::link,
                             "Đường link " + h.host + " trộn chữ của nhiều bảng chữ cái để đánh lừa mắt người đọc",
                             "The link " + h.host + " mixes letters of several alphabets to fool the eye", 2.0));
    }
  }
  for (const Indicator& ind : indicators) {
    if (ind.kind != IndicatorKind::domain) continue;
    if (std::find(homoglyph_hosts.begin(), homoglyph_hosts.end(), ind.value) != homoglyph_hosts.end()) continue;
    const std::string& host = ind.value;
    if (is_ip_host(host)) {
      out.push_back(evidence("link:ip", SignalKind::link,
                             "Đường link là một địa chỉ IP trần (" + host + "), không phải trang web đứng tên ai",
                             "The link is a bare IP address (" + host + "), not a named website", 1.5));
      continue;
    }
    const int official = brands.official_for(host);
    if (official >= 0) {
      if (!official_seen && brands.brand(official).kind != "platform") {
        const std::string& name = brands.brand(official).display;
        out.push_back(Reason{"link:official", "Đường link dẫn tới trang chính thức của " + name + " (" + host + ")",
                             "The link goes to " + name + "'s official site (" + host + ")", -1.0, "genuine", false});
        official_seen = true;
      }
      continue;
    }
    if (auto look = ind.shortener ? std::nullopt : brands.lookalike(host)) {
      const Brand& b = brands.brand(look->brand);
      out.push_back(
          evidence("link:lookalike", SignalKind::link,
                   "Đường link " + host + " giả mạo " + b.display + " (trang thật: " + first_domain(b) + ")",
                   "The link " + host + " imitates " + b.display + " (the real site: " + first_domain(b) + ")", 3.5));
      continue;
    }
    // One link is one piece of evidence: its shape and a brand mismatch do not add up in full.
    const bool shape = ind.shortener || is_risky_tld(host);
    if (ind.shortener) {
      out.push_back(evidence("link:shortener", SignalKind::link,
                             "Đường link rút gọn (" + host + ") che giấu trang thật sẽ mở ra",
                             "A shortened link (" + host + ") hides the page it really opens", 1.0));
    } else if (is_risky_tld(host)) {
      out.push_back(evidence("link:risky_domain", SignalKind::link,
                             "Đường link dùng tên miền rẻ tiền hay bị dùng cho trang lừa đảo (" + host + ")",
                             "The link uses a cheap domain often used by scam sites (" + host + ")", 1.0));
    }
    if (mismatch_seen) continue;
    if (!mentioned) mentioned = brands.mentions(normalized);
    for (int m : *mentioned) {
      const Brand& b = brands.brand(m);
      if (!b.sensitive() || brands.is_official(m, host)) continue;
      out.push_back(evidence("impersonation:link", SignalKind::impersonation,
                             "Tin nhắn nhân danh " + b.display + " nhưng đường link " + host +
                                 " không phải trang chính thức của họ (" + first_domain(b) + ")",
                             "The message speaks for " + b.display + " but the link " + host +
                                 " is not their official site (" + first_domain(b) + ")",
                             shape ? 0.5 : 1.5));
      mismatch_seen = true;
      break;
    }
  }
}

}  // namespace

struct Checker::Analysis {
  std::string normalized;
  double logit = 0;
  double model_logit = 0;
  bool model_done = false;
  std::vector<Reason> reasons;  // evidence, style and genuine hits (explain only)
  bool has_signal = false;
  std::vector<Indicator> indicators;
};

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::scam: return "scam";
    case Verdict::suspicious: return "suspicious";
    case Verdict::safe: return "safe";
  }
  return "safe";
}

Checker::Checker(std::shared_ptr<const PatternSet> patterns, std::shared_ptr<const Classifier> model,
                 std::shared_ptr<const BrandTable> brands, RegistryLookup registry, CheckerOptions options)
    : patterns_(std::move(patterns)),
      model_(std::move(model)),
      brands_(std::move(brands)),
      registry_(std::move(registry)),
      options_(options) {}

Result<std::unique_ptr<Checker>> Checker::load(const std::string& patterns_path, const std::string& model_path,
                                               RegistryLookup registry, CheckerOptions options) {
  ANTOAN_ASSIGN(auto patterns, PatternSet::load_file(patterns_path));
  ANTOAN_ASSIGN(Classifier model, Classifier::load(model_path));
  std::filesystem::path dir = std::filesystem::path(patterns_path).parent_path();
  ANTOAN_ASSIGN(auto brands, BrandTable::load_file((dir.empty() ? std::filesystem::path(".") : dir) / "brands.tsv"));
  auto shared_model = std::make_shared<const Classifier>(std::move(model));
  return std::make_unique<Checker>(std::move(patterns), std::move(shared_model), std::move(brands), std::move(registry),
                                   options);
}

// The classifier only refines evidence, so it runs only once a concrete signal exists (most
// messages on a phone have none: this keeps the checker fast). Without it the score starts from
// a low prior instead.
void Checker::add_model(Analysis& a) const {
  if (a.model_done) return;
  a.model_logit = std::clamp(model_->logit(a.normalized), options_.model_min_logit, options_.model_max_logit);
  a.logit += a.model_logit - options_.no_signal_prior_logit;
  a.model_done = true;
}

Checker::Analysis Checker::analyse(std::string_view analysed, bool explain) const {
  Analysis a;
  a.normalized = text::normalize_for_matching(analysed);
  const std::string& normalized = a.normalized;
  a.logit = options_.no_signal_prior_logit;
  for (int i : patterns_->match(normalized)) {
    const Pattern& p = patterns_->pattern(i);
    a.logit += p.weight;
    a.has_signal |= is_concrete(p.kind);
    if (explain) {
      a.reasons.push_back(Reason{"pattern:" + p.id, p.reason_vi, p.reason_en, p.weight,
                                 std::string(signal_kind_name(p.kind)), is_concrete(p.kind)});
    }
  }
  a.indicators = extract_indicators(analysed);
  std::vector<Reason> links;
  link_evidence(*brands_, a.indicators, analysed, normalized, links);
  for (Reason& r : links) {
    a.logit += r.weight;
    a.has_signal |= r.evidence;
    if (explain) a.reasons.push_back(std::move(r));
  }
  if (a.has_signal) add_model(a);
  return a;
}

TextAssessment Checker::assess(std::string_view text) const {
  Analysis a = analyse(cut_utf8(text, options_.max_text_bytes), false);
  TextAssessment t;
  t.has_signal = a.has_signal;
  t.logit = a.has_signal ? a.logit : std::min(a.logit, logit_of(options_.no_signal_score_cap));
  return t;
}

bool Checker::flags(std::string_view text) const { return sigmoid(text_logit(text)) >= options_.suspicious_threshold; }

Result<CheckResult> Checker::check(std::string_view text) const {
  if (!is_valid_utf8(text)) {
    return Error::invalid("text", "Nội dung không phải văn bản UTF-8 hợp lệ", "Text is not valid UTF-8");
  }
  if (blank(text)) {
    return Error::invalid("text", "Hãy dán nội dung tin nhắn cần kiểm tra", "Text is empty");
  }
  CheckResult result;
  std::string_view analysed = cut_utf8(text, options_.max_text_bytes);
  result.truncated = analysed.size() < text.size();
  Analysis a = analyse(analysed, true);
  result.indicators = std::move(a.indicators);
  double registry_logit = 0;
  bool confirmed = false;
  if (registry_) {
    for (const auto& ind : result.indicators) {
      std::optional<RegistryHit> hit = registry_(ind);
      if (!hit) continue;
      Reason r = registry_reason(ind, *hit);
      if (hit->status == RegistryStatus::confirmed)
        confirmed = true;
      else
        registry_logit += r.weight;
      a.has_signal |= r.evidence;
      a.reasons.push_back(std::move(r));
    }
  }
  if (a.has_signal) add_model(a);  // a registry hit is evidence too
  const double logit = a.logit + registry_logit;

  std::vector<Reason> signals, others;
  for (Reason& r : a.reasons) (r.evidence ? signals : others).push_back(std::move(r));
  auto by_weight = [](const Reason& x, const Reason& y) { return std::fabs(x.weight) > std::fabs(y.weight); };
  std::stable_sort(signals.begin(), signals.end(), by_weight);
  std::stable_sort(others.begin(), others.end(), by_weight);
  for (const Reason& r : signals) result.signals.push_back(r.code);

  const double p = sigmoid(logit);
  if (confirmed) {
    result.score = std::max(0.99, p);
    result.verdict = Verdict::scam;
  } else if (!a.has_signal) {
    result.score = std::min(p, options_.no_signal_score_cap);
    result.verdict = Verdict::safe;
  } else {
    result.score = p;
    result.verdict = p >= options_.scam_threshold         ? Verdict::scam
                     : p >= options_.suspicious_threshold ? Verdict::suspicious
                                                          : Verdict::safe;
  }

  if (result.verdict != Verdict::safe) {
    result.reasons = std::move(signals);
    if (a.model_logit > 1.0) {
      result.reasons.push_back({"model", "Cách viết giống các tin lừa đảo đã biết",
                                "The wording is like known scam messages", a.model_logit, "style", false});
    }
    for (Reason& r : others)
      if (r.weight > 0) result.reasons.push_back(std::move(r));
    result.reasons.push_back({"advice",
                              "Đừng chuyển tiền, đừng đọc mã OTP, đừng bấm "
                              "link; hỏi công đoàn hoặc gọi 113 nếu bị đe dọa",
                              "Do not transfer money, share OTP codes or click "
                              "links; ask your union or call 113 if threatened",
                              0, "", false});
  } else {
    if (a.has_signal) {
      result.reasons.push_back(
          {"safe", "Có điểm cần để ý nhưng chưa đủ dấu hiệu lừa đảo (điểm rủi ro " + percent(result.score) + ")",
           "Something to note, but not enough to call it a scam (risk score " + percent(result.score) + ")", logit, "",
           false});
      for (Reason& r : signals) result.reasons.push_back(std::move(r));
    } else {
      result.reasons.push_back({"safe",
                                "Không thấy dấu hiệu lừa đảo cụ thể nào (xin "
                                "tiền, đòi mã OTP, link giả, đe dọa…)",
                                "No concrete sign of a scam (no request for "
                                "money or codes, no fake link, no threat)",
                                logit, "", false});
    }
    for (Reason& r : others)
      if (r.weight < 0) result.reasons.push_back(std::move(r));
    result.reasons.push_back({"advice", "Vẫn cảnh giác: không chuyển tiền hay đưa mã OTP cho người lạ",
                              "Stay careful: never send money or OTP codes to strangers", 0, "", false});
  }
  if (result.truncated) {
    result.reasons.push_back(
        {"truncated", "Tin nhắn quá dài: chỉ phân tích " + std::to_string(options_.max_text_bytes / 1024) + " KB đầu",
         "Message too long: only the first " + std::to_string(options_.max_text_bytes / 1024) + " KB were analysed", 0,
         "", false});
  }
  return result;
}

Json check_result_json(const CheckResult& result, std::string_view lang) {
  const bool en = lang == "en";
  Json out = Json::object();
  out["verdict"] = std::string(verdict_name(result.verdict));
  out["score"] = std::round(result.score * 1000) / 1000;
  Json shown = Json::array(), vi = Json::array(), eng = Json::array(), detail = Json::array(), inds = Json::array();
  for (const auto& r : result.reasons) {
    shown.push_back(en ? r.en : r.vi);
    vi.push_back(r.vi);
    eng.push_back(r.en);
    Json d = {{"code", r.code},
              {"vi", r.vi},
              {"en", r.en},
              {"weight", std::round(r.weight * 100) / 100},
              {"evidence", r.evidence}};
    if (!r.kind.empty()) d["kind"] = r.kind;
    detail.push_back(std::move(d));
  }
  for (const auto& ind : result.indicators) {
    Json j = {{"kind", std::string(indicator_kind_name(ind.kind))}, {"value", ind.value}};
    if (!ind.bank.empty()) j["bank"] = ind.bank;
    if (!ind.platform.empty()) j["platform"] = ind.platform;
    inds.push_back(std::move(j));
  }
  out["reasons"] = std::move(shown);
  out["reasons_vi"] = std::move(vi);
  out["reasons_en"] = std::move(eng);
  out["reasons_detail"] = std::move(detail);
  out["signals"] = result.signals;
  out["indicators"] = std::move(inds);
  out["lang"] = en ? "en" : "vi";
  if (result.truncated) out["truncated"] = true;
  return out;
}

std::vector<TrainingExample> to_training_examples(const PatternSet& patterns,
                                                  const std::vector<std::pair<std::string, bool>>& texts) {
  std::vector<TrainingExample> out;
  out.reserve(texts.size());
  for (const auto& [text, scam] : texts) {
    TrainingExample e;
    e.normalized = text::normalize_for_matching(cut_utf8(text, 16 * 1024));
    e.offset = patterns.weight_of(patterns.match(e.normalized));
    e.scam = scam;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace antoan::scam
