#pragma once
// QR codes as SVG (libqrencode): a square path per dark module on a white background with the
// 4-module quiet zone, scalable to any print size without a raster library.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace antoan::housing {

// The module matrix (true = dark), row by row, without quiet zone; error correction level M.
Result<std::vector<std::vector<bool>>> qr_matrix(std::string_view text);
// An <svg> element (viewBox in modules, quiet zone included) showing `text` as a QR code.
Result<std::string> qr_svg(std::string_view text, std::string_view title);

}  // namespace antoan::housing
