// Photo images as Corium stores them: JPEG or PNG, recognised by their first bytes (never by the
// media type a client declares), with the metadata a camera or editor writes removed before the
// file is kept: EXIF (the phone's GPS position, its serial, the time), comments, text chunks and
// anything after the image's end. The compressed image data is copied byte for byte. Pure
// functions; safe to call from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "corium/base/result.h"

namespace corium::app {

enum class ImageType { kJpeg, kPng };

// "image/jpeg" or "image/png".
std::string_view MediaTypeOf(ImageType type);

// The type the bytes' signature announces, or nullopt for anything else.
std::optional<ImageType> SniffImage(std::string_view bytes);

// The image without its metadata: for JPEG every APP1–APP15 and COM segment except the colour
// profile (APP2 ICC_PROFILE) and Adobe's colour transform (APP14), which decoders need to show the
// skin's colour faithfully; for PNG every ancillary chunk except those that define colour and
// transparency (tRNS, gAMA, cHRM, sRGB, iCCP, sBIT, cICP). kInvalidArgument naming `field` when
// the bytes are not a complete, well-formed image of `type`.
Result<std::string> StripImageMetadata(ImageType type, std::string_view bytes,
                                       const std::string& field = "body");

// The lower-case hexadecimal SHA-256 of `bytes` (64 characters): a stored photo's file name.
std::string Sha256Hex(std::string_view bytes);

}  // namespace corium::app
