#version 410 core
// Draws an outline around the selected tissue's silhouette and a faint tint inside it.
uniform sampler2D uMask;
uniform vec3 uOutlineColor;
uniform int uRadius;

out vec4 outColor;

void main() {
  ivec2 pixel = ivec2(gl_FragCoord.xy);
  ivec2 size = textureSize(uMask, 0);
  float inside = texelFetch(uMask, pixel, 0).r;
  float nearby = 0.0;
  for (int dy = -uRadius; dy <= uRadius; ++dy) {
    for (int dx = -uRadius; dx <= uRadius; ++dx) {
      ivec2 p = clamp(pixel + ivec2(dx, dy), ivec2(0), size - 1);
      nearby = max(nearby, texelFetch(uMask, p, 0).r);
    }
  }
  if (inside > 0.5) {
    outColor = vec4(uOutlineColor, 0.12);
  } else if (nearby > 0.5) {
    outColor = vec4(uOutlineColor, 1.0);
  } else {
    discard;
  }
}
