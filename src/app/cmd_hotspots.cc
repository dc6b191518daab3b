// `antoan hotspots`: the prospective space-time permutation scan on a reports CSV. A thin
// adapter: read the CSV (hotspots/reports_csv), run the scan (hotspots/scan), print JSON.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/commands.h"
#include "core/json.h"
#include "hotspots/cluster_json.h"
#include "hotspots/days.h"
#include "hotspots/reports_csv.h"
#include "hotspots/scan.h"

namespace antoan::app {
namespace {

struct HotspotsArgs {
  std::string input;
  std::string as_of;
  std::optional<std::string> category;
  hotspots::ScanOptions scan;
  bool json = false;
};

void print_error(const Error& e) {
  std::fprintf(stderr, "antoan hotspots: %s\n  (%s)\n", e.message_vi.c_str(), e.message_en.c_str());
}

// A one-line progress bar on stderr, redrawn in place (only used when stderr is a terminal).
void draw_progress(int done, int total) {
  const int width = 40;
  const int filled = total ? done * width / total : width;
  std::fprintf(stderr, "\r[%.*s%*s] %d/%d replications", filled, "########################################",
               width - filled, "", done, total);
  if (done == total) std::fputc('\n', stderr);
  std::fflush(stderr);
}

void print_text(const hotspots::ScanResult& r, const hotspots::ScanInput& in) {
  std::printf("%lld cases, %d days (%s..%s), windows up to %d days, %d replications\n",
              static_cast<long long>(r.total_cases), r.study_days, hotspots::format_day(r.first_day).c_str(),
              hotspots::format_day(in.as_of_day).c_str(), r.max_window_days, r.replications);
  for (const auto& c : r.clusters) {
    const auto& p = in.locations[c.center];
    std::printf("(%.6f, %.6f) r=%.2f km %s..%s: %lld observed vs %.2f expected, LLR %.3f, p = %.4g, %zu locations\n",
                p.lat, p.lon, c.radius_km, hotspots::format_day(c.start_day).c_str(),
                hotspots::format_day(c.end_day).c_str(), static_cast<long long>(c.observed), c.expected, c.llr,
                c.p_value, c.locations.size());
  }
}

int run_hotspots(const HotspotsArgs& args) {
  auto as_of = hotspots::parse_day(args.as_of);
  if (!as_of) {
    print_error(Error::invalid("as_of", "--as-of phải có dạng YYYY-MM-DD", "--as-of must be YYYY-MM-DD"));
    return 2;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (args.input != "-") {
    file.open(args.input, std::ios::binary);
    if (!file) {
      print_error(Error::invalid("input", "Không mở được tệp " + args.input, "Cannot open " + args.input));
      return 2;
    }
    in = &file;
  }
  hotspots::ScanInputBuilder builder(*as_of);
  auto summary = hotspots::read_reports_csv(*in, hotspots::ReportsCsvOptions{args.category}, builder);
  if (!summary.ok()) {
    print_error(summary.error());
    return 2;
  }
  hotspots::ScanOptions options = args.scan;
  if (isatty(STDERR_FILENO)) options.progress = draw_progress;
  const hotspots::ScanInput input = builder.take();
  auto result = hotspots::run_scan(input, options);
  if (!result.ok()) {
    print_error(result.error());
    return 2;
  }
  for (const auto& note : result->notes) std::fprintf(stderr, "antoan hotspots: note: %s\n", note.c_str());
  if (result->ignored_cases > 0)
    std::fprintf(stderr, "antoan hotspots: %lld cases after --as-of were ignored\n",
                 static_cast<long long>(result->ignored_cases));
  if (args.json) {
    std::cout << safe_dump(hotspots::clusters_json(result->clusters, input.locations)) << "\n";
  } else {
    print_text(*result, input);
  }
  return 0;
}

}  // namespace

void add_hotspots_command(CLI::App& app) {
  auto args = std::make_shared<HotspotsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "hotspots",
      "Quét cụm điểm nóng không gian–thời gian (Kulldorff, hoán vị) trên tệp CSV báo cáo / "
      "Prospective space-time permutation scan of a reports CSV.\n"
      "Input columns (header row, any order, extra columns ignored): id,category,lat,lon,date "
      "(date YYYY-MM-DD or ISO 8601; Vietnam time).\n"
      "Output (--json): array of clusters sorted by LLR: {center:{lat,lon}, radius_km, start, end, observed, "
      "expected, llr, p_value, recurrence_interval_days, locations:[{lat,lon}..]}.\n"
      "Caveat: the permutation model assumes the population at each place is stable over the study "
      "period; keep the period within about one year.");
  cmd->add_option("--input", args->input, "Reports CSV file ('-' = stdin)")->required();
  cmd->add_option("--as-of", args->as_of, "Last day of the study period, YYYY-MM-DD (windows end here)")->required();
  cmd->add_option("--category", args->category, "Only reports of this category");
  cmd->add_option("--max-radius-km", args->scan.max_radius_km, "Largest circle radius, km (great-circle)")
      ->capture_default_str();
  cmd->add_option("--max-days", args->scan.max_days, "Longest time window, days (≤ half the study period)")
      ->capture_default_str();
  cmd->add_option("--replications", args->scan.replications, "Monte Carlo replications (0 = no p-values)")
      ->capture_default_str();
  cmd->add_option("--seed", args->scan.seed, "Random seed of the replications")->capture_default_str();
  cmd->add_option("--max-share", args->scan.max_population_share, "Largest share of all cases in a circle")
      ->capture_default_str();
  cmd->add_option("--threads", args->scan.threads, "Worker threads (0 = all cores)")->capture_default_str();
  cmd->add_option("--max-clusters", args->scan.max_clusters, "Clusters reported (primary + secondary)")
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Print the clusters as a JSON array");
  cmd->callback([args] {
    const int code = run_hotspots(*args);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace antoan::app
