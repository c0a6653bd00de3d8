#include "corium/store/records/sql_photos.h"

#include <string>
#include <string_view>
#include <utility>

#include "corium/store/records/sql_paging.h"
#include "corium/store/records/sql_unit_of_work.h"

namespace corium::store {
namespace {

using app::Id;

constexpr std::string_view kPhotoColumns =
    "SELECT id, client_id, session_id, sha256, media_type, byte_count, kind, taken_at,"
    " uploaded_by FROM photos ";

Result<app::PhotoView> PhotoFromRow(const SqlRow& row) {
  app::PhotoView photo;
  photo.id = row.Int(0);
  photo.client_id = row.Int(1);
  photo.session_id = OptionalIdColumn(row, 2);
  photo.sha256 = row.Text(3);
  photo.media_type = row.Text(4);
  photo.byte_count = row.Int(5);
  const auto kind = app::ParsePhotoKind(row.Text(6));
  if (!kind) return Status::Internal("stored photo kind unknown: " + row.Text(6));
  photo.kind = *kind;
  photo.taken_at = row.Int(7);
  photo.uploaded_by = row.Int(8);
  return photo;
}

}  // namespace

Result<app::PhotoSubject> SqlPhotoRepository::SessionSubject(Id clinic_id, Id session_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query("SELECT s.client_id, c.photo_consent FROM sessions s"
                         " JOIN consents c ON c.id = s.consent_id AND c.clinic_id = s.clinic_id"
                         " WHERE s.id = $1 AND s.clinic_id = $2",
                         {session_id, clinic_id}),
               "session not found"));
  return app::PhotoSubject{row.Int(0), row.Int(1) == 1};
}

Result<app::PhotoSubject> SqlPhotoRepository::ClientSubject(Id clinic_id, Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query("SELECT c.id, (SELECT k.photo_consent FROM consents k"
                         "   WHERE k.clinic_id = c.clinic_id AND k.client_id = c.id"
                         "   ORDER BY k.signed_at DESC, k.id DESC LIMIT 1)"
                         " FROM clients c WHERE c.id = $1 AND c.clinic_id = $2",
                         {client_id, clinic_id}),
               "client not found"));
  return app::PhotoSubject{row.Int(0), !row.IsNull(1) && row.Int(1) == 1};
}

Result<std::optional<app::PhotoView>> SqlPhotoRepository::FindSame(Id clinic_id,
                                                                   const app::PhotoView& photo) {
  // IS NOT DISTINCT FROM would read better but SQLite spells it IS; COALESCE works on both.
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kPhotoColumns) +
                    "WHERE clinic_id = $1 AND client_id = $2 AND COALESCE(session_id, 0) = $3"
                    " AND kind = $4 AND sha256 = $5 ORDER BY id LIMIT 1",
                {clinic_id, photo.client_id, photo.session_id.value_or(0),
                 std::string(app::PhotoKindName(photo.kind)), photo.sha256}));
  if (rows.empty()) return std::optional<app::PhotoView>();
  CORIUM_ASSIGN_OR_RETURN(app::PhotoView same, PhotoFromRow(rows.front()));
  return std::optional<app::PhotoView>(std::move(same));
}

Result<Id> SqlPhotoRepository::Insert(Id clinic_id, const app::PhotoView& photo) {
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query("INSERT INTO photos (clinic_id, client_id, session_id, sha256, media_type,"
                " byte_count, kind, taken_at, uploaded_by)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                {clinic_id, photo.client_id, OptionalId(photo.session_id), photo.sha256,
                 photo.media_type, photo.byte_count, std::string(app::PhotoKindName(photo.kind)),
                 photo.taken_at, photo.uploaded_by}));
  if (rows.size() != 1) return Status::Internal("INSERT … RETURNING id gave no row");
  return rows.front().Int(0);
}

Result<app::PhotoView> SqlPhotoRepository::Find(Id clinic_id, Id photo_id) {
  CORIUM_ASSIGN_OR_RETURN(
      const SqlRow row,
      FirstRow(db_.Query(std::string(kPhotoColumns) + "WHERE id = $1 AND clinic_id = $2",
                         {photo_id, clinic_id}),
               "photo not found"));
  return PhotoFromRow(row);
}

Result<app::Listing<app::PhotoView>> SqlPhotoRepository::List(Id clinic_id, Id client_id,
                                                              std::optional<Id> session_id,
                                                              app::PageRequest page) {
  std::vector<SqlValue> params = {clinic_id, client_id};
  std::string where = "WHERE clinic_id = $1 AND client_id = $2";
  if (session_id) {
    params.emplace_back(*session_id);
    where += " AND session_id = $3";
  }
  app::Listing<app::PhotoView> listing;
  CORIUM_ASSIGN_OR_RETURN(listing.total,
                          CountRows(db_, "SELECT COUNT(*) FROM photos " + where, params));
  const std::string window = PageClause(params, page);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(std::string(kPhotoColumns) + where + " ORDER BY taken_at, id" + window, params));
  for (const SqlRow& row : rows) {
    CORIUM_ASSIGN_OR_RETURN(app::PhotoView photo, PhotoFromRow(row));
    listing.items.push_back(std::move(photo));
  }
  return listing;
}

}  // namespace corium::store
