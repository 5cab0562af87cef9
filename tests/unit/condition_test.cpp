// Reading conditions: a good file gives its swellings; a bad one is refused naming the
// line and the field, with the fix.
#include <gtest/gtest.h>

#include "core/error.h"
#include "simulation/condition.h"

namespace legatlas::simulation {
namespace {

const char* kGood = R"(conditions:
  - id: ankle
    name: Ankle swelling
    excess_ml: 300
    collectors_full: 0.9
    levels:
      - {at: medial_malleolus, amount: 1}
      - {at: tibial_tuberosity, amount: 0}
    regions:
      - {region: calf_posterior, times: 2}
)";

std::string errorOf(const std::string& text) {
  try {
    parseConditions(text, "mine.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Conditions, AGoodFileGivesItsSwellings) {
  const std::vector<Condition> c = parseConditions(kGood, "mine.yaml");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].id, "ankle");
  EXPECT_DOUBLE_EQ(c[0].excessMl, 300.0);
  EXPECT_DOUBLE_EQ(c[0].collectorsFull, 0.9);
  ASSERT_EQ(c[0].levels.size(), 2u);
  EXPECT_EQ(c[0].levels[1].landmark, "tibial_tuberosity");
  EXPECT_EQ(c[0].levels[1].line, 8);
  ASSERT_EQ(c[0].regions.size(), 1u);
  EXPECT_DOUBLE_EQ(c[0].regions[0].times, 2.0);
}

TEST(Conditions, ABadFileIsRefusedAtItsLineWithTheFix) {
  std::string text = kGood;
  const std::string negative = text.replace(text.find("300"), 3, "-5");
  {
    const std::string e = errorOf(negative);
    EXPECT_NE(e.find("mine.yaml: line 4, conditions[0].excess_ml"), std::string::npos) << e;
    EXPECT_NE(e.find("from 1 to 10000"), std::string::npos) << e;
  }
  std::string typo = kGood;
  typo.replace(typo.find("excess_ml"), 9, "excess_mL");
  EXPECT_NE(errorOf(typo).find("did you mean 'excess_ml'?"), std::string::npos) << errorOf(typo);
  EXPECT_NE(errorOf("conditions: []").find("at least one condition"), std::string::npos);
  EXPECT_NE(errorOf("conditions: [").find("not readable as YAML"), std::string::npos);
  std::string noLevels = kGood;
  noLevels.erase(noLevels.find("    levels:"), noLevels.find("    regions:") - noLevels.find("    levels:"));
  EXPECT_NE(errorOf(noLevels).find("levels must be a list"), std::string::npos) << errorOf(noLevels);
}

}  // namespace
}  // namespace legatlas::simulation
