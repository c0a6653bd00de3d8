// `corium serve --tls-cert F --tls-key F` as a black box, over real TLS (libcurl trusting only a
// self-signed certificate made for 127.0.0.1 with the openssl command): health and sign-in work,
// the session cookie is Secure, writes are accepted from the https:// origin only, plain HTTP to
// the TLS port gets no answer (never a crash), and a missing or garbage certificate or key stops
// `serve` with a message naming the file.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/test_kb.h"
#include "support/tls_client.h"

namespace corium::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path FreshDir(const std::string& stem) {
  std::random_device device;
  fs::path dir = fs::temp_directory_path() /
                 (stem + "-" + std::to_string(device()) + std::to_string(device()));
  fs::create_directories(dir);
  return dir;
}

class TlsServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tls_dir = new fs::path(FreshDir("corium-tls"));
    tls_files = new TlsFiles(MakeSelfSignedCertificate(*tls_dir));
    tls_server = new ServerProcess(
        ServerConfig{.extra_args = {"--tls-cert", tls_files->certificate.string(), "--tls-key",
                                    tls_files->private_key.string()}});
  }
  static void TearDownTestSuite() {
    delete tls_server;
    tls_server = nullptr;
    std::error_code ignored;
    fs::remove_all(*tls_dir, ignored);
    delete tls_files;
    delete tls_dir;
  }
  void TearDown() override {
    ASSERT_TRUE(tls_server->alive()) << tls_server->output();
    EXPECT_EQ(Tls().Send("GET", "/healthz").status, 200);
  }
  static const ServerProcess& server() { return *tls_server; }
  static TlsClient Tls() { return {tls_server->port(), tls_files->certificate}; }
  static std::string Origin() { return "https://127.0.0.1:" + std::to_string(tls_server->port()); }

  static HttpResponse SignIn(const std::string& role) {
    return Tls().Send("POST", "/api/v1/session",
                      json{{"email", DemoEmail(role)}, {"password", DemoPassword()}}.dump(),
                      {{"Content-Type", "application/json"}, {"Origin", Origin()}});
  }

 private:
  static inline fs::path* tls_dir = nullptr;
  static inline TlsFiles* tls_files = nullptr;
  static inline ServerProcess* tls_server = nullptr;
};

TEST_F(TlsServeTest, PrintsAnHttpsAddressAndAnswersHealthOverTls) {
  EXPECT_EQ(server().url(), Origin());
  const HttpResponse health = Tls().Send("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  EXPECT_EQ(health.Header("x-content-type-options"), "nosniff");
}

TEST_F(TlsServeTest, SignInSetsASecureHostCookieThatWorksOverTls) {
  const HttpResponse signed_in = SignIn("nurse");
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const std::string cookie = signed_in.Header("set-cookie").value_or("");
  EXPECT_EQ(cookie.rfind("__Host-corium_session=", 0), 0U) << cookie;
  for (const std::string attribute : {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute << " in " << cookie;
  }
  EXPECT_EQ(cookie.find("Domain="), std::string::npos) << "__Host- cookies name no domain";

  const HeaderList session = {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  const HttpResponse me = Tls().Send("GET", "/api/v1/session", "", session);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json().value("role", ""), "nurse");

  // Writes come from the https:// origin; the same host over http:// is another origin.
  HeaderList write = session;
  write.emplace_back("X-CSRF-Token", signed_in.Json().value("csrf_token", ""));
  HeaderList plain_origin = write;
  plain_origin.emplace_back("Origin", "http://127.0.0.1:" + std::to_string(server().port()));
  EXPECT_EQ(Tls().Send("DELETE", "/api/v1/session", "", plain_origin).status, 403);
  write.emplace_back("Origin", Origin());
  EXPECT_EQ(Tls().Send("DELETE", "/api/v1/session", "", write).status, 204);
  EXPECT_EQ(Tls().Send("GET", "/api/v1/session", "", session).status, 401);
}

TEST_F(TlsServeTest, PlainHttpToTheTlsPortGetsNoAnswer) {
  const HttpClient plain(server().port());
  EXPECT_EQ(plain.Send("GET", "/healthz").status, 0);
  const std::string raw = plain.SendRaw({"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"});
  EXPECT_EQ(raw.find("HTTP/"), std::string::npos) << raw;
  // Bytes that start like a TLS record and then stop making sense.
  (void)plain.SendRaw({std::string("\x16\x03\x01\x00\x05", 5) + "garbage-after-the-record"});
  // A client that connects and says nothing is cut off by the deadline, like on plain HTTP.
  const int idle = plain.OpenIdle();
  EXPECT_EQ(Tls().Send("GET", "/healthz").status, 200) << "an idle socket blocks nobody";
  HttpClient::CloseRaw(idle);
}

// `serve` with TLS files it cannot use: a non-zero exit and a message that names the file.
class TlsFilesRefusedTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = FreshDir("corium-tls-bad"); }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  CommandResult Serve(const fs::path& certificate, const fs::path& key) const {
    return RunCorium("serve --listen 127.0.0.1:0 --fast-password-hashing --data-dir " +
                     ShellQuote((dir_ / "data").string()) + " --kb " + ShellQuote(SourceKbDir()) +
                     " --tls-cert " + ShellQuote(certificate.string()) + " --tls-key " +
                     ShellQuote(key.string()));
  }
  fs::path dir_;
};

TEST_F(TlsFilesRefusedTest, AMissingCertificateIsNamed) {
  const TlsFiles files = MakeSelfSignedCertificate(dir_);
  const fs::path missing = dir_ / "no-such-certificate.pem";
  const CommandResult result = Serve(missing, files.private_key);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find(missing.string()), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("No such file"), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find("listening"), std::string::npos) << result.out;
  // Refused before the database is touched.
  EXPECT_FALSE(fs::exists(dir_ / "data" / "corium.db"));
}

TEST_F(TlsFilesRefusedTest, AGarbageCertificateIsNamed) {
  const TlsFiles files = MakeSelfSignedCertificate(dir_);
  const fs::path garbage = dir_ / "garbage.pem";
  std::ofstream(garbage) << "-----BEGIN CERTIFICATE-----\nnot base64 at all\n"
                            "-----END CERTIFICATE-----\n";
  const CommandResult result = Serve(garbage, files.private_key);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find(garbage.string()), std::string::npos) << result.err;
}

TEST_F(TlsFilesRefusedTest, AKeyThatIsMissingOrNotTheCertificatesIsNamed) {
  const TlsFiles files = MakeSelfSignedCertificate(dir_);
  const CommandResult missing = Serve(files.certificate, dir_ / "no-such-key.pem");
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find((dir_ / "no-such-key.pem").string()), std::string::npos)
      << missing.err;
  const TlsFiles other = MakeSelfSignedCertificate(dir_ / "other");
  const CommandResult mismatched = Serve(files.certificate, other.private_key);
  EXPECT_NE(mismatched.exit_code, 0);
  EXPECT_NE(mismatched.err.find(other.private_key.string()), std::string::npos) << mismatched.err;
}

}  // namespace
}  // namespace corium::testing
