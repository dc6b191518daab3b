// Times `build_demo` on a fresh SQLite file: the demo must fill 50,000 reports well under a
// minute. Usage: demo_bench [reports] [db path]. Results in docs/benchmarks.md ("Demo dataset").
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <sodium.h>

#include "demo/demo.h"

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  int reports = argc > 1 ? std::atoi(argv[1]) : 50000;
  std::string path = argc > 2 ? argv[2] : "/tmp/antoan_demo_bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto db = antoan::store::open_db(path);
  if (!db.ok()) return 1;
  antoan::demo::DemoOptions options;
  options.reports = reports;
  auto started = std::chrono::steady_clock::now();
  auto summary = antoan::demo::build_demo(**db, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!summary.ok()) {
    std::fprintf(stderr, "demo failed: %s\n", summary.error().message_en.c_str());
    return 1;
  }
  std::printf("demo: %d reports, %d cases, %d events in %.2f s (%.0f reports/s)\n", summary->reports, summary->cases,
              summary->events, seconds, summary->reports / seconds);
  (*db)->close();
  return 0;
}
