#version 410 core
// The therapist's hand: its rest-pose mesh skinned by linear blending of up to four bones,
// then placed on the leg. Writes what surface.frag (and selection_mask.frag) read.
layout(location = 0) in vec3 aPosition;  // hand frame, metres
layout(location = 1) in vec3 aNormal;
layout(location = 2) in uvec4 aBones;
layout(location = 3) in vec4 aWeights;   // sum to 1; unused slots weigh 0

uniform mat4 uView;
uniform mat4 uProjection;
uniform mat4 uPlacement;   // hand frame to model frame, rigid
uniform mat4 uBones[32];   // skinning matrices, hand frame (scene::kMostSkinnedHandBones)
// 0: the hand itself. Above 0: its outline shell, pushed out across the line of sight by
// this many pixels (drawn by its back faces, it shows as a rim around the hand).
uniform float uShellPixels;
uniform vec2 uViewportSize;
// The forearm was cut from the body 5 cm below the elbow; rather than show that open edge,
// the arm fades out toward it (the fragment shaders fade it by vAboveCut, a point's height
// above the cut, exact across the coarse hand's long triangles too). uCutPlane (hand
// frame): xyz the unit normal pointing from the cut toward the hand, w its offset.
uniform vec4 uCutPlane;

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vRestPosition;
out vec3 vFibre;
out vec3 vViewFibre;
out float vSwelling;
out float vAboveCut;  // metres

void main() {
  mat4 blend = aWeights.x * uBones[aBones.x] + aWeights.y * uBones[aBones.y] + aWeights.z * uBones[aBones.z] +
               aWeights.w * uBones[aBones.w];
  vec4 position = uPlacement * (blend * vec4(aPosition, 1.0));
  // Blends of rigid turns stay close to rigid: their upper 3x3 turns normals well enough.
  vec3 normal = mat3(uPlacement) * (mat3(blend) * aNormal);
  vRestPosition = aPosition;
  vFibre = vec3(0.0);
  vViewFibre = vec3(0.0);
  vSwelling = 0.0;
  vAboveCut = dot(uCutPlane.xyz, aPosition) + uCutPlane.w;
  vec4 viewPosition = uView * position;
  vViewPosition = viewPosition.xyz;
  vViewNormal = mat3(uView) * normal;
  gl_Position = uProjection * viewPosition;
  if (uShellPixels > 0.0) {
    vec2 across = (uProjection * vec4(vViewNormal, 0.0)).xy;
    if (length(across) > 1e-6) gl_Position.xy += normalize(across) * (2.0 * uShellPixels / uViewportSize) * gl_Position.w;
  }
}
