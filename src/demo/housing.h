#pragma once
// Boarding houses and self-management teams of the demo: a team in each of a few communes
// around the industrial parks (the first one in Xã Yên Phong, led by the demo login
// totruong.yenphong), houses with residents and a safety check, members, and about six
// months of monthly meetings, some missed. Landlord contacts and members' phones are left
// empty (the demo has no field key, as it has no reporter contact).
#include <random>

#include "core/clock.h"
#include "core/error.h"
#include "demo/world.h"
#include "store/db.h"

namespace antoan::demo {

struct HousingSummary {
  int teams = 0;
  int houses = 0;
  int members = 0;
  int meetings = 0;
};

// Runs inside the demo's write transaction after build_world; sets world.team_id to the
// Yên Phong team and scopes the team leader's account to it.
Result<HousingSummary> build_demo_housing(store::Tx& tx, World& world, std::mt19937_64& rng, EpochMs today);

}  // namespace antoan::demo
