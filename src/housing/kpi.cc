#include "housing/kpi.h"

#include <algorithm>
#include <cstdio>

namespace antoan::housing {
namespace {

void add(Coverage& c, const HouseFact& h) {
  ++c.houses;
  if (h.residents < kCoverageThreshold) return;
  ++c.houses_30plus;
  c.workers_30plus += h.residents;
  if (!h.team_id) return;
  ++c.covered_30plus;
  c.covered_workers_30plus += h.residents;
}

}  // namespace

CoverageReport compute_coverage(const std::vector<HouseFact>& houses) {
  CoverageReport r;
  for (const HouseFact& h : houses) {
    add(r.total, h);
    add(r.by_area[h.area_code], h);
    if (h.residents >= kCoverageThreshold && !h.team_id) r.gaps.push_back(h);
  }
  std::sort(r.gaps.begin(), r.gaps.end(), [](const HouseFact& a, const HouseFact& b) {
    return a.residents != b.residents ? a.residents > b.residents : a.id < b.id;
  });
  return r;
}

std::vector<std::string> months_between(const std::string& from, const std::string& to) {
  std::vector<std::string> out;
  int y = std::stoi(from.substr(0, 4)), m = std::stoi(from.substr(5, 2));
  const int ty = std::stoi(to.substr(0, 4)), tm = std::stoi(to.substr(5, 2));
  while ((y < ty || (y == ty && m <= tm)) && out.size() < 1200) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    out.emplace_back(buf);
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return out;
}

std::vector<MeetingRate> compute_meeting_rates(const std::vector<TeamMeetingFact>& teams, const std::string& from,
                                               const std::string& to) {
  std::vector<std::string> period = months_between(from, to);
  std::vector<MeetingRate> out;
  for (const TeamMeetingFact& t : teams) {
    MeetingRate r{t.team_id, t.name, 0, 0};
    std::string founded = t.founded_on.substr(0, 7);
    for (const std::string& month : period) {
      if (t.months.count(month)) ++r.held;
      if (month >= founded) ++r.expected;
    }
    out.push_back(std::move(r));
  }
  return out;
}

Json coverage_json(const Coverage& c) {
  return {{"houses", c.houses},
          {"houses_30plus", c.houses_30plus},
          {"covered_30plus", c.covered_30plus},
          {"uncovered_30plus", c.houses_30plus - c.covered_30plus},
          {"workers_30plus", c.workers_30plus},
          {"covered_workers_30plus", c.covered_workers_30plus},
          {"coverage_rate", c.rate()}};
}

}  // namespace antoan::housing
