#pragma once
// The one place GL's function declarations come from (libepoxy resolves them).
#include <epoxy/gl.h>
