// StaticAssets: the web app's built files (web/dist), read into memory once at start with
// content-hash ETags, so no request ever touches the filesystem (path traversal is impossible)
// and a restart picks up a new build. Immutable after Load; safe to share across threads.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "corium/base/result.h"
#include "corium/http/message.h"

namespace corium::http {

class StaticAssets {
 public:
  // Every regular file under `dir`; kNotFound when `dir` holds no index.html.
  static Result<StaticAssets> Load(const std::string& dir);

  // The asset at `path` ("/assets/app-1a2b.js"); for any other GET path that is not an API or
  // asset path, index.html (the app routes in the browser). nullopt when the path looks like a
  // file (has an extension) but none is known.
  std::optional<Response> Serve(const std::string& path, const Request& request) const;
  size_t size() const { return assets_.size(); }

 private:
  struct Asset {
    std::string bytes;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, Asset> assets_;
};

}  // namespace corium::http
