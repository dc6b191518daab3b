#pragma once
// Photo handling for attachments: the type is decided from the first bytes (never from the
// Content-Type or a file name), the image is decoded with libvips, turned upright, and
// re-encoded with all metadata stripped (EXIF including GPS, XMP, IPTC, comments), plus a
// thumbnail. Only JPEG, PNG and WebP are accepted.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace antoan::attachments {

enum class ImageType { jpeg, png, webp };

constexpr std::size_t kMaxImageBytes = 10 * 1024 * 1024;
constexpr std::int64_t kMaxPixels = 50'000'000;  // decompression bombs stop here
constexpr int kThumbSize = 320;

std::optional<ImageType> sniff_image(std::string_view bytes);
std::string_view mime_of(ImageType type);

struct CleanImage {
  ImageType type;
  std::string data;   // re-encoded, metadata stripped
  std::string thumb;  // same type, at most kThumbSize on its longer side
  int width = 0, height = 0;
};

// Initialises libvips once (thread-safe); false when it cannot start.
bool init_images();
// 415 for an unknown type, 413 when too large, 422 when the bytes do not decode.
Result<CleanImage> clean_image(std::string_view bytes);

}  // namespace antoan::attachments
