#pragma once
// Views by audience: what each role may see of a case, a history event, a referral, a link, a
// photo, an export row, a house, a team, a meeting or a webhook payload. Every service and job
// that emits one of these objects passes it through project() last, so the rule lives here once.
//
// Each view is an allow-list of fields with a treatment per audience: keep, drop, or coarsen a
// time to the local calendar day. Fields a view does not list are dropped for everyone, so a
// new field stays private until someone decides who may see it (projection_test checks that
// every field a service emits is listed). Staff (federation, union, police, admin) get every
// listed field; enterprise officers and team leaders never get coordinates, boarding houses,
// channels, contacts or their existence, reveal events or reasons, reporters' messages, officers'
// internal notes, or times finer than the day: a minute-precise time lets an employer match a
// report to a shift log.
#include <cstdint>
#include <string_view>

#include "core/json.h"
#include "security/principal.h"

namespace antoan::security {

enum class Audience {
  staff,        // admin, federation, union and police officers
  enterprise,   // the employer: never anything that locates or identifies a reporter
  team_leader,  // a boarding-house team leader: the same limits as an enterprise for cases
};
Audience audience_of(const Principal& p);
Audience audience_of(Role role);

enum class View {
  case_item,        // a case in a list, an export row, or a case's top-level fields
  case_event,       // one entry of a case's history
  referral,         // a referral or joint share
  link,             // a linked or suggested case
  attachment,       // a photo's metadata
  house,            // a boarding house
  safety_check,     // a house's fire/electrical check
  team,             // a self-management team
  member,           // a team member on the roster
  meeting,          // a team meeting
  webhook_payload,  // the data of an outgoing notification
  deadline,         // a category × priority deadline (configuration)
  answer,           // an enterprise's answer on a case about itself, and the union's review of it
  due,              // one deadline of a case (acknowledge, resolve): met, missed, by how much
};

// What the viewer is, for rules that depend on who asks (a referral's reason is only for the
// organisations it names).
struct Viewer {
  Audience audience = Audience::staff;
  std::int64_t org_id = 0;
};
Viewer viewer_of(const Principal& p);

// The object as this viewer may see it; null when the viewer may not see it at all (a reporter's
// message in a history, a reporter's photo for an employer).
Json project(const Viewer& viewer, View view, Json object);
Json project(const Principal& p, View view, Json object);
// Projects each element of an array, dropping the ones the viewer may not see.
Json project_list(const Viewer& viewer, View view, const Json& items);
Json project_list(const Principal& p, View view, const Json& items);

// May an organisation of this audience receive this webhook event at all? Enterprises and team
// leaders never learn when a reporter wrote back.
bool webhook_event_visible(Audience audience, std::string_view event);

// "2026-11-23" (Vietnam's calendar day, UTC+7) of an ISO-8601 time; the text unchanged when it is
// not a time.
std::string local_day_of(std::string_view iso_time);

// The field names a view lists (for tests and docs).
std::vector<std::string_view> view_fields(View view);

}  // namespace antoan::security
