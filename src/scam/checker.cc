#include "scam/checker.h"

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "text/normalize.h"

namespace antoan::scam {
namespace {

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  double e = std::exp(z);
  return e / (1.0 + e);
}

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

std::string quoted_list(const std::vector<FeatureContribution>& features, const char* open, const char* close) {
  std::string out;
  for (const auto& f : features) {
    if (!out.empty()) out += ", ";
    out += open + f.feature + close;
  }
  return out;
}

std::string percent(double p) { return std::to_string(static_cast<int>(std::lround(p * 100))) + "%"; }

Reason registry_reason(const Indicator& ind, const RegistryHit& hit) {
  std::string kind(indicator_kind_name(ind.kind));
  std::string what = ind.value;
  switch (hit.status) {
    case RegistryStatus::confirmed:
      return {"registry:confirmed", what + " đã được cơ quan chức năng xác nhận là lừa đảo",
              what + " is a confirmed scam " + kind + " in the registry", 100.0};
    case RegistryStatus::cleared:
      return {"registry:cleared", what + " đã được kiểm tra và xác nhận không phải lừa đảo",
              what + " was checked and cleared in the registry", -2.0};
    case RegistryStatus::reported: {
      double w = std::min(2.5, 1.0 + 0.5 * std::log(static_cast<double>(std::max<std::int64_t>(1, hit.report_count))));
      std::string n = std::to_string(hit.report_count);
      return {"registry:reported", what + " đã bị người dùng báo cáo lừa đảo " + n + " lần",
              what + " was reported as a scam " + n + " time(s)", w};
    }
  }
  return {};
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::scam: return "scam";
    case Verdict::suspicious: return "suspicious";
    case Verdict::safe: return "safe";
  }
  return "safe";
}

Checker::Checker(std::shared_ptr<const PatternSet> patterns, std::shared_ptr<const Classifier> model,
                 RegistryLookup registry, CheckerOptions options)
    : patterns_(std::move(patterns)), model_(std::move(model)), registry_(std::move(registry)), options_(options) {}

Result<std::unique_ptr<Checker>> Checker::load(const std::string& patterns_path, const std::string& model_path,
                                               RegistryLookup registry, CheckerOptions options) {
  ANTOAN_ASSIGN(auto patterns, PatternSet::load_file(patterns_path));
  ANTOAN_ASSIGN(Classifier model, Classifier::load(model_path));
  auto shared_model = std::make_shared<const Classifier>(std::move(model));
  return std::make_unique<Checker>(std::move(patterns), std::move(shared_model), std::move(registry), options);
}

double Checker::text_logit(std::string_view text) const {
  std::string normalized = text::normalize_for_matching(cut_utf8(text, options_.max_text_bytes));
  return patterns_->weight_of(patterns_->match(normalized)) + model_->logit(normalized);
}

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
  std::string normalized = text::normalize_for_matching(analysed);

  std::vector<int> hits = patterns_->match(normalized);
  std::vector<FeatureContribution> scam_words;
  double model_logit = model_->explain(normalized, 3, true, &scam_words);
  double logit = model_logit;
  std::vector<Reason> positive, negative;
  for (int i : hits) {
    const Pattern& p = patterns_->pattern(i);
    logit += p.weight;
    (p.weight > 0 ? positive : negative).push_back({"pattern:" + p.id, p.reason_vi, p.reason_en, p.weight});
  }

  bool confirmed = false;
  result.indicators = extract_indicators(analysed);
  if (registry_) {
    for (const auto& ind : result.indicators) {
      std::optional<RegistryHit> hit = registry_(ind);
      if (!hit) continue;
      Reason r = registry_reason(ind, *hit);
      if (hit->status == RegistryStatus::confirmed) {
        confirmed = true;
      } else {
        logit += r.weight;
      }
      (r.weight > 0 ? positive : negative).push_back(std::move(r));
    }
  }

  result.score = confirmed ? std::max(0.99, sigmoid(logit)) : sigmoid(logit);
  result.verdict = confirmed || result.score >= options_.scam_threshold ? Verdict::scam
                   : result.score >= options_.suspicious_threshold     ? Verdict::suspicious
                                                                       : Verdict::safe;
  auto by_weight = [](const Reason& a, const Reason& b) { return std::fabs(a.weight) > std::fabs(b.weight); };
  std::sort(positive.begin(), positive.end(), by_weight);
  std::sort(negative.begin(), negative.end(), by_weight);

  if (result.verdict != Verdict::safe) {
    result.reasons = std::move(positive);
    if (model_logit > 0 && !scam_words.empty()) {
      result.reasons.push_back({"model",
                                "Cách viết giống các tin lừa đảo đã biết (" + percent(sigmoid(model_logit)) +
                                    "; từ ngữ: " + quoted_list(scam_words, "“", "”") + ")",
                                "Wording resembles known scam messages (" + percent(sigmoid(model_logit)) +
                                    "; words: " + quoted_list(scam_words, "\"", "\"") + ")",
                                model_logit});
    }
    if (result.reasons.empty()) {
      result.reasons.push_back({"score", "Điểm rủi ro tổng hợp " + percent(result.score),
                                "Combined risk score " + percent(result.score), logit});
    }
    result.reasons.push_back({"advice",
                              "Đừng chuyển tiền, đừng đọc mã OTP, đừng bấm link; hỏi công đoàn hoặc gọi 113 nếu bị đe dọa",
                              "Do not transfer money, share OTP codes or click links; ask your union or call 113 if threatened",
                              0});
  } else {
    result.reasons = std::move(negative);
    result.reasons.push_back({"safe", "Không thấy dấu hiệu lừa đảo rõ ràng (điểm rủi ro " + percent(result.score) + ")",
                              "No clear sign of a scam (risk score " + percent(result.score) + ")", logit});
    result.reasons.push_back({"advice",
                              "Vẫn cảnh giác: không chuyển tiền hay đưa mã OTP cho người lạ",
                              "Stay careful: never send money or OTP codes to strangers", 0});
  }
  if (result.truncated) {
    result.reasons.push_back({"truncated",
                              "Tin nhắn quá dài: chỉ phân tích " + std::to_string(options_.max_text_bytes / 1024) + " KB đầu",
                              "Message too long: only the first " + std::to_string(options_.max_text_bytes / 1024) +
                                  " KB were analysed",
                              0});
  }
  return result;
}

Json check_result_json(const CheckResult& result) {
  Json out = Json::object();
  out["verdict"] = std::string(verdict_name(result.verdict));
  out["score"] = std::round(result.score * 1000) / 1000;
  Json vi = Json::array(), en = Json::array(), detail = Json::array(), inds = Json::array();
  for (const auto& r : result.reasons) {
    vi.push_back(r.vi);
    en.push_back(r.en);
    detail.push_back({{"code", r.code}, {"vi", r.vi}, {"en", r.en}, {"weight", std::round(r.weight * 100) / 100}});
  }
  for (const auto& ind : result.indicators) {
    Json j = {{"kind", std::string(indicator_kind_name(ind.kind))}, {"value", ind.value}};
    if (!ind.bank.empty()) j["bank"] = ind.bank;
    if (!ind.platform.empty()) j["platform"] = ind.platform;
    inds.push_back(std::move(j));
  }
  out["reasons"] = std::move(vi);
  out["reasons_en"] = std::move(en);
  out["reasons_detail"] = std::move(detail);
  out["indicators"] = std::move(inds);
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
