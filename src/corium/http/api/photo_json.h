// JSON for photo metadata, as api/paths/photos.json describes it, and the photo routes, which
// charting_routes.cpp adds beside the sessions they belong to. Pure functions; safe from any
// thread.
#pragma once

#include <nlohmann/json.hpp>

#include "corium/app/photos.h"
#include "corium/http/api.h"

namespace corium::http {

nlohmann::json PhotoToJson(const app::PhotoView& photo);

// Upload, list and download photographs (http/api/photo_routes.cpp).
void AddPhotoRoutes(ApiRouter& router);

}  // namespace corium::http
