// amgen's entry point: everything happens in src/cli.
#include "cli/cli.hpp"

int main(int argc, char** argv)
{
  return amgen::cli::run(argc, argv);
}
