#version 410 core
// Tissue surfaces: positions and normals in the model frame (metres).
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uView;
uniform mat4 uProjection;

out vec3 vViewPosition;
out vec3 vViewNormal;

void main() {
  vec4 viewPosition = uView * vec4(aPosition, 1.0);
  vViewPosition = viewPosition.xyz;
  // The view matrix is a rigid motion, so it transforms normals directly.
  vViewNormal = mat3(uView) * aNormal;
  gl_Position = uProjection * viewPosition;
}
