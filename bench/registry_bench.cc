// Indicator registry and extractor benchmark (docs/benchmarks.md, "Indicator registry").
//
//   registry_bench [N=1000000] [DB_DIR=/tmp]
//
// Fills a fresh SQLite registry with N indicators (phones, domains, accounts), loads it into
// the in-memory index and reports: load time, index bytes and process RSS growth, single-
// and multi-thread lookups per second (half hits, half misses), and the cost of indicator
// extraction and text normalisation on ~200-byte messages.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "scam/indicators.h"
#include "scam/registry.h"
#include "store/db.h"
#include "text/normalize.h"

using namespace antoan;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

std::pair<scam::IndicatorKind, std::string> nth_indicator(std::int64_t i) {
  char buf[64];
  switch (i % 4) {
    case 0:
    case 1:
      std::snprintf(buf, sizeof buf, "+849%08lld", static_cast<long long>(i * 7 % 100000000));
      return {scam::IndicatorKind::phone, buf};
    case 2:
      std::snprintf(buf, sizeof buf, "vay-%lld-nhanh.vn", static_cast<long long>(i));
      return {scam::IndicatorKind::domain, buf};
    default:
      std::snprintf(buf, sizeof buf, "1903%010lld", static_cast<long long>(i));
      return {scam::IndicatorKind::bank_account, buf};
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 1000000;
  const std::filesystem::path dir =
      std::filesystem::path(argc > 2 ? argv[2] : "/tmp") / ("antoan_registry_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto opened = store::open_db((dir / "bench.db").string());
  if (!opened.ok()) {
    std::fprintf(stderr, "open: %s\n", opened.error().message_en.c_str());
    return 1;
  }
  auto db = std::move(opened).value();

  auto t = Clock::now();
  const std::int64_t batch = 50000;
  for (std::int64_t from = 0; from < n; from += batch) {
    Status st = db->write([&](store::Tx& tx) -> Status {
      for (std::int64_t i = from; i < std::min(n, from + batch); ++i) {
        auto [kind, value] = nth_indicator(i);
        ANTOAN_TRY(tx.exec("INSERT INTO indicators (kind, value, status, report_count, first_seen, last_seen, source, "
                           "version, updated_at) VALUES ($1, $2, $3, $4, $5, $5, 'import', 1, $5) "
                           "ON CONFLICT (kind, value) DO NOTHING",
                           {std::string(scam::indicator_kind_name(kind)), value, i % 10 == 0 ? "confirmed" : "reported",
                            i % 50, 1700000000000 + i}));
      }
      return {};
    });
    if (!st.ok()) {
      std::fprintf(stderr, "insert: %s\n", st.error().message_en.c_str());
      return 1;
    }
  }
  std::printf("filled %lld rows in %.1f s\n", static_cast<long long>(n), seconds_since(t));

  const long rss_before = rss_kb();
  t = Clock::now();
  auto loaded = scam::Registry::load(*db);
  if (!loaded.ok()) {
    std::fprintf(stderr, "load: %s\n", loaded.error().message_en.c_str());
    return 1;
  }
  auto registry = std::move(loaded).value();
  const double load_s = seconds_since(t);
  const long rss_after = rss_kb();
  std::printf("load: %zu indicators in %.2f s; index %.1f MB (%.0f B/indicator); RSS +%.1f MB\n", registry->size(),
              load_s, registry->index_bytes() / 1e6, static_cast<double>(registry->index_bytes()) / registry->size(),
              (rss_after - rss_before) / 1024.0);

  // Queries: half known values, half unknown, in random order.
  std::vector<std::pair<scam::IndicatorKind, std::string>> queries;
  std::mt19937_64 rng(1);
  const std::size_t q = 1 << 20;
  queries.reserve(q);
  for (std::size_t i = 0; i < q; ++i) {
    std::int64_t k = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
    auto item = nth_indicator(k);
    if (i % 2) item.second += "x";  // a miss
    queries.push_back(std::move(item));
  }
  std::size_t hits = 0;
  t = Clock::now();
  for (int round = 0; round < 3; ++round)
    for (const auto& [kind, value] : queries) hits += registry->find(kind, value).has_value();
  double s = seconds_since(t);
  std::printf("lookups, 1 thread: %.2f M/s (%.0f ns each, %zu hits)\n", 3.0 * q / s / 1e6, s * 1e9 / (3.0 * q), hits);

  const unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  std::atomic<std::size_t> total{0};
  t = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned th = 0; th < threads; ++th)
    pool.emplace_back([&, th] {
      std::size_t h = 0;
      for (std::size_t i = th; i < q; i += 1) h += registry->find(queries[i].first, queries[i].second).has_value();
      total += h;
    });
  for (auto& th : pool) th.join();
  s = seconds_since(t);
  std::printf("lookups, %u threads: %.2f M/s total\n", threads, threads * static_cast<double>(q) / s / 1e6);

  // Extraction and normalisation on ~200-byte messages.
  const std::vector<std::string> messages = {
      "[CTY TÀI CHÍNH] Hỗ trợ vay 50tr không thế chấp, giải ngân 30p. Đăng ký: vaytien-online[.]xyz hoặc ib zalo "
      "0 3 8 9 1 2 3 4 5 6. Phí hồ sơ 500.000đ chuyển vào STK 19036688999 Techcombank.",
      "Chúc mừng bạn trúng thưởng iPhone 15! Nhận quà tại https://bit.ly/QuaTang2024 trước 24h, "
      "liên hệ hotline 0912.345.678 để được hỗ trợ. Mã OTP 123456 không chia sẻ cho ai.",
      "Mai họp tổ tự quản lúc 19h tại nhà văn hóa khu trọ số 12, mọi người nhớ mang theo CCCD và "
      "đóng quỹ 50.000đ nhé. Cảm ơn cả nhà đã tham gia đầy đủ tháng trước ạ!",
      "Tuyển CTV làm việc online tại nhà, thu nhập 500k-1tr/ngày, không cần kinh nghiệm. Liên hệ tele "
      "@viec_lam_online247 hoặc zalo.me/0987654321 để nhận việc ngay hôm nay.",
  };
  std::size_t bytes = 0;
  for (const auto& m : messages) bytes += m.size();
  const int rounds = 50000;
  std::size_t found = 0;
  t = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& m : messages) found += scam::extract_indicators(m).size();
  s = seconds_since(t);
  const double per = s * 1e6 / (rounds * messages.size());
  std::printf("extract_indicators: %.2f us/message (avg %zu bytes), %.0f messages/s, %zu found\n", per,
              bytes / messages.size(), 1e6 / per, found);
  std::size_t out_bytes = 0;
  t = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& m : messages) out_bytes += text::normalize_for_matching(m).size();
  s = seconds_since(t);
  std::printf("normalize_for_matching: %.2f us/message (%zu)\n", s * 1e6 / (rounds * messages.size()), out_bytes);
  t = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& m : messages) out_bytes += text::fold(m).size();
  s = seconds_since(t);
  std::printf("fold: %.2f us/message\n", s * 1e6 / (rounds * messages.size()));

  registry.reset();
  db->close();
  std::filesystem::remove_all(dir);
  return 0;
}
