// Checks the classifier and the pattern set on their own: pattern file parsing and bad
// pattern files, training on a toy corpus, model save/load round trip, corrupt models.
#include "scam/classifier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "scam/patterns.h"
#include "text/normalize.h"

namespace antoan::scam {
namespace {

TEST(PatternSet, LoadsTheShippedFileAndMatchesFoldedText) {
  auto set = PatternSet::load_file("data/scam/patterns.tsv");
  ASSERT_TRUE(set.ok()) << set.error().message_en;
  EXPECT_FALSE((*set)->version().empty());
  auto hits = (*set)->match(text::normalize_for_matching("Việc nhẹ lương cao, nạp thêm 2 triệu để rút tiền"));
  ASSERT_FALSE(hits.empty());
  EXPECT_GT((*set)->weight_of(hits), 1.0);
  EXPECT_TRUE((*set)->match("").empty());
}

TEST(PatternSet, RejectsBadFiles) {
  EXPECT_FALSE(PatternSet::parse("").ok());                                        // no version
  EXPECT_FALSE(PatternSet::parse("version\t1\n").ok());                            // no patterns
  EXPECT_FALSE(PatternSet::parse("version\t1\na\t1\tx\n").ok());                            // missing columns
  EXPECT_FALSE(PatternSet::parse("version\t1\na\tabc\tmoney\tx\tvi\ten\n").ok());         // bad weight
  EXPECT_FALSE(PatternSet::parse("version\t1\na\t1\tmoney\t(unclosed\tvi\ten\n").ok());  // bad regex
  EXPECT_FALSE(PatternSet::parse("version\t1\na\t1\tvibes\tx\tvi\ten\n").ok());          // unknown kind
  EXPECT_FALSE(PatternSet::parse("version\t1\na\t-1\tmoney\tx\tvi\ten\n").ok());         // a signal needs weight > 0
  EXPECT_FALSE(PatternSet::parse("version\t1\na\t1\tgenuine\tx\tvi\ten\n").ok());        // genuine needs weight < 0
  auto ok = PatternSet::parse("# comment\r\nversion\t2\r\nfoo\t1.5\tscript\tfoo\tvi\ten\r\n");
  ASSERT_TRUE(ok.ok()) << ok.error().message_en;
  EXPECT_EQ((*ok)->version(), "2");
  EXPECT_EQ((*ok)->match("xx FOO yy").size(), 1u);
}

std::vector<TrainingExample> toy_corpus() {
  std::vector<TrainingExample> out;
  const char* scam[] = {"nap tien lam nhiem vu nhan hoa hong", "viec nhe luong cao nap tien",
                        "chuyen tien vao tai khoan tam giu", "doc ma otp cho em"};
  const char* safe[] = {"toi nay di an lau khong", "lich tang ca thu bay", "me oi con gui tien hoc",
                        "cong doan thong bao kham suc khoe"};
  for (int r = 0; r < 5; ++r) {
    for (const char* s : scam) out.push_back({s, 0.0, true});
    for (const char* s : safe) out.push_back({s, 0.0, false});
  }
  return out;
}

TEST(Classifier, LearnsAToyCorpusAndExplains) {
  Classifier model = Classifier::train(toy_corpus(), TrainOptions{}, "t");
  EXPECT_GT(model.logit("nap tien nhiem vu hoa hong"), 0.0);
  EXPECT_LT(model.logit("tang ca thu bay di an lau"), 0.0);
  std::vector<FeatureContribution> why;
  model.explain("nap tien lam nhiem vu", 3, true, &why);
  ASSERT_FALSE(why.empty());
  EXPECT_GT(why[0].contribution, 0.0);
  // Empty and odd inputs are fine.
  EXPECT_TRUE(std::isfinite(model.logit("")));
  EXPECT_TRUE(std::isfinite(model.logit("\x01\x02 \xff\xfe")));
}

TEST(Classifier, SavesAndLoadsTheSameModel) {
  Classifier model = Classifier::train(toy_corpus(), TrainOptions{}, "v9");
  auto loaded = Classifier::parse(model.serialize());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message_en;
  EXPECT_EQ(loaded->pattern_version(), "v9");
  EXPECT_NEAR(loaded->logit("nap tien nhiem vu"), model.logit("nap tien nhiem vu"), 0.01);
  std::string path = ::testing::TempDir() + "/model_test.bin";
  ASSERT_TRUE(model.save(path).ok());
  auto from_file = Classifier::load(path);
  ASSERT_TRUE(from_file.ok());
  std::remove(path.c_str());
}

TEST(Classifier, RejectsCorruptModels) {
  Classifier model = Classifier::train(toy_corpus(), TrainOptions{}, "v");
  std::string bytes = model.serialize();
  EXPECT_FALSE(Classifier::parse("").ok());
  EXPECT_FALSE(Classifier::parse("NOTAMODEL-------").ok());
  EXPECT_FALSE(Classifier::parse(bytes.substr(0, bytes.size() - 3)).ok());
  EXPECT_FALSE(Classifier::parse(bytes + "x").ok());
  EXPECT_FALSE(Classifier::load("/nonexistent/model.bin").ok());
}

}  // namespace
}  // namespace antoan::scam
