// amgen_fake_llm: the scripted fake LLM server as a process, for end-to-end tests of `amgen generate`.
//   amgen_fake_llm --script FILE [--port-file F] [--log F] [--port N]
// Binds 127.0.0.1, writes its port to F once listening, logs each request as a JSON line {path, body},
// and exits 0 on SIGTERM/SIGINT. Exit 2 on bad usage or an unreadable script.
#include "support/fake_llm_server.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

struct Arguments
{
  std::string script;
  std::string port_file;
  std::string log;
  int port = 0;
};

constexpr const char* usage = "usage: amgen_fake_llm --script FILE [--port-file F] [--log F] [--port N]\n";

bool parse_arguments(int argc, char** argv, Arguments& arguments)
{
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) {
      return false;
    }
    const std::string value = argv[++i];
    if (flag == "--script") {
      arguments.script = value;
    } else if (flag == "--port-file") {
      arguments.port_file = value;
    } else if (flag == "--log") {
      arguments.log = value;
    } else if (flag == "--port") {
      arguments.port = std::stoi(value);
    } else {
      return false;
    }
  }
  return !arguments.script.empty();
}

/// Written to a temporary name and renamed, so a reader never sees a partial port number.
void write_port_file(const std::string& path, int port)
{
  const auto temporary = path + ".tmp";
  std::ofstream(temporary) << port << "\n";
  std::filesystem::rename(temporary, path);
}

} // namespace

int main(int argc, char** argv)
{
  Arguments arguments;
  try {
    if (!parse_arguments(argc, argv, arguments)) {
      std::cerr << usage;
      return 2;
    }
  } catch (const std::exception&) {
    std::cerr << usage;
    return 2;
  }

  // Block the stop signals before any thread starts, then wait for them synchronously.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  try {
    std::ifstream script_stream(arguments.script);
    if (!script_stream) {
      std::cerr << "amgen_fake_llm: cannot read " << arguments.script << "\n";
      return 2;
    }
    std::stringstream script_text;
    script_text << script_stream.rdbuf();
    amgen::test::FakeLlmServer server(amgen::test::parse_script(script_text.str()), arguments.port);
    if (!arguments.log.empty()) {
      server.set_log_file(arguments.log);
    }
    if (!arguments.port_file.empty()) {
      write_port_file(arguments.port_file, server.port());
    }
    std::cerr << "amgen_fake_llm: listening on " << server.base_url() << "\n";
    int received = 0;
    sigwait(&stop_signals, &received);
    server.stop();
  } catch (const std::exception& error) {
    std::cerr << "amgen_fake_llm: " << error.what() << "\n";
    return 2;
  }
  return 0;
}
