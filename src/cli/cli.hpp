// The command line: parses arguments and dispatches to one command; returns the process exit code.
#pragma once

namespace amgen::cli {

[[nodiscard]] int run(int argc, char** argv);

} // namespace amgen::cli
