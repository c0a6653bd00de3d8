// Photographs on both engines with a real blob directory: stored without their EXIF under their
// SHA-256, only with the client's photo consent, uploaded twice without a second copy, read back
// checked against the digest, and every upload and download audited; a refusal writes nothing.
#include "corium/app/photos.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "corium/store/records/file_blob_store.h"
#include "corium/store/records/sql_photos.h"
#include "corium/store/sqlite/test_directory.h"
#include "records/inventory_fixture.h"
#include "support/test_images.h"

namespace corium::testing {
namespace {

namespace fs = std::filesystem;

class PhotosTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    directory_ = std::make_unique<store::TestDirectory>();
    blobs_ = std::make_unique<store::FileBlobStore>(fs::path(directory_->File("photos")));
    records_ = std::make_unique<store::SqlPhotoRepository>(db());
    photos_ = std::make_unique<app::Photos>(*work_, *records_, *blobs_, *audit_, clock_);
    // A consent that covers photographs, and a session under it.
    consent_ = Insert(
        "INSERT INTO consents (clinic_id, client_id, plan_id, text_version, text_digest,"
        " items_json, signature, signer_name, photo_consent, witnessed_by, signed_at)"
        " VALUES ($1, $2, $3, '1', 'sha256:y', '[]', 'sig', 'Signer', 1, $4, 2)",
        {a_.clinic, a_.client, a_.plan, a_.staff});
    const app::Id lot = NewLot(a_, "L1");
    session_ = Insert(
        "INSERT INTO sessions (clinic_id, client_id, plan_id, consent_id, screening_id,"
        " practitioner_id, device_id, cartridge_id, performed_on, checklist_json, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2026-11-20', '{}', 1)",
        {a_.clinic, a_.client, a_.plan, consent_, a_.screening, a_.staff, a_.device,
         NewCartridge(a_, lot, "U1")});
    unconsented_session_ = NewSession(a_, a_.client, NewCartridge(a_, lot, "U2"), "2026-11-20");
  }

  std::int64_t Photos() { return Scalar("SELECT COUNT(*) FROM photos"); }
  std::int64_t Files() {
    if (!fs::exists(directory_->File("photos"))) return 0;
    std::int64_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(directory_->File("photos"))) {
      files += entry.is_regular_file() ? 1 : 0;
    }
    return files;
  }
  // Expects a refusal of `code` that wrote no row, no file and no audit entry.
  void ExpectRefused(const Result<app::PhotoUpload>& upload, StatusCode code) {
    ASSERT_FALSE(upload.ok());
    EXPECT_EQ(upload.status().code(), code) << upload.status().ToString();
  }

  std::unique_ptr<store::TestDirectory> directory_;
  std::unique_ptr<store::FileBlobStore> blobs_;
  std::unique_ptr<store::SqlPhotoRepository> records_;
  std::unique_ptr<app::Photos> photos_;
  app::Id consent_ = 0, session_ = 0, unconsented_session_ = 0;
};

TEST_P(PhotosTest, AnUploadIsStoredWithoutExifUnderItsDigestAndAuditedOnce) {
  const std::int64_t audit = AuditCount();
  const auto upload = photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kBefore,
                                               TinyJpeg(/*with_gps_exif=*/true));
  ASSERT_TRUE(upload.ok()) << upload.status().ToString();
  EXPECT_TRUE(upload->created);
  const app::PhotoView& photo = upload->photo;
  EXPECT_EQ(photo.client_id, a_.client);
  EXPECT_EQ(photo.session_id, session_);
  EXPECT_EQ(photo.media_type, "image/jpeg");
  EXPECT_EQ(photo.sha256, app::Sha256Hex(TinyJpeg(false)));
  EXPECT_EQ(photo.byte_count, static_cast<std::int64_t>(TinyJpeg(false).size()));
  EXPECT_EQ(photo.uploaded_by, a_.staff);

  std::string stored;
  // stdio: istreambuf_iterator trips g++ 12's -Wnull-dereference at -O2 (<streambuf>).
  if (std::FILE* file = std::fopen(blobs_->PathOf(photo.sha256).c_str(), "rb")) {
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) stored.append(buffer, n);
    std::fclose(file);
  }
  EXPECT_EQ(stored, TinyJpeg(false));
  EXPECT_EQ(stored.find("GPS"), std::string::npos);
  EXPECT_EQ(Text("SELECT sha256 FROM photos WHERE id = $1", {photo.id}), photo.sha256);
  EXPECT_EQ(AuditCount(), audit + 1);
  EXPECT_EQ(Text("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"), "create");
}

TEST_P(PhotosTest, TheSameImageUploadedAgainIsNotStoredTwice) {
  const auto first =
      photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kAfter, TinyJpeg(true));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  // The same pixels with or without EXIF are the same stored image.
  const auto again =
      photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kAfter, TinyJpeg(false));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->photo.id, first->photo.id);
  EXPECT_EQ(Photos(), 1);
  // As another kind it is another photograph of the session, over the same file.
  const auto before =
      photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kBefore, TinyJpeg(false));
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->created);
  EXPECT_EQ(Photos(), 2);
  EXPECT_EQ(Files(), 1);
}

TEST_P(PhotosTest, RefusalsWriteNoRowNoFileAndNoAuditEntry) {
  const std::int64_t audit = AuditCount();
  ExpectRefused(photos_->AddSessionPhoto(a_.actor, unconsented_session_, app::PhotoKind::kBefore,
                                         TinyJpeg(true)),
                StatusCode::kConflict);
  ExpectRefused(photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kBefore,
                                         "GIF89a not a photograph"),
                StatusCode::kInvalidArgument);
  ExpectRefused(photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kBefore, ""),
                StatusCode::kInvalidArgument);
  ExpectRefused(
      photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kBaseline, TinyJpeg(true)),
      StatusCode::kInvalidArgument);
  ExpectRefused(
      photos_->AddClientPhoto(a_.actor, a_.client, app::PhotoKind::kAfter, TinyJpeg(true)),
      StatusCode::kInvalidArgument);
  ExpectRefused(
      photos_->AddSessionPhoto(b_.actor, session_, app::PhotoKind::kBefore, TinyJpeg(true)),
      StatusCode::kNotFound);
  ExpectRefused(
      photos_->AddClientPhoto(b_.actor, a_.client, app::PhotoKind::kBaseline, TinyJpeg(true)),
      StatusCode::kNotFound);
  // The other clinic's client never consented to photographs.
  ExpectRefused(
      photos_->AddClientPhoto(b_.actor, b_.client, app::PhotoKind::kBaseline, TinyJpeg(true)),
      StatusCode::kConflict);
  EXPECT_EQ(Photos(), 0);
  EXPECT_EQ(Files(), 0);
  EXPECT_EQ(AuditCount(), audit);
}

TEST_P(PhotosTest, APhotoIsReadBackCheckedAndAuditedAndOnlyByItsClinic) {
  const auto upload =
      photos_->AddClientPhoto(a_.actor, a_.client, app::PhotoKind::kBaseline, TinyJpeg(true));
  ASSERT_TRUE(upload.ok()) << upload.status().ToString();
  EXPECT_FALSE(upload->photo.session_id.has_value());
  const std::int64_t audit = AuditCount();
  const auto read = photos_->Read(a_.actor, upload->photo.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->bytes, TinyJpeg(false));
  EXPECT_EQ(read->photo.kind, app::PhotoKind::kBaseline);
  EXPECT_EQ(AuditCount(), audit + 1);

  for (const auto& status : {photos_->Read(b_.actor, upload->photo.id).status(),
                             photos_->Read(a_.actor, 999999).status()}) {
    EXPECT_EQ(status.code(), StatusCode::kNotFound);
    EXPECT_EQ(status.message(), "photo not found");
  }
  EXPECT_EQ(AuditCount(), audit + 1);

  // A file changed behind the database's back is never served as the photograph.
  std::ofstream(blobs_->PathOf(upload->photo.sha256), std::ios::binary | std::ios::trunc)
      << "tampered";
  EXPECT_EQ(photos_->Read(a_.actor, upload->photo.id).status().code(), StatusCode::kInternal);
}

TEST_P(PhotosTest, PhotosAreListedBySessionAndByClient) {
  ASSERT_TRUE(
      photos_->AddSessionPhoto(a_.actor, session_, app::PhotoKind::kBefore, TinyJpeg(true)).ok());
  ASSERT_TRUE(
      photos_->AddClientPhoto(a_.actor, a_.client, app::PhotoKind::kFollowUp, TinyJpeg(false))
          .ok());
  const auto of_session = photos_->SessionPhotos(a_.actor, session_, {});
  ASSERT_TRUE(of_session.ok()) << of_session.status().ToString();
  EXPECT_EQ(of_session->total, 1);
  const auto of_client = photos_->ClientPhotos(a_.actor, a_.client, {});
  ASSERT_TRUE(of_client.ok());
  EXPECT_EQ(of_client->total, 2);
  EXPECT_EQ(photos_->SessionPhotos(b_.actor, session_, {}).status().message(), "session not found");
  EXPECT_EQ(photos_->ClientPhotos(b_.actor, a_.client, {}).status().message(), "client not found");
}

INSTANTIATE_TEST_SUITE_P(Engines, PhotosTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
