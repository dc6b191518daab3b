#pragma once
// The demo dataset behind `antoan demo` and `make run`: Hà Nội and Bắc Ninh industrial parks,
// fictional enterprises with their unions, police units, federations, one login per role,
// and about a year of reports with cases in every state (see docs/demo.md for what is
// planted and why).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "demo/housing.h"
#include "demo/world.h"
#include "store/db.h"

namespace antoan::demo {

// The one password of every demo login (documented in README.md and docs/demo.md).
inline constexpr const char* kDemoPassword = "antoan-demo-2026";

struct DemoOptions {
  std::uint64_t seed = 2026;
  int reports = 50000;
  EpochMs today = 0;  // the demo's "now"; 0 = the current time
};

// A planted spatio-temporal cluster, so the hotspot map has something real to find.
struct PlantedCluster {
  std::string category;
  std::string near;  // park name
  double lat = 0, lon = 0;
  double radius_km = 0;
  EpochMs start = 0, end = 0;
  int reports = 0;
};

struct DemoSummary {
  int reports = 0;
  int cases = 0;
  int events = 0;
  int enterprises = 0;
  int organisations = 0;
  int users = 0;
  std::map<std::string, int> cases_by_status;
  std::map<std::string, int> reports_by_category;
  std::vector<PlantedCluster> clusters;
  std::vector<DemoLogin> logins;
  HousingSummary housing;
};

// Fills an empty database (refuses one that already has reports or users). Seeds the
// reference data first.
Result<DemoSummary> build_demo(store::Db& db, const DemoOptions& options);

// The demo logins and their password as printable text, or "" when the database has none.
std::string describe_demo_logins(store::Db& db);

}  // namespace antoan::demo
