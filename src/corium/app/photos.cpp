#include "corium/app/photos.h"

#include <array>
#include <utility>

namespace corium::app {
namespace {

constexpr std::array<std::pair<PhotoKind, std::string_view>, 4> kPhotoKinds{{
    {PhotoKind::kBaseline, "baseline"},
    {PhotoKind::kBefore, "before"},
    {PhotoKind::kAfter, "after"},
    {PhotoKind::kFollowUp, "follow_up"},
}};

// Photographs are taken only with the client's separate photo consent (consent item CN-01 says
// consent for photographs is given or refused apart from the treatment).
Status RequirePhotoConsent(const PhotoSubject& subject) {
  if (subject.photo_consent) return Status::Ok();
  return Status::Conflict("the client's signed consent does not cover photographs");
}

}  // namespace

std::string_view PhotoKindName(PhotoKind kind) {
  for (const auto& [value, name] : kPhotoKinds) {
    if (value == kind) return name;
  }
  return "before";
}

std::optional<PhotoKind> ParsePhotoKind(std::string_view text) {
  for (const auto& [value, name] : kPhotoKinds) {
    if (name == text) return value;
  }
  return std::nullopt;
}

Status Photos::Audit(const Actor& actor, const std::string& action, std::optional<Id> photo_id,
                     Id client_id, std::string detail) {
  return audit_.Append(EntryFor(actor, clock_.NowSeconds(), action, "photo", photo_id, client_id,
                                std::move(detail)));
}

Result<Photos::Prepared> Photos::Prepare(std::string_view bytes) {
  if (bytes.empty()) return Status::InvalidFields({{"body", "an image is required"}});
  const std::optional<ImageType> type = SniffImage(bytes);
  if (!type) return Status::InvalidFields({{"body", "not a JPEG or PNG image"}});
  CORIUM_ASSIGN_OR_RETURN(std::string stripped, StripImageMetadata(*type, bytes));
  return Prepared{*type, std::move(stripped)};
}

Result<PhotoUpload> Photos::Store(const Actor& actor, const PhotoSubject& subject,
                                  std::optional<Id> session_id, PhotoKind kind,
                                  const Prepared& image) {
  CORIUM_RETURN_IF_ERROR(RequirePhotoConsent(subject));
  PhotoUpload upload;
  PhotoView& photo = upload.photo;
  photo.client_id = subject.client_id;
  photo.session_id = session_id;
  photo.sha256 = Sha256Hex(image.bytes);
  photo.media_type = std::string(MediaTypeOf(image.type));
  photo.byte_count = static_cast<std::int64_t>(image.bytes.size());
  photo.kind = kind;
  photo.taken_at = clock_.NowSeconds();
  photo.uploaded_by = actor.staff_id;

  CORIUM_ASSIGN_OR_RETURN(const auto same, records_.FindSame(actor.clinic_id, photo));
  if (same) {
    upload.photo = *same;
    CORIUM_RETURN_IF_ERROR(Audit(actor, "read", same->id, same->client_id, "uploaded again"));
    return upload;
  }
  // The file first: a row must never point at a file that is not there.
  CORIUM_RETURN_IF_ERROR(blobs_.Put(photo.sha256, image.bytes));
  CORIUM_ASSIGN_OR_RETURN(photo.id, records_.Insert(actor.clinic_id, photo));
  upload.created = true;
  CORIUM_RETURN_IF_ERROR(Audit(actor, "create", photo.id, photo.client_id,
                               std::string(PhotoKindName(kind)) + " photo"));
  return upload;
}

Result<PhotoUpload> Photos::AddSessionPhoto(const Actor& actor, Id session_id, PhotoKind kind,
                                            std::string_view bytes) {
  if (kind != PhotoKind::kBefore && kind != PhotoKind::kAfter) {
    return Status::InvalidFields({{"kind", "a session's photographs are before or after"}});
  }
  CORIUM_ASSIGN_OR_RETURN(const Prepared image, Prepare(bytes));
  PhotoUpload upload;
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const PhotoSubject subject,
                            records_.SessionSubject(actor.clinic_id, session_id));
    CORIUM_ASSIGN_OR_RETURN(upload, Store(actor, subject, session_id, kind, image));
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return upload;
}

Result<PhotoUpload> Photos::AddClientPhoto(const Actor& actor, Id client_id, PhotoKind kind,
                                           std::string_view bytes) {
  if (kind != PhotoKind::kBaseline && kind != PhotoKind::kFollowUp) {
    return Status::InvalidFields(
        {{"kind", "a course's outcome photographs are baseline or follow_up"}});
  }
  CORIUM_ASSIGN_OR_RETURN(const Prepared image, Prepare(bytes));
  PhotoUpload upload;
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const PhotoSubject subject,
                            records_.ClientSubject(actor.clinic_id, client_id));
    CORIUM_ASSIGN_OR_RETURN(upload, Store(actor, subject, std::nullopt, kind, image));
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return upload;
}

Result<PhotoContent> Photos::Read(const Actor& actor, Id photo_id) {
  PhotoContent content;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(content.photo, records_.Find(actor.clinic_id, photo_id));
    auto bytes = blobs_.Get(content.photo.sha256);
    if (!bytes.ok()) {
      // A row without its file is a broken invariant, never the caller's mistake.
      return Status::Internal("photo " + std::to_string(photo_id) +
                              " file unreadable: " + bytes.status().ToString());
    }
    if (Sha256Hex(*bytes) != content.photo.sha256) {
      return Status::Internal("photo " + std::to_string(photo_id) +
                              " file does not match its digest");
    }
    content.bytes = std::move(bytes).value();
    return Audit(actor, "read", content.photo.id, content.photo.client_id);
  });
  if (!done.ok()) return done;
  return content;
}

Result<Listing<PhotoView>> Photos::SessionPhotos(const Actor& actor, Id session_id,
                                                 PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<PhotoView> photos;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const PhotoSubject subject,
                            records_.SessionSubject(actor.clinic_id, session_id));
    CORIUM_ASSIGN_OR_RETURN(photos,
                            records_.List(actor.clinic_id, subject.client_id, session_id, page));
    return Audit(actor, "read", std::nullopt, subject.client_id,
                 "photos of session " + std::to_string(session_id));
  });
  if (!done.ok()) return done;
  return photos;
}

Result<Listing<PhotoView>> Photos::ClientPhotos(const Actor& actor, Id client_id,
                                                PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<PhotoView> photos;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const PhotoSubject subject,
                            records_.ClientSubject(actor.clinic_id, client_id));
    CORIUM_ASSIGN_OR_RETURN(photos,
                            records_.List(actor.clinic_id, subject.client_id, std::nullopt, page));
    return Audit(actor, "read", std::nullopt, subject.client_id, "photos of client");
  });
  if (!done.ok()) return done;
  return photos;
}

}  // namespace corium::app
