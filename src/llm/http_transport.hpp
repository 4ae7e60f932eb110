// The HTTP seam of the LLM client: one POST, its status, headers and body, or why it never completed.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace amgen::llm {

struct HttpResult
{
  long status = 0;                            ///< 0 when the exchange failed (see network_error)
  std::map<std::string, std::string> headers; ///< Lowercase names
  std::string body;
  std::string network_error; ///< Empty on a complete exchange: connect failure, timeout, cut-off body
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

class Transport
{
public:
  virtual ~Transport() = default;
  /// Thread-safe.
  [[nodiscard]] virtual HttpResult post(const std::string& url, const HttpHeaders& headers,
                                        const std::string& body) = 0;
};

/// libcurl, one easy handle per call; no signals; loopback URLs bypass any configured proxy.
[[nodiscard]] std::unique_ptr<Transport> make_curl_transport(double connect_timeout_s, double total_timeout_s);

} // namespace amgen::llm
