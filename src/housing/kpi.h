#pragma once
// The coverage figures a federation reports upward, computed from plain facts so they can be
// tested on a constructed dataset: houses with >= 30 worker residents covered by a team (per
// area and in total, with the gap list), and meetings held vs expected (one per team per
// month since the team was founded, within the period).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/json.h"
#include "housing/model.h"

namespace antoan::housing {

struct HouseFact {
  std::int64_t id = 0;
  std::string name, address, area_code;
  std::int64_t residents = 0;
  std::optional<std::int64_t> team_id;
};

struct Coverage {
  std::int64_t houses = 0;
  std::int64_t houses_30plus = 0;
  std::int64_t covered_30plus = 0;
  std::int64_t workers_30plus = 0;
  std::int64_t covered_workers_30plus = 0;
  // covered_30plus / houses_30plus; 1 when there is no such house (nothing to cover).
  double rate() const { return houses_30plus ? static_cast<double>(covered_30plus) / houses_30plus : 1.0; }
};

struct CoverageReport {
  Coverage total;
  std::map<std::string, Coverage> by_area;  // area code -> coverage
  std::vector<HouseFact> gaps;              // >= 30 residents and no team, most residents first
};

CoverageReport compute_coverage(const std::vector<HouseFact>& houses);

struct TeamMeetingFact {
  std::int64_t team_id = 0;
  std::string name;
  std::string founded_on;           // YYYY-MM-DD
  std::set<std::string> months;     // YYYY-MM of its meetings
};

struct MeetingRate {
  std::int64_t team_id = 0;
  std::string name;
  std::int64_t held = 0;      // months of the period with at least one meeting
  std::int64_t expected = 0;  // months of the period since the team was founded
};

// Months "YYYY-MM" from `from` to `to` inclusive (empty when from > to).
std::vector<std::string> months_between(const std::string& from, const std::string& to);
std::vector<MeetingRate> compute_meeting_rates(const std::vector<TeamMeetingFact>& teams, const std::string& from,
                                               const std::string& to);

Json coverage_json(const Coverage& c);

}  // namespace antoan::housing
