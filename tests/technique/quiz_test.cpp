// Quiz answers come from the model: the highlighted muscle's own name, and the way the
// planner sends the stroke.
#include <gtest/gtest.h>

#include <glm/vector_relational.hpp>
#include <set>

#include "built_leg.h"
#include "teaching/quiz_view.h"
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

// A question is shown from the side its muscle lies on, with the muscle in the frame.
TEST(Quiz, AQuestionIsSeenFromTheSideItsMuscleLiesOn) {
  const teaching::Leg& leg = testing::builtLeg();
  const struct {
    const char* muscle;
    scene::ViewPreset side;
  } cases[] = {{"tibialis_anterior", scene::ViewPreset::Anterior},
               {"gastrocnemius_medial_head", scene::ViewPreset::Posterior},
               {"vastus_lateralis", scene::ViewPreset::Lateral},
               {"gracilis", scene::ViewPreset::Medial}};
  for (const auto& c : cases) {
    QuizQuestion question;
    question.tissue = leg.scene().findTissue(c.muscle);
    ASSERT_GE(question.tissue, 0) << c.muscle;
    const auto view = teaching::questionView(leg, question);
    ASSERT_TRUE(view.has_value()) << c.muscle;
    EXPECT_EQ(view->preset, c.side) << c.muscle;
    for (const scene::SceneMesh& m : leg.scene().meshes) {
      if (m.tissueIndex != question.tissue) continue;
      const geometry::Bounds own = m.mesh.bounds();
      const bool inside = glm::all(glm::greaterThanEqual(own.min, view->framed.min)) &&
                          glm::all(glm::lessThanEqual(own.max, view->framed.max));
      EXPECT_TRUE(inside) << c.muscle << " should be in the frame";
    }
    EXPECT_EQ(teaching::questionOverlays(question).workedTissue, question.tissue);
  }
  EXPECT_FALSE(teaching::questionView(leg, QuizQuestion{}).has_value());  // about no muscle
}

}  // namespace
}  // namespace legatlas::technique
