#include "orgs/seed.h"

#include <map>

#include "core/clock.h"
#include "orgs/area_data.h"
#include "text/normalize.h"

namespace antoan::orgs {
namespace {

using store::Params;
using store::Tx;

Status upsert_area(Tx& tx, const std::string& code, const std::string& name, const char* level,
                   const std::optional<std::string>& parent, double lat, double lon) {
  ANTOAN_TRY(tx.exec(
      "INSERT INTO areas (code, name, name_folded, level, parent_code, lat, lon) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      "ON CONFLICT (code) DO NOTHING",
      {code, name, text::fold(name), std::string(level), store::optional_value(parent), lat, lon}));
  return {};
}

// Finds the org of `kind` under `parent_id` (or a root when nullopt) for `area_code`. The SQL
// is built per case because PostgreSQL cannot type a bare "$n IS NULL".
Result<std::optional<std::int64_t>> find_org(Tx& tx, const std::string& kind, std::optional<std::int64_t> parent_id,
                                             const std::optional<std::string>& area_code) {
  std::string sql = "SELECT id FROM organisations WHERE kind = $1";
  Params params{kind};
  if (parent_id) {
    params.emplace_back(*parent_id);
    sql += " AND parent_id = $" + std::to_string(params.size());
  } else {
    sql += " AND parent_id IS NULL";
  }
  if (area_code) {
    params.emplace_back(*area_code);
    sql += " AND area_code = $" + std::to_string(params.size());
  } else {
    sql += " AND area_code IS NULL";
  }
  ANTOAN_ASSIGN(auto rows, tx.query(sql + " ORDER BY id LIMIT 1", params));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows[0].i64(0)};
}

struct NodeSpec {
  std::string kind;
  std::string name;
  std::optional<std::int64_t> parent_id;
  std::string parent_path;  // "" for a root
  std::optional<std::string> area_code;
  std::optional<double> lat, lon;
};

// Inserts a node and sets its materialised path; offices see their parent's subtree.
Result<std::int64_t> insert_node(Tx& tx, const NodeSpec& s) {
  ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO organisations (parent_id, path, scope_path, kind, name, name_folded, "
                                    "area_code, lat, lon, created_at) VALUES ($1, '', '', $2, $3, $4, $5, $6, $7, $8) "
                                    "RETURNING id",
                                    {store::optional_value(s.parent_id), s.kind, s.name, text::fold(s.name),
                                     store::optional_value(s.area_code), store::optional_value(s.lat),
                                     store::optional_value(s.lon), now_ms()}));
  std::int64_t id = rows[0].i64(0);
  std::string path = (s.parent_path.empty() ? std::string("/") : s.parent_path) + std::to_string(id) + "/";
  std::string scope = (s.kind == "federation" || s.kind == "police" || s.kind == "authority") && !s.parent_path.empty()
                          ? s.parent_path
                          : path;
  ANTOAN_TRY(tx.exec("UPDATE organisations SET path = $1, scope_path = $2 WHERE id = $3", {path, scope, id}));
  return id;
}

// Returns the id and path of the node, creating it when missing.
Result<std::pair<std::int64_t, std::string>> ensure_node(Tx& tx, const NodeSpec& s) {
  ANTOAN_ASSIGN(auto existing, find_org(tx, s.kind, s.parent_id, s.area_code));
  std::int64_t id = 0;
  if (existing) {
    id = *existing;
  } else {
    ANTOAN_ASSIGN(id, insert_node(tx, s));
  }
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT path FROM organisations WHERE id = $1", {id}));
  return std::make_pair(id, rows[0].str(0));
}

Status seed_routing_rules(Tx& tx) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT count(*) FROM routing_rules"));
  if (rows[0].i64(0) > 0) return {};  // an administrator's table is never overwritten
  struct Rule {
    const char* category;
    const char* kind;
    int position;
  };
  // Crime to the nearest police office; workplace and wages to the enterprise's grassroots
  // union (falling through to the federation when there is none); everything else to the
  // federation.
  static constexpr Rule rules[] = {
      {"scam", "police", 10},          {"illegal_lending", "police", 11}, {"drugs", "police", 12},
      {"theft", "police", 13},         {"violence", "police", 14},        {"workplace_safety", "union", 20},
      {"wages", "union", 21},          {"*", "federation", 1000},
  };
  for (const Rule& r : rules)
    ANTOAN_TRY(tx.exec("INSERT INTO routing_rules (category, area_code, org_kind, position) VALUES ($1, '*', $2, $3)",
                       {std::string(r.category), std::string(r.kind), std::int64_t{r.position}}));
  return {};
}

}  // namespace

std::string federation_name(const std::string& province_name, bool is_city) {
  return std::string("LĐLĐ ") + (is_city ? "thành phố " : "tỉnh ") + province_name;
}

std::string province_police_name(const std::string& province_name, bool is_city) {
  return std::string("Công an ") + (is_city ? "thành phố " : "tỉnh ") + province_name;
}

Status seed_reference_data(Tx& tx) {
  ANTOAN_ASSIGN(auto provinces, load_provinces());
  ANTOAN_ASSIGN(auto communes, load_demo_communes());
  for (const auto& p : provinces) ANTOAN_TRY(upsert_area(tx, p.code, p.name, "province", std::nullopt, p.lat, p.lon));
  for (const auto& c : communes) ANTOAN_TRY(upsert_area(tx, c.code, c.name, "commune", c.province_code, c.lat, c.lon));

  ANTOAN_ASSIGN(auto national, ensure_node(tx, {"national", "Việt Nam", std::nullopt, "", std::nullopt, 16.0, 106.0}));
  ANTOAN_TRY(ensure_node(tx, {"federation", "Tổng Liên đoàn Lao động Việt Nam", national.first, national.second,
                              std::nullopt, 21.0245, 105.8412}));
  ANTOAN_TRY(ensure_node(tx, {"police", "Bộ Công an", national.first, national.second, std::nullopt, 21.0136, 105.8516}));

  std::map<std::string, std::pair<std::int64_t, std::string>> province_nodes;
  for (const auto& p : provinces) {
    ANTOAN_ASSIGN(auto node, ensure_node(tx, {"province", p.name, national.first, national.second, p.code, p.lat, p.lon}));
    province_nodes[p.code] = node;
    ANTOAN_TRY(ensure_node(tx, {"federation", federation_name(p.name, p.is_city), node.first, node.second, p.code,
                                p.lat + 0.002, p.lon + 0.002}));
    ANTOAN_TRY(ensure_node(tx, {"police", province_police_name(p.name, p.is_city), node.first, node.second, p.code,
                                p.lat - 0.002, p.lon + 0.001}));
  }
  for (const auto& c : communes) {
    auto it = province_nodes.find(c.province_code);
    if (it == province_nodes.end()) return Error::internal("commune " + c.code + " has an unknown province");
    ANTOAN_TRY(ensure_node(tx, {"commune", c.name, it->second.first, it->second.second, c.code, c.lat, c.lon}));
  }
  return seed_routing_rules(tx);
}

Status seed_reference_data(store::Db& db) {
  return db.write([](Tx& tx) { return seed_reference_data(tx); });
}

}  // namespace antoan::orgs
