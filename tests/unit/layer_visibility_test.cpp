#include <gtest/gtest.h>

#include "core/error.h"
#include "scene/layer_visibility.h"

using legatlas::anatomy::Layer;
using legatlas::scene::LayerVisibility;

TEST(LayerVisibility, DefaultsShowEverythingWithSeeThroughSkin) {
  const LayerVisibility v = LayerVisibility::defaults();
  EXPECT_TRUE(v.drawn(Layer::Bone));
  EXPECT_TRUE(v.drawn(Layer::Skin));
  EXPECT_FALSE(v.opaque(Layer::Skin));
  EXPECT_FALSE(v.pickable(Layer::Skin));
  EXPECT_TRUE(v.opaque(Layer::SuperficialMuscle));
}

TEST(LayerVisibility, ParsesListedLayersAndHidesTheRest) {
  const LayerVisibility v = LayerVisibility::parse("skin=0.3,muscles,bones", "--layers");
  EXPECT_TRUE(v.drawn(Layer::Skin));
  EXPECT_FLOAT_EQ(v[Layer::Skin].opacity, 0.3f);
  EXPECT_TRUE(v.opaque(Layer::SuperficialMuscle));
  EXPECT_TRUE(v.opaque(Layer::DeepMuscle));
  EXPECT_TRUE(v.opaque(Layer::Bone));
  EXPECT_FALSE(v.drawn(Layer::Lymph));
  EXPECT_FALSE(v.drawn(Layer::Vessel));
  EXPECT_FALSE(v.drawn(Layer::Unassigned));
}

TEST(LayerVisibility, ZeroOpacityHides) {
  const LayerVisibility v = LayerVisibility::parse("all,skin=0", "--layers");
  EXPECT_FALSE(v.drawn(Layer::Skin));
  EXPECT_TRUE(v.drawn(Layer::Tendon));
}

TEST(LayerVisibility, RejectsUnknownLayersAndBadOpacity) {
  EXPECT_THROW(LayerVisibility::parse("skin,nerves", "--layers"), legatlas::InputError);
  EXPECT_THROW(LayerVisibility::parse("skin=1.5", "--layers"), legatlas::InputError);
  EXPECT_THROW(LayerVisibility::parse("skin=half", "--layers"), legatlas::InputError);
  try {
    LayerVisibility::parse("skin,nerves", "--layers");
  } catch (const legatlas::InputError& e) {
    EXPECT_EQ(e.file(), "--layers");
    EXPECT_NE(std::string(e.what()).find("nerves"), std::string::npos);
  }
}
