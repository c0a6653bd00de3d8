// FileBlobStore: the app's BlobStore as files in one directory (the lead passes
// `<data-dir>/photos`), each named by the SHA-256 of its bytes under a two-character fan-out
// folder (`ab/abcdef…`). A file is written to a temporary name, fsynced, renamed into place and its
// folder fsynced, so after a crash a name holds all of its bytes or does not exist. Files are
// never changed or removed. Safe for several threads and processes at once: writers of the same
// name write the same bytes, and rename replaces atomically.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "corium/app/photos.h"

namespace corium::store {

class FileBlobStore final : public app::BlobStore {
 public:
  explicit FileBlobStore(std::filesystem::path directory) : directory_(std::move(directory)) {}

  // kInvalidArgument for a name that is not 64 lower-case hex digits (nothing else may become a
  // path); kUnavailable when the disk refuses.
  Status Put(const std::string& name, std::string_view bytes) override;
  Result<std::string> Get(const std::string& name) override;

  // Where `name` is (or would be) stored.
  std::filesystem::path PathOf(const std::string& name) const;

 private:
  std::filesystem::path directory_;
};

}  // namespace corium::store
