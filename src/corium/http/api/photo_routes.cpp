// Photographs over HTTP: upload a session's before/after photograph or a course's baseline and
// follow-up as the raw JPEG or PNG bytes, list their metadata, and download one. The bytes decide
// the type (app/photo_image.h); the declared Content-Type must only agree. Downloads are audited
// by the use case and never cached.
#include <string>

#include "corium/app/photos.h"
#include "corium/http/api.h"
#include "corium/http/api/client_json.h"
#include "corium/http/api/photo_json.h"
#include "corium/http/problem.h"

namespace corium::http {
namespace {

using app::Permission;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The declared media type without parameters, in lower case.
std::string DeclaredType(const Request& request) {
  const auto header = request.headers.Find("Content-Type");
  if (!header) return "";
  std::string_view type = header->substr(0, header->find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return Lower(type);
}

// A problem reply the pipeline passes through as it is (no Status maps to 415).
ApiReply Problem(int status, std::string_view detail) {
  const Response response = ProblemResponse(status, detail);
  ApiReply reply;
  reply.status = response.status;
  reply.content_type = std::string(response.headers.Find("Content-Type").value_or(""));
  reply.raw_body = response.body;
  return reply;
}

// nullopt when the declared type may carry a photograph; otherwise the 415 to answer.
std::optional<ApiReply> RefuseDeclaredType(const ApiCall& call) {
  const std::string declared = DeclaredType(call.request);
  if (call.request.body.empty() || declared == "image/jpeg" || declared == "image/png") {
    return std::nullopt;
  }
  return Problem(415, "Send a JPEG or PNG photograph as image/jpeg or image/png.");
}

// The declared type must agree with what the bytes are.
Status CheckDeclaredMatches(const ApiCall& call) {
  const auto sniffed = app::SniffImage(call.request.body);
  if (!sniffed) return Status::Ok();  // the use case refuses the bytes themselves
  const std::string declared = DeclaredType(call.request);
  if (declared == app::MediaTypeOf(*sniffed)) return Status::Ok();
  return Status::InvalidFields({{"Content-Type", "says " + declared + " but the bytes are " +
                                                     std::string(app::MediaTypeOf(*sniffed))}});
}

Result<app::PhotoKind> KindParameter(const ApiCall& call) {
  for (const auto& [name, value] : call.params) {
    if (name != "kind") continue;
    if (const auto kind = app::ParsePhotoKind(value)) return *kind;
  }
  return Status::InvalidFields({{"kind", "not a kind of photograph"}});
}

ApiReply UploadReply(const app::PhotoUpload& upload) {
  ApiReply reply = ApiReply::Json(PhotoToJson(upload.photo), upload.created ? 201 : 200);
  reply.location = "/api/v1/photos/" + std::to_string(upload.photo.id);
  return reply;
}

Result<ApiReply> UploadSessionPhoto(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id, call.PathId("session_id"));
  if (auto refused = RefuseDeclaredType(call)) return *std::move(refused);
  CORIUM_ASSIGN_OR_RETURN(const app::PhotoKind kind, KindParameter(call));
  CORIUM_RETURN_IF_ERROR(CheckDeclaredMatches(call));
  CORIUM_ASSIGN_OR_RETURN(
      const app::PhotoUpload upload,
      call.services.photos.AddSessionPhoto(call.actor(), session_id, kind, call.request.body));
  return UploadReply(upload);
}

Result<ApiReply> UploadClientPhoto(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  if (auto refused = RefuseDeclaredType(call)) return *std::move(refused);
  CORIUM_ASSIGN_OR_RETURN(const app::PhotoKind kind, KindParameter(call));
  CORIUM_RETURN_IF_ERROR(CheckDeclaredMatches(call));
  CORIUM_ASSIGN_OR_RETURN(
      const app::PhotoUpload upload,
      call.services.photos.AddClientPhoto(call.actor(), client_id, kind, call.request.body));
  return UploadReply(upload);
}

Result<ApiReply> DownloadPhoto(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id photo_id, call.PathId("photo_id"));
  CORIUM_ASSIGN_OR_RETURN(app::PhotoContent content,
                          call.services.photos.Read(call.actor(), photo_id));
  ApiReply reply;
  reply.content_type = content.photo.media_type;
  reply.raw_body = std::move(content.bytes);
  reply.headers.Set("Cache-Control", "no-store");
  return reply;
}

Result<ApiReply> ListSessionPhotos(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id, call.PathId("session_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto photos, call.services.photos.SessionPhotos(
                                                 call.actor(), session_id, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(photos, page, PhotoToJson));
}

Result<ApiReply> ListClientPhotos(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id client_id, call.PathId("client_id"));
  CORIUM_ASSIGN_OR_RETURN(const auto page, call.Paging());
  CORIUM_ASSIGN_OR_RETURN(const auto photos, call.services.photos.ClientPhotos(
                                                 call.actor(), client_id, ToPageRequest(page)));
  return ApiReply::Json(PageToJson(photos, page, PhotoToJson));
}

}  // namespace

nlohmann::json PhotoToJson(const app::PhotoView& photo) {
  return {{"id", photo.id},
          {"client_id", photo.client_id},
          {"session_id", photo.session_id ? nlohmann::json(*photo.session_id) : nullptr},
          {"kind", std::string(app::PhotoKindName(photo.kind))},
          {"media_type", photo.media_type},
          {"byte_count", photo.byte_count},
          {"sha256", photo.sha256},
          {"taken_at", photo.taken_at},
          {"uploaded_by", photo.uploaded_by}};
}

void AddPhotoRoutes(ApiRouter& router) {
  router.Add({.method = "PUT",
              .pattern = "/api/v1/sessions/{session_id}/photos/{kind}",
              .permission = Permission::kChartSession,
              .body_limit = kPhotoBodyLimit,
              .body_type = "image/*",
              .handler = UploadSessionPhoto});
  router.Add({.method = "GET",
              .pattern = "/api/v1/sessions/{session_id}/photos",
              .permission = Permission::kReadChart,
              .handler = ListSessionPhotos});
  router.Add({.method = "PUT",
              .pattern = "/api/v1/clients/{client_id}/photos/{kind}",
              .permission = Permission::kChartSession,
              .body_limit = kPhotoBodyLimit,
              .body_type = "image/*",
              .handler = UploadClientPhoto});
  router.Add({.method = "GET",
              .pattern = "/api/v1/clients/{client_id}/photos",
              .permission = Permission::kReadChart,
              .handler = ListClientPhotos});
  router.Add({.method = "GET",
              .pattern = "/api/v1/photos/{photo_id}",
              .permission = Permission::kReadChart,
              .handler = DownloadPhoto});
}

}  // namespace corium::http
