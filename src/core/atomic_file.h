#pragma once
#include <string>
#include <string_view>

namespace legatlas {

// Writes `bytes` to `path` so that a reader finds either the old file or the whole new
// one: a temporary file in the same folder, flushed and fsynced, then renamed over.
void writeFileAtomically(const std::string& path, std::string_view bytes);

// Throws the InputError writeFileAtomically would for `path` (a folder, a device, a
// missing folder), for a writer that should fail before the work rather than after it.
void checkWritablePath(const std::string& path);

// Moves a file that cannot be read out of the way, keeping it for the user:
// "<path>.corrupt-YYYYMMDD-HHMMSS" (UTC). Returns the new name, or "" if it could not.
std::string moveAside(const std::string& path);

}  // namespace legatlas
