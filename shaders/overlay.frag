#version 410 core
in vec4 vColor;
layout(location = 0) out vec4 outColor;

void main() { outColor = vColor; }
