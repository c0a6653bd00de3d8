// FileBlobStore on a real temporary directory: content-addressed files written whole, readable by
// the server's user alone, never overwritten, and no name that could escape the directory.
#include "corium/store/records/file_blob_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <cstdio>
#include <string>
#include <vector>

#include "corium/app/photo_image.h"
#include "corium/store/sqlite/test_directory.h"

namespace corium::store {
namespace {

namespace fs = std::filesystem;

class FileBlobStoreTest : public ::testing::Test {
 protected:
  fs::path Root() const { return fs::path(directory_.File("data")) / "photos"; }
  TestDirectory directory_;
};

std::string Contents(const fs::path& path) {
  // stdio rather than istreambuf_iterator: g++ 12 at -O2 reports a false null dereference in
  // <streambuf> for the iterator version.
  std::string bytes;
  if (std::FILE* file = std::fopen(path.c_str(), "rb")) {
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, n);
    std::fclose(file);
  }
  return bytes;
}

TEST_F(FileBlobStoreTest, StoresBytesUnderTheirDigestAndReadsThemBack) {
  FileBlobStore blobs(Root());
  const std::string bytes("\xFF\xD8\xFF\xE0 a photograph \0 with a NUL", 30);
  const std::string name = app::Sha256Hex(bytes);
  ASSERT_TRUE(blobs.Put(name, bytes).ok());

  const fs::path path = Root() / name.substr(0, 2) / name;
  EXPECT_EQ(blobs.PathOf(name), path);
  EXPECT_EQ(Contents(path), bytes);
  const auto read = blobs.Get(name);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, bytes);

  // Photographs are clinical records: neither group nor others may read them or list them.
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700U);
}

TEST_F(FileBlobStoreTest, LeavesNoTemporaryFilesBehind) {
  FileBlobStore blobs(Root());
  for (int i = 0; i < 5; ++i) {
    const std::string bytes = "image " + std::to_string(i);
    ASSERT_TRUE(blobs.Put(app::Sha256Hex(bytes), bytes).ok());
  }
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(Root())) {
    if (!entry.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(files, 5);
}

TEST_F(FileBlobStoreTest, StoringANameAgainChangesNothing) {
  FileBlobStore blobs(Root());
  const std::string bytes = "the same image";
  const std::string name = app::Sha256Hex(bytes);
  ASSERT_TRUE(blobs.Put(name, bytes).ok());
  const auto written = fs::last_write_time(blobs.PathOf(name));
  ASSERT_TRUE(blobs.Put(name, bytes).ok());
  EXPECT_EQ(fs::last_write_time(blobs.PathOf(name)), written);
  EXPECT_EQ(*blobs.Get(name), bytes);
}

TEST_F(FileBlobStoreTest, AMissingNameIsNotFound) {
  FileBlobStore blobs(Root());
  const auto read = blobs.Get(app::Sha256Hex("never stored"));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kNotFound);
}

TEST_F(FileBlobStoreTest, NamesThatAreNotDigestsNeverBecomePaths) {
  FileBlobStore blobs(Root());
  const std::vector<std::string> names = {
      "../../etc/passwd",  "", "ABCDEF", std::string(64, 'g'), std::string(63, 'a') + "/",
      std::string(64, 'A')};
  for (const std::string& name : names) {
    EXPECT_EQ(blobs.Put(name, "x").code(), StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(blobs.Get(name).status().code(), StatusCode::kNotFound) << name;
  }
  EXPECT_FALSE(fs::exists(Root()));
}

TEST_F(FileBlobStoreTest, AnUnwritableDirectoryIsUnavailableNotACrash) {
  const fs::path blocked = fs::path(directory_.File("blocked"));
  if (std::FILE* file = std::fopen(blocked.c_str(), "wb")) {
    std::fputs("a file where the directory should be", file);
    std::fclose(file);
  }
  FileBlobStore blobs(blocked / "photos");
  const std::string bytes = "image";
  EXPECT_EQ(blobs.Put(app::Sha256Hex(bytes), bytes).code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace corium::store
