#version 410 core
// Tissue surfaces: positions and normals in the model frame (metres). Soft tissue may be
// swollen by fluid beneath it, and pressed in (or lifted) by up to two contacts of a
// massage stroke.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec3 aFibre;  // unit fascicle direction; zero where there is none
layout(location = 3) in float aSwelling;  // metres the skin stands out over tissue fluid; 0 elsewhere

uniform mat4 uView;
uniform mat4 uProjection;
uniform bool uDeformable;  // false for bone and for the hands themselves
uniform int uDentCount;
uniform vec4 uDentCentres[2];  // xyz centre, w depth (metres; negative lifts)
uniform vec4 uDentNormals[2];  // xyz outward normal at the contact, w radius

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vRestPosition;  // before any dent, so the striation stays on the tissue
out vec3 vFibre;
out vec3 vViewFibre;
out float vSwelling;

// Moves p by the dents, and tilts the normal n with the slope of the dent.
void dent(inout vec3 p, inout vec3 n) {
  vec3 original = p;
  for (int i = 0; i < uDentCount; ++i) {
    vec3 toPoint = original - uDentCentres[i].xyz;
    float radius = uDentNormals[i].w;
    float distance = length(toPoint);
    float x = clamp(distance / radius, 0.0, 1.0);
    float falloff = (1.0 - x * x) * (1.0 - x * x);  // smooth, flat at the centre and the rim
    vec3 axis = uDentNormals[i].xyz;
    float depth = uDentCentres[i].w;
    p -= axis * (depth * falloff);
    // Height along the axis is -depth * falloff; its slope across the axis tilts the normal.
    float slope = -depth * (-4.0 * x * (1.0 - x * x)) / radius;
    vec3 outward = distance > 1e-6 ? toPoint / distance : vec3(0.0);
    outward -= axis * dot(outward, axis);
    n = normalize(n - outward * slope);
  }
}

void main() {
  vec3 position = aPosition;
  vec3 normal = aNormal;
  vRestPosition = aPosition;
  vFibre = aFibre;
  vViewFibre = mat3(uView) * aFibre;
  vSwelling = uDeformable ? aSwelling : 0.0;
  position += normal * vSwelling;  // swollen, then pressed in by the hands
  if (uDeformable) dent(position, normal);
  vec4 viewPosition = uView * vec4(position, 1.0);
  vViewPosition = viewPosition.xyz;
  // The view matrix is a rigid motion, so it transforms normals directly.
  vViewNormal = mat3(uView) * normal;
  gl_Position = uProjection * viewPosition;
}
