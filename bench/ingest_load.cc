// HTTP load generator for POST /api/v1/reports against a running `antoan serve`, with
// keep-alive connections.
//   ingest_load URL CONNECTIONS SECONDS [RATE]
// Without RATE each connection sends as fast as it can (throughput). With RATE (requests/s in
// total) requests are sent on a fixed schedule and latency is measured from the scheduled
// time, so a stalled server is not hidden (no coordinated omission).
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: ingest_load URL CONNECTIONS SECONDS [RATE]\n");
    return 2;
  }
  std::string url = argv[1];
  int connections = std::atoi(argv[2]);
  double seconds = std::atof(argv[3]);
  double rate = argc > 4 ? std::atof(argv[4]) : 0;
  std::atomic<long> ok{0}, failed{0};
  std::mutex mu;
  std::vector<double> latencies_ms;
  auto start = Clock::now();
  auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int t = 0; t < connections; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client(url);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      std::vector<double> mine;
      double interval = rate > 0 ? connections / rate : 0;  // seconds between this thread's sends
      for (long i = 0;; ++i) {
        auto scheduled = rate > 0 ? start + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(interval * i + interval * t / connections))
                                  : Clock::now();
        if (scheduled >= deadline) break;
        std::this_thread::sleep_until(scheduled);
        std::string body = R"({"category":"wages","area_code":"24","lat":21.18,"lon":106.07,"description":"Công ty nợ lương tháng 10, chuyền )" +
                           std::to_string(t) + "-" + std::to_string(i) + R"("})";
        auto res = client.Post("/api/v1/reports", body, "application/json");
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - scheduled).count());
        (res && res->status == 201 ? ok : failed)++;
      }
      std::lock_guard lock(mu);
      latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
    });
  }
  for (auto& th : threads) th.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto pct = [&](double p) {
    return latencies_ms.empty() ? 0.0 : latencies_ms[std::min(latencies_ms.size() - 1, size_t(p * latencies_ms.size()))];
  };
  std::printf("http: %ld created, %ld failed, %.1f s, %.0f reports/s, latency ms p50 %.1f p99 %.1f max %.1f\n",
              ok.load(), failed.load(), elapsed, ok.load() / elapsed, pct(0.50), pct(0.99),
              latencies_ms.empty() ? 0.0 : latencies_ms.back());
  return failed.load() == 0 ? 0 : 1;
}
