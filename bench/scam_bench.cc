// Scam checker throughput: Checker::check (patterns + classifier + indicator extraction +
// reasons, no registry) on 100k varied messages built from the corpus, on one thread and on
// N threads; plus the scores on the held-out split and the second test set (flagged = verdict
// scam or suspicious) and the time `antoan scam train` takes.
// Usage (from the repo root): build-bench/bench/scam_bench [messages=100000] [threads=2]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "scam/checker.h"
#include "scam/corpus.h"

using namespace antoan;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Corpus messages made distinct: a random greeting, number or name glued on.
std::vector<std::string> varied_messages(const std::vector<scam::LabeledMessage>& corpus, std::size_t n) {
  const char* prefixes[] = {"", "Alo ", "Chị ơi ", "FW: ", "Tin nhắn lạ: ", "e oi ", "Ban oi "};
  const char* suffixes[] = {"", " nhé", " !!!", " 😊", " 👉", " ạ", " thanks"};
  std::mt19937 rng(42);
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& m = corpus[rng() % corpus.size()];
    out.push_back(std::string(prefixes[rng() % 7]) + m.text + suffixes[rng() % 7] + " " + std::to_string(rng() % 100000));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  auto t_load = Clock::now();
  auto checker = scam::Checker::load("data/scam/patterns.tsv", "data/scam/model.bin");
  if (!checker.ok()) {
    std::fprintf(stderr, "load: %s\n", checker.error().message_en.c_str());
    return 1;
  }
  std::printf("load (hyperscan compile + model): %.2f s\n", seconds_since(t_load));
  auto train = scam::load_corpus("data/scam/corpus_train.jsonl");
  auto test = scam::load_corpus("data/scam/corpus_test.jsonl");
  if (!train.ok() || !test.ok()) return 1;
  std::vector<scam::LabeledMessage> all = *train;
  all.insert(all.end(), test->begin(), test->end());
  std::vector<std::string> messages = varied_messages(all, n);
  std::size_t bytes = 0;
  for (const auto& m : messages) bytes += m.size();
  std::printf("%zu messages, mean %.0f bytes\n", n, static_cast<double>(bytes) / n);

  // Warm up (scratch allocation, page faults).
  for (std::size_t i = 0; i < 1000 && i < n; ++i) (void)(*checker)->check(messages[i]);

  auto t1 = Clock::now();
  std::size_t flagged = 0;
  for (const auto& m : messages) {
    auto r = (*checker)->check(m);
    flagged += r.ok() && r->verdict != scam::Verdict::safe;
  }
  double s1 = seconds_since(t1);
  std::printf("check(), 1 thread: %.0f checks/s (%.1f us each; %zu flagged)\n", n / s1, 1e6 * s1 / n, flagged);

  auto t2 = Clock::now();
  double sink = 0;
  for (const auto& m : messages) sink += (*checker)->text_logit(m);
  double s2 = seconds_since(t2);
  std::printf("text score only (normalise + patterns + classifier), 1 thread: %.0f/s (sink %.1f)\n", n / s2, sink);

  auto t_ind = Clock::now();
  std::size_t found = 0;
  for (const auto& m : messages) found += scam::extract_indicators(m).size();
  double s_ind = seconds_since(t_ind);
  std::printf("indicator extraction only, 1 thread: %.0f/s (%zu found)\n", n / s_ind, found);

  auto t3 = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < n; i += static_cast<std::size_t>(threads)) {
        (void)(*checker)->check(messages[i]);
      }
    });
  }
  for (auto& th : pool) th.join();
  double s3 = seconds_since(t3);
  std::printf("check(), %d threads: %.0f checks/s\n", threads, n / s3);

  auto t4 = Clock::now();
  for (const char* path : {"data/scam/corpus_test.jsonl", "data/scam/second_set.jsonl"}) {
    auto set = scam::load_corpus(path);
    if (!set.ok()) continue;
    scam::BinaryScores scores;
    for (const auto& m : *set) scores.add((*checker)->flags(m.text), m.scam);
    std::printf("%s (%zu): precision %.3f recall %.3f F1 %.3f ham flagged %.4f\n", path, set->size(),
                scores.precision(), scores.recall(), scores.f1(), scores.ham_flagged_rate());
  }
  std::printf("(scored in %.2f s)\n", seconds_since(t4));

  std::vector<std::pair<std::string, bool>> texts;
  for (const auto& m : *train) texts.emplace_back(m.text, m.scam);
  auto t5 = Clock::now();
  auto examples = scam::to_training_examples((*checker)->patterns(), texts);
  auto model = scam::Classifier::train(examples, scam::TrainOptions{}, "bench");
  std::printf("training on %zu messages: %.2f s (%zu weights)\n", texts.size(), seconds_since(t5), model.nonzero_weights());
  return 0;
}
