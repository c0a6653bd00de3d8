#include "corium/http/static_assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "corium/http/content_etag.h"

namespace corium::http {
namespace {

std::string ContentType(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json" || ext == ".webmanifest") return "application/json";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

Result<StaticAssets> StaticAssets::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  StaticAssets assets;
  std::error_code error;
  if (!fs::is_regular_file(fs::path(dir) / "index.html", error)) {
    return Status::NotFound(dir + " holds no index.html (build the web app first)");
  }
  for (fs::recursive_directory_iterator it(dir, error), end; it != end && !error;
       it.increment(error)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string relative = "/" + fs::relative(it->path(), dir).generic_string();
    Asset asset{bytes.str(), ContentType(it->path()), ""};
    asset.etag = ContentEtag(asset.bytes);
    assets.assets_[relative] = std::move(asset);
  }
  if (error) return Status::Unavailable("cannot read " + dir + ": " + error.message());
  return assets;
}

std::optional<Response> StaticAssets::Serve(const std::string& path, const Request& request) const {
  auto it = assets_.find(path);
  if (it == assets_.end()) {
    const size_t slash = path.rfind('/');
    if (path.find('.', slash == std::string::npos ? 0 : slash) != std::string::npos) {
      return std::nullopt;
    }
    it = assets_.find("/index.html");
    if (it == assets_.end()) return std::nullopt;
  }
  const Asset& asset = it->second;
  Response response;
  response.headers.Set("ETag", asset.etag);
  response.headers.Set("Cache-Control", path.starts_with("/assets/")
                                            ? "public, max-age=31536000, immutable"
                                            : "no-cache");
  if (IfNoneMatchHits(request, asset.etag)) {
    response.status = 304;
    return response;
  }
  response.headers.Set("Content-Type", asset.content_type);
  if (request.method != "HEAD") response.body = asset.bytes;
  return response;
}

}  // namespace corium::http
