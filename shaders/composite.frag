#version 410 core
// Blends the transparent layers over the opaque colour in place: the weighted average of
// the transparent surfaces, with coverage 1 - revealage. Pixels with nothing transparent
// are discarded, so the pass costs little where the skin is not. MULTISAMPLE is defined
// when the targets are multisampled; reading gl_SampleID then shades every sample.
#ifdef MULTISAMPLE
uniform sampler2DMS uAccumulation;
uniform sampler2DMS uRevealage;
#define SAMPLE gl_SampleID
#else
uniform sampler2D uAccumulation;
uniform sampler2D uRevealage;
#define SAMPLE 0
#endif

out vec4 outColor;

void main() {
  ivec2 pixel = ivec2(gl_FragCoord.xy);
  float revealage = texelFetch(uRevealage, pixel, SAMPLE).r;
  if (revealage >= 0.999) discard;
  vec4 accumulation = texelFetch(uAccumulation, pixel, SAMPLE);
  outColor = vec4(accumulation.rgb / max(accumulation.a, 1e-5), 1.0 - revealage);
}
