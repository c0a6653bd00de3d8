// Photos for tests: the smallest JPEG the photo code accepts (start, a quantisation table, a frame,
// a scan, end), so the tests of storage, EXIF stripping and outcome links share one image maker.
#pragma once

#include <string>

namespace corium::testing {

// `with_gps_exif` adds an EXIF segment carrying a GPS position, which the server must strip before
// storing. `shade` is the quantisation table's first entry: two shades are two different images.
std::string TinyJpeg(bool with_gps_exif = false, char shade = '\x02');

}  // namespace corium::testing
