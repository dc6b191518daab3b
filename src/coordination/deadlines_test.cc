#include <gtest/gtest.h>

#include "coordination/deadlines.h"

namespace antoan::coordination {
namespace {

constexpr EpochMs kMin = 60'000;

TEST(Deadlines, PriorityScalesTheCategoryDefault) {
  DeadlineMinutes normal = default_deadline("violence", "normal");
  EXPECT_EQ(normal.ack, 24 * 60);
  EXPECT_EQ(normal.resolve, 7 * 24 * 60);
  EXPECT_EQ(default_deadline("violence", "urgent").ack, 6 * 60);
  EXPECT_EQ(default_deadline("violence", "high").resolve, 7 * 12 * 60);
  EXPECT_EQ(default_deadline("wages", "low").ack, 2 * 72 * 60);
  EXPECT_EQ(default_deadline("wages", "bogus").ack, 72 * 60);
}

TEST(Deadlines, DueTimesCountFromCreation) {
  DueTimes due = due_times(1000, {10, 100});
  EXPECT_EQ(due.ack_due, 1000 + 10 * kMin);
  EXPECT_EQ(due.resolve_due, 1000 + 100 * kMin);
}

TEST(Deadlines, OverdueOnlyWhileOpen) {
  DueTimes due{10 * kMin, 100 * kMin};
  EXPECT_FALSE(is_overdue("new", due, 10 * kMin));
  EXPECT_TRUE(is_overdue("new", due, 10 * kMin + 1));
  EXPECT_FALSE(is_overdue("triaged", due, 50 * kMin));  // acknowledged in time
  EXPECT_TRUE(is_overdue("in_progress", due, 100 * kMin + 1));
  EXPECT_FALSE(is_overdue("resolved", due, 1000 * kMin));
  EXPECT_FALSE(is_overdue("rejected", due, 1000 * kMin));
  EXPECT_TRUE(is_overdue("reopened", due, 1000 * kMin));
}

TEST(Deadlines, EscalatesOnceAndAgainAfterAnotherPeriod) {
  DeadlineMinutes d{10, 100};
  DueTimes due = due_times(0, d);
  EXPECT_FALSE(should_escalate("new", due, std::nullopt, d, 5 * kMin));
  EXPECT_TRUE(should_escalate("new", due, std::nullopt, d, 11 * kMin));
  // Escalated at minute 11 while still new: again only after another ack period.
  EXPECT_FALSE(should_escalate("new", due, 11 * kMin, d, 20 * kMin));
  EXPECT_TRUE(should_escalate("new", due, 11 * kMin, d, 22 * kMin));
  // Acknowledged but unresolved past the resolve deadline: next escalation after resolve period.
  EXPECT_FALSE(should_escalate("in_progress", due, 11 * kMin, d, 50 * kMin));
  EXPECT_TRUE(should_escalate("in_progress", due, 11 * kMin, d, 112 * kMin));
  EXPECT_FALSE(should_escalate("closed", due, std::nullopt, d, 1000 * kMin));
}

}  // namespace
}  // namespace antoan::coordination
