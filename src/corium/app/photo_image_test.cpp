// Photo images: recognised by their bytes, stripped of every metadata segment or chunk (EXIF with
// its GPS position, comments, text, timestamps, trailers) with the image data left byte for byte.
// The images are hand-made: each segment and chunk is spelled out so the test shows what goes.
#include "corium/app/photo_image.h"

#include <gtest/gtest.h>

#include <string>

namespace corium::app {
namespace {

using std::string_literals::operator""s;

std::string Bytes(std::initializer_list<int> values) {
  std::string out;
  for (const int v : values) out += static_cast<char>(v);
  return out;
}

// A JPEG segment: marker, big-endian length (which counts itself), payload.
std::string Segment(int marker, const std::string& payload) {
  const size_t length = payload.size() + 2;
  return Bytes({0xFF, marker, static_cast<int>(length >> 8), static_cast<int>(length & 0xFF)}) +
         payload;
}

// A PNG chunk: big-endian length, type, data, and a CRC (not checked by the stripper).
std::string Chunk(const std::string& type, const std::string& data) {
  const size_t n = data.size();
  return Bytes({static_cast<int>(n >> 24), static_cast<int>((n >> 16) & 0xFF),
                static_cast<int>((n >> 8) & 0xFF), static_cast<int>(n & 0xFF)}) +
         type + data + "CRC!";
}

const std::string kSoi = Bytes({0xFF, 0xD8});
const std::string kEoi = Bytes({0xFF, 0xD9});
const std::string kJfif =
    Segment(0xE0, std::string("JFIF\0", 5) + Bytes({1, 1, 0, 0, 1, 0, 1, 0, 0}));
const std::string kExif =
    Segment(0xE1, std::string("Exif\0\0", 6) + "GPSLatitude 40.7608 GPSLongitude -111.8910");
const std::string kXmp =
    Segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Ann Lee</x:xmpmeta>"s);
const std::string kComment = Segment(0xFE, "taken on Ann's phone");
const std::string kIptc = Segment(0xED, "Photoshop 3.0\0caption: Ann Lee, cheeks"s);
const std::string kIcc =
    Segment(0xE2, std::string("ICC_PROFILE\0", 12) + Bytes({1, 1}) + "profile");
const std::string kAdobe = Segment(0xEE, "Adobe" + Bytes({0, 100, 0, 0, 0, 0, 1}));
const std::string kQuantisation = Segment(0xDB, Bytes({0x00, 1, 2, 3, 4}));
const std::string kFrame = Segment(0xC0, Bytes({8, 0, 1, 0, 1, 1, 1, 0x11, 0}));
const std::string kHuffman = Segment(0xC4, Bytes({0x00, 0, 0, 0}));
const std::string kScanHeader = Segment(0xDA, Bytes({1, 1, 0, 0, 0x3F, 0}));
// Entropy-coded data with a stuffed 0xFF00 and a restart marker, which belong to the scan.
const std::string kScanData = Bytes({0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A});

std::string ImageSegments() { return kQuantisation + kFrame + kHuffman + kScanHeader + kScanData; }

TEST(SniffImage, RecognisesJpegAndPngByTheirFirstBytesOnly) {
  EXPECT_EQ(SniffImage(kSoi + kJfif), ImageType::kJpeg);
  EXPECT_EQ(SniffImage(std::string("\x89PNG\r\n\x1a\n", 8) + "rest"), ImageType::kPng);
  EXPECT_EQ(SniffImage("GIF89a..."), std::nullopt);
  EXPECT_EQ(SniffImage("<svg xmlns='http://www.w3.org/2000/svg'/>"), std::nullopt);
  EXPECT_EQ(SniffImage(kSoi), std::nullopt);  // too short to be anything
  EXPECT_EQ(SniffImage(""), std::nullopt);
  EXPECT_EQ(SniffImage(std::string("\x89PNG\r\n", 6)), std::nullopt);
}

TEST(StripImageMetadata, JpegLosesExifXmpIptcCommentsAndTrailerButKeepsTheImage) {
  const std::string photo = kSoi + kJfif + kExif + kXmp + kComment + kIptc + ImageSegments() +
                            kEoi + "SEFT trailer: GPS 40.7608,-111.8910";
  const auto stripped = StripImageMetadata(ImageType::kJpeg, photo);
  ASSERT_TRUE(stripped.ok()) << stripped.status().ToString();
  EXPECT_EQ(*stripped, kSoi + kJfif + ImageSegments() + kEoi);
  EXPECT_EQ(stripped->find("GPS"), std::string::npos);
  EXPECT_EQ(stripped->find("Ann"), std::string::npos);
}

TEST(StripImageMetadata, JpegKeepsTheColourProfileAndAdobeTransform) {
  const std::string photo = kSoi + kIcc + kAdobe + kExif + ImageSegments() + kEoi;
  const auto stripped = StripImageMetadata(ImageType::kJpeg, photo);
  ASSERT_TRUE(stripped.ok()) << stripped.status().ToString();
  EXPECT_EQ(*stripped, kSoi + kIcc + kAdobe + ImageSegments() + kEoi);
}

TEST(StripImageMetadata, JpegFillBytesAndProgressiveScansSurvive) {
  // Two scans (progressive JPEG) with a table between them, and fill bytes before a marker.
  const std::string second_scan =
      Segment(0xC4, Bytes({0x10, 9})) + kScanHeader + Bytes({0x42, 0x43});
  const std::string photo = kSoi + ImageSegments() + Bytes({0xFF, 0xFF}) + second_scan + kEoi;
  const auto stripped = StripImageMetadata(ImageType::kJpeg, photo);
  ASSERT_TRUE(stripped.ok()) << stripped.status().ToString();
  EXPECT_EQ(*stripped, kSoi + ImageSegments() + second_scan + kEoi);
}

TEST(StripImageMetadata, BrokenJpegsAreRefusedNamingTheBody) {
  for (const std::string& broken : {
           kSoi + ImageSegments(),                                    // no end-of-image
           kSoi + kJfif + kEoi,                                       // no scan at all
           kSoi + Bytes({0xFF, 0xE1, 0x40, 0x00}) + "short",          // a length past the end
           kSoi + Bytes({0xFF, 0xE1, 0x00, 0x01}) + ImageSegments(),  // a length below 2
           kSoi + Bytes({0x00, 0x01}) + ImageSegments() + kEoi,       // not a marker
       }) {
    const auto stripped = StripImageMetadata(ImageType::kJpeg, broken);
    ASSERT_FALSE(stripped.ok());
    ASSERT_EQ(stripped.status().field_errors().size(), 1U);
    EXPECT_EQ(stripped.status().field_errors()[0].path, "body");
  }
}

const std::string kPngSignature("\x89PNG\r\n\x1a\n", 8);
const std::string kHeader = Chunk("IHDR", Bytes({0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0}));
const std::string kGamma = Chunk("gAMA", Bytes({0, 0, 0xB1, 0x8F}));
const std::string kColour = Chunk("sRGB", Bytes({0}));
const std::string kData = Chunk("IDAT", Bytes({0x78, 0x9C, 0x63, 0x60, 0x00, 0x00}));
const std::string kEnd = Chunk("IEND", "");

TEST(StripImageMetadata, PngLosesTextExifAndTimeChunksButKeepsColourAndData) {
  const std::string photo = kPngSignature + kHeader +
                            Chunk("tEXt", std::string("Author\0Ann Lee", 14)) + kGamma +
                            Chunk("eXIf", "MM\0*GPS 40.7608"s) + kColour +
                            Chunk("iTXt", "Location\0\0\0\0\0Salt Lake City"s) +
                            Chunk("zTXt", std::string("Comment\0\0x", 10)) +
                            Chunk("tIME", Bytes({7, 234, 11, 20, 9, 30, 0})) + kData +
                            Chunk("prVt", "a private chunk") + kData + kEnd + "trailing GPS";
  const auto stripped = StripImageMetadata(ImageType::kPng, photo);
  ASSERT_TRUE(stripped.ok()) << stripped.status().ToString();
  EXPECT_EQ(*stripped, kPngSignature + kHeader + kGamma + kColour + kData + kData + kEnd);
  EXPECT_EQ(stripped->find("GPS"), std::string::npos);
  EXPECT_EQ(stripped->find("Ann"), std::string::npos);
}

TEST(StripImageMetadata, BrokenPngsAreRefusedNamingTheBody) {
  for (const std::string& broken : {
           kPngSignature + kHeader + kData,                              // no IEND
           kPngSignature + kData + kHeader + kEnd,                       // IDAT before IHDR
           kPngSignature + kHeader + kEnd,                               // no image data
           kPngSignature + kHeader + Chunk("ABCD", "x") + kData + kEnd,  // unknown critical chunk
           kPngSignature + kHeader + Bytes({0x7F, 0, 0, 0}) + "IDAT",    // a length past the end
           kPngSignature + kHeader + Chunk("ID4T", "x") + kEnd,          // not a chunk type
       }) {
    const auto stripped = StripImageMetadata(ImageType::kPng, broken);
    ASSERT_FALSE(stripped.ok());
    ASSERT_EQ(stripped.status().field_errors().size(), 1U);
    EXPECT_EQ(stripped.status().field_errors()[0].path, "body");
  }
}

TEST(StripImageMetadata, BytesOfAnotherTypeAreRefused) {
  const std::string png = kPngSignature + kHeader + kData + kEnd;
  EXPECT_FALSE(StripImageMetadata(ImageType::kJpeg, png).ok());
  EXPECT_FALSE(StripImageMetadata(ImageType::kPng, kSoi + ImageSegments() + kEoi).ok());
}

TEST(StripImageMetadata, AnImageWithoutMetadataIsUnchanged) {
  const std::string jpeg = kSoi + kJfif + ImageSegments() + kEoi;
  EXPECT_EQ(*StripImageMetadata(ImageType::kJpeg, jpeg), jpeg);
  const std::string png = kPngSignature + kHeader + kData + kEnd;
  EXPECT_EQ(*StripImageMetadata(ImageType::kPng, png), png);
}

TEST(Sha256Hex, IsTheLowerCaseHexDigest) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("").size(), 64U);
}

}  // namespace
}  // namespace corium::app
