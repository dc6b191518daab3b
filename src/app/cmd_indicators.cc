// `antoan indicators import --db PATH [--format csv|plain] [--status S] [--skip-invalid] FILE`:
// imports a blocklist into the scam-indicator registry (see scam/registry.h), audited as the
// system. One bad row and nothing is imported unless --skip-invalid; every bad row is listed
// on stderr with its line number. Exit 0 imported, 1 rows rejected, 2 other errors.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands.h"
#include "scam/registry.h"
#include "store/db.h"

namespace antoan::app {
namespace {

struct ImportArgs {
  std::string db = "var/antoan.db";
  std::string file;
  std::string format;  // empty: by extension (.csv → csv)
  std::string status = "confirmed";
  bool skip_invalid = false;
};

int run_import(const ImportArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "antoan indicators import: cannot read %s\n", a.file.c_str());
    return 2;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string body = buf.str();

  scam::ImportOptions options;
  const bool csv = a.format == "csv" || (a.format.empty() && std::filesystem::path(a.file).extension() == ".csv");
  options.format = csv ? scam::ImportFormat::csv : scam::ImportFormat::plain;
  auto status = scam::parse_indicator_status(a.status);
  if (!status) {
    std::fprintf(stderr, "antoan indicators import: --status must be reported, confirmed or cleared\n");
    return 2;
  }
  options.default_status = *status;
  options.skip_invalid = a.skip_invalid;

  auto db = store::open_db(a.db);
  if (!db.ok()) {
    std::fprintf(stderr, "antoan indicators import: %s\n", db.error().message_en.c_str());
    return 2;
  }
  int rc = 0;
  {
    auto registry = scam::Registry::load(**db);
    if (!registry.ok()) {
      std::fprintf(stderr, "antoan indicators import: %s\n", registry.error().message_en.c_str());
      (*db)->close();
      return 2;
    }
    auto report = (*registry)->import(scam::registry_system_principal(), body, options);
    if (!report.ok()) {
      std::fprintf(stderr, "antoan indicators import: %s\n", report.error().message_en.c_str());
      rc = 2;
    } else {
      for (const auto& e : report->errors)
        std::fprintf(stderr, "line %lld: %s: %s\n", static_cast<long long>(e.line), e.message_en.c_str(),
                     e.value.c_str());
      std::printf("%s: %lld rows, %lld inserted, %lld updated, %lld duplicates, %lld invalid\n",
                  report->committed ? "imported" : "nothing imported", static_cast<long long>(report->rows),
                  static_cast<long long>(report->inserted), static_cast<long long>(report->updated),
                  static_cast<long long>(report->duplicates), static_cast<long long>(report->invalid));
      rc = report->invalid > 0 && !report->committed ? 1 : 0;
    }
  }
  (*db)->close();
  return rc;
}

}  // namespace

void add_indicators_command(CLI::App& app) {
  CLI::App* indicators = app.add_subcommand("indicators", "The scam-indicator registry");
  indicators->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = indicators->add_subcommand(
      "import", "Import a blocklist: one phone/domain/link/account per line, or CSV kind,value[,status][,note]");
  cmd->add_option("--db", args->db, "SQLite file (or postgres:// URL)")->capture_default_str();
  cmd->add_option("--format", args->format, "csv or plain (default: csv for *.csv files)")
      ->check(CLI::IsMember({"csv", "plain"}));
  cmd->add_option("--status", args->status, "status of rows that give none (raises 'reported' only)")
      ->capture_default_str();
  cmd->add_flag("--skip-invalid", args->skip_invalid, "import the good rows even when some are bad");
  cmd->add_option("FILE", args->file, "the list to import")->required();
  cmd->callback([args] { std::exit(run_import(*args)); });
}

}  // namespace antoan::app
