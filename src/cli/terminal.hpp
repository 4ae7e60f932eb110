// Questions to a person at a terminal: a prompt with a default, re-asked until the answer is valid.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace amgen::cli {

/// Returns why an answer is unacceptable, or nothing when it is fine.
using AnswerCheck = std::function<std::optional<std::string>(const std::string& answer)>;

class Terminal
{
public:
  Terminal(std::istream& in, std::ostream& out);

  /// True when both stdin and stdout are terminals (a person can answer).
  [[nodiscard]] static bool stdio_is_interactive();

  /// Prints `question [default]: ` and reads one line; an empty line takes the default. A rejected answer
  /// prints the reason and asks again. End of input throws amgen::Error (usage).
  [[nodiscard]] std::string ask(const std::string& question, const std::string& default_answer = {},
                                const AnswerCheck& check = {});
  /// A yes/no question; `default_yes` answers an empty line.
  [[nodiscard]] bool confirm(const std::string& question, bool default_yes);
  /// One line of information.
  void say(const std::string& line);

private:
  std::istream& m_in;
  std::ostream& m_out;
};

} // namespace amgen::cli
