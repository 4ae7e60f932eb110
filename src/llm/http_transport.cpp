// CurlTransport: a blocking libcurl POST with connect and total timeouts, safe to call from many threads.
#include "llm/http_transport.hpp"

#include "llm/config.hpp"

#include <algorithm>
#include <cctype>
#include <curl/curl.h>
#include <mutex>

namespace amgen::llm {

namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* target)
{
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

std::string trim(std::string text)
{
  const auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), is_space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), is_space).base(), text.end());
  return text;
}

std::size_t append_header(char* data, std::size_t size, std::size_t count, void* target)
{
  const std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    auto name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    (*static_cast<std::map<std::string, std::string>*>(target))[name] = trim(line.substr(colon + 1));
  }
  return size * count;
}

class CurlTransport : public Transport
{
public:
  CurlTransport(double connect_timeout_s, double total_timeout_s)
    : m_connect_timeout_ms(static_cast<long>(connect_timeout_s * 1000))
    , m_total_timeout_ms(static_cast<long>(total_timeout_s * 1000))
  {
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  HttpResult post(const std::string& url, const HttpHeaders& headers, const std::string& body) override
  {
    HttpResult result;
    CURL* curl = curl_easy_init();
    if (!curl) {
      result.network_error = "curl_easy_init failed";
      return result;
    }
    // "Expect:" stops curl from waiting for a 100-continue on larger bodies.
    curl_slist* header_list = curl_slist_append(nullptr, "Expect:");
    for (const auto& [name, value] : headers) {
      header_list = curl_slist_append(header_list, (name + ": " + value).c_str());
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, m_connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, m_total_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result.headers);
    if (is_loopback_url(url)) {
      curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    }
    const CURLcode code = curl_easy_perform(curl);
    if (code == CURLE_OK) {
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
    } else {
      result.network_error = curl_easy_strerror(code);
      result.status = 0;
    }
    curl_slist_free_all(header_list);
    curl_easy_cleanup(curl);
    return result;
  }

private:
  long m_connect_timeout_ms;
  long m_total_timeout_ms;
};

} // namespace

std::unique_ptr<Transport> make_curl_transport(double connect_timeout_s, double total_timeout_s)
{
  return std::make_unique<CurlTransport>(connect_timeout_s, total_timeout_s);
}

} // namespace amgen::llm
