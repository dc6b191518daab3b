// Checks the checker against a real registry database: an indicator an officer confirmed
// makes a message a scam; `antoan scam train --db` reads decided messages (none here).
#include "scam/check_setup.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "scam/registry.h"
#include "store/db.h"

namespace antoan::scam {
namespace {

TEST(CheckSetup, ConfirmedIndicatorInTheRegistryMakesAScam) {
  std::string path = ::testing::TempDir() + "/check_setup_test.db";
  std::remove(path.c_str());
  auto db = store::open_db(path);
  ASSERT_TRUE(db.ok()) << db.error().message_en;
  auto registry = Registry::load(**db);
  ASSERT_TRUE(registry.ok()) << registry.error().message_en;
  auto added = (*registry)->add(registry_system_principal(), IndicatorKind::phone, "0912345678", "test",
                                IndicatorStatus::confirmed);
  ASSERT_TRUE(added.ok()) << added.error().message_en;

  auto base = Checker::load("data/scam/patterns.tsv", "data/scam/model.bin");
  ASSERT_TRUE(base.ok());
  auto checker = (*base)->with_registry(make_registry_lookup(**registry));
  auto r = checker->check("Gọi cho mình số 0912 345 678 nhé");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->verdict, Verdict::scam);
  EXPECT_EQ(r->reasons[0].code, "registry:confirmed");
  auto other = checker->check("Gọi cho mình số 0987 654 321 nhé");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->verdict, Verdict::scam);

  auto texts = load_registry_training_texts(path);
  ASSERT_TRUE(texts.ok()) << texts.error().message_en;
  EXPECT_TRUE(texts->empty());  // no case reported it
  (*db)->close();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace antoan::scam
