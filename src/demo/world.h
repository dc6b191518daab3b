#pragma once
// The fixed "world" of the demo dataset: real industrial parks of Hà Nội and Bắc Ninh (with
// approximate coordinates and the commune/ward they sit in after the 2025 reorganisation),
// fictional enterprises in them, their grassroots unions, commune/ward police units, and the
// officers (one demo login per role). Created inside the demo's write transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/db.h"

namespace antoan::demo {

struct Park {
  std::string name;          // "KCN Yên Phong"
  std::string commune_code;  // where it lies after 1 July 2025
  double lat, lon;           // approximate centre
  int enterprises;           // how many fictional enterprises the demo puts there
};

const std::vector<Park>& demo_parks();

struct Enterprise {
  std::int64_t id = 0;
  std::string name;
  std::string short_name;  // "ABC" for the texts
  std::string slug;        // for usernames: dn.<slug>, cd.<slug>
  std::string park;
  std::string commune_code;
  std::string province_code;
  double lat = 0, lon = 0;
  int workers = 0;
  std::optional<std::int64_t> union_id;
};

struct Commune {
  std::string code;
  std::string name;
  std::string province_code;
  double lat = 0, lon = 0;
  double weight = 1;  // relative number of workers living there (drives report volume)
  std::int64_t node_id = 0;
  std::string node_path;
};

struct DemoLogin {
  std::string username;
  std::string role;
  std::string display_name;
  std::string org_name;
};

struct World {
  std::vector<Commune> communes;
  std::vector<Enterprise> enterprises;
  std::vector<DemoLogin> logins;
  std::map<std::int64_t, std::int64_t> handler_of_org;  // responsible org -> an officer user there
  std::int64_t team_leader_id = 0;
  std::int64_t team_id = 1;
  std::string team_commune_code;
};

// Creates enterprises, unions, police units and users (reference data must be seeded).
// `password_hash` is stored for every demo login; handler accounts get "!" (no login).
Result<World> build_world(store::Tx& tx, std::mt19937_64& rng, const std::string& password_hash_seed);

}  // namespace antoan::demo
