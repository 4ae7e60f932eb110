// The scripted Chat and Console of the workflow tests.
#include "workflow/scripted_chat.hpp"

#include <doctest/doctest.h>

namespace amgen::test {

void ScriptedChat::script(const std::string& stage, nlohmann::json result)
{
  const std::lock_guard lock(m_mutex);
  m_queues[stage].push_back(std::move(result));
}

void ScriptedChat::respond(const std::string& stage, Responder responder)
{
  const std::lock_guard lock(m_mutex);
  m_responders[stage] = std::move(responder);
}

llm::Response ScriptedChat::complete(const llm::Request& request)
{
  nlohmann::json result;
  {
    const std::lock_guard lock(m_mutex);
    m_requests.push_back(request);
    auto& queue = m_queues[request.stage];
    if (!queue.empty()) {
      result = queue.front();
      queue.pop_front();
    } else if (const auto it = m_responders.find(request.stage); it != m_responders.end()) {
      result = it->second(request);
    } else {
      throw llm::LlmError("no scripted response for stage " + request.stage);
    }
  }
  llm::Response response;
  response.text = result.dump();
  response.structured = result;
  response.usage = {k_input_tokens, k_output_tokens};
  return response;
}

std::vector<llm::Request> ScriptedChat::requests(const std::string& stage) const
{
  const std::lock_guard lock(m_mutex);
  std::vector<llm::Request> out;
  for (const auto& request : m_requests) {
    if (request.stage == stage) {
      out.push_back(request);
    }
  }
  return out;
}

std::size_t ScriptedChat::call_count() const
{
  const std::lock_guard lock(m_mutex);
  return m_requests.size();
}

std::string ScriptedConsole::ask(const std::string& question, const std::string& default_answer)
{
  questions.push_back(question);
  if (answers.empty()) {
    return default_answer;
  }
  auto answer = answers.front();
  answers.pop_front();
  return answer;
}

bool ScriptedConsole::confirm(const std::string& question)
{
  questions.push_back(question);
  return approve;
}

} // namespace amgen::test
