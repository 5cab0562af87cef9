#version 410 core
// Shades a tissue. Opaque pass: writes the colour. Transparent pass: writes weighted
// blended order-independent transparency terms (accumulation and revealage).
in vec3 vViewPosition;
in vec3 vViewNormal;

uniform vec3 uColor;
uniform float uOpacity;
uniform bool uTransparentPass;

layout(location = 0) out vec4 outColor;   // colour, or premultiplied accumulation
layout(location = 1) out vec4 outReveal;  // revealage (transparent pass only)

vec3 shade(vec3 normal, vec3 toEye) {
  // A key light over the viewer's shoulder plus a soft sky/ground fill.
  vec3 toLight = normalize(vec3(-0.35, 0.55, 1.0));
  float diffuse = max(dot(normal, toLight), 0.0);
  float fill = 0.5 + 0.5 * normal.y;
  vec3 halfway = normalize(toLight + toEye);
  float specular = pow(max(dot(normal, halfway), 0.0), 48.0) * 0.18;
  return uColor * (0.22 + 0.12 * fill + 0.72 * diffuse) + vec3(specular);
}

void main() {
  vec3 toEye = normalize(-vViewPosition);
  vec3 normal = normalize(vViewNormal);
  if (!gl_FrontFacing) normal = -normal;
  vec3 color = shade(normal, toEye);
  if (!uTransparentPass) {
    outColor = vec4(color, 1.0);
    outReveal = vec4(0.0);
    return;
  }
  // Silhouettes of a translucent layer read a little stronger, as a thin shell would.
  float rim = 1.0 - abs(dot(normal, toEye));
  float alpha = clamp(uOpacity * (0.8 + 0.5 * rim * rim), 0.0, 1.0);
  // Weight favours nearer surfaces (McGuire & Bavoil 2013, depth-based weight).
  float depth = gl_FragCoord.z;
  float weight = alpha * clamp(3e3 * pow(1.0 - depth, 3.0), 1e-2, 3e3);
  outColor = vec4(color * alpha, alpha) * weight;
  outReveal = vec4(alpha);
}
