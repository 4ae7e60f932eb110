// Terminal prompts over a pair of streams (std::cin/std::cout in the binary).
#include "cli/terminal.hpp"

#include "util/error.hpp"

#include <fmt/format.h>
#include <istream>
#include <ostream>
#include <unistd.h>

namespace amgen::cli {
namespace {

std::string trimmed(const std::string& text)
{
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

} // namespace

Terminal::Terminal(std::istream& in, std::ostream& out)
  : m_in(in),
    m_out(out)
{
}

bool Terminal::stdio_is_interactive()
{
  return isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1;
}

std::string Terminal::ask(const std::string& question, const std::string& default_answer, const AnswerCheck& check)
{
  for (;;) {
    m_out << question;
    if (!default_answer.empty()) {
      m_out << " [" << default_answer << "]";
    }
    m_out << ": " << std::flush;
    std::string line;
    if (!std::getline(m_in, line)) {
      m_out << "\n";
      throw Error(fmt::format("input ended before '{}' was answered", question), ExitStatus::usage);
    }
    auto answer = trimmed(line);
    if (answer.empty()) {
      answer = default_answer;
    }
    const auto problem = check ? check(answer) : std::nullopt;
    if (!problem) {
      return answer;
    }
    m_out << "  ! " << *problem << "\n";
  }
}

bool Terminal::confirm(const std::string& question, bool default_yes)
{
  const auto answer = ask(question + (default_yes ? " (Y/n)" : " (y/N)"), {}, [](const std::string& a) {
    if (a.empty() || a == "y" || a == "Y" || a == "yes" || a == "n" || a == "N" || a == "no") {
      return std::optional<std::string>{};
    }
    return std::optional<std::string>{"answer y or n"};
  });
  return answer.empty() ? default_yes : (answer[0] == 'y' || answer[0] == 'Y');
}

void Terminal::say(const std::string& line)
{
  m_out << line << "\n" << std::flush;
}

} // namespace amgen::cli
