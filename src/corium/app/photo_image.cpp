#include "corium/app/photo_image.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace corium::app {
namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

// JPEG markers (ITU T.81, table B.1) that matter here.
constexpr std::uint8_t kSoi = 0xD8;
constexpr std::uint8_t kEoi = 0xD9;
constexpr std::uint8_t kSos = 0xDA;
constexpr std::uint8_t kTem = 0x01;
constexpr std::uint8_t kRst0 = 0xD0;
constexpr std::uint8_t kRst7 = 0xD7;
constexpr std::uint8_t kApp0 = 0xE0;
constexpr std::uint8_t kApp2 = 0xE2;
constexpr std::uint8_t kApp14 = 0xEE;
constexpr std::uint8_t kApp15 = 0xEF;
constexpr std::uint8_t kCom = 0xFE;

// PNG ancillary chunks that change how the pixels look; every other ancillary chunk (tEXt,
// zTXt, iTXt, eXIf, tIME, pHYs, private ones…) is metadata and goes.
constexpr std::array<std::string_view, 7> kPngColourChunks = {"tRNS", "gAMA", "cHRM", "sRGB",
                                                              "iCCP", "sBIT", "cICP"};

std::uint8_t Byte(std::string_view bytes, size_t at) {
  return static_cast<std::uint8_t>(bytes[at]);
}

std::uint32_t BigEndian32(std::string_view bytes, size_t at) {
  return (std::uint32_t{Byte(bytes, at)} << 24) | (std::uint32_t{Byte(bytes, at + 1)} << 16) |
         (std::uint32_t{Byte(bytes, at + 2)} << 8) | std::uint32_t{Byte(bytes, at + 3)};
}

bool IsRestart(std::uint8_t marker) { return marker >= kRst0 && marker <= kRst7; }

// Whether a JPEG segment (its marker and payload, length bytes excluded) carries metadata.
bool IsJpegMetadata(std::uint8_t marker, std::string_view payload) {
  if (marker == kCom) return true;
  if (marker < kApp0 || marker > kApp15) return false;
  if (marker == kApp0) return !payload.starts_with(std::string_view("JFIF\0", 5));
  if (marker == kApp2) return !payload.starts_with(std::string_view("ICC_PROFILE\0", 12));
  if (marker == kApp14) return !payload.starts_with("Adobe");
  return true;
}

// The end of a scan's entropy-coded data that starts at `at`: the first 0xFF that begins a
// marker (not a stuffed 0xFF00 and not a restart marker), or npos when there is none.
size_t EndOfScan(std::string_view bytes, size_t at) {
  for (size_t i = at; i + 1 < bytes.size(); ++i) {
    if (Byte(bytes, i) != 0xFF) continue;
    const std::uint8_t next = Byte(bytes, i + 1);
    if (next != 0x00 && !IsRestart(next)) return i;
    ++i;
  }
  return std::string_view::npos;
}

Result<std::string> StripJpeg(std::string_view in, const std::string& field) {
  const auto broken = [&](const std::string& why) -> Status {
    return Status::InvalidFields({{field, "not a well-formed JPEG image: " + why}});
  };
  std::string out(in.substr(0, 2));
  size_t at = 2;
  bool scanned = false;
  while (true) {
    if (at >= in.size()) return broken("it ends before its end-of-image marker");
    if (Byte(in, at) != 0xFF) return broken("a segment does not start with a marker");
    while (at < in.size() && Byte(in, at) == 0xFF) ++at;  // fill bytes may precede a marker
    if (at >= in.size()) return broken("it ends inside a marker");
    const std::uint8_t marker = Byte(in, at++);
    if (marker == kEoi) {
      if (!scanned) return broken("it has no image scan");
      out += "\xFF\xD9";
      return out;  // whatever follows the image (some cameras append metadata) is dropped
    }
    if (marker == kTem || IsRestart(marker)) {
      out += '\xFF';
      out += static_cast<char>(marker);
      continue;
    }
    if (marker == 0x00 || marker == kSoi) return broken("an unexpected marker");
    if (at + 2 > in.size()) return broken("a segment is cut short");
    const size_t length = (size_t{Byte(in, at)} << 8) | Byte(in, at + 1);
    if (length < 2 || at + length > in.size()) return broken("a segment is cut short");
    if (!IsJpegMetadata(marker, in.substr(at + 2, length - 2))) {
      out += '\xFF';
      out += static_cast<char>(marker);
      out += in.substr(at, length);
    }
    at += length;
    if (marker == kSos) {
      const size_t end = EndOfScan(in, at);
      if (end == std::string_view::npos) return broken("it ends inside an image scan");
      out += in.substr(at, end - at);
      at = end;
      scanned = true;
    }
  }
}

Result<std::string> StripPng(std::string_view in, const std::string& field) {
  const auto broken = [&](const std::string& why) -> Status {
    return Status::InvalidFields({{field, "not a well-formed PNG image: " + why}});
  };
  std::string out(kPngSignature);
  size_t at = kPngSignature.size();
  bool header = false;
  bool data = false;
  while (true) {
    if (at + 12 > in.size()) return broken("it ends before its IEND chunk");
    const std::uint32_t length = BigEndian32(in, at);
    if (length > in.size() - at - 12) return broken("a chunk is cut short");
    const std::string_view type = in.substr(at + 4, 4);
    if (!std::all_of(type.begin(), type.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); })) {
      return broken("a chunk has no valid type");
    }
    const std::string_view chunk = in.substr(at, size_t{length} + 12);
    at += chunk.size();
    if (!header && type != "IHDR") return broken("it does not start with IHDR");
    header = true;
    // A lower-case first letter marks an ancillary chunk (PNG §5.4); the rest are critical.
    const bool critical = type[0] >= 'A' && type[0] <= 'Z';
    if (critical) {
      if (type != "IHDR" && type != "PLTE" && type != "IDAT" && type != "IEND") {
        return broken("an unknown critical chunk " + std::string(type));
      }
      data = data || type == "IDAT";
      out += chunk;
      if (type == "IEND") {
        if (!data) return broken("it has no image data");
        return out;  // anything after IEND is dropped
      }
    } else if (std::find(kPngColourChunks.begin(), kPngColourChunks.end(), type) !=
               kPngColourChunks.end()) {
      out += chunk;
    }
  }
}

}  // namespace

std::string_view MediaTypeOf(ImageType type) {
  return type == ImageType::kJpeg ? "image/jpeg" : "image/png";
}

std::optional<ImageType> SniffImage(std::string_view bytes) {
  if (bytes.size() >= 3 && Byte(bytes, 0) == 0xFF && Byte(bytes, 1) == kSoi &&
      Byte(bytes, 2) == 0xFF) {
    return ImageType::kJpeg;
  }
  if (bytes.starts_with(kPngSignature)) return ImageType::kPng;
  return std::nullopt;
}

Result<std::string> StripImageMetadata(ImageType type, std::string_view bytes,
                                       const std::string& field) {
  if (SniffImage(bytes) != type) {
    return Status::InvalidFields({{field, "not a " + std::string(MediaTypeOf(type)) + " image"}});
  }
  return type == ImageType::kJpeg ? StripJpeg(bytes, field) : StripPng(bytes, field);
}

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> hash{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), hash.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[hash[i] >> 4];
    out += kHex[hash[i] & 0x0F];
  }
  return out;
}

}  // namespace corium::app
