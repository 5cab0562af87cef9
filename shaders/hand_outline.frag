#version 410 core
// The hands' outline shell (hand.vert with uShellPixels), one flat colour, and their
// coverage mask (uColor white): both stop where the forearm begins to fade out (the
// fade of surface.frag with HAND_FADE).
in float vAboveCut;
uniform float uFadeLength;
uniform vec3 uColor;
layout(location = 0) out vec4 outColor;

void main() {
  if (uFadeLength > 0.0 && vAboveCut < uFadeLength) discard;
  outColor = vec4(uColor, 1.0);
}
