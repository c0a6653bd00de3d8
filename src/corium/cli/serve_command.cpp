// `corium serve`: opens (and on first start creates and migrates) the database, optionally fills
// it with the demo clinic, assembles the OpenAPI document and the router, and serves until
// SIGTERM. Prints the address it listens on (tests read this line) and how to sign in.
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "corium/cli/commands.h"
#include "corium/cli/database_connection.h"
#include "corium/cli/demo_accounts.h"
#include "corium/cli/demo_clinic.h"
#include "corium/cli/kb_locator.h"
#include "corium/cli/outbox_delivery_loop.h"
#include "corium/cli/serve_services.h"
#include "corium/http/openapi.h"
#include "corium/http/pipeline.h"
#include "corium/http/server.h"
#include "corium/security/init.h"
#include "corium/security/password_hasher.h"
#include "corium/security/token_source.h"
#include "corium/store/migrations.h"

namespace corium::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "127.0.0.1:8080", "[::1]:8080" → address and port.
Result<std::pair<std::string, unsigned short>> ParseListen(const std::string& text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Status::InvalidArgument("--listen: expected ADDRESS:PORT, e.g. 127.0.0.1:8080");
  }
  std::string address = text.substr(0, colon);
  if (address.size() > 2 && address.front() == '[' && address.back() == ']') {
    address = address.substr(1, address.size() - 2);
  }
  const std::string port_text = text.substr(colon + 1);
  if (port_text.empty() || port_text.size() > 5 ||
      port_text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port_text) > 65535) {
    return Status::InvalidArgument("--listen: the port must be a number from 0 to 65535");
  }
  return std::make_pair(address, static_cast<unsigned short>(std::stoi(port_text)));
}

// The origins a browser may send writes from: this server's own address, and localhost for a
// loopback address, plus any the operator named (a reverse proxy's public origin).
std::vector<std::string> AllowedOrigins(const ServeOptions& options, const std::string& address,
                                        unsigned short port, bool tls) {
  const std::string scheme = tls ? "https://" : "http://";
  const std::string suffix = ":" + std::to_string(port);
  const bool ipv6 = address.find(':') != std::string::npos;
  std::vector<std::string> origins = {scheme + (ipv6 ? "[" + address + "]" : address) + suffix};
  if (address == "127.0.0.1" || address == "::1") origins.push_back(scheme + "localhost" + suffix);
  origins.insert(origins.end(), options.origins.begin(), options.origins.end());
  return origins;
}

std::string Url(const std::string& address, unsigned short port, bool tls) {
  const bool ipv6 = address.find(':') != std::string::npos;
  return std::string(tls ? "https://" : "http://") + (ipv6 ? "[" + address + "]" : address) + ":" +
         std::to_string(port);
}

// The demo clinic and its sign-ins, printed for the README's first command.
Status PrepareDemo(store::SqlConnection& db, const kb::KnowledgeBase& kb, app::Services& services) {
  CORIUM_ASSIGN_OR_RETURN(const auto existing, FindDemoClinic(db));
  if (!existing) {
    std::cout
        << "The database holds other clinics; --demo adds the demo clinic only to an empty one.\n";
    return Status::Ok();
  }
  app::Id clinic_id = *existing;
  if (clinic_id == 0) {
    std::cout << "Creating the demo clinic (" << kDemoClinicName << ")…\n";
    CORIUM_ASSIGN_OR_RETURN(clinic_id, SeedDemoClinic(db, kb));
  }
  CORIUM_ASSIGN_OR_RETURN(
      const auto sign_ins,
      EnsureDemoAccounts(services.consultation, services.accounts, clinic_id, db));
  std::cout << "Demo sign-in (password for every account: " << kDemoPassword << "):\n";
  for (const DemoSignIn& sign_in : sign_ins) {
    const bool extra_grant = sign_in.admin && sign_in.role != "admin";
    std::cout << "  " << sign_in.email << "  (" << sign_in.role << (extra_grant ? ", admin" : "")
              << ")\n";
  }
  return Status::Ok();
}

int Fail(const Status& status, int code) {
  std::cerr << "corium serve: " << status.ToString() << "\n";
  return code;
}

}  // namespace

int RunServe(const ServeOptions& options) {
  spdlog::set_level(options.verbose ? spdlog::level::debug : spdlog::level::info);
  DbOptions db = options.db;
  if (db.postgres_url.empty() && db.sqlite_path.empty()) {
    db.sqlite_path = (std::filesystem::path(options.data_dir) / "corium.db").string();
  }
  const auto listen = ParseListen(options.listen);
  if (!listen.ok()) return Fail(listen.status(), kUsage);
  if (options.tls_certificate.empty() != options.tls_private_key.empty()) {
    return Fail(Status::InvalidArgument("--tls-cert and --tls-key go together"), kUsage);
  }
  if (!options.tls_certificate.empty()) {
    // Before the database is touched: a certificate or key that cannot serve creates nothing.
    const Status usable =
        http::Server::CheckTlsFiles(options.tls_certificate, options.tls_private_key);
    if (!usable.ok()) return Fail(usable, kUsage);
  }
  if (options.workers < 1 || options.workers > 64) {
    return Fail(Status::InvalidArgument("--workers: from 1 to 64"), kUsage);
  }
  if (options.outbox_interval_seconds < 1 || options.outbox_interval_seconds > 3600) {
    return Fail(Status::InvalidArgument("--outbox-interval: from 1 to 3600 seconds"), kUsage);
  }
  auto sender =
      MakeSender({.spool_dir = (std::filesystem::path(options.data_dir) / "outbox").string(),
                  .smtp = options.smtp});
  if (!sender.ok()) return Fail(sender.status(), kUsage);
  const auto kb_dir = LocateKb(options.kb_dir);
  const auto kb = LoadKbFrom(kb_dir);
  if (!kb.ok()) {
    PrintKbProblems(kb.status(), kb_dir);
    return kUsage;
  }
  const auto openapi = http::OpenApi::Assemble(http::kOpenApiFiles);
  if (!openapi.ok()) return Fail(openapi.status(), kUsage);
  http::ApiRouter router = http::BuildApiRouter(*openapi);
  for (const http::ApiRoute& route : router.routes()) {
    if (!(*openapi)->HasOperation(route.method, route.pattern)) {
      return Fail(Status::Internal(route.method + " " + route.pattern +
                                   " has no operation in the OpenAPI document"),
                  kUsage);
    }
  }
  if (const Status sodium = security::InitSecurity(); !sodium.ok()) return Fail(sodium, kFailed);

  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) {
    return Fail(Status::Unavailable("cannot create " + options.data_dir + ": " + ec.message()),
                kFailed);
  }
  const security::SodiumPasswordHasher hasher(options.fast_password_hashing
                                                  ? security::PasswordHashParams::Minimum()
                                                  : security::PasswordHashParams{});
  if (options.fast_password_hashing) {
    spdlog::warn("--fast-password-hashing: passwords get the weakest hashes; for tests only");
  }
  const security::SodiumTokenSource tokens;
  const SharedServices shared{db, *kb, hasher, tokens, options.data_dir};

  {
    // Start-up work on a connection of its own: schema, demo data, the first-run setup token.
    auto setup_db = ConnectDatabase(db);
    if (!setup_db.ok()) return Fail(setup_db.status(), kFailed);
    if (const auto migrated = store::Migrate(**setup_db, Now()); !migrated.ok()) {
      return Fail(migrated.status(), kFailed);
    }
    auto scope = OpenServiceScope(shared);
    if (!scope.ok()) return Fail(scope.status(), kFailed);
    app::Services& services = (*scope)->services();
    if (options.demo) {
      if (const Status demo = PrepareDemo(**setup_db, *kb, services); !demo.ok()) {
        return Fail(demo, kFailed);
      }
    }
    const auto setup_token = services.accounts.EnsureSetupToken();
    if (!setup_token.ok()) return Fail(setup_token.status(), kFailed);
    if (*setup_token) {
      std::cout << "First start: no account exists yet. Open the address below and complete setup\n"
                << "with this one-time setup token (or run `corium user add --admin`):\n  "
                << **setup_token << "\n";
    }
  }

  std::optional<http::StaticAssets> assets;
  const std::string web_dir =
      !options.web_dir.empty() ? options.web_dir
                               : (std::filesystem::exists("web/dist/index.html") ? "web/dist" : "");
  if (!web_dir.empty()) {
    auto loaded = http::StaticAssets::Load(web_dir);
    if (!loaded.ok()) return Fail(loaded.status(), kUsage);
    assets = std::move(*loaded);
  }

  const std::string address = listen->first;  // not a structured binding: lambdas capture it
  const unsigned short port = listen->second;
  const bool tls = !options.tls_certificate.empty();
  if (!tls && address != "127.0.0.1" && address != "::1") {
    // The session cookie is __Host- and so Secure: browsers keep it over HTTPS, and over plain
    // HTTP only from a loopback address.
    spdlog::warn(
        "listening on {} without TLS: browsers will not keep the sign-in cookie; give --tls-cert "
        "and --tls-key, or serve behind an HTTPS proxy named with --origin",
        address);
  }
  http::ServerOptions server_options;
  server_options.address = address;
  server_options.port = port;
  server_options.workers = options.workers;
  server_options.tls_certificate = options.tls_certificate;
  server_options.tls_private_key = options.tls_private_key;
  // The workers' reads hand their audit entries to one writer, on a connection of its own.
  auto writer_db = ConnectDatabase(db);
  if (!writer_db.ok()) return Fail(writer_db.status(), kFailed);
  store::AuditWriter read_audit(std::move(*writer_db), [&db] { return ConnectDatabase(db); });
  SharedServices serving = shared;
  serving.read_audit = &read_audit;
  http::Server server(server_options, [&serving]() { return OpenServiceScope(serving); });
  const auto bound = server.Listen();
  if (!bound.ok()) return Fail(bound.status(), kFailed);

  http::PipelineOptions pipeline_options;
  pipeline_options.allowed_origins = AllowedOrigins(options, address, *bound, tls);
  pipeline_options.assets = assets ? &*assets : nullptr;
  const http::Pipeline pipeline(std::move(router), *openapi, pipeline_options);
  // Reminders and check-ins due are delivered while the server runs, and the loop stops with it.
  const OutboxDeliveryLoop outbox(db, std::move(*sender), options.outbox_interval_seconds);
  const Status ran = server.Run(pipeline, [&] {
    std::cout << "Corium is listening on " << Url(address, *bound, tls) << "\n"
              << "  database: " << (db.postgres_url.empty() ? db.sqlite_path : "PostgreSQL") << "\n"
              << "  web app: " << (assets ? web_dir : "not built (API only)") << "\n"
              << "Stop with Ctrl-C (or SIGTERM); requests in flight finish first." << std::endl;
  });
  if (!ran.ok()) return Fail(ran, kFailed);
  return kOk;
}

}  // namespace corium::cli
