// `corium serve` as a black box: health, headers, the OpenAPI document, and a corpus of malformed
// and hostile requests — each answered with a 4xx or a closed connection, never a 5xx or a crash,
// with the server healthy afterwards — and a graceful drain on SIGTERM.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <thread>

#include "corium/http/api.h"
#include "corium/http/openapi.h"
#include "support/api_contract.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace corium::testing {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void TearDown() override {
    // Whatever the test sent, the server must still be alive and answering.
    ASSERT_TRUE(server_->alive()) << server_->output();
    EXPECT_EQ(client().Send("GET", "/healthz").status, 200);
  }
  static HttpClient client() { return HttpClient(server_->port()); }

  static ServerProcess* server_;
};

ServerProcess* ServerTest::server_ = nullptr;

int StatusOf(const std::string& raw) { return HttpClient::Parse(raw).status; }

TEST_F(ServerTest, HealthzAnswersWithSecurityHeaders) {
  const HttpResponse response = client().Send("GET", "/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok\n");
  const auto csp = response.Header("content-security-policy").value_or("");
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.Header("referrer-policy"), "no-referrer");
}

TEST_F(ServerTest, ServesTheOpenApiDocumentWithEveryRoute) {
  const HttpResponse response = client().Send("GET", "/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  const auto document = response.Json();
  EXPECT_EQ(document.value("openapi", ""), "3.1.0");
  // Every route the server has is documented, and every documented operation is served.
  const auto api = http::OpenApi::Assemble(http::kOpenApiFiles);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  const http::ApiRouter router = http::BuildApiRouter(*api);
  std::set<std::pair<std::string, std::string>> routes;
  for (const auto& route : router.routes()) {
    routes.emplace(route.method, route.pattern);
    EXPECT_TRUE(document["paths"].contains(route.pattern)) << route.pattern;
  }
  for (const auto& operation : (*api)->Operations()) {
    EXPECT_TRUE(routes.count(operation) != 0)
        << operation.first << " " << operation.second << " is documented but not served";
  }
}

// A route that validates its own body skips the schema check for an object body, so its schema
// must say no more than "an object": anything more would go unchecked.
TEST_F(ServerTest, ARouteThatValidatesItsOwnBodyHasAnOpenObjectSchema) {
  const auto document = client().Send("GET", "/api/v1/openapi.json").Json();
  const auto api = http::OpenApi::Assemble(http::kOpenApiFiles);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  const http::ApiRouter router = http::BuildApiRouter(*api);
  int checked = 0;
  for (const auto& route : router.routes()) {
    if (!route.validates_own_body) continue;
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    nlohmann::json schema = document["paths"][route.pattern][method]["requestBody"]["content"]
                                    ["application/json"]["schema"];
    if (schema.contains("$ref")) {
      const std::string name =
          schema["$ref"].get<std::string>().substr(std::string("#/components/schemas/").size());
      schema = document["components"]["schemas"][name];
    }
    EXPECT_EQ(schema.value("type", ""), "object") << route.pattern;
    for (const auto& [key, value] : schema.items()) {
      EXPECT_TRUE(key == "type" || key == "description") << route.pattern << " has " << key;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 1);  // POST /api/v1/screenings, whose validator is the intake parser
}

TEST_F(ServerTest, UnknownPathsAndMethodsAreProblems) {
  HttpResponse response = client().Send("GET", "/api/v1/no-such-thing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("content-type"), "application/problem+json");
  EXPECT_EQ(response.Json().value("status", 0), 404);

  response = client().Send("PATCH", "/api/v1/openapi.json");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("allow"), "GET");

  response = client().Send("BREW", "/api/v1/openapi.json");
  EXPECT_EQ(response.status, 405);
}

TEST_F(ServerTest, ApiNeedsCredentials) {
  const HttpResponse response = client().Send("GET", "/api/v1/clients");
  EXPECT_EQ(response.status, 401);
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/clients", response);
  const auto forged =
      client().Send("GET", "/api/v1/clients", "", {{"Cookie", "__Host-corium_session=forged"}});
  EXPECT_EQ(forged.status, 401);
  const auto bearer =
      client().Send("GET", "/api/v1/clients", "", {{"Authorization", "Bearer not-a-token"}});
  EXPECT_EQ(bearer.status, 401);
}

// The web app is served from memory (http::StaticAssets), so no path, however it is encoded,
// reads a file beside or above the app's directory. The server gets its own `--web` directory with
// a secret file next to it, rather than whatever web/dist the working directory holds. A request
// either fails with a 4xx or gets the app's own index.html, which routes in the browser.
TEST(ServerStaticFiles, PathTraversalNeverReachesTheFilesystem) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("corium-web-" + std::to_string(::getpid()));
  fs::create_directories(root / "dist" / "assets");
  const std::string index = "<!doctype html><title>Corium</title>";
  std::ofstream(root / "dist" / "index.html") << index;
  std::ofstream(root / "dist" / "assets" / "app.js") << "console.log('app')";
  std::ofstream(root / "secret.txt") << "root:x:0:0 must never be served";
  {
    ServerProcess server({.demo = false, .extra_args = {"--web", (root / "dist").string()}});
    HttpClient http(server.port());
    EXPECT_EQ(http.Send("GET", "/").body, index);
    EXPECT_EQ(http.Send("GET", "/assets/app.js").body, "console.log('app')");
    for (const std::string target :
         {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
          "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt",
          "//secret.txt", "/../../etc/passwd", "/api/v1/../../etc/passwd",
          "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/clients/%2F..%2Fetc", "/static/..%5c..%5cwindows",
          "//etc/passwd"}) {
      const HttpResponse response = http.Send("GET", target);
      EXPECT_LT(response.status, 500) << target;
      if (response.status < 400) {
        EXPECT_EQ(response.body, index) << target;
      }
      EXPECT_EQ(response.body.find("root:"), std::string::npos) << target;
    }
    EXPECT_TRUE(server.alive()) << server.output();
  }
  fs::remove_all(root);
}

TEST_F(ServerTest, MalformedRequestsGetA4xxOrAClosedConnection) {
  const std::string host = "Host: 127.0.0.1\r\n";
  const std::vector<std::string> corpus = {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET /healthz HTTP/9.9\r\n" + host + "\r\n",
      "GET healthz HTTP/1.1\r\n" + host + "\r\n",
      "GET /healthz HTTP/1.1\r\nBad Header Without Colon\r\n\r\n",
      "POST /api/v1/session HTTP/1.1\r\n" + host + "Content-Length: -5\r\n\r\n",
      "POST /api/v1/session HTTP/1.1\r\n" + host +
          "Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef",
      "POST /api/v1/session HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n",
      "POST /api/v1/session HTTP/1.1\r\n" + host +
          "Content-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"email\":",
      "POST /api/v1/session HTTP/1.1\r\n" + host +
          "Content-Type: application/json\r\nContent-Length: 14\r\n\r\n[1, 2, 3, 4, 5]",
      "POST /api/v1/session HTTP/1.1\r\n" + host +
          "Content-Type: application/json\r\nContent-Length: 30\r\n\r\n{\"email\": 5, "
          "\"password\": [] }",
      "POST /api/v1/session HTTP/1.1\r\n" + host +
          "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi",
      "GET /api/v1/clients?limit=%zz HTTP/1.1\r\n" + host + "\r\n",
      "GET /api/v1/clients/%00 HTTP/1.1\r\n" + host + "\r\n",
      std::string("GET /\x01\x02 HTTP/1.1\r\n") + host + "\r\n",
  };
  for (const std::string& request : corpus) {
    const std::string raw = client().SendRaw({request}, {}, std::chrono::milliseconds(12000));
    const int status = StatusOf(raw);
    EXPECT_TRUE(status == 0 || (status >= 400 && status < 500)) << "answered " << status << " to:\n"
                                                                << request;
  }
}

TEST_F(ServerTest, DeeplyNestedJsonIsRefusedWithoutRecursion) {
  const std::string body = std::string(20000, '[') + std::string(20000, ']');
  const HttpResponse response =
      client().Send("POST", "/api/v1/session", body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(response.status, 400);
}

TEST_F(ServerTest, HugeBodiesAre413) {
  const std::string body(2 * 1024 * 1024, 'x');
  HttpResponse response =
      client().Send("POST", "/api/v1/session", body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(response.status, 413);
  // Chunked, with no length announced: the limit still holds.
  std::string chunked =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 40; ++i) chunked += "4000\r\n" + std::string(0x4000, 'x') + "\r\n";
  chunked += "0\r\n\r\n";
  const int status = StatusOf(client().SendRaw({chunked}));
  EXPECT_TRUE(status == 413 || status == 0) << status;
}

TEST_F(ServerTest, HeaderFloodsAre431) {
  std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2000; ++i) request += "X-Flood-" + std::to_string(i) + ": yes\r\n";
  request += "\r\n";
  const int status = StatusOf(client().SendRaw({request}));
  EXPECT_TRUE(status == 431 || status == 0) << status;
}

TEST_F(ServerTest, SlowAndIdleClientsDoNotBlockOthers) {
  // Slowloris: many connections dribbling a header; and idle keep-alive connections.
  std::vector<std::thread> slow;
  for (int i = 0; i < 20; ++i) {
    slow.emplace_back([port = server_->port()] {
      std::vector<std::string> chunks = {"GET /healthz HTTP/1.1\r\n"};
      for (int j = 0; j < 30; ++j) chunks.push_back("X-Slow: " + std::to_string(j) + "\r\n");
      (void)HttpClient(port).SendRaw(chunks, std::chrono::milliseconds(1000),
                                     std::chrono::milliseconds(40000));
    });
  }
  std::vector<int> idle;
  for (int i = 0; i < 20; ++i) idle.push_back(client().OpenIdle());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int i = 0; i < 5; ++i) {
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(client().Send("GET", "/healthz").status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  }
  for (const int fd : idle) HttpClient::CloseRaw(fd);
  for (auto& thread : slow) thread.join();  // each is cut off by the request deadline
}

TEST(ServerLifecycle, DrainsOnSigtermAndExitsCleanly) {
  ServerProcess server;
  const int idle = HttpClient(server.port()).OpenIdle();
  EXPECT_EQ(server.Stop(), 0) << server.output();
  HttpClient::CloseRaw(idle);
}

TEST(ServerLifecycle, FirstStartPrintsASetupTokenOnlyWithoutAccounts) {
  ServerProcess fresh(ServerConfig{.demo = false});
  const auto token = fresh.setup_token();
  ASSERT_TRUE(token.has_value()) << fresh.output();
  EXPECT_GE(token->size(), 40U);
  EXPECT_EQ(
      HttpClient(fresh.port()).Send("GET", "/api/v1/setup").Json().value("setup_needed", false),
      true);
  ServerProcess demo;
  EXPECT_FALSE(demo.setup_token().has_value()) << demo.output();
}

}  // namespace
}  // namespace corium::testing
