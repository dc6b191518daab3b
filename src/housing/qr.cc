#include "housing/qr.h"

#include <qrencode.h>

#include <memory>

#include "housing/poster.h"

namespace antoan::housing {

Result<std::vector<std::vector<bool>>> qr_matrix(std::string_view text) {
  if (text.empty() || text.size() > 1000)
    return Error::invalid("url", "Nội dung mã QR không hợp lệ", "Invalid QR content");
  std::string data(text);
  // 8-bit mode: a URL keeps its exact bytes (case included).
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
  if (!code) return Error::internal("QR encoding failed");
  const int w = code->width;
  std::vector<std::vector<bool>> m(static_cast<std::size_t>(w), std::vector<bool>(static_cast<std::size_t>(w)));
  for (int y = 0; y < w; ++y)
    for (int x = 0; x < w; ++x) m[y][x] = (code->data[y * w + x] & 1) != 0;
  return m;
}

Result<std::string> qr_svg(std::string_view text, std::string_view title) {
  ANTOAN_ASSIGN(auto m, qr_matrix(text));
  constexpr int kQuiet = 4;
  const int size = static_cast<int>(m.size()) + 2 * kQuiet;
  std::string path;
  path.reserve(m.size() * m.size() * 6);
  for (std::size_t y = 0; y < m.size(); ++y)
    for (std::size_t x = 0; x < m.size(); ++x)
      if (m[y][x]) path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
  std::string n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + n + " " + n +
         "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + html_escape(title) + "\"><title>" +
         html_escape(title) + "</title><rect width=\"" + n + "\" height=\"" + n +
         "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

}  // namespace antoan::housing
