// HTTPS for black-box tests of `corium serve --tls-cert F --tls-key F`: a self-signed certificate
// for 127.0.0.1 made with the openssl command, and requests over real TLS through libcurl that
// trust that certificate alone (the peer and the host name are verified as a browser would).
#pragma once

#include <filesystem>
#include <string>

#include "support/http_client.h"

namespace corium::testing {

struct TlsFiles {
  std::filesystem::path certificate;  // PEM, CN and subjectAltName IP:127.0.0.1
  std::filesystem::path private_key;  // PEM, unencrypted
};

// Writes a fresh self-signed certificate and key into `dir`; throws when openssl fails.
TlsFiles MakeSelfSignedCertificate(const std::filesystem::path& dir);

class TlsClient {
 public:
  TlsClient(unsigned short port, std::filesystem::path trusted_certificate)
      : port_(port), trusted_(std::move(trusted_certificate)) {}

  // One request to https://127.0.0.1:PORT; status 0 when TLS or the connection failed.
  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = "", const HeaderList& headers = {}) const;

 private:
  unsigned short port_;
  std::filesystem::path trusted_;
};

}  // namespace corium::testing
