#include "attachments/image.h"

#include <vips/vips.h>

#include <memory>
#include <mutex>

namespace antoan::attachments {
namespace {

struct GObjectUnref {
  void operator()(VipsImage* p) const {
    if (p) g_object_unref(p);
  }
};
using ImagePtr = std::unique_ptr<VipsImage, GObjectUnref>;

Error not_decodable() {
  return Error::unprocessable("file", "Không đọc được ảnh (tệp hỏng hoặc không phải ảnh)",
                              "The image cannot be read (corrupt or not an image)");
}

// Saves with every piece of metadata stripped, in the given format.
Result<std::string> save_stripped(VipsImage* image, ImageType type) {
  void* buf = nullptr;
  size_t len = 0;
  int rc = -1;
  switch (type) {
    case ImageType::jpeg:
      rc = vips_jpegsave_buffer(image, &buf, &len, "strip", TRUE, "Q", 85, nullptr);
      break;
    case ImageType::png:
      rc = vips_pngsave_buffer(image, &buf, &len, "strip", TRUE, nullptr);
      break;
    case ImageType::webp:
      rc = vips_webpsave_buffer(image, &buf, &len, "strip", TRUE, "Q", 85, nullptr);
      break;
  }
  if (rc != 0) {
    vips_error_clear();
    return not_decodable();
  }
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

}  // namespace

std::optional<ImageType> sniff_image(std::string_view b) {
  auto starts = [&](std::string_view magic, std::size_t at = 0) {
    return b.size() >= at + magic.size() && b.compare(at, magic.size(), magic) == 0;
  };
  if (starts("\xFF\xD8\xFF")) return ImageType::jpeg;
  if (starts("\x89PNG\r\n\x1A\n")) return ImageType::png;
  if (starts("RIFF") && starts("WEBP", 8)) return ImageType::webp;
  return std::nullopt;
}

std::string_view mime_of(ImageType type) {
  switch (type) {
    case ImageType::jpeg:
      return "image/jpeg";
    case ImageType::png:
      return "image/png";
    case ImageType::webp:
      return "image/webp";
  }
  return "application/octet-stream";
}

bool init_images() {
  static std::once_flag once;
  static bool ok = false;
  std::call_once(once, [] {
    ok = VIPS_INIT("antoan") == 0;
    if (!ok) return;
    vips_cache_set_max(0);       // no operation cache: every upload is different
    vips_concurrency_set(1);     // the machine is shared; photos are small
    vips_block_untrusted_set(TRUE);  // only the well-tested loaders
  });
  return ok;
}

Result<CleanImage> clean_image(std::string_view bytes) {
  if (bytes.size() > kMaxImageBytes)
    return Error::make(ErrorCode::payload_too_large, "Ảnh quá lớn (tối đa 10 MB)", "The image is too large (max 10 MB)",
                       "file");
  std::optional<ImageType> type = sniff_image(bytes);
  if (!type)
    return Error::make(ErrorCode::unsupported_media_type, "Chỉ nhận ảnh JPEG, PNG hoặc WebP",
                       "Only JPEG, PNG or WebP images are accepted", "file");
  if (!init_images()) return Error::internal("libvips failed to start");
  ImagePtr in(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!in) {
    vips_error_clear();
    return not_decodable();
  }
  if (static_cast<std::int64_t>(vips_image_get_width(in.get())) * vips_image_get_height(in.get()) > kMaxPixels)
    return Error::unprocessable("file", "Ảnh có quá nhiều điểm ảnh", "The image has too many pixels");
  VipsImage* rotated_raw = nullptr;
  if (vips_autorot(in.get(), &rotated_raw, nullptr) != 0) {
    vips_error_clear();
    return not_decodable();
  }
  ImagePtr rotated(rotated_raw);
  CleanImage out;
  out.type = *type;
  out.width = vips_image_get_width(rotated.get());
  out.height = vips_image_get_height(rotated.get());
  ANTOAN_ASSIGN(out.data, save_stripped(rotated.get(), *type));
  VipsImage* thumb_raw = nullptr;
  if (vips_thumbnail_image(rotated.get(), &thumb_raw, kThumbSize, "height", kThumbSize, nullptr) != 0) {
    vips_error_clear();
    return not_decodable();
  }
  ImagePtr thumb(thumb_raw);
  ANTOAN_ASSIGN(out.thumb, save_stripped(thumb.get(), *type));
  return out;
}

}  // namespace antoan::attachments
