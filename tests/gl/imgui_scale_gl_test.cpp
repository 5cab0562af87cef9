// The interface follows the window to a monitor with another content scale: fonts and
// spacing are rebuilt at the new scale, and drawing goes on without a GL error.
#include <gtest/gtest.h>
#include <imgui.h>

#include "render/gl_context.h"
#include "ui/imgui_session.h"

namespace legatlas::testing {

namespace {

void drawOnePanel(ui::ImGuiSession& session) {
  session.beginFrame();
  ImGui::Begin("Lesson");
  ImGui::TextUnformatted("Gliding up the shin, toward the popliteal nodes");
  ImGui::End();
  session.endFrame();
}

void checkRescaling(ui::ImGuiSession& session) {
  drawOnePanel(session);
  const float fontAtOne = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
  const float paddingAtOne = ImGui::GetStyle().WindowPadding.x;

  session.setContentScale(2.0f);
  drawOnePanel(session);
  EXPECT_FLOAT_EQ(ImGui::GetIO().Fonts->Fonts[0]->FontSize, 2 * fontAtOne);
  EXPECT_FLOAT_EQ(ImGui::GetStyle().WindowPadding.x, 2 * paddingAtOne);
  EXPECT_FLOAT_EQ(session.contentScale(), 2.0f);

  // The same scale again rebuilds nothing; a scale a driver reports before the window is
  // placed (0) is taken as 1.
  const ImFont* large = session.largeFont();
  session.setContentScale(2.0f);
  EXPECT_EQ(session.largeFont(), large);
  session.setContentScale(0.0f);
  drawOnePanel(session);
  EXPECT_FLOAT_EQ(ImGui::GetIO().Fonts->Fonts[0]->FontSize, fontAtOne);
  EXPECT_FLOAT_EQ(ImGui::GetStyle().WindowPadding.x, paddingAtOne);
}

}  // namespace

TEST(ImGuiSessionGl, InterfaceRescalesWhenTheContentScaleChanges) {
  // A hidden window with GL debug output: the interface needs a window, not just a context.
  render::GlContext context({640, 480, false, true, false, "scale test", false});
  {
    ui::ImGuiSession session(context.window(), 1.0f);
    checkRescaling(session);
  }
  context.checkErrors("interface rescaling");
  EXPECT_EQ(context.errorCount(), 0);
  for (const std::string& message : context.errorMessages()) ADD_FAILURE() << message;
}

}  // namespace legatlas::testing
