#include "corium/store/records/file_blob_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace corium::store {
namespace {

namespace fs = std::filesystem;

// Photos are clinical records: readable by the server's user alone.
constexpr mode_t kFileMode = 0600;
constexpr mode_t kDirectoryMode = 0700;

bool IsDigestName(const std::string& name) {
  return name.size() == 64 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Status DiskError(const std::string& what, const fs::path& path, int error) {
  return Status::Unavailable(what + " " + path.string() + ": " + std::strerror(error));
}

// Closes a descriptor on every path out of a scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting the error a deferred write may surface only here.
  int Close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

// Makes a rename or a new directory entry in `directory` durable.
Status SyncDirectory(const fs::path& directory) {
  Descriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return DiskError("cannot open", directory, errno);
  if (::fsync(dir.get()) != 0) return DiskError("cannot sync", directory, errno);
  return Status::Ok();
}

// Creates `directory` (and its missing parents) durably.
Status EnsureDirectory(const fs::path& directory) {
  struct stat info {};
  if (::stat(directory.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) return Status::Ok();
    return Status::Unavailable(directory.string() + " is not a directory");
  }
  const fs::path parent = directory.parent_path();
  if (!parent.empty() && parent != directory) CORIUM_RETURN_IF_ERROR(EnsureDirectory(parent));
  if (::mkdir(directory.c_str(), kDirectoryMode) != 0 && errno != EEXIST) {
    return DiskError("cannot create", directory, errno);
  }
  return SyncDirectory(parent.empty() ? fs::path(".") : parent);
}

Status WriteAll(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return DiskError("cannot write", path, errno);
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return Status::Ok();
}

// A temporary name no other writer (thread or process) uses at the same time.
fs::path TemporaryPath(const fs::path& final_path) {
  static std::atomic<unsigned long> counter{0};
  return final_path.parent_path() /
         ("." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
          std::to_string(counter.fetch_add(1)));
}

Status WriteDurably(const fs::path& temporary, const fs::path& final_path, std::string_view bytes) {
  Descriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode));
  if (file.get() < 0) return DiskError("cannot create", temporary, errno);
  CORIUM_RETURN_IF_ERROR(WriteAll(file.get(), bytes, temporary));
  if (::fsync(file.get()) != 0) return DiskError("cannot sync", temporary, errno);
  if (file.Close() != 0) return DiskError("cannot close", temporary, errno);
  if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
    return DiskError("cannot rename", temporary, errno);
  }
  return SyncDirectory(final_path.parent_path());
}

}  // namespace

fs::path FileBlobStore::PathOf(const std::string& name) const {
  return directory_ / name.substr(0, 2) / name;
}

Status FileBlobStore::Put(const std::string& name, std::string_view bytes) {
  if (!IsDigestName(name)) return Status::InvalidArgument("not a SHA-256 hex digest: " + name);
  const fs::path path = PathOf(name);
  struct stat info {};
  // Content-addressed: a name that exists already holds these very bytes.
  if (::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode)) return Status::Ok();
  CORIUM_RETURN_IF_ERROR(EnsureDirectory(path.parent_path()));
  const fs::path temporary = TemporaryPath(path);
  Status written = WriteDurably(temporary, path, bytes);
  if (!written.ok()) ::unlink(temporary.c_str());
  return written;
}

Result<std::string> FileBlobStore::Get(const std::string& name) {
  if (!IsDigestName(name)) return Status::NotFound("no blob named " + name);
  const fs::path path = PathOf(name);
  Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    if (errno == ENOENT) return Status::NotFound("no blob named " + name);
    return DiskError("cannot open", path, errno);
  }
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return DiskError("cannot stat", path, errno);
  std::string bytes(static_cast<size_t>(info.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t got = ::read(file.get(), bytes.data() + done, bytes.size() - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      return DiskError("cannot read", path, errno);
    }
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  bytes.resize(done);
  return bytes;
}

}  // namespace corium::store
