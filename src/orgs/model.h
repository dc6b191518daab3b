#pragma once
// The organisation tree and administrative areas as the rest of antoan sees them.
//
// Tree: national -> province -> commune nodes (one per area), with offices attached to an
// area node (federation, police, authority), enterprises under their commune and each
// enterprise's grassroots union under it. `path` is the materialised path of ids
// ("/1/12/40/"); `scope_path` is the root of what the org's officers see: the area node an
// office is attached to, the enterprise for an enterprise or its union, itself otherwise.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antoan::orgs {

struct Area {
  std::string code;
  std::string name;
  std::string level;  // "province" | "commune"
  std::optional<std::string> parent_code;
  std::optional<double> lat, lon;
};

struct OrgRef {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string path;
  std::string scope_path;
  std::string kind;
  std::string name;
  std::optional<std::string> area_code;
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::string> industrial_park;
  std::optional<double> lat, lon;
};

// Kinds of organisation nodes (stable codes stored in organisations.kind).
bool is_org_kind(std::string_view kind);
// national, province, commune: the nodes that stand for an administrative area.
bool is_area_node_kind(std::string_view kind);
// federation, police, authority: offices attached to an area node.
bool is_office_kind(std::string_view kind);

}  // namespace antoan::orgs
