#include "housing/poster.h"

#include <sodium.h>

#include "housing/qr.h"

namespace antoan::housing {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string report_url_for(std::string_view public_base, std::string_view poster_token) {
  std::string base(public_base);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/report?house=" + std::string(poster_token);
}

std::string new_poster_token() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

namespace {

// A4 portrait; the QR code is ~9 cm wide so an old phone camera reads it from a metre away.
constexpr const char* kStyle =
    "@page{size:A4 portrait;margin:14mm}"
    "*{box-sizing:border-box}"
    "body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;color:#111;margin:0;background:#fff}"
    ".poster{width:182mm;min-height:265mm;margin:0 auto;padding:6mm;border:3px solid #b3261e;display:flex;"
    "flex-direction:column;gap:5mm}"
    "h1{font-size:30pt;margin:0;color:#b3261e;text-align:center;line-height:1.15}"
    ".house{font-size:15pt;text-align:center;margin:0}"
    ".scan{display:flex;gap:6mm;align-items:center}"
    ".qr{width:90mm;height:90mm;flex:none}"
    ".steps{font-size:15pt;line-height:1.45}"
    ".steps b{color:#b3261e}"
    ".team,.hotlines{font-size:15pt;border-top:2px solid #ddd;padding-top:4mm}"
    ".hotlines ul{list-style:none;padding:0;margin:2mm 0 0;display:flex;gap:6mm;flex-wrap:wrap}"
    ".hotlines li{font-size:20pt;font-weight:700}"
    ".url{font-size:10pt;color:#444;word-break:break-all;text-align:center}"
    ".foot{font-size:11pt;color:#444;margin-top:auto}"
    "@media print{.poster{border-width:2px}}";

std::string team_block(const PosterData& d) {
  if (!d.team_name && !d.leader_name)
    return "<section class=\"team\"><p>Nhà trọ này chưa có tổ tự quản. Hãy liên hệ công đoàn hoặc công an "
           "xã/phường để thành lập tổ.</p></section>";
  std::string s = "<section class=\"team\"><h2>Tổ tự quản</h2><p>";
  if (d.team_name) s += "<b>" + html_escape(*d.team_name) + "</b><br>";
  if (d.leader_name) s += "Tổ trưởng: " + html_escape(*d.leader_name);
  if (d.leader_phone) s += " — <b class=\"leader-phone\">" + html_escape(*d.leader_phone) + "</b>";
  return s + "</p></section>";
}

}  // namespace

Result<std::string> render_poster_html(const PosterData& d) {
  ANTOAN_ASSIGN(std::string svg, qr_svg(d.report_url, "Mã QR báo cáo sự việc tại " + d.house_name));
  std::string html =
      "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Áp phích — " +
      html_escape(d.house_name) + "</title><style>" + kStyle + "</style></head><body><main class=\"poster\">";
  html += "<h1>Có chuyện không an toàn?<br>Báo ngay — không cần tên</h1>";
  html += "<p class=\"house\"><b>" + html_escape(d.house_name) + "</b><br>" + html_escape(d.address);
  if (!d.area_name.empty()) html += ", " + html_escape(d.area_name);
  html += "</p><div class=\"scan\">" + svg +
          "<div class=\"steps\"><p><b>1.</b> Mở camera điện thoại, quét mã QR.</p>"
          "<p><b>2.</b> Chọn loại sự việc: cháy nổ, điện, trộm cắp, tín dụng đen, lừa đảo, quấy rối…</p>"
          "<p><b>3.</b> Gửi báo cáo. Bạn nhận <b>mã biên nhận</b> để theo dõi; "
          "không ai biết bạn là ai nếu bạn không muốn.</p></div></div>";
  html += "<p class=\"url\">" + html_escape(d.report_url) + "</p>";
  html += team_block(d);
  html += "<section class=\"hotlines\"><h2>Khẩn cấp</h2><ul>"
          "<li>🚓 113 Công an</li><li>🚒 114 Cứu hỏa</li><li>🚑 115 Cấp cứu</li></ul></section>";
  html += "<p class=\"foot\">An Toàn — nền tảng của công đoàn, công an và chính quyền địa phương bảo vệ người "
          "lao động. Báo cáo được mã hóa; chủ trọ và doanh nghiệp không xem được thông tin của bạn.</p>";
  html += "</main></body></html>";
  return html;
}

}  // namespace antoan::housing
