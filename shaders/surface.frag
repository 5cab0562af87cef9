#version 410 core
// Shades a tissue. Opaque pass: writes the colour. Transparent pass: writes weighted
// blended order-independent transparency terms (accumulation and revealage).
in vec3 vViewPosition;
in vec3 vViewNormal;
in vec3 vRestPosition;
in vec3 vFibre;
in vec3 vViewFibre;
in float vSwelling;
#ifdef HAND_FADE
// The therapist's hands (hand.vert): their forearm fades out toward its cut end, over
// uFadeLength metres (0: nothing fades). The faded part is left out of the opaque pass and
// drawn in the transparent one, alpha its fade; an opaque hand is drawn there again with
// uFadingOnly, its faded part alone.
in float vAboveCut;
uniform float uFadeLength;
uniform bool uFadingOnly;
const float kWhole = 0.999;  // a fade this close to 1 is the opaque hand itself
#endif

uniform vec3 uColor;
uniform float uOpacity;
uniform bool uTransparentPass;
uniform float uStriation;    // contrast of the fascicle lines; 0 draws none
uniform vec3 uTissueCentre;  // model frame; the lines are laid out around it
uniform bool uShowFluid;     // colour swollen skin by the fluid beneath it

// Fascicles show as fine lines about a millimetre and a half apart.
const float kFasciclePitch = 0.0015;  // metres

layout(location = 0) out vec4 outColor;   // colour, or premultiplied accumulation
layout(location = 1) out vec4 outReveal;  // revealage (transparent pass only)

// Smooth noise in [0, 1] on a unit lattice (value noise, integer hash per corner).
float latticeValue(ivec3 c) {
  uint h = uint(c.x) * 73856093u ^ uint(c.y) * 19349663u ^ uint(c.z) * 83492791u;
  h = (h ^ (h >> 13u)) * 1274126177u;
  return float(h & 0xffffu) / 65535.0;
}
float valueNoise(vec3 p) {
  ivec3 c = ivec3(floor(p));
  vec3 f = fract(p);
  vec3 w = f * f * (3.0 - 2.0 * f);
  float x00 = mix(latticeValue(c), latticeValue(c + ivec3(1, 0, 0)), w.x);
  float x10 = mix(latticeValue(c + ivec3(0, 1, 0)), latticeValue(c + ivec3(1, 1, 0)), w.x);
  float x01 = mix(latticeValue(c + ivec3(0, 0, 1)), latticeValue(c + ivec3(1, 0, 1)), w.x);
  float x11 = mix(latticeValue(c + ivec3(0, 1, 1)), latticeValue(c + ivec3(1, 1, 1)), w.x);
  return mix(mix(x00, x10, w.y), mix(x01, x11, w.y), w.z);
}

// Noise of a position with its component along the fibre removed: constant along each
// fibre, varying across them. `anchor` is where that position is measured from.
float fascicles(vec3 anchor, vec3 fibre) {
  vec3 q = (vRestPosition - anchor) / kFasciclePitch;
  vec3 across = q - fibre * dot(q, fibre);
  return 0.65 * valueNoise(across) + 0.35 * valueNoise(2.3 * across + 17.0);
}

// Brightness change of the fascicle lines, in [-1, 1]. Where the fibre turns, the lines
// shear by the turn times the distance along the fibre from the anchor; anchors every
// kAnchorSpacing up the limb (most fibres run along it), blended, keep that distance short.
float striation() {
  float length_ = length(vFibre);
  if (uStriation <= 0.0 || length_ < 0.5) return 0.0;
  vec3 fibre = vFibre / length_;
  const float kAnchorSpacing = 0.02;  // metres
  float slab = (vRestPosition.y - uTissueCentre.y) / kAnchorSpacing;
  float below = floor(slab);
  vec3 anchor = vec3(uTissueCentre.x, uTissueCentre.y + below * kAnchorSpacing, uTissueCentre.z);
  float w = smoothstep(0.0, 1.0, slab - below);
  float lines = mix(fascicles(anchor, fibre), fascicles(anchor + vec3(0.0, kAnchorSpacing, 0.0), fibre), w);
  // Two unrelated patterns blended lose contrast halfway; give it back.
  lines = 0.5 + (lines - 0.5) / sqrt(w * w + (1.0 - w) * (1.0 - w));
  float fade = clamp(1.6 - length(fwidth(vRestPosition)) / kFasciclePitch, 0.0, 1.0);
  return (2.0 * lines - 1.0) * fade;
}

// The fluid under the skin, shown as a colour: whether there is any to speak of (from a
// half a millimetre to two and a half), and how deep, 0 .. 1 at 6 mm (a
// marked pitting edema), so that a drained leg reads clearly paler than a swollen one.
float fluidPresent() { return smoothstep(0.0005, 0.0025, vSwelling); }
float fluidDepth() { return clamp(vSwelling / 0.006, 0.0, 1.0); }
float fluidShare() { return fluidPresent() * (0.4 + 0.6 * fluidDepth()); }
vec3 fluidColor() { return mix(vec3(0.55, 0.66, 1.0), vec3(0.36, 0.12, 0.78), fluidDepth()); }

vec3 shade(vec3 normal, vec3 toEye) {
  // A key light over the viewer's shoulder plus a soft sky/ground fill.
  vec3 toLight = normalize(vec3(-0.35, 0.55, 1.0));
  float diffuse = max(dot(normal, toLight), 0.0);
  float fill = 0.5 + 0.5 * normal.y;
  vec3 halfway = normalize(toLight + toEye);
  float specular = pow(max(dot(normal, halfway), 0.0), 48.0) * 0.18;
  vec3 albedo = uColor * (1.0 + uStriation * striation());
  if (uShowFluid) albedo = mix(albedo, fluidColor(), fluidShare());
  vec3 color = albedo * (0.22 + 0.12 * fill + 0.72 * diffuse) + vec3(specular);
  if (uStriation > 0.0 && length(vFibre) > 0.5) {
    // Fibrous tissue catches the light in a band across its fibres (Kajiya and Kay 1989).
    vec3 fibre = vViewFibre - normal * dot(vViewFibre, normal);
    if (length(fibre) > 1e-4) {
      float cosine = dot(normalize(fibre), halfway);
      float sheen = pow(sqrt(max(1.0 - cosine * cosine, 0.0)), 80.0);
      color += vec3(0.35 * uStriation * sheen * diffuse);
    }
  }
  return color;
}

void main() {
  vec3 toEye = normalize(-vViewPosition);
  vec3 normal = normalize(vViewNormal);
  if (!gl_FrontFacing) normal = -normal;
  vec3 color = shade(normal, toEye);
#ifdef HAND_FADE
  float armFade = uFadeLength > 0.0 ? smoothstep(0.0, uFadeLength, vAboveCut) : 1.0;
  if (!uTransparentPass && armFade < kWhole) discard;
  if (uTransparentPass && uFadingOnly && armFade >= kWhole) discard;
  // What fades shows its near side only: seen through, the arm's far wall would double it.
  if (uTransparentPass && armFade < kWhole && dot(vViewNormal, vViewPosition) > 0.0) discard;
#endif
  if (!uTransparentPass) {
    outColor = vec4(color, 1.0);
    outReveal = vec4(0.0);
    return;
  }
  // Silhouettes of a translucent layer read a little stronger, as a thin shell would.
  float rim = 1.0 - abs(dot(normal, toEye));
  float alpha = clamp(uOpacity * (0.8 + 0.5 * rim * rim), 0.0, 1.0);
#ifdef HAND_FADE
  alpha = uFadingOnly ? armFade : alpha * armFade;
#endif
  // Fluid shown on translucent skin stays readable over the muscles beneath.
  if (uShowFluid) alpha = max(alpha, 0.9 * fluidShare());
  // Weight favours nearer surfaces (McGuire & Bavoil 2013, depth-based weight).
  float depth = gl_FragCoord.z;
  float weight = alpha * clamp(3e3 * pow(1.0 - depth, 3.0), 1e-2, 3e3);
  outColor = vec4(color * alpha, alpha) * weight;
  outReveal = vec4(alpha);
}
