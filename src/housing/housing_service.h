#pragma once
// The housing capability's logic (no HTTP): boarding houses with their safety checks and
// sealed landlord contact, self-management teams with members and monthly meetings, issues
// raised at meetings turned into cases through IntakeService, the coverage KPI, the poster,
// and CSV import/export. Every read is scoped by security/policy (allows_housing,
// housing_filter); every change appends to the audit log in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "housing/model.h"
#include "intake/intake_service.h"
#include "security/policy.h"
#include "store/db.h"

namespace antoan::security {
class FieldCrypto;
}
namespace antoan::orgs {
class OrgService;
}

namespace antoan::housing {

struct HouseFilter {
  std::optional<std::string> area_code;  // a commune, or a province (its communes included)
  std::optional<std::int64_t> team_id;
  std::optional<std::string> q;          // in the name or the address
  bool uncovered_only = false;           // >= 30 residents and no team
  int limit = 50;
  int offset = 0;
};

struct KpiQuery {
  std::optional<std::string> area_code;  // a commune or a province
  std::optional<std::int64_t> org_id;    // an organisation's scope (e.g. a district federation)
  std::string from_month, to_month;      // YYYY-MM, inclusive
};

struct ImportRowError {
  int row = 0;  // line of the CSV (the header is line 1)
  std::string field;
  std::string message_vi, message_en;
};

struct ImportOutcome {
  int imported = 0;
  std::vector<ImportRowError> errors;  // non-empty: nothing was imported
};

class HousingService {
 public:
  HousingService(store::Db& db, orgs::OrgService& orgs, security::FieldCrypto& crypto,
                 intake::IntakeService& intake)
      : db_(db), orgs_(orgs), crypto_(crypto), intake_(intake) {}

  // Houses.
  Result<Json> list_houses(const security::Principal& p, const HouseFilter& f);
  Result<Json> get_house(const security::Principal& p, std::int64_t id);
  Result<Json> create_house(const security::Principal& p, const HouseInput& in);
  Result<Json> update_house(const security::Principal& p, std::int64_t id, const HouseInput& in);
  Result<Json> add_safety_check(const security::Principal& p, std::int64_t id, const SafetyCheckInput& in);
  Result<std::string> reveal_landlord(const security::Principal& p, std::int64_t id, const std::string& reason);
  Result<std::string> poster_html(const security::Principal& p, std::int64_t id, const std::string& public_base);
  // What a worker's phone may know from a poster's QR code: no address, no residents.
  Result<Json> public_house(const std::string& poster_token);
  static Result<std::optional<std::int64_t>> house_for_token(store::Tx& tx, const std::string& poster_token);
  Result<Json> map_points(const security::Principal& p);

  // Teams, members, meetings.
  Result<Json> list_teams(const security::Principal& p, const std::optional<std::string>& area_code);
  Result<Json> get_team(const security::Principal& p, std::int64_t id);
  Result<Json> create_team(const security::Principal& p, const TeamInput& in);
  Result<Json> update_team(const security::Principal& p, std::int64_t id, const TeamInput& in);
  Result<Json> add_member(const security::Principal& p, std::int64_t team_id, const MemberInput& in);
  Status remove_member(const security::Principal& p, std::int64_t team_id, std::int64_t member_id);
  Result<Json> list_meetings(const security::Principal& p, std::int64_t team_id);
  // With an idempotency key, a retry answers the meeting already logged (and opens any of its
  // issues' cases still missing) instead of logging it twice; "replayed" says so.
  Result<Json> create_meeting(const security::Principal& p, std::int64_t team_id, const MeetingInput& in,
                              const std::optional<std::string>& idempotency_key = std::nullopt);
  Result<Json> raise_issue(const security::Principal& p, std::int64_t meeting_id, const IssueInput& in);

  // Coverage and meetings KPI.
  Result<Json> kpi(const security::Principal& p, const KpiQuery& q);

  // CSV import (one transaction; any bad row and nothing is imported) and export.
  Result<ImportOutcome> import_csv(const security::Principal& p, const std::string& kind, std::string_view csv);
  Result<std::string> export_csv(const security::Principal& p, const std::string& kind);

  // For the intake hook: a report naming a boarding house must name one that exists.
  static Status check_house_exists(store::Tx& tx, std::optional<std::int64_t> house_id);

 private:
  struct HouseRow;
  struct TeamRow;
  Result<HouseRow> load_house(const security::Principal& p, std::int64_t id);
  Result<TeamRow> load_team(const security::Principal& p, std::int64_t id);
  Result<Json> house_json(const security::Principal& p, std::int64_t id, bool with_checks);
  // A case opened by a meeting's issue inside the meeting's transaction; `report` is set when
  // the case is new, for the intake's after-commit hooks.
  struct OpenedCase {
    std::int64_t case_id = 0;
    std::optional<intake::ReportInput> report;
  };
  Result<OpenedCase> open_issue_case(store::Tx& tx, const security::Principal& p, const TeamRow& team,
                                     std::int64_t meeting_id, std::size_t index, const IssueInput& in,
                                     const std::string& field);
  Result<std::vector<std::int64_t>> visible_team_ids(const security::Principal& p);

  store::Db& db_;
  orgs::OrgService& orgs_;
  security::FieldCrypto& crypto_;
  intake::IntakeService& intake_;
};

// Installed on IntakeService: a report naming a boarding house that does not exist is refused
// (422, field boarding_house_id) inside the report's own transaction.
intake::IntakeHook make_house_check_hook();

}  // namespace antoan::housing
