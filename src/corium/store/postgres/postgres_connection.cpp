#include "corium/store/postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>

namespace corium::store {
namespace {

using ResultPtr = PostgresConnection::ResultPtr;

// Type OIDs from pg_type.h (catalog/pg_type_d.h is a server header, not shipped with libpq-dev).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

// The wire protocol counts parameters in 16 bits.
constexpr size_t kMaxParams = 65535;

// libpq messages end with a newline and may span lines or hold tabs; a log line wants one line.
std::string OneLine(const char* text) {
  std::string line;
  bool pending_space = false;
  for (const char* c = text != nullptr ? text : ""; *c != '\0'; ++c) {
    if (*c == '\n' || *c == '\t' || *c == '\r' || *c == ' ') {
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line.push_back(' ');
    pending_space = false;
    line.push_back(*c);
  }
  return line;
}

// Doubles go out in the shortest text that reads back to the same bits. std::to_chars rather than
// "%.17g": it is exact without trailing noise (0.1, not 0.10000000000000001) and ignores the C
// locale, whose decimal comma would make PostgreSQL reject the number.
std::string DoubleText(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  std::array<char, 32> buffer{};
  const std::to_chars_result written =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), written.ptr);
}

// Text for each parameter, with a null pointer for NULL (libpq's convention).
struct EncodedParams {
  std::vector<std::string> texts;
  std::vector<const char*> pointers;
};

EncodedParams EncodeParams(const std::vector<SqlValue>& params) {
  EncodedParams encoded;
  encoded.texts.reserve(params.size());
  for (const SqlValue& param : params) {
    std::visit(
        [&encoded](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::int64_t>) {
            encoded.texts.push_back(std::to_string(value));
          } else if constexpr (std::is_same_v<T, double>) {
            encoded.texts.push_back(DoubleText(value));
          } else if constexpr (std::is_same_v<T, std::string>) {
            encoded.texts.push_back(value);
          } else {
            encoded.texts.emplace_back();
          }
        },
        param);
  }
  // Pointers are taken after every push_back, so no reallocation can move the strings under them.
  encoded.pointers.reserve(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    encoded.pointers.push_back(
        std::holds_alternative<std::monostate>(params[i]) ? nullptr : encoded.texts[i].c_str());
  }
  return encoded;
}

// The Status for a failed command: the code from its SQLSTATE, and a one-line message with the
// primary text, the constraint, and the SQLSTATE. The DETAIL field is left out on purpose: for
// integrity violations it quotes the row ("Key (email)=(…)", "Failing row contains (…)"), which
// is client data and must not reach the logs.
Status ErrorStatus(PGconn* conn, const PGresult* result) {
  if (PQstatus(conn) == CONNECTION_BAD) {
    return Status::Unavailable("PostgreSQL connection lost: " + OneLine(PQerrorMessage(conn)));
  }
  if (result == nullptr) {
    return Status::Unavailable("PostgreSQL command not sent: " + OneLine(PQerrorMessage(conn)));
  }
  const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
  std::string message =
      primary != nullptr ? OneLine(primary) : OneLine(PQresultErrorMessage(result));
  // Most primary messages already name the constraint; say it once.
  if (constraint != nullptr && message.find(constraint) == std::string::npos) {
    message += std::string(" (constraint ") + constraint + ")";
  }
  if (sqlstate != nullptr) message += std::string(" [SQLSTATE ") + sqlstate + "]";
  return {StatusCodeForSqlState(sqlstate != nullptr ? sqlstate : ""), std::move(message)};
}

// Checks that a command succeeded; COPY and the other streaming states are not used by Corium.
Status CheckResult(PGconn* conn, const PGresult* result) {
  if (result == nullptr) return ErrorStatus(conn, result);
  switch (PQresultStatus(result)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
      return Status::Ok();
    case PGRES_FATAL_ERROR:
    case PGRES_NONFATAL_ERROR:
    case PGRES_BAD_RESPONSE:
      return ErrorStatus(conn, result);
    default:
      return Status::Internal(std::string("unexpected PostgreSQL result status ") +
                              PQresStatus(PQresultStatus(result)));
  }
}

template <typename T>
Result<T> ParseNumber(std::string_view text, Oid type) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Status::Internal("cannot read PostgreSQL value '" + std::string(text) + "' of type " +
                            std::to_string(type));
  }
  return value;
}

Result<SqlValue> ConvertValue(const PGresult* result, int row, int column, Oid type) {
  if (PQgetisnull(result, row, column) != 0) return SqlValue(std::monostate{});
  const std::string_view text(PQgetvalue(result, row, column),
                              static_cast<size_t>(PQgetlength(result, row, column)));
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      CORIUM_ASSIGN_OR_RETURN(const std::int64_t value, ParseNumber<std::int64_t>(text, type));
      return SqlValue(value);
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      // std::from_chars reads PostgreSQL's "NaN", "Infinity" and "-Infinity" as well.
      CORIUM_ASSIGN_OR_RETURN(const double value, ParseNumber<double>(text, type));
      return SqlValue(value);
    }
    case kBoolOid:
      return SqlValue(std::int64_t{text == "t" ? 1 : 0});
    default:
      return SqlValue(std::string(text));
  }
}

Result<std::vector<SqlRow>> ConvertRows(const PGresult* result) {
  const int row_count = PQntuples(result);
  const int column_count = PQnfields(result);
  std::vector<Oid> types;
  types.reserve(static_cast<size_t>(column_count));
  for (int column = 0; column < column_count; ++column) types.push_back(PQftype(result, column));

  std::vector<SqlRow> rows(static_cast<size_t>(row_count));
  for (int row = 0; row < row_count; ++row) {
    SqlRow& out = rows[static_cast<size_t>(row)];
    out.values.reserve(types.size());
    for (int column = 0; column < column_count; ++column) {
      CORIUM_ASSIGN_OR_RETURN(
          SqlValue value, ConvertValue(result, row, column, types[static_cast<size_t>(column)]));
      out.values.push_back(std::move(value));
    }
  }
  return rows;
}

// Whether a prepared statement was refused because the columns it returns changed since it was
// prepared (a table dropped and created again, a column altered): PostgreSQL re-plans a prepared
// statement by itself but refuses to change its result type ("cached plan must not change result
// type", SQLSTATE 0A000, the only feature_not_supported error that appears when executing a
// statement that prepared). The message may be translated, so only the SQLSTATE is checked.
bool HasResultTypeChanged(const PGresult* result) {
  if (result == nullptr || PQresultStatus(result) != PGRES_FATAL_ERROR) return false;
  const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  return sqlstate != nullptr && std::string_view(sqlstate) == "0A000";
}

// libpq prints server notices (WARNING, NOTICE) to stderr by default, where they would interleave
// with request logs. The ones that matter are turned into a Status by the checks in this file;
// the rest ("drop cascades to …") are noise.
void IgnoreNotice(void* /*arg*/, const char* /*message*/) {}

}  // namespace

StatusCode StatusCodeForSqlState(std::string_view sqlstate) {
  if (sqlstate == "23505") return StatusCode::kAlreadyExists;  // unique_violation
  if (sqlstate == "23502" ||                                   // not_null_violation
      sqlstate == "23503" ||                                   // foreign_key_violation
      sqlstate == "23514" ||                                   // check_violation
      sqlstate == "23P01" ||                                   // exclusion_violation
      sqlstate.starts_with("22")) {  // data exception: bad number, value too long, division by 0…
    return StatusCode::kInvalidArgument;
  }
  if (sqlstate == "40001" ||         // serialization_failure
      sqlstate == "40P01" ||         // deadlock_detected
      sqlstate == "55P03" ||         // lock_not_available (NOWAIT, lock_timeout)
      sqlstate == "57P01" ||         // admin_shutdown: the server is stopping or ended this session
      sqlstate == "57P02" ||         // crash_shutdown
      sqlstate == "57P03" ||         // cannot_connect_now: the server is starting up
      sqlstate.starts_with("08")) {  // connection exception
    return StatusCode::kUnavailable;
  }
  return StatusCode::kInternal;
}

void PostgresConnection::ConnDeleter::operator()(pg_conn* conn) const { PQfinish(conn); }
void PostgresConnection::ResultDeleter::operator()(pg_result* result) const { PQclear(result); }

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(const std::string& conninfo) {
  ConnPtr conn(PQconnectdb(conninfo.c_str()));
  if (conn == nullptr) return Status::Unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return Status::Unavailable("cannot connect to PostgreSQL: " +
                               OneLine(PQerrorMessage(conn.get())));
  }
  PQsetNoticeProcessor(conn.get(), IgnoreNotice, nullptr);
  if (PQsetClientEncoding(conn.get(), "UTF8") != 0) {
    return Status::Unavailable("cannot set PostgreSQL client_encoding to UTF8: " +
                               OneLine(PQerrorMessage(conn.get())));
  }
  // Set explicitly rather than trusting the server's defaults: instants are stored as integers,
  // but now() and date arithmetic must not follow a server's local zone; and an acknowledged
  // clinical write must be flushed to disk (architecture.md, "Data and safety rules"), even if an
  // operator turned synchronous_commit off for the database or role.
  const ResultPtr settings(PQexec(conn.get(), "SET TimeZone = 'UTC'; SET synchronous_commit = on"));
  if (Status status = CheckResult(conn.get(), settings.get()); !status.ok()) {
    return Status::Unavailable("cannot configure the PostgreSQL session: " + status.message());
  }
  return std::unique_ptr<PostgresConnection>(new PostgresConnection(std::move(conn)));
}

bool PostgresConnection::lost() const { return PQstatus(conn_.get()) == CONNECTION_BAD; }

PostgresConnection::~PostgresConnection() = default;

Status PostgresConnection::RunControl(const char* sql, std::string_view expected_tag) {
  const ResultPtr result(PQexec(conn_.get(), sql));
  CORIUM_RETURN_IF_ERROR(CheckResult(conn_.get(), result.get()));
  const std::string_view tag = PQcmdStatus(result.get());
  if (tag != expected_tag) {
    return Status::Internal(std::string(sql) + " ended as " + std::string(tag) +
                            ": an earlier statement in the transaction failed");
  }
  return Status::Ok();
}

Status PostgresConnection::Begin(TransactionKind /*kind*/) {
  // Both kinds are a plain BEGIN, READ COMMITTED (sql.h): invariants are held by constraints and by
  // optimistic `version` checks, not by the isolation level. A read is not READ ONLY either,
  // because reading a client's record writes its audit entry in the same transaction.
  switch (PQtransactionStatus(conn_.get())) {
    case PQTRANS_IDLE:
      return RunControl("BEGIN", "BEGIN");
    case PQTRANS_UNKNOWN:
      return ErrorStatus(conn_.get(), nullptr);
    default:
      // PostgreSQL would only warn; SQLite refuses, and so do we, so a nesting bug shows on both.
      return Status::Internal("BEGIN inside a transaction");
  }
}

Status PostgresConnection::Commit() {
  switch (PQtransactionStatus(conn_.get())) {
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      return RunControl("COMMIT", "COMMIT");
    case PQTRANS_UNKNOWN:
      return ErrorStatus(conn_.get(), nullptr);
    default:
      return Status::Internal("COMMIT without a transaction");
  }
}

Status PostgresConnection::Rollback() {
  switch (PQtransactionStatus(conn_.get())) {
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      return RunControl("ROLLBACK", "ROLLBACK");
    case PQTRANS_UNKNOWN:
      return ErrorStatus(conn_.get(), nullptr);
    default:
      return Status::Internal("ROLLBACK without a transaction");
  }
}

Result<const char*> PostgresConnection::PreparedName(std::string_view sql) {
  if (auto cached = statements_.find(sql); cached != statements_.end()) {
    return cached->second.c_str();
  }
  // Names are per session and never reused, even after ForgetStatement.
  std::string name = "corium_" + std::to_string(++statements_prepared_);
  std::string statement(sql);  // libpq wants a NUL-terminated string.
  const ResultPtr prepared(PQprepare(conn_.get(), name.c_str(), statement.c_str(),
                                     /*nParams=*/0, /*paramTypes=*/nullptr));
  CORIUM_RETURN_IF_ERROR(CheckResult(conn_.get(), prepared.get()));
  const auto added = statements_.emplace(std::move(statement), std::move(name));
  return added.first->second.c_str();
}

Result<PostgresConnection::ResultPtr> PostgresConnection::Run(std::string_view sql,
                                                              const std::vector<SqlValue>& params) {
  if (params.size() > kMaxParams) {
    return Status::InvalidArgument("too many SQL parameters: " + std::to_string(params.size()));
  }
  const EncodedParams encoded = EncodeParams(params);
  const auto execute = [&]() -> Result<ResultPtr> {
    CORIUM_ASSIGN_OR_RETURN(const char* name, PreparedName(sql));
    return ResultPtr(PQexecPrepared(conn_.get(), name, static_cast<int>(params.size()),
                                    encoded.pointers.data(), /*paramLengths=*/nullptr,
                                    /*paramFormats=*/nullptr, /*resultFormat=*/0));
  };
  CORIUM_ASSIGN_OR_RETURN(ResultPtr result, execute());
  if (HasResultTypeChanged(result.get())) {
    // The server keeps the old statement; the next call prepares a new one under a new name. In an
    // open transaction the error has aborted it, so the caller sees the error (and may retry the
    // transaction); outside one nothing ran, so the statement runs again at once.
    statements_.erase(statements_.find(sql));
    if (PQtransactionStatus(conn_.get()) == PQTRANS_IDLE) {
      CORIUM_ASSIGN_OR_RETURN(result, execute());
    }
  }
  CORIUM_RETURN_IF_ERROR(CheckResult(conn_.get(), result.get()));
  return result;
}

Result<std::vector<SqlRow>> PostgresConnection::Query(std::string_view sql,
                                                      const std::vector<SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const ResultPtr result, Run(sql, params));
  return ConvertRows(result.get());
}

Result<std::int64_t> PostgresConnection::Execute(std::string_view sql,
                                                 const std::vector<SqlValue>& params) {
  CORIUM_ASSIGN_OR_RETURN(const ResultPtr result, Run(sql, params));
  // Empty for statements that change no rows by nature (CREATE TABLE, SET).
  const std::string_view count = PQcmdTuples(result.get());
  if (count.empty()) return std::int64_t{0};
  return ParseNumber<std::int64_t>(count, 0);
}

Status PostgresConnection::ExecuteScript(std::string_view sql) {
  const std::string script(sql);
  const ResultPtr result(PQexec(conn_.get(), script.c_str()));
  return CheckResult(conn_.get(), result.get());
}

}  // namespace corium::store
