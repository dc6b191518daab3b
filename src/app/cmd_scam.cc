// `antoan scam train`: trains the scam text classifier on data/scam/corpus_train.jsonl (plus,
// with --db, the confirmed and cleared messages of the registry) and writes the model the
// checker loads (data/scam/model.bin). The held-out corpus_test.jsonl is never trained on;
// --eval scores it afterwards.
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "app/commands.h"
#include "scam/check_setup.h"
#include "scam/checker.h"
#include "scam/corpus.h"
#include "scam/data_paths.h"
#include "scam/feedback.h"
#include "store/db.h"
#include "text/normalize.h"

namespace antoan::app {
namespace {

struct TrainCmdOptions {
  std::string corpus_dir;
  std::string out;
  std::string patterns;
  std::string db;
  bool eval = false;
  int epochs = scam::TrainOptions{}.epochs;
};

int fail(const Error& e) {
  std::fprintf(stderr, "antoan scam train: %s\n", e.message_en.c_str());
  return 1;
}

void print_eval(const scam::Checker& checker, const std::vector<scam::LabeledMessage>& test) {
  scam::BinaryScores flagged;
  for (const auto& m : test) flagged.add(checker.flags(m.text), m.scam);
  std::printf("held-out %zu messages: precision %.3f recall %.3f F1 %.3f accuracy %.3f\n", test.size(),
              flagged.precision(), flagged.recall(), flagged.f1(), flagged.accuracy());
}

int run_train(const TrainCmdOptions& o) {
  std::string dir = o.corpus_dir.empty() ? scam::default_scam_data_dir() : o.corpus_dir;
  std::string patterns_path = o.patterns.empty() ? dir + "/patterns.tsv" : o.patterns;
  std::string out = o.out.empty() ? dir + "/model.bin" : o.out;
  auto patterns = scam::PatternSet::load_file(patterns_path);
  if (!patterns.ok()) return fail(patterns.error());
  auto corpus = scam::load_corpus(dir + "/corpus_train.jsonl");
  if (!corpus.ok()) return fail(corpus.error());
  std::vector<std::pair<std::string, bool>> texts;
  for (auto& m : *corpus) texts.emplace_back(std::move(m.text), m.scam);
  std::size_t from_corpus = texts.size();
  std::size_t from_feedback = 0;
  if (!o.db.empty()) {
    auto extra = scam::load_registry_training_texts(o.db);
    if (!extra.ok()) return fail(extra.error());
    for (auto& t : *extra) texts.push_back(std::move(t));
    // Workers' feedback that officers reviewed into the retraining set.
    auto db = store::open_db(o.db);
    if (!db.ok()) return fail(db.error());
    auto reviewed = scam::load_reviewed_feedback(**db);
    (*db)->close();
    if (!reviewed.ok()) return fail(reviewed.error());
    from_feedback = reviewed->size();
    for (auto& t : *reviewed) texts.push_back(std::move(t));
  }
  scam::TrainOptions options;
  options.epochs = o.epochs;
  auto examples = scam::to_training_examples(**patterns, texts);
  auto model = std::make_shared<const scam::Classifier>(
      scam::Classifier::train(examples, options, (*patterns)->version()));
  Status saved = model->save(out);
  if (!saved.ok()) return fail(saved.error());
  auto brands = scam::BrandTable::load_file(dir + "/brands.tsv");
  if (!brands.ok()) return fail(brands.error());
  scam::Checker checker(*patterns, model, *brands);
  scam::BinaryScores train_scores;
  for (const auto& e : examples) {
    double z = e.offset + model->logit(e.normalized);
    train_scores.add(z >= 0, e.scam);
  }
  std::printf("trained on %zu messages (%zu corpus, %zu from the registry, %zu reviewed feedback), %zu weights, "
              "pattern set v%s\n",
              texts.size(), from_corpus, texts.size() - from_corpus - from_feedback, from_feedback,
              model->nonzero_weights(),
              (*patterns)->version().c_str());
  std::printf("training-set accuracy %.3f; wrote %s\n", train_scores.accuracy(), out.c_str());
  if (o.eval) {
    auto test = scam::load_corpus(dir + "/corpus_test.jsonl");
    if (!test.ok()) return fail(test.error());
    print_eval(checker, *test);
  }
  return 0;
}

// fastText's input format from a corpus file, normalised like the checker's input, so
// bench/fasttext_compare.sh compares the two models on the same text.
int run_fasttext_data(const std::string& path) {
  auto corpus = scam::load_corpus(path);
  if (!corpus.ok()) return fail(corpus.error());
  for (const auto& m : *corpus) {
    std::string line = text::normalize_for_matching(m.text);
    for (char& c : line) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    std::printf("__label__%s %s\n", m.scam ? "scam" : "safe", line.c_str());
  }
  return 0;
}

}  // namespace

void add_scam_command(CLI::App& app) {
  CLI::App* scam = app.add_subcommand("scam", "Scam shield maintenance (train the text classifier)");
  scam->require_subcommand(1);
  auto o = std::make_shared<TrainCmdOptions>();
  CLI::App* train = scam->add_subcommand("train", "Train the scam text classifier and write model.bin");
  train->add_option("--corpus", o->corpus_dir, "Directory with corpus_train.jsonl and patterns.tsv (default: data/scam)");
  train->add_option("--out", o->out, "Model file to write (default: <corpus>/model.bin)");
  train->add_option("--patterns", o->patterns, "Pattern file (default: <corpus>/patterns.tsv)");
  train->add_option("--db", o->db, "Also train on confirmed (scam) and cleared (safe) messages and on reviewed checker feedback of this database");
  train->add_option("--epochs", o->epochs, "Training passes")->capture_default_str()->check(CLI::Range(1, 200));
  train->add_flag("--eval", o->eval, "Score the held-out corpus_test.jsonl after training");
  train->callback([o] {
    int rc = run_train(*o);
    if (rc != 0) std::exit(rc);
  });
  auto corpus_file = std::make_shared<std::string>();
  CLI::App* ft = scam->add_subcommand("fasttext-data", "Print a corpus file in fastText format (normalised text)");
  ft->add_option("corpus", *corpus_file, "A corpus .jsonl file")->required();
  ft->callback([corpus_file] {
    int rc = run_fasttext_data(*corpus_file);
    if (rc != 0) std::exit(rc);
  });
}

}  // namespace antoan::app
