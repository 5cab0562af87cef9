#pragma once
// What each fuzz target does with one input, shared by the libFuzzer targets and by the
// regression test that replays every input a fuzzer ever crashed on
// (tests/fuzz/regressions/TARGET/). Each feeds the input where a user's file would go and
// accepts only two outcomes: it is read, or an InputError names what is wrong. Any other
// exception escapes to the caller.
#include <string_view>

namespace legatlas::fuzz {

void feedLesson(std::string_view text);       // parser, planner, rule checker
void feedDescription(std::string_view text);  // one anatomy description file, and the checks across files
void feedTissueMap(std::string_view text);    // tissue-map parser and name matching
void feedStrokePath(std::string_view text);   // `score --path` reader, then scoring
void feedModel(std::string_view bytes);       // a model file through Assimp into the scene
void feedCondition(std::string_view text);    // a conditions file, each swelling laid on the leg's skin

// Loads the built-in leg now rather than on the first input (LEGATLAS_LEG, else the
// main build's); exits with a message when it cannot.
void loadBuiltInLeg();

}  // namespace legatlas::fuzz
