#include "scam/corpus.h"

#include <fstream>

#include "core/json.h"

namespace antoan::scam {

Result<std::vector<LabeledMessage>> load_corpus(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Error::make(ErrorCode::invalid_argument, "Không mở được tệp dữ liệu " + path,
                       "Cannot open corpus file " + path, "corpus");
  }
  std::vector<LabeledMessage> out;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto bad = [&](const std::string& what) {
      std::string where = path + ":" + std::to_string(line_no) + ": ";
      return Error::make(ErrorCode::invalid_argument, "Dữ liệu sai ở " + where + what,
                         "Bad corpus line " + where + what, "corpus");
    };
    auto obj = parse_json_object(line);
    if (!obj.ok()) return bad(obj.error().message_en);
    const Json& j = *obj;
    if (!j.contains("text") || !j["text"].is_string()) return bad("missing text");
    if (!j.contains("label") || !j["label"].is_string()) return bad("missing label");
    std::string label = j["label"].get<std::string>();
    if (label != "scam" && label != "safe" && label != "ham") return bad("label must be scam, safe or ham");
    out.push_back(LabeledMessage{j["text"].get<std::string>(), label == "scam"});
  }
  return out;
}

void BinaryScores::add(bool predicted, bool actual) {
  if (predicted && actual) ++true_positive;
  else if (predicted) ++false_positive;
  else if (actual) ++false_negative;
  else ++true_negative;
}

double BinaryScores::precision() const {
  int d = true_positive + false_positive;
  return d ? static_cast<double>(true_positive) / d : 0.0;
}
double BinaryScores::recall() const {
  int d = true_positive + false_negative;
  return d ? static_cast<double>(true_positive) / d : 0.0;
}
double BinaryScores::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double BinaryScores::ham_flagged_rate() const {
  int d = false_positive + true_negative;
  return d ? static_cast<double>(false_positive) / d : 0.0;
}

double BinaryScores::accuracy() const {
  int n = true_positive + false_positive + true_negative + false_negative;
  return n ? static_cast<double>(true_positive + true_negative) / n : 0.0;
}

}  // namespace antoan::scam
