// Test doubles at the workflow's two seams: a Chat that answers from a script per stage and records every
// request, and a Console that answers from a script and records what it was told.
#pragma once

#include "llm/chat.hpp"
#include "workflow/workflow.hpp"

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace amgen::test {

class ScriptedChat : public llm::Chat
{
public:
  using Responder = std::function<nlohmann::json(const llm::Request&)>;

  /// Queues `result` for the next request of `stage` (e.g. "1-validate").
  void script(const std::string& stage, nlohmann::json result);
  /// Answers requests of `stage` once its queue is empty.
  void respond(const std::string& stage, Responder responder);

  llm::Response complete(const llm::Request& request) override;

  /// Every request received for `stage`, in order.
  [[nodiscard]] std::vector<llm::Request> requests(const std::string& stage) const;
  [[nodiscard]] std::size_t call_count() const;

  static constexpr long k_input_tokens = 100;
  static constexpr long k_output_tokens = 50;

private:
  mutable std::mutex m_mutex;
  std::map<std::string, std::deque<nlohmann::json>> m_queues;
  std::map<std::string, Responder> m_responders;
  std::vector<llm::Request> m_requests;
};

class ScriptedConsole : public workflow::Console
{
public:
  bool tty = false;
  std::deque<std::string> answers;
  bool approve = false;
  std::vector<std::string> lines;
  std::vector<std::string> questions;

  void info(const std::string& line) override { lines.push_back(line); }
  bool is_tty() override { return tty; }
  std::string ask(const std::string& question, const std::string& default_answer) override;
  bool confirm(const std::string& question) override;
};

} // namespace amgen::test
