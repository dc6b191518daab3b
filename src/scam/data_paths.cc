#include "scam/data_paths.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace antoan::scam {

std::string default_scam_data_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists("data/scam/patterns.tsv", ec)) return "data/scam";
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      fs::path candidate = dir / "data" / "scam";
      if (fs::exists(candidate / "patterns.tsv", ec)) return candidate.string();
    }
  }
  return "data/scam";
}

Result<std::string> read_data_file(const std::string& path, const std::string& what_vi, const std::string& what_en,
                                   const char* field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::make(ErrorCode::internal, "Không đọc được " + what_vi + " " + path, "Cannot read " + what_en + " " + path,
                       field);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace antoan::scam
