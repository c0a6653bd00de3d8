#include "support/tls_client.h"

#include <curl/curl.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "support/test_kb.h"

namespace corium::testing {
namespace {

size_t Append(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

}  // namespace

TlsFiles MakeSelfSignedCertificate(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  TlsFiles files{dir / "server.crt", dir / "server.key"};
  const std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "
      "'/CN=127.0.0.1' -addext 'subjectAltName=IP:127.0.0.1' -keyout " +
      ShellQuote(files.private_key.string()) + " -out " + ShellQuote(files.certificate.string()) +
      " 2>/dev/null";
  if (std::system(command.c_str()) != 0 || !std::filesystem::exists(files.certificate)) {
    throw std::runtime_error("openssl could not make a self-signed certificate: " + command);
  }
  return files;
}

HttpResponse TlsClient::Send(const std::string& method, const std::string& target,
                             const std::string& body, const HeaderList& headers) const {
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 curl_easy_cleanup);
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  CURL* h = curl.get();
  const std::string url = "https://127.0.0.1:" + std::to_string(port_) + target;
  const std::string trusted = trusted_.string();
  std::string head;
  std::string received;
  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers) {
    std::string line = name;
    line.append(": ").append(value);
    list = curl_slist_append(list, line.c_str());
  }
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  if (!body.empty() || method == "POST" || method == "PUT") {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(h, CURLOPT_CAINFO, trusted.c_str());
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, Append);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &head);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &received);
  const CURLcode code = curl_easy_perform(h);
  curl_slist_free_all(list);
  if (code != CURLE_OK) return {};
  // The header block as it came (status line, fields, blank line), then the body: the same
  // bytes HttpClient parses.
  return HttpClient::Parse(head + received);
}

}  // namespace corium::testing
