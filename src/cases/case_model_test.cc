// Tests of the case life cycle: allowed and refused transitions, deadlines and overdue.
#include "cases/case_model.h"

#include <gtest/gtest.h>

namespace antoan::cases {
namespace {

TEST(CaseModel, FollowsTheLifeCycle) {
  EXPECT_TRUE(can_move("new", "triaged"));
  EXPECT_TRUE(can_move("triaged", "assigned"));
  EXPECT_TRUE(can_move("assigned", "in_progress"));
  EXPECT_TRUE(can_move("in_progress", "resolved"));
  EXPECT_TRUE(can_move("resolved", "closed"));
  EXPECT_TRUE(can_move("closed", "reopened"));
  EXPECT_TRUE(can_move("new", "rejected"));
  EXPECT_TRUE(can_move("rejected", "reopened"));
  EXPECT_TRUE(can_move("reopened", "in_progress"));
}

TEST(CaseModel, RefusesSkipsAndUnknownStates) {
  EXPECT_FALSE(can_move("new", "closed"));
  EXPECT_FALSE(can_move("new", "resolved"));
  EXPECT_FALSE(can_move("closed", "in_progress"));
  EXPECT_FALSE(can_move("new", "new"));
  EXPECT_FALSE(can_move("bogus", "new"));
  EXPECT_FALSE(can_move("new", "bogus"));
  EXPECT_FALSE(is_status("NEW"));
}

TEST(CaseModel, MarksOverdueByCategoryDeadlines) {
  const EpochMs day = 86400000;
  EXPECT_FALSE(is_overdue("new", "violence", 0, day / 2));
  EXPECT_TRUE(is_overdue("new", "violence", 0, 2 * day));       // not acknowledged in 24 h
  EXPECT_FALSE(is_overdue("triaged", "violence", 0, 2 * day));  // acknowledged, within 7 days
  EXPECT_TRUE(is_overdue("in_progress", "violence", 0, 8 * day));
  EXPECT_FALSE(is_overdue("resolved", "violence", 0, 100 * day));
  EXPECT_FALSE(is_overdue("in_progress", "other", 0, 20 * day));
}

}  // namespace
}  // namespace antoan::cases
