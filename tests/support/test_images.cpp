#include "support/test_images.h"

namespace corium::testing {
namespace {

std::string Segment(int marker, const std::string& payload) {
  const size_t length = payload.size() + 2;
  return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(length >> 8),
                     static_cast<char>(length & 0xFF)} +
         payload;
}

}  // namespace

std::string TinyJpeg(bool with_gps_exif, char shade) {
  std::string jpeg = "\xFF\xD8";
  if (with_gps_exif) jpeg += Segment(0xE1, std::string("Exif\0\0", 6) + "GPS 40.7608 -111.8910");
  jpeg += Segment(0xDB, std::string("\x00\x01", 2) + shade);
  jpeg += Segment(0xC0, std::string("\x08\x00\x01\x00\x01\x01\x01\x11\x00", 9));
  jpeg += Segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));
  return jpeg + std::string("\x12\xFF\x00\x34\xFF\xD9", 6);
}

}  // namespace corium::testing
