// The composition root of `corium serve`: one worker thread's services — its own database
// connection, the repositories over it, a clock in the clinic's zone and the use cases — built
// from what all workers share (the knowledge base, the password hasher, the token source).
#pragma once

#include <memory>
#include <string>

#include "corium/app/services.h"
#include "corium/cli/commands.h"
#include "corium/store/records/audit_writer.h"

namespace corium::cli {

// What every worker shares; owned by the serve command and outliving the server.
struct SharedServices {
  DbOptions db;
  const kb::KnowledgeBase& kb;
  const app::PasswordHasher& hasher;
  const app::TokenSource& tokens;
  std::string data_dir;  // photos and other files live under it
  // Writes the audit entries of the workers' reads, in groups (one per process). Without it, each
  // read writes its own entries before it returns, as the start-up work does.
  store::AuditWriter* read_audit = nullptr;
};

// Opens a connection and builds one thread's scope over it.
Result<std::unique_ptr<app::ServiceScope>> OpenServiceScope(const SharedServices& shared);

}  // namespace corium::cli
