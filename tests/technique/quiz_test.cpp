// Quiz answers come from the model: the highlighted muscle's own name, and the way the
// planner sends the stroke.
#include <gtest/gtest.h>

#include <set>

#include "built_leg.h"
#include "technique/quiz.h"

namespace legatlas::technique {
namespace {

TEST(Quiz, EveryQuestionHasOneRightAnswerFromTheModel) {
  const LegModel& leg = testing::builtLeg().model();
  const auto quiz = makeQuiz(leg, 7, 10);
  ASSERT_EQ(quiz.size(), 10u);
  int named = 0, directed = 0;
  for (const QuizQuestion& q : quiz) {
    ASSERT_GE(q.choices.size(), 3u);
    ASSERT_GE(q.answer, 0);
    ASSERT_LT(q.answer, static_cast<int>(q.choices.size()));
    EXPECT_EQ(std::set<std::string>(q.choices.begin(), q.choices.end()).size(), q.choices.size()) << "choices differ";
    if (q.kind == QuizQuestion::Kind::NameTheMuscle) {
      ++named;
      ASSERT_GE(q.tissue, 0);
      EXPECT_EQ(q.choices[q.answer], leg.scene().tissues[q.tissue].name);
      EXPECT_EQ(leg.scene().tissues[q.tissue].layer, anatomy::Layer::SuperficialMuscle);
    } else {
      ++directed;
      // Every technique the quiz asks about drains toward the nodes: upward.
      EXPECT_EQ(q.answer, 0) << q.prompt;
      EXPECT_FALSE(q.why.empty());
    }
  }
  EXPECT_EQ(named, 5);
  EXPECT_EQ(directed, 5);
}

TEST(Quiz, TheSameSeedGivesTheSameQuiz) {
  const LegModel& leg = testing::builtLeg().model();
  const auto a = makeQuiz(leg, 3, 4), b = makeQuiz(leg, 3, 4), c = makeQuiz(leg, 4, 4);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].prompt, b[i].prompt);
    EXPECT_EQ(a[i].choices, b[i].choices);
  }
  bool differs = false;
  for (size_t i = 0; i < a.size(); ++i) differs = differs || a[i].choices != c[i].choices;
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace legatlas::technique
