#include "scam/classifier.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>

#include "scam/data_paths.h"

namespace antoan::scam {
namespace {

constexpr std::uint32_t kMask = (1u << Classifier::kHashBits) - 1;
constexpr char kMagic[8] = {'A', 'N', 'T', 'S', 'C', 'A', 'M', '1'};
constexpr std::size_t kMaxAnalysedBytes = 16 * 1024;

enum class Kind : std::uint8_t { word, bigram, chars };

// A feature as (kind, byte range in the prepared text) so its name can be rebuilt for
// explanations without building strings on the hot path.
struct Feature {
  std::uint32_t hash;
  Kind kind;
  std::uint32_t begin;
  std::uint32_t end;
};

std::uint64_t fnv(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint32_t bucket(Kind kind, std::string_view s) {
  std::uint64_t h = 1469598103934665603ull ^ (static_cast<std::uint64_t>(kind) + 1) * 0x9E3779B97F4A7C15ull;
  h = fnv(h, s);
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h) & kMask;
}

enum class CharClass { space, ascii_word, other };

CharClass classify(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) return CharClass::ascii_word;
  if (c >= 0x80) return CharClass::other;
  return CharClass::space;
}

// Prepares the text features are read from: tokens separated by one space, digits → '0',
// ASCII punctuation dropped, non-ASCII runs (emoji, leftover letters) kept as their own tokens.
std::string prepare(std::string_view normalized) {
  if (normalized.size() > kMaxAnalysedBytes) normalized = normalized.substr(0, kMaxAnalysedBytes);
  std::string out;
  out.reserve(normalized.size() + 2);
  out.push_back(' ');
  CharClass prev = CharClass::space;
  for (unsigned char c : normalized) {
    CharClass cls = classify(c);
    if (cls == CharClass::space) {
      prev = cls;
      continue;
    }
    if (cls != prev && out.back() != ' ') out.push_back(' ');
    if (c >= '0' && c <= '9') c = '0';
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    out.push_back(static_cast<char>(c));
    prev = cls;
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

template <class F>
void for_each_feature(const std::string& prepared, F&& emit) {
  // Words and bigrams.
  std::uint32_t prev_begin = 0, prev_end = 0;
  bool have_prev = false;
  std::uint32_t n = static_cast<std::uint32_t>(prepared.size());
  std::uint32_t i = 1;
  while (i < n) {
    std::uint32_t end = static_cast<std::uint32_t>(prepared.find(' ', i));
    if (end > i) {
      std::string_view word(prepared.data() + i, end - i);
      emit(Feature{bucket(Kind::word, word), Kind::word, i, end});
      if (have_prev) {
        std::string_view pair(prepared.data() + prev_begin, end - prev_begin);
        emit(Feature{bucket(Kind::bigram, pair), Kind::bigram, prev_begin, end});
      }
      prev_begin = i;
      prev_end = end;
      have_prev = true;
    }
    i = end + 1;
  }
  (void)prev_end;
  // Character 3..5-grams across word boundaries (the spaces are part of the grams).
  for (std::uint32_t start = 0; start + 3 <= n; ++start) {
    for (std::uint32_t len = 3; len <= 5 && start + len <= n; ++len) {
      std::string_view gram(prepared.data() + start, len);
      emit(Feature{bucket(Kind::chars, gram), Kind::chars, start, start + len});
    }
  }
}

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  double e = std::exp(z);
  return e / (1.0 + e);
}

struct SparseVector {
  std::vector<std::uint32_t> index;
  float value = 0;  // every feature has the same value: 1/sqrt(count)
};

SparseVector vectorize(std::string_view normalized) {
  SparseVector v;
  std::string prepared = prepare(normalized);
  for_each_feature(prepared, [&](const Feature& f) { v.index.push_back(f.hash); });
  v.value = v.index.empty() ? 0.f : static_cast<float>(1.0 / std::sqrt(static_cast<double>(v.index.size())));
  return v;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_f32(std::string& out, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, 4);
  put_u32(out, v);
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool u32(std::uint32_t* v) {
    if (pos_ + 4 > b_.size()) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= static_cast<std::uint32_t>(static_cast<unsigned char>(b_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return true;
  }
  bool f32(float* f) {
    std::uint32_t v;
    if (!u32(&v)) return false;
    std::memcpy(f, &v, 4);
    return std::isfinite(*f);
  }
  bool bytes(std::size_t n, std::string_view* out) {
    if (pos_ + n > b_.size()) return false;
    *out = b_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
};

Error bad_model(const std::string& what) {
  return Error::make(ErrorCode::internal, "Tệp mô hình phân loại lừa đảo hỏng: " + what,
                     "Corrupt scam classifier model: " + what, "model");
}

}  // namespace

Classifier::Classifier() : weights_(std::size_t{1} << kHashBits, 0.f) {}

Classifier Classifier::train(const std::vector<TrainingExample>& examples, const TrainOptions& options,
                             std::string pattern_version) {
  Classifier model;
  model.pattern_version_ = std::move(pattern_version);
  std::vector<SparseVector> xs;
  xs.reserve(examples.size());
  for (const auto& e : examples) xs.push_back(vectorize(e.normalized));

  std::vector<double> w(model.weights_.size(), 0.0), g2(model.weights_.size(), 0.0);
  double bias = 0, bias_g2 = 0;
  std::vector<std::size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t k : order) {
      const SparseVector& x = xs[k];
      double z = bias + examples[k].offset;
      for (std::uint32_t idx : x.index) z += w[idx] * x.value;
      double err = sigmoid(z) - (examples[k].scam ? 1.0 : 0.0);
      bias_g2 += err * err;
      bias -= options.learning_rate * err / std::sqrt(bias_g2 + 1e-8);
      for (std::uint32_t idx : x.index) {
        double g = err * x.value + options.l2 * w[idx];
        g2[idx] += g * g;
        w[idx] -= options.learning_rate * g / std::sqrt(g2[idx] + 1e-8);
      }
    }
  }
  // Keep the largest weights only: most hashed n-grams carry almost nothing.
  std::vector<double> magnitudes;
  for (double v : w) {
    if (v != 0) magnitudes.push_back(std::fabs(v));
  }
  double threshold = 0;
  if (magnitudes.size() > options.max_weights) {
    auto nth = magnitudes.begin() + static_cast<std::ptrdiff_t>(magnitudes.size() - options.max_weights);
    std::nth_element(magnitudes.begin(), nth, magnitudes.end());
    threshold = *nth;
  }
  for (std::size_t i = 0; i < w.size(); ++i) {
    model.weights_[i] = std::fabs(w[i]) >= threshold ? static_cast<float>(w[i]) : 0.f;
  }
  model.bias_ = static_cast<float>(bias);
  return model;
}

std::size_t Classifier::nonzero_weights() const {
  return static_cast<std::size_t>(std::count_if(weights_.begin(), weights_.end(), [](float v) { return v != 0.f; }));
}

double Classifier::logit(std::string_view normalized) const {
  std::string prepared = prepare(normalized);
  double sum = 0;
  std::size_t count = 0;
  for_each_feature(prepared, [&](const Feature& f) {
    sum += weights_[f.hash];
    ++count;
  });
  return bias_ + (count ? sum / std::sqrt(static_cast<double>(count)) : 0.0);
}

double Classifier::explain(std::string_view normalized, std::size_t top_n, bool towards_scam,
                           std::vector<FeatureContribution>* out) const {
  std::string prepared = prepare(normalized);
  struct Candidate {
    float weight;
    std::uint32_t begin, end;
  };
  std::vector<Candidate> words;
  double sum = 0;
  std::size_t count = 0;
  for_each_feature(prepared, [&](const Feature& f) {
    float w = weights_[f.hash];
    sum += w;
    ++count;
    // Word n-grams only: they are what a person can read; char grams still count in the score.
    if (!out || f.kind == Kind::chars || w == 0.f || (w > 0) != towards_scam) return;
    if (f.kind == Kind::word && f.end - f.begin < 3) return;  // "m", "t": explain nothing
    words.push_back(Candidate{w, f.begin, f.end});
  });
  double value = count ? 1.0 / std::sqrt(static_cast<double>(count)) : 0.0;
  if (out) {
    std::sort(words.begin(), words.end(), [&](const Candidate& a, const Candidate& b) {
      return towards_scam ? a.weight > b.weight : a.weight < b.weight;
    });
    std::size_t taken = 0;
    for (const auto& c : words) {
      if (taken == top_n) break;
      std::string_view name(prepared.data() + c.begin, c.end - c.begin);
      if (name.find('0') != std::string_view::npos) continue;  // digit shapes mean little to a reader
      bool seen = false;
      for (std::size_t i = out->size() - taken; i < out->size(); ++i) seen |= (*out)[i].feature == name;
      if (seen) continue;
      out->push_back(FeatureContribution{std::string(name), c.weight * value});
      ++taken;
    }
  }
  return bias_ + sum * value;
}

std::string Classifier::serialize() const {
  // Format (little-endian): magic, format version, hash bits, pattern version, bias, scale,
  // count, then (index u32, weight as int16 scaled by `scale`) for every non-zero weight.
  float max_abs = 0;
  for (float v : weights_) max_abs = std::max(max_abs, std::fabs(v));
  float scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, 1);
  put_u32(out, kHashBits);
  put_u32(out, static_cast<std::uint32_t>(pattern_version_.size()));
  out += pattern_version_;
  put_f32(out, bias_);
  put_f32(out, scale);
  put_u32(out, static_cast<std::uint32_t>(nonzero_weights()));
  for (std::size_t i = 0; i < weights_.size(); ++i) {
    if (weights_[i] == 0.f) continue;
    put_u32(out, static_cast<std::uint32_t>(i));
    auto q = static_cast<std::int16_t>(std::lround(weights_[i] / scale));
    out.push_back(static_cast<char>(static_cast<std::uint16_t>(q) & 0xff));
    out.push_back(static_cast<char>((static_cast<std::uint16_t>(q) >> 8) & 0xff));
  }
  return out;
}

Result<Classifier> Classifier::parse(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return bad_model("bad magic");
  }
  Reader r(bytes.substr(sizeof kMagic));
  std::uint32_t format = 0, bits = 0, version_len = 0, count = 0;
  if (!r.u32(&format) || format != 1) return bad_model("unknown format version");
  if (!r.u32(&bits) || bits != kHashBits) return bad_model("hash size mismatch");
  std::string_view version;
  if (!r.u32(&version_len) || version_len > 256 || !r.bytes(version_len, &version)) return bad_model("version");
  Classifier model;
  model.pattern_version_ = std::string(version);
  float scale = 0;
  if (!r.f32(&model.bias_) || !r.f32(&scale) || !r.u32(&count)) return bad_model("header");
  if (count > model.weights_.size()) return bad_model("too many weights");
  for (std::uint32_t k = 0; k < count; ++k) {
    std::uint32_t index = 0;
    std::string_view q;
    if (!r.u32(&index) || index > kMask || !r.bytes(2, &q)) return bad_model("truncated weights");
    auto raw = static_cast<std::uint16_t>(static_cast<unsigned char>(q[0]) | (static_cast<unsigned char>(q[1]) << 8));
    model.weights_[index] = static_cast<float>(static_cast<std::int16_t>(raw)) * scale;
  }
  if (!r.done()) return bad_model("trailing bytes");
  return model;
}

Result<Classifier> Classifier::load(const std::string& path) {
  ANTOAN_ASSIGN(std::string bytes, read_data_file(path, "mô hình phân loại", "classifier model", "model"));
  return parse(bytes);
}

Status Classifier::save(const std::string& path) const {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    std::string bytes = serialize();
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      return Error::make(ErrorCode::internal, "Không ghi được mô hình " + path, "Cannot write model " + path, "out");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Error::make(ErrorCode::internal, "Không ghi được mô hình " + path, "Cannot write model " + path, "out");
  }
  return ok_status();
}

}  // namespace antoan::scam
