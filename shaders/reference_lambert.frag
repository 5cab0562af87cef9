#version 410 core
// Benchmark reference: plain Lambert shading, one colour, no transparency.
in vec3 vViewPosition;
in vec3 vViewNormal;
out vec4 outColor;

void main() {
  vec3 normal = normalize(vViewNormal);
  float diffuse = abs(dot(normal, normalize(vec3(-0.35, 0.55, 1.0))));
  outColor = vec4(vec3(0.8, 0.6, 0.55) * (0.2 + 0.8 * diffuse), 1.0);
}
