#include <gtest/gtest.h>
#include <vips/vips.h>

#include "attachments/image.h"

namespace antoan::attachments {
namespace {

// A small JPEG made by libvips itself, with an EXIF block carrying GPS coordinates.
std::string jpeg_with_gps() {
  EXPECT_TRUE(init_images());
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, 64, 48, "bands", 3, nullptr), 0);
  vips_image_set_string(black, "exif-ifd3-GPSLatitude", "21/1 10/1 0/1 (21, 10, 0, Rational, 3)");
  vips_image_set_string(black, "exif-ifd3-GPSLatitudeRef", "N (N, ASCII, 2)");
  vips_image_set_string(black, "exif-ifd0-Artist", "Nguyen Van Reporter (Nguyen Van Reporter, ASCII, 19)");
  void* buf = nullptr;
  size_t len = 0;
  EXPECT_EQ(vips_jpegsave_buffer(black, &buf, &len, nullptr), 0);
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  g_object_unref(black);
  return out;
}

TEST(ImageSniff, DecidesFromTheBytes) {
  EXPECT_EQ(sniff_image("\xFF\xD8\xFF\xE0rest"), ImageType::jpeg);
  EXPECT_EQ(sniff_image(std::string("\x89PNG\r\n\x1A\n", 8) + "IHDR"), ImageType::png);
  EXPECT_EQ(sniff_image(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), ImageType::webp);
  EXPECT_EQ(sniff_image(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)), std::nullopt);
  EXPECT_EQ(sniff_image("GIF89a"), std::nullopt);
  EXPECT_EQ(sniff_image("<svg xmlns="), std::nullopt);
  EXPECT_EQ(sniff_image(""), std::nullopt);
  EXPECT_EQ(sniff_image("\xFF\xD8"), std::nullopt);
}

TEST(CleanImage, StripsExifAndGps) {
  std::string original = jpeg_with_gps();
  ASSERT_NE(original.find("Exif"), std::string::npos) << "test image must carry EXIF";
  ASSERT_NE(original.find("Reporter"), std::string::npos);
  auto clean = clean_image(original);
  ASSERT_TRUE(clean.ok()) << clean.error().message_en;
  EXPECT_EQ(clean->type, ImageType::jpeg);
  EXPECT_EQ(clean->width, 64);
  EXPECT_EQ(clean->height, 48);
  EXPECT_EQ(clean->data.find("Exif"), std::string::npos);
  EXPECT_EQ(clean->data.find("Reporter"), std::string::npos);
  EXPECT_EQ(clean->thumb.find("Exif"), std::string::npos);
  EXPECT_EQ(sniff_image(clean->thumb), ImageType::jpeg);
}

TEST(CleanImage, RejectsWhatIsNotAnAcceptedImage) {
  auto gif = clean_image("GIF89a\x01\x00\x01\x00");
  ASSERT_FALSE(gif.ok());
  EXPECT_EQ(gif.error().code, ErrorCode::unsupported_media_type);
  auto broken = clean_image("\xFF\xD8\xFF\xE0 this is not really a jpeg");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::unprocessable);
  auto huge = clean_image(std::string(kMaxImageBytes + 1, '\xFF'));
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().code, ErrorCode::payload_too_large);
}

}  // namespace
}  // namespace antoan::attachments
