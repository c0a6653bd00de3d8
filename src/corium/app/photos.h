// Photos: clinical photographs of a client, taken before and after a session or as a baseline and
// follow-ups for outcome assessment. The image is stored without its metadata (photo_image.h) as a
// file named by its SHA-256 in a BlobStore, with its metadata in the database; it is taken only
// with the client's photo consent, and every upload, listing and download is audited. Not
// thread-safe: one instance per connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clock.h"
#include "corium/app/listing.h"
#include "corium/app/photo_image.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"

namespace corium::app {

// A session's photographs are `before` and `after`; a course's outcome photographs (outside any
// session) are a `baseline` and `follow_up`s.
enum class PhotoKind { kBaseline, kBefore, kAfter, kFollowUp };
std::string_view PhotoKindName(PhotoKind kind);
std::optional<PhotoKind> ParsePhotoKind(std::string_view text);

// Where photographs' bytes live: content-addressed files, written durably before their metadata
// row is committed, so a stored row always has its file (an orphan file after a crash is harmless).
class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Stores `bytes` under `name`, a lower-case SHA-256 hex digest of them; storing a name that
  // already exists changes nothing. Durable on return.
  virtual Status Put(const std::string& name, std::string_view bytes) = 0;
  // kNotFound when nothing is stored under `name`.
  virtual Result<std::string> Get(const std::string& name) = 0;
};

struct PhotoView {
  Id id = 0;
  Id client_id = 0;
  std::optional<Id> session_id;
  std::string sha256;
  std::string media_type;  // image/jpeg | image/png, from the bytes
  std::int64_t byte_count = 0;
  PhotoKind kind = PhotoKind::kBefore;
  std::int64_t taken_at = 0;  // when it was uploaded
  Id uploaded_by = 0;
};

// Whose photograph it is and whether they agreed to photographs.
struct PhotoSubject {
  Id client_id = 0;
  bool photo_consent = false;
};

// Storage for photo metadata, owned by the app layer; scoped by clinic.
class PhotoRepository {
 public:
  virtual ~PhotoRepository() = default;
  // The session's client and its consent's photo flag; kNotFound ("session not found").
  virtual Result<PhotoSubject> SessionSubject(Id clinic_id, Id session_id) = 0;
  // The client and the photo flag of their latest consent (false without one); kNotFound
  // ("client not found").
  virtual Result<PhotoSubject> ClientSubject(Id clinic_id, Id client_id) = 0;
  // The same image already stored for the same client, session and kind, if any.
  virtual Result<std::optional<PhotoView>> FindSame(Id clinic_id, const PhotoView& photo) = 0;
  // Stores `photo` (its id ignored) and answers its id.
  virtual Result<Id> Insert(Id clinic_id, const PhotoView& photo) = 0;
  // kNotFound ("photo not found").
  virtual Result<PhotoView> Find(Id clinic_id, Id photo_id) = 0;
  // Oldest first; `session_id` nullopt for every photo of the client.
  virtual Result<Listing<PhotoView>> List(Id clinic_id, Id client_id, std::optional<Id> session_id,
                                          PageRequest page) = 0;
};

struct PhotoUpload {
  PhotoView photo;
  bool created = false;  // false: the very same image was already stored, nothing changed
};

struct PhotoContent {
  PhotoView photo;
  std::string bytes;
};

class Photos {
 public:
  Photos(UnitOfWork& work, PhotoRepository& records, BlobStore& blobs, AuditLog& audit,
         const Clock& clock)
      : work_(work), records_(records), blobs_(blobs), audit_(audit), clock_(clock) {}

  // A `before` or `after` photograph of a session (kinds are checked; field "kind").
  Result<PhotoUpload> AddSessionPhoto(const Actor& actor, Id session_id, PhotoKind kind,
                                      std::string_view bytes);
  // A `baseline` or `follow_up` photograph of a client's course.
  Result<PhotoUpload> AddClientPhoto(const Actor& actor, Id client_id, PhotoKind kind,
                                     std::string_view bytes);
  // The photograph's bytes, checked against their digest.
  Result<PhotoContent> Read(const Actor& actor, Id photo_id);
  Result<Listing<PhotoView>> SessionPhotos(const Actor& actor, Id session_id, PageRequest page);
  Result<Listing<PhotoView>> ClientPhotos(const Actor& actor, Id client_id, PageRequest page);

 private:
  struct Prepared {
    ImageType type;
    std::string bytes;
  };
  static Result<Prepared> Prepare(std::string_view bytes);
  Result<PhotoUpload> Store(const Actor& actor, const PhotoSubject& subject,
                            std::optional<Id> session_id, PhotoKind kind, const Prepared& image);
  Status Audit(const Actor& actor, const std::string& action, std::optional<Id> photo_id,
               Id client_id, std::string detail = {});

  UnitOfWork& work_;
  PhotoRepository& records_;
  BlobStore& blobs_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace corium::app
