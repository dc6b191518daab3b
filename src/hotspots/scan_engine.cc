#include "hotspots/scan_engine.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace antoan::hotspots {
namespace {

// splitmix64: seeds the per-replication generator from (seed, replication index).
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// xoshiro256**: a small, fast generator with a fixed, documented output (results are
// reproducible across compilers, unlike std::uniform_int_distribution).
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t st = seed ^ (0xD1B54A32D192ED03ULL * (stream + 1));
    for (auto& s : s_) s = splitmix64(st);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, bound) without bias (Lemire's multiply-and-reject).
  std::uint32_t below(std::uint32_t bound) {
    std::uint64_t m = (next() >> 32) * bound;
    auto low = static_cast<std::uint32_t>(m);
    if (low < bound) {
      const std::uint32_t threshold = static_cast<std::uint32_t>(-bound) % bound;
      while (low < threshold) {
        m = (next() >> 32) * bound;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

struct CellKey {
  std::int64_t x, y, z;
  bool operator==(const CellKey&) const = default;
};
struct CellHash {
  std::size_t operator()(const CellKey& k) const {
    return static_cast<std::size_t>(k.x * 73856093LL ^ k.y * 19349663LL ^ k.z * 83492791LL);
  }
};

}  // namespace

double log_likelihood_ratio(double c, double mu, double total) {
  if (c <= mu || mu <= 0) return 0;
  double r = c * std::log(c / mu);
  if (total > c) r += (total - c) * std::log((total - c) / (total - mu));
  return r;
}

Status validate_options(const ScanOptions& o) {
  if (!(o.max_radius_km > 0 && o.max_radius_km <= 20000))
    return Error::invalid("max_radius_km", "Bán kính tối đa phải trong khoảng (0, 20000] km",
                          "max radius must be in (0, 20000] km");
  if (!(o.max_population_share > 0 && o.max_population_share <= 0.5))
    return Error::invalid("max_population_share", "Tỷ lệ tối đa phải trong khoảng (0, 0.5]",
                          "max population share must be in (0, 0.5]");
  if (o.max_days < 1 || o.max_days > 3660)
    return Error::invalid("max_days", "Số ngày tối đa phải từ 1 đến 3660", "max days must be 1..3660");
  if (o.replications < 0 || o.replications > 1000000)
    return Error::invalid("replications", "Số lần lặp phải từ 0 đến 1000000",
                          "replications must be 0..1000000");
  if (o.threads < 0 || o.threads > 256)
    return Error::invalid("threads", "Số luồng phải từ 0 đến 256", "threads must be 0..256");
  if (o.min_cases < 1) return Error::invalid("min_cases", "Số ca tối thiểu phải ≥ 1", "min cases must be ≥ 1");
  if (o.max_clusters < 1)
    return Error::invalid("max_clusters", "Số cụm tối đa phải ≥ 1", "max clusters must be ≥ 1");
  return ok_status();
}


ScanEngine::~ScanEngine() = default;

Result<std::unique_ptr<ScanEngine>> ScanEngine::create(const ScanInput& input, const ScanOptions& options) {
  ANTOAN_TRY(validate_options(options));
  auto engine = std::make_unique<ScanEngine>(Key{});
  engine->options_ = options;
  ANTOAN_TRY(engine->prepare(input));
  return engine;
}

Status ScanEngine::prepare(const ScanInput& input) {
  if (input.locations.size() >= std::numeric_limits<std::uint32_t>::max())
    return Error::invalid("locations", "Quá nhiều địa điểm", "too many locations");
  for (std::size_t i = 0; i < input.locations.size(); ++i)
    if (!is_valid_point(input.locations[i]))
      return Error::invalid("locations", "Toạ độ không hợp lệ ở địa điểm " + std::to_string(i),
                            "invalid coordinates at location " + std::to_string(i));
  as_of_day_ = input.as_of_day;
  std::int32_t first = input.first_day.value_or(std::numeric_limits<std::int32_t>::max());
  if (!input.first_day) {
    for (const auto& c : input.cases)
      if (c.day <= as_of_day_) first = std::min(first, c.day);
    if (first == std::numeric_limits<std::int32_t>::max()) first = as_of_day_;
  }
  if (first > as_of_day_)
    return Error::invalid("first_day", "Ngày bắt đầu sau ngày tính", "study start is after the as-of day");
  if (static_cast<std::int64_t>(as_of_day_) - first >= 100000)
    return Error::invalid("first_day", "Thời kỳ nghiên cứu quá dài", "study period too long");
  first_day_ = first;
  days_ = as_of_day_ - first_day_ + 1;

  compact_of_.assign(input.locations.size(), -1);
  day_total_.assign(static_cast<std::size_t>(days_), 0);
  std::vector<std::uint32_t> per_input(input.locations.size(), 0);
  for (const auto& c : input.cases) {
    if (c.location >= input.locations.size())
      return Error::invalid("cases", "Ca tham chiếu địa điểm không tồn tại", "a case refers to a missing location");
    if (c.day < first_day_ || c.day > as_of_day_) {
      ++ignored_;
      continue;
    }
    ++per_input[c.location];
    ++day_total_[static_cast<std::size_t>(c.day - first_day_)];
    ++total_;
  }
  if (total_ >= std::numeric_limits<std::int32_t>::max())
    return Error::invalid("cases", "Quá nhiều ca", "too many cases");
  for (std::uint32_t i = 0; i < per_input.size(); ++i) {
    if (per_input[i] == 0) continue;
    compact_of_[i] = static_cast<std::int64_t>(input_of_.size());
    input_of_.push_back(i);
    points_.push_back(input.locations[i]);
    location_total_.push_back(per_input[i]);
  }
  if (total_ == 0) {
    notes_.push_back("no cases in the study period");
    return ok_status();
  }
  window_ = std::min(options_.max_days, days_ / 2);
  if (window_ < 1) {
    notes_.push_back("the study period must cover at least 2 days (windows are at most half of it)");
    return ok_status();
  }

  // Cases sorted by compact location (counting sort): the replication's urn.
  std::vector<std::uint32_t> start(points_.size() + 1, 0);
  for (std::size_t z = 0; z < points_.size(); ++z) start[z + 1] = start[z] + location_total_[z];
  case_location_.resize(static_cast<std::size_t>(total_));
  for (std::size_t z = 0; z < points_.size(); ++z)
    std::fill(case_location_.begin() + start[z], case_location_.begin() + start[z + 1], static_cast<std::uint32_t>(z));

  const auto W = static_cast<std::size_t>(window_);
  const double C = static_cast<double>(total_);
  log_total_ = std::log(C);
  window_total_.assign(W + 1, 0);
  window_factor_.assign(W + 1, 0);
  window_log_factor_.assign(W + 1, -std::numeric_limits<double>::infinity());
  age_count_.assign(W, 0);
  for (std::size_t w = 1; w <= W; ++w) {
    const auto day_total = day_total_[static_cast<std::size_t>(days_) - w];
    age_count_[w - 1] = static_cast<int>(day_total);
    window_total_[w] = window_total_[w - 1] + day_total;
    window_factor_[w] = static_cast<double>(window_total_[w]) / C;
    if (window_total_[w] > 0) window_log_factor_[w] = std::log(static_cast<double>(window_total_[w])) - log_total_;
  }
  const std::int64_t recent = window_total_[W];
  if (recent == 0) {
    notes_.push_back("no cases in the last " + std::to_string(window_) + " days");
    return ok_status();
  }
  log_int_.resize(static_cast<std::size_t>(recent) + 1);
  log_int_[0] = -std::numeric_limits<double>::infinity();
  for (std::size_t k = 1; k < log_int_.size(); ++k) log_int_[k] = std::log(static_cast<double>(k));

  build_neighbors();

  // Observed recent counts, cumulative over age.
  const std::size_t N = points_.size();
  observed_cumulative_.assign(N * W, 0);
  observed_has_recent_.assign(N, 0);
  for (const auto& c : input.cases) {
    if (c.day < first_day_ || c.day > as_of_day_) continue;
    const int age = as_of_day_ - c.day;
    if (age >= window_) continue;
    const auto z = static_cast<std::size_t>(compact_of_[c.location]);
    ++observed_cumulative_[z * W + static_cast<std::size_t>(age)];
    observed_has_recent_[z] = 1;
  }
  for (std::size_t z = 0; z < N; ++z)
    for (std::size_t a = 1; a < W; ++a) observed_cumulative_[z * W + a] += observed_cumulative_[z * W + a - 1];
  can_scan_ = true;
  return ok_status();
}

void ScanEngine::build_neighbors() {
  const std::size_t N = points_.size();
  const double cap = chord_from_great_circle_km(options_.max_radius_km) * (1 + 1e-12);
  const double max_share = options_.max_population_share * static_cast<double>(total_);
  std::vector<std::array<double, 3>> xyz(N);
  for (std::size_t i = 0; i < N; ++i) xyz[i] = to_cartesian_km(points_[i]);
  // Grid index with cells of the cap's size: the circle of a centre lies in its 27 cells.
  auto cell_of = [cap](const std::array<double, 3>& p) {
    return CellKey{static_cast<std::int64_t>(std::floor(p[0] / cap)), static_cast<std::int64_t>(std::floor(p[1] / cap)),
                   static_cast<std::int64_t>(std::floor(p[2] / cap))};
  };
  std::unordered_map<CellKey, std::vector<std::uint32_t>, CellHash> grid;
  for (std::uint32_t i = 0; i < N; ++i) grid[cell_of(xyz[i])].push_back(i);

  nb_offset_.assign(1, 0);
  std::vector<std::pair<double, std::uint32_t>> candidates;
  for (std::uint32_t i = 0; i < N; ++i) {
    candidates.clear();
    const CellKey home = cell_of(xyz[i]);
    for (std::int64_t dx = -1; dx <= 1; ++dx)
      for (std::int64_t dy = -1; dy <= 1; ++dy)
        for (std::int64_t dz = -1; dz <= 1; ++dz) {
          auto it = grid.find(CellKey{home.x + dx, home.y + dy, home.z + dz});
          if (it == grid.end()) continue;
          for (std::uint32_t j : it->second) {
            const double d = chord_km(xyz[i], xyz[j]);
            if (d <= cap) candidates.emplace_back(d, j);
          }
        }
    // Nearest first; ties go to the lower coordinate (SaTScan's convention).
    std::sort(candidates.begin(), candidates.end(), [this](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      const GeoPoint& pa = points_[a.second];
      const GeoPoint& pb = points_[b.second];
      if (pa.lat != pb.lat) return pa.lat < pb.lat;
      return pa.lon < pb.lon;
    });
    std::uint64_t cumulative = 0;
    for (const auto& [d, j] : candidates) {
      cumulative += location_total_[j];
      if (static_cast<double>(cumulative) > max_share) break;
      nb_loc_.push_back(j);
      nb_cum_.push_back(static_cast<std::uint32_t>(cumulative));
      nb_log_cum_.push_back(std::log(static_cast<double>(cumulative)));
    }
    nb_offset_.push_back(nb_loc_.size());
  }
}

std::int64_t ScanEngine::location_total(std::uint32_t input_location) const {
  if (input_location >= compact_of_.size() || compact_of_[input_location] < 0) return 0;
  return location_total_[static_cast<std::size_t>(compact_of_[input_location])];
}

std::int64_t ScanEngine::day_total(int day_index) const {
  if (day_index < 0 || day_index >= days_) return 0;
  return day_total_[static_cast<std::size_t>(day_index)];
}

double ScanEngine::expected_cell(std::uint32_t input_location, int day_index) const {
  if (total_ == 0) return 0;
  return static_cast<double>(location_total(input_location)) * static_cast<double>(day_total(day_index)) /
         static_cast<double>(total_);
}

std::vector<ScanEngine::RecentCase> ScanEngine::observed_recent() const {
  std::vector<RecentCase> out;
  if (!can_scan_) return out;
  const auto W = static_cast<std::size_t>(window_);
  for (std::size_t z = 0; z < points_.size(); ++z)
    for (std::size_t a = 0; a < W; ++a) {
      const std::uint32_t n = observed_cumulative_[z * W + a] - (a ? observed_cumulative_[z * W + a - 1] : 0);
      for (std::uint32_t k = 0; k < n; ++k) out.push_back({input_of_[z], static_cast<int>(a)});
    }
  return out;
}

std::unique_ptr<ScanEngine::Scratch> ScanEngine::make_scratch() const {
  auto s = std::make_unique<Scratch>();
  s->cases = case_location_;
  s->swaps.resize(can_scan_ ? static_cast<std::size_t>(window_total_[static_cast<std::size_t>(window_)]) : 0);
  s->cumulative.assign(points_.size() * static_cast<std::size_t>(window_), 0);
  s->has_recent.assign(points_.size(), 0);
  s->touched.reserve(points_.size());
  s->acc.assign(static_cast<std::size_t>(window_), 0);
  return s;
}

// Draws the T_W cases whose permuted day is recent (uniformly without replacement: the
// restriction of a uniform permutation of days), gives them the window's ages in order, and
// leaves cumulative counts in scratch. The case array is restored afterwards so a replica
// depends only on (seed, rep), not on what the thread computed before.
void ScanEngine::draw_replica(std::uint64_t rep, Scratch& s) const {
  const auto W = static_cast<std::size_t>(window_);
  for (std::uint32_t z : s.touched) {
    std::fill_n(s.cumulative.begin() + static_cast<std::ptrdiff_t>(z * W), W, 0u);
    s.has_recent[z] = 0;
  }
  s.touched.clear();
  Rng rng(options_.seed, rep);
  const auto C = static_cast<std::uint32_t>(total_);
  std::uint32_t drawn = 0;
  for (std::size_t age = 0; age < W; ++age) {
    for (int k = 0; k < age_count_[age]; ++k, ++drawn) {
      const std::uint32_t j = drawn + rng.below(C - drawn);
      std::swap(s.cases[drawn], s.cases[j]);
      s.swaps[drawn] = j;
      const std::uint32_t z = s.cases[drawn];
      if (!s.has_recent[z]) {
        s.has_recent[z] = 1;
        s.touched.push_back(z);
      }
      ++s.cumulative[z * W + age];
    }
  }
  for (std::uint32_t i = drawn; i-- > 0;) std::swap(s.cases[i], s.cases[s.swaps[i]]);
  for (std::uint32_t z : s.touched) {
    std::uint32_t* row = s.cumulative.data() + z * W;
    for (std::size_t a = 1; a < W; ++a) row[a] += row[a - 1];
  }
}

std::vector<ScanEngine::RecentCase> ScanEngine::replica_recent(std::uint64_t rep) const {
  std::vector<RecentCase> out;
  if (!can_scan_) return out;
  auto scratch = make_scratch();
  draw_replica(rep, *scratch);
  const auto W = static_cast<std::size_t>(window_);
  for (std::uint32_t z : scratch->touched)
    for (std::size_t a = 0; a < W; ++a) {
      const std::uint32_t* row = scratch->cumulative.data() + z * W;
      const std::uint32_t n = row[a] - (a ? row[a - 1] : 0);
      for (std::uint32_t k = 0; k < n; ++k) out.push_back({input_of_[z], static_cast<int>(a)});
    }
  return out;
}

// The centre walk. For each centre, grow the circle over its sorted neighbours, adding the
// recent counts of neighbours that have any (a neighbour without recent cases only raises μ,
// which lowers every window's LLR, so it cannot make a new maximum), and evaluate the windows
// 1..W in three steps, each valid upper bounds of the LLR (so the maximum is exact):
//   1. all windows, branch-free:  LLR ≤ d²/μ + d²/(2(C−c)), d = c − μ   (ln x ≤ x − 1);
//   2. per window:                LLR ≤ c·ln(c/μ) − d + d²/(2(C−c))     (ln(1+x) ≥ x − x²/2),
//      with ln c from a table and ln μ = ln S + ln T_w − ln C from precomputed terms;
//   3. the exact LLR (two logarithms) only for windows that pass both.
// kPerCentre: best cylinder of every centre (observed data); otherwise the global maximum.
template <bool kPerCentre>
double ScanEngine::scan_centres(const std::uint32_t* cumulative, const std::uint8_t* has_recent, std::uint32_t* acc,
                                CentreBest* per_centre) const {
  const auto W = static_cast<std::size_t>(window_);
  const double C = static_cast<double>(total_);
  const auto min_cases = static_cast<std::uint32_t>(options_.min_cases);
  const double* log_int = log_int_.data();
  const double* factor1 = window_factor_.data() + 1;  // factor1[a]: window of a + 1 days
  const double* log_factor = window_log_factor_.data();
  auto bound = [&](double c, double mu, double log_mu) {
    if (c >= C) return std::numeric_limits<double>::infinity();
    const double excess = c - mu;
    return c * (log_int[static_cast<std::size_t>(c)] - log_mu) - excess + excess * excess / (2 * (C - c));
  };
  double global_best = 0;
  const std::size_t centres = points_.size();
  for (std::size_t i = 0; i < centres; ++i) {
    double best = kPerCentre ? 0.0 : global_best;
    CentreBest found;
    std::fill_n(acc, W, 0u);
    for (std::size_t k = nb_offset_[i]; k < nb_offset_[i + 1]; ++k) {
      const std::uint32_t z = nb_loc_[k];
      if (!has_recent[z]) continue;
      const std::uint32_t* row = cumulative + static_cast<std::size_t>(z) * W;
      for (std::size_t a = 0; a < W; ++a) acc[a] += row[a];
      if (acc[W - 1] < min_cases) continue;
      const double S = nb_cum_[k];
      // Screen all windows at once, branch-free (vectorised): with ln x ≤ x − 1 the bound
      // becomes LLR ≤ d²/μ + d²/(2(C−c)), d = c − μ, i.e. no window can beat `best` unless
      // d²·(2(C−c) + μ) > best·μ·2(C−c) for some window with d > 0 and c ≥ min_cases.
      const double limit = best + 1e-9 * (1 + best);
      int any = 0;
      for (std::size_t a = 0; a < W; ++a) {
        const double c = acc[a];
        const double mu = S * factor1[a];
        const double d = c - mu;
        const double room = 2 * (C - c);
        any |= (d > 0) & (acc[a] >= min_cases) & (d * d * (room + mu) > limit * mu * room);
      }
      if (!any) continue;
      const double log_S = nb_log_cum_[k];
      for (std::size_t a = 0; a < W; ++a) {
        const std::uint32_t c = acc[a];
        const double mu = S * factor1[a];
        const double d = c - mu;
        const double room = 2 * (C - c);
        const double slack = 1e-9 * (1 + best);
        if (c < min_cases || d <= 0 || d * d * (room + mu) <= (best + slack) * mu * room) continue;
        if (bound(c, mu, log_S + log_factor[a + 1]) + slack <= best) continue;
        const double llr = log_likelihood_ratio(c, mu, C);
        if (llr > best) {
          best = llr;
          if constexpr (kPerCentre) found = CentreBest{llr, k, static_cast<int>(a + 1), c, mu};
        }
      }
    }
    if constexpr (kPerCentre) per_centre[i] = found;
    else global_best = best;
  }
  return global_best;
}

double ScanEngine::replica_max_llr(std::uint64_t rep, Scratch& scratch) const {
  if (!can_scan_) return 0;
  draw_replica(rep, scratch);
  return scan_centres<false>(scratch.cumulative.data(), scratch.has_recent.data(), scratch.acc.data(), nullptr);
}

std::vector<Cluster> ScanEngine::observed_clusters(int max_clusters) const {
  std::vector<Cluster> out;
  if (!can_scan_) return out;
  std::vector<CentreBest> best(points_.size());
  std::vector<std::uint32_t> acc(static_cast<std::size_t>(window_));
  scan_centres<true>(observed_cumulative_.data(), observed_has_recent_.data(), acc.data(), best.data());
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < best.size(); ++i)
    if (best[i].llr > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return best[a].llr > best[b].llr; });
  std::vector<std::uint8_t> used(points_.size(), 0);
  for (std::uint32_t i : order) {
    if (static_cast<int>(out.size()) >= max_clusters) break;
    const CentreBest& b = best[i];
    bool overlaps = false;
    for (std::size_t k = nb_offset_[i]; k <= b.entry && !overlaps; ++k) overlaps = used[nb_loc_[k]] != 0;
    if (overlaps) continue;
    Cluster c;
    c.center = input_of_[i];
    for (std::size_t k = nb_offset_[i]; k <= b.entry; ++k) {
      used[nb_loc_[k]] = 1;
      c.locations.push_back(input_of_[nb_loc_[k]]);
    }
    c.radius_km = great_circle_km(points_[i], points_[nb_loc_[b.entry]]);
    c.start_day = as_of_day_ - b.window + 1;
    c.end_day = as_of_day_;
    c.observed = b.observed;
    c.expected = b.expected;
    c.llr = b.llr;
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<double>> ScanEngine::run_replications(int count, int threads) const {
  std::vector<double> max_llr(static_cast<std::size_t>(std::max(count, 0)), 0.0);
  if (!can_scan_ || count <= 0) return max_llr;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, count);
  std::atomic<int> next{0}, done{0};
  std::atomic<bool> stopped{false};
  std::mutex progress_mutex;
  const int step = std::max(1, count / 200);
  auto worker = [&] {
    auto scratch = make_scratch();
    for (;;) {
      if (options_.cancel && options_.cancel->load(std::memory_order_relaxed)) {
        stopped = true;
        return;
      }
      const int rep = next.fetch_add(1);
      if (rep >= count) return;
      max_llr[static_cast<std::size_t>(rep)] = replica_max_llr(static_cast<std::uint64_t>(rep), *scratch);
      const int finished = done.fetch_add(1) + 1;
      if (options_.progress && (finished % step == 0 || finished == count)) {
        std::lock_guard lock(progress_mutex);
        options_.progress(finished, count);
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (stopped) return Error{ErrorCode::unavailable, "Phép quét đã bị dừng", "The scan was cancelled", {}};
  return max_llr;
}

}  // namespace antoan::hotspots
