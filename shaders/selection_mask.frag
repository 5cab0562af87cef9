#version 410 core
// Marks the pixels covered by the selected tissue.
out vec4 outMask;

void main() { outMask = vec4(1.0); }
