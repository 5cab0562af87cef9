#include <gtest/gtest.h>

#include "core/error.h"
#include "technique/lesson.h"

namespace legatlas::technique {
namespace {

const char* kGoodLesson = R"(# a small lesson
title: Shin care
condition: shin splints
goal: Ease the front of the shin.
safety:
  - Always consult a doctor for prolonged leg cramping, swelling or inflammation.
steps:
  - technique: gliding
    target: {region: leg_anterior}
    passes: 2
    caption: Up toward the knee, with the lymph.
  - technique: thumb_stroke
    target: {tissue: tibialis_anterior}
    pressure: moderate
    duration_s: 12
    caption: Along the fibres toward the origin.
  - technique: mld_circles
    target: {nodes: popliteal}
    path: {at: popliteal_fossa_centre}
    caption: Clear the nodes.
  - technique: kneading
    target: {tissues: [soleus, gastrocnemius_medial_head]}
    caption: Grips from distal to proximal.
)";

// The message of the InputError the lesson text raises, or "" when it parses.
std::string errorOf(const std::string& text) {
  try {
    parseLesson(text, "lessons/test.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string withStep(const std::string& step) {
  return "title: T\ncondition: C\ngoal: G\nsafety:\n  - S\nsteps:\n" + step;
}

TEST(LessonParser, ReadsEveryField) {
  const Lesson lesson = parseLesson(kGoodLesson, "assets/lessons/shin.yaml");
  EXPECT_EQ(lesson.id, "shin");
  EXPECT_EQ(lesson.title, "Shin care");
  ASSERT_EQ(lesson.safety.size(), 1u);
  ASSERT_EQ(lesson.steps.size(), 4u);
  const LessonStep& glide = lesson.steps[0];
  EXPECT_EQ(glide.technique->id, "gliding");
  EXPECT_EQ(glide.target.kind, Target::Kind::Region);
  EXPECT_EQ(glide.passes, 2);
  EXPECT_EQ(glide.pressure, glide.technique->pressure);  // the technique's default
  EXPECT_EQ(glide.line, 8);
  const LessonStep& thumb = lesson.steps[1];
  EXPECT_EQ(thumb.pressure, Pressure::Moderate);
  ASSERT_TRUE(thumb.durationSeconds);
  EXPECT_FLOAT_EQ(*thumb.durationSeconds, 12.0f);
  EXPECT_EQ(thumb.passes, thumb.technique->repetitions);
  EXPECT_EQ(thumb.lineOf("pressure"), 14);
  EXPECT_EQ(lesson.steps[2].path.kind, PathSpec::Kind::At);
  EXPECT_EQ(lesson.steps[2].path.at, "popliteal_fossa_centre");
  EXPECT_EQ(lesson.steps[3].target.kind, Target::Kind::Tissues);
  EXPECT_EQ(lesson.steps[3].target.ids.size(), 2u);
}

TEST(LessonParser, ReadsWhereTheClientLiesHowPassesArePlacedAndTheTeachingNotes) {
  const Lesson lesson = parseLesson(R"(title: T
condition: C
goal: G
safety:
  - S
session_minutes: 45
steps:
  - technique: mld_pump
    target: {region: leg_anterior}
    position: prone
    sequence: ankle_to_knee
    draping: Uncover the shin only.
    watch_for: Skin reddening means too much pressure.
    session_minutes: 4
    caption: c
  - technique: thumb_stroke
    target: {tissue: soleus}
    path: {along: fibres, over: medial}
    caption: c
)",
                                    "t.yaml");
  EXPECT_EQ(lesson.sessionMinutes, 45.0f);
  const LessonStep& pump = lesson.steps[0];
  EXPECT_EQ(pump.position, ClientPosition::Prone);
  ASSERT_TRUE(pump.sequence.has_value());
  EXPECT_EQ(pump.sequence->from, "ankle");
  EXPECT_EQ(pump.sequence->to, "knee");
  EXPECT_EQ(pump.draping, "Uncover the shin only.");
  EXPECT_EQ(pump.watchFor, "Skin reddening means too much pressure.");
  EXPECT_EQ(pump.sessionMinutes, 4.0f);
  EXPECT_FALSE(lesson.steps[1].position.has_value());
  EXPECT_EQ(lesson.steps[1].path.over, "medial");
}

TEST(LessonParser, ABadPositionOrSequenceIsNamedWithItsLine) {
  const auto failure = [](const std::string& field) {
    try {
      parseLesson("title: T\ncondition: C\ngoal: G\nsafety:\n  - S\nsteps:\n  - technique: mld_pump\n    target: {region: leg_anterior}\n"
                  "    caption: c\n    " + field + "\n",
                  "t.yaml");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(failure("position: prnoe").find("line 10, steps[0].position: unknown position 'prnoe' — did you mean 'prone'?"), std::string::npos)
      << failure("position: prnoe");
  EXPECT_NE(failure("sequence: ankle_to_hip").find("steps[0].sequence"), std::string::npos);
  EXPECT_NE(failure("sequence: knee_to_knee").find("toes, ankle, knee or groin"), std::string::npos);
  EXPECT_NE(failure("session_minutes: 900").find("at most 240"), std::string::npos);
}

TEST(LessonParser, AMisspelledTechniqueIsNamedWithItsLineAndASuggestion) {
  const std::string e = errorOf(withStep("  - technique: glidng\n    target: {region: leg_anterior}\n    caption: c\n"));
  EXPECT_NE(e.find("lessons/test.yaml"), std::string::npos) << e;
  EXPECT_NE(e.find("line 7"), std::string::npos) << e;
  EXPECT_NE(e.find("steps[0].technique"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'gliding'"), std::string::npos) << e;
}

TEST(LessonParser, MistakesAreReportedWithTheFieldAndTheFix) {
  struct Case {
    std::string step, expected;
  };
  const std::vector<Case> cases{
      {"  - technique: gliding\n    target: {region: leg_anterior}\n", "'caption' is missing"},
      {"  - technique: gliding\n    caption: c\n", "'target' is missing"},
      {"  - technique: gliding\n    target: {region: a, tissue: b}\n    caption: c\n", "exactly one of"},
      {"  - technique: gliding\n    target: {muscle: soleus}\n    caption: c\n", "unknown field 'muscle'"},
      {"  - technique: gliding\n    target: {region: a}\n    pressure: hard\n    caption: c\n", "unknown pressure 'hard'"},
      {"  - technique: gliding\n    target: {region: a}\n    passes: 0\n    caption: c\n", "between 1 and"},
      {"  - technique: gliding\n    target: {region: a}\n    passes: many\n    caption: c\n", "whole number"},
      {"  - technique: gliding\n    target: {region: a}\n    duration_s: -3\n    caption: c\n", "more than 0"},
      {"  - technique: gliding\n    target: {region: a}\n    path: {from: a}\n    caption: c\n", "both 'from' and 'to'"},
      {"  - technique: gliding\n    target: {region: a}\n    path: {along: fibres, at: b}\n    caption: c\n", "keep only one"},
      {"  - technique: gliding\n    target: {region: a}\n    captoin: c\n", "did you mean 'caption'"},
      {"  - technique: gliding\n    target: {tissues: []}\n    caption: c\n", "list of tissue ids"},
      {"  - technique: kneading\n    target: {tissues: [soleus, plantaris, soleus]}\n    caption: c\n", "'soleus' is already in this list"},
  };
  for (const Case& c : cases) {
    const std::string e = errorOf(withStep(c.step));
    EXPECT_NE(e.find(c.expected), std::string::npos) << "for:\n" << c.step << "got: " << e;
    EXPECT_NE(e.find("steps[0]"), std::string::npos) << e;
  }
}

TEST(LessonParser, BrokenOrEmptyFilesSayWhere) {
  EXPECT_NE(errorOf("title: [unclosed\n").find("not readable as YAML"), std::string::npos);
  EXPECT_NE(errorOf("").find("a lesson must be a set of fields"), std::string::npos);
  EXPECT_NE(errorOf("- just\n- a list\n").find("a lesson must be a set of fields"), std::string::npos);
  EXPECT_NE(errorOf("title: T\ncondition: C\ngoal: G\nsafety: []\nsteps: []\n").find("safety must be a list"),
            std::string::npos);
  EXPECT_NE(errorOf("title: T\ncondition: C\ngoal: G\nsafety: [s]\nsteps: []\n").find("at least one step"),
            std::string::npos);
  const std::string deep = "title: " + std::string(5000, '[') + "\n";
  EXPECT_NE(errorOf(deep).find("nested too deeply"), std::string::npos) << errorOf(deep);
}

TEST(LessonParser, ALessonTooLongToPlanInSecondsIsRefused) {
  // Aliases let a few hundred bytes hold a thousand steps, each planned on the whole leg.
  std::string steps = "  - &glide {technique: gliding, target: {region: leg_anterior}, caption: c}\n";
  for (int i = 1; i < 201; ++i) steps += "  - *glide\n";
  EXPECT_NE(errorOf(withStep(steps)).find("at most 200 steps, and this one has 201"), std::string::npos) << errorOf(withStep(steps));
  steps.resize(steps.size() - std::string("  - *glide\n").size());
  EXPECT_EQ(errorOf(withStep(steps)), "");
}

TEST(LessonParser, AliasesCannotMultiplyTextBeyondItsLimits) {
  const std::string longNote(2001, 'x');
  EXPECT_NE(errorOf("title: " + longNote + "\ncondition: C\ngoal: G\nsafety: [s]\nsteps: []\n").find("title is 2001 characters long"),
            std::string::npos);
  std::string notes = "[&note " + std::string(2000, 'x');
  for (int i = 0; i < 50; ++i) notes += ", *note";
  const std::string lesson = "title: T\ncondition: C\ngoal: G\nsafety: " + notes + "]\nsteps: []\n";
  EXPECT_NE(errorOf(lesson).find("safety has 51 notes"), std::string::npos) << errorOf(lesson);
}

}  // namespace
}  // namespace legatlas::technique
