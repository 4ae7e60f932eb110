// The one exception type for user-caused aborts below src/cli: it carries the exit status to return.
#pragma once

#include "util/exit_status.hpp"

#include <stdexcept>
#include <string>

namespace amgen {

class Error : public std::runtime_error
{
public:
  explicit Error(std::string message, ExitStatus status = ExitStatus::user_error)
    : std::runtime_error(std::move(message)),
      m_status(status)
  {
  }

  [[nodiscard]] ExitStatus status() const { return m_status; }

private:
  ExitStatus m_status;
};

} // namespace amgen
