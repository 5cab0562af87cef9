#pragma once
// Errors that reach the user. Each says which file, where in it, what is wrong and
// what to do, so the command line can print it as one line and the app can show it.
#include <stdexcept>
#include <string>

namespace legatlas {

// A problem with something the user gave us: a file, a value, an option.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string place, std::string reason, std::string fix)
      : std::runtime_error(format(file, place, reason, fix)),
        file_(std::move(file)),
        place_(std::move(place)),
        reason_(std::move(reason)),
        fix_(std::move(fix)) {}

  const std::string& file() const { return file_; }
  const std::string& place() const { return place_; }
  const std::string& reason() const { return reason_; }
  const std::string& fix() const { return fix_; }

 private:
  static std::string format(const std::string& file, const std::string& place,
                            const std::string& reason, const std::string& fix) {
    std::string text = file;
    if (!place.empty()) text += ": " + place;
    text += ": " + reason;
    if (!fix.empty()) text += " — " + fix;
    return text;
  }
  std::string file_, place_, reason_, fix_;
};

// The graphics driver cannot give us what we need (e.g. no OpenGL 4.1 core profile).
class GraphicsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Exit codes shared by every command.
enum ExitCode : int {
  kExitOk = 0,
  kExitInputError = 1,
  kExitUsageError = 2,
  kExitGraphicsError = 3,
  kExitInternalError = 4,  // a fault of the program, not of its input
};

}  // namespace legatlas
