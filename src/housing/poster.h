#pragma once
// The printable A4 poster hung in a boarding house (Vietnamese): how to report a problem in
// one scan (a QR code to the report form pre-filled with this house), the self-management
// team's leader to call, and the emergency numbers. A self-contained HTML page, no script.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace antoan::housing {

struct PosterData {
  std::string house_name, address, area_name;
  std::string report_url;  // <public base>/report?house=<poster token>
  std::optional<std::string> team_name, leader_name, leader_phone;
};

std::string html_escape(std::string_view text);
// The report form's URL for a house, from the server's public base ("https://host") and the
// house's poster token (never its id: ids are sequential, a token cannot be guessed).
std::string report_url_for(std::string_view public_base, std::string_view poster_token);
// A fresh poster token: 128 random bits, URL-safe.
std::string new_poster_token();
Result<std::string> render_poster_html(const PosterData& d);

}  // namespace antoan::housing
