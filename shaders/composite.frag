#version 410 core
// Resolves the multisampled opaque and transparent layers into the final colour:
// per sample, the weighted average of the transparent surfaces over the opaque colour.
uniform sampler2DMS uOpaque;
uniform sampler2DMS uAccumulation;
uniform sampler2DMS uRevealage;
uniform int uSamples;

out vec4 outColor;

void main() {
  ivec2 pixel = ivec2(gl_FragCoord.xy);
  vec3 sum = vec3(0.0);
  for (int s = 0; s < uSamples; ++s) {
    vec3 opaque = texelFetch(uOpaque, pixel, s).rgb;
    vec4 accumulation = texelFetch(uAccumulation, pixel, s);
    float revealage = texelFetch(uRevealage, pixel, s).r;
    vec3 transparent = accumulation.rgb / max(accumulation.a, 1e-5);
    sum += mix(transparent, opaque, revealage);
  }
  outColor = vec4(sum / float(uSamples), 1.0);
}
