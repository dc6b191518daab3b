// `antoan check`: the scam checker on JSON lines. Reads {"text": "..."} or {"id": .., "text": ..}
// per line on stdin and writes one JSON line per input:
//   {"id":..,"verdict":"scam"|"suspicious"|"safe","score":0..1,"reasons":[..],"indicators":[..],..}
// A malformed line gets {"line":N,"error":{...}} and processing goes on; blank lines are
// skipped. With --db, indicators are looked up in that database's scam registry.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "app/commands.h"
#include "scam/check_setup.h"
#include "core/json.h"
#include "scam/checker.h"
#include "scam/data_paths.h"

namespace antoan::app {
namespace {

struct CheckOptions {
  std::string db;
  std::string data_dir;
  std::string lang = "vi";
};

Json error_json(const Error& e) {
  return Json{{"code", std::string(error_code_name(e.code))},
              {"message", e.message_vi},
              {"message_vi", e.message_vi},
              {"message_en", e.message_en},
              {"field", e.field}};
}

// One output line; "id" (when given) first so a reader can match lines by eye.
std::string output_line(const Json* id, const Json& body) {
  std::string rest = safe_dump(body);
  if (!id) return rest;
  return "{\"id\":" + safe_dump(*id) + (rest.size() > 2 ? "," + rest.substr(1) : "}");
}

std::string check_line(const scam::Checker& checker, const std::string& line, long line_no, const std::string& lang) {
  auto parsed = parse_json_object(line);
  if (!parsed.ok()) return output_line(nullptr, Json{{"line", line_no}, {"error", error_json(parsed.error())}});
  const Json& in = *parsed;
  const Json* id = nullptr;
  if (in.contains("id")) {
    id = &in["id"];
    if (!id->is_string() && !id->is_number_integer() && !id->is_number_unsigned()) {
      Error e = Error::invalid("id", "Mã dòng phải là chuỗi hoặc số nguyên", "id must be a string or an integer");
      return output_line(nullptr, Json{{"line", line_no}, {"error", error_json(e)}});
    }
  }
  if (!in.contains("text") || !in["text"].is_string()) {
    Error e = Error::invalid("text", "Thiếu trường text (chuỗi)", "Missing string field text");
    return output_line(id, Json{{"line", line_no}, {"error", error_json(e)}});
  }
  auto result = checker.check(in["text"].get_ref<const std::string&>());
  if (!result.ok()) return output_line(id, Json{{"line", line_no}, {"error", error_json(result.error())}});
  return output_line(id, scam::check_result_json(*result, lang));
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

int run_check(const CheckOptions& options) {
  std::string dir = options.data_dir.empty() ? scam::default_scam_data_dir() : options.data_dir;
  auto setup = scam::CheckSetup::open(dir, options.db);
  if (!setup.ok()) {
    std::fprintf(stderr, "antoan check: %s\n", setup.error().message_en.c_str());
    return 1;
  }
  const scam::Checker& checker = (*setup)->checker();
  bool interactive = ::isatty(STDIN_FILENO);
  std::ios::sync_with_stdio(false);
  std::string line;
  long line_no = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (blank(line)) continue;
    std::string out = check_line(checker, line, line_no, options.lang);
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (interactive) std::fflush(stdout);
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Check messages for scams: JSON lines {\"id\",\"text\"} on stdin, one verdict line each on stdout");
  cmd->add_option("--db", options->db, "Database whose scam registry is consulted (optional)");
  cmd->add_option("--data", options->data_dir, "Directory with patterns.tsv, brands.tsv and model.bin (default: data/scam)");
  cmd->add_option("--lang", options->lang, "Language of \"reasons\": vi or en (both are always in reasons_vi/reasons_en)")
      ->capture_default_str()
      ->check(CLI::IsMember({"vi", "en"}));
  cmd->callback([options] {
    int rc = run_check(*options);
    if (rc != 0) std::exit(rc);
  });
}

}  // namespace antoan::app
