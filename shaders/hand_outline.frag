#version 410 core
// The hands' outline shell (hand.vert with uShellPixels): one flat colour.
uniform vec3 uColor;
layout(location = 0) out vec4 outColor;

void main() { outColor = vec4(uColor, 1.0); }
