// SqlPhotoRepository: the app's PhotoRepository (photo metadata; the bytes live in a BlobStore)
// over a SqlConnection, in portable SQL for both engines. Single-threaded, like the connection.
#pragma once

#include "corium/app/photos.h"
#include "corium/store/sql.h"

namespace corium::store {

class SqlPhotoRepository final : public app::PhotoRepository {
 public:
  explicit SqlPhotoRepository(SqlConnection& db) : db_(db) {}

  Result<app::PhotoSubject> SessionSubject(app::Id clinic_id, app::Id session_id) override;
  Result<app::PhotoSubject> ClientSubject(app::Id clinic_id, app::Id client_id) override;
  Result<std::optional<app::PhotoView>> FindSame(app::Id clinic_id,
                                                 const app::PhotoView& photo) override;
  Result<app::Id> Insert(app::Id clinic_id, const app::PhotoView& photo) override;
  Result<app::PhotoView> Find(app::Id clinic_id, app::Id photo_id) override;
  Result<app::Listing<app::PhotoView>> List(app::Id clinic_id, app::Id client_id,
                                            std::optional<app::Id> session_id,
                                            app::PageRequest page) override;

 private:
  SqlConnection& db_;
};

}  // namespace corium::store
