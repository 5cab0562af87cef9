#version 410 core
// Writes the tissue index (1-based; 0 is background) for picking and semantic tests.
uniform uint uTissueId;
out uint outTissueId;

void main() { outTissueId = uTissueId; }
