#include "security/projection.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <span>

#include "core/clock.h"

namespace antoan::security {
namespace {

enum class Treat : std::uint8_t {
  keep,
  drop,
  day,       // an ISO time coarsened to the local calendar day
  list,      // an array of objects of the rule's nested view
  object,    // an object of the rule's nested view
  own_text,  // free text kept only for the organisations the object names (to/from_org_id)
};

struct Rule {
  std::string_view field;
  Treat staff, enterprise, team_leader;
  View nested = View::case_item;
};

constexpr Treat K = Treat::keep, D = Treat::drop, Y = Treat::day, L = Treat::list, O = Treat::object,
                X = Treat::own_text;

// clang-format off
constexpr Rule kCase[] = {
    {"id", K, K, K}, {"case_id", K, K, K}, {"category", K, K, K}, {"status", K, K, K}, {"priority", K, K, K},
    {"org_id", K, K, K}, {"org_name", K, K, K}, {"area_code", K, K, K}, {"area_name", K, K, K},
    {"enterprise_id", K, K, K}, {"enterprise_name", K, K, K},
    {"created_at", K, Y, Y}, {"updated_at", K, Y, Y}, {"incident_at", K, Y, Y},
    {"ack_due_at", K, Y, Y}, {"resolve_due_at", K, Y, Y}, {"due_at", K, Y, Y}, {"due_kind", K, K, K},
    // Hours late plus a day-level due date would give back the hour a report came in.
    {"overdue_hours", K, D, D}, {"deadlines", L, L, L, View::due}, {"can_answer", K, K, K},
    {"overdue", K, K, K}, {"escalation_level", K, K, K}, {"summary", K, K, K}, {"description", K, K, K},
    {"lat", K, D, D}, {"lon", K, D, D}, {"exact_location", K, D, D}, {"boarding_house_id", K, D, D},
    {"channel", K, D, D}, {"has_contact", K, D, D}, {"can_reveal_contact", K, D, D},
    {"can_message", K, K, K}, {"allowed_transitions", K, K, K},
    {"history", L, L, L, View::case_event},
};
constexpr Rule kEvent[] = {
    {"id", K, K, K}, {"case_id", K, K, K}, {"at", K, Y, Y}, {"kind", K, K, K}, {"actor_kind", K, D, D}, {"actor_name", K, D, D},
    {"actor_org_name", K, K, K}, {"relayed_by_org_name", K, K, K}, {"from_status", K, K, K}, {"to_status", K, K, K}, {"body", K, K, K},
    {"visible_to_reporter", K, D, D},
};
constexpr Rule kReferral[] = {
    {"id", K, K, K}, {"case_id", K, K, K}, {"kind", K, K, K}, {"from_org_id", K, K, K}, {"from_org_name", K, K, K},
    {"to_org_id", K, K, K}, {"to_org_name", K, K, K}, {"reason", K, X, X}, {"status", K, K, K},
    {"created_at", K, Y, Y}, {"decided_at", K, Y, Y}, {"decision_note", K, X, X}, {"can_decide", K, K, K},
};
constexpr Rule kLink[] = {
    {"case_id", K, K, K}, {"other_case_id", K, K, K}, {"kind", K, K, K}, {"reason", K, D, D},
    {"created_at", K, Y, Y}, {"visible", K, K, K}, {"category", K, K, K}, {"status", K, K, K},
};
constexpr Rule kAttachment[] = {
    {"id", K, K, K}, {"mime", K, K, K}, {"width", K, K, K}, {"height", K, K, K}, {"size", K, K, K},
    {"uploaded_by", K, K, K}, {"created_at", K, Y, Y}, {"url", K, K, K}, {"thumb_url", K, K, K},
};
// Enterprises see no housing at all (policy answers 403 before); the D column is belt and braces.
constexpr Rule kHouse[] = {
    {"id", K, D, K}, {"name", K, D, K}, {"address", K, D, K}, {"area_code", K, D, K}, {"area_name", K, D, K},
    {"lat", K, D, D}, {"lon", K, D, D}, {"landlord_name", K, D, K}, {"rooms", K, D, K}, {"residents", K, D, K},
    {"team_id", K, D, K}, {"team_name", K, D, K}, {"covered", K, D, K}, {"needs_team", K, D, K},
    {"created_at", K, D, Y}, {"updated_at", K, D, Y}, {"has_landlord_contact", K, D, K},
    {"can_reveal_landlord", K, D, K}, {"can_edit", K, D, K}, {"can_organise", K, D, K},
    {"poster_token", K, D, K}, {"latest_check", O, D, O, View::safety_check},
    {"checks", L, D, L, View::safety_check},
};
constexpr Rule kCheck[] = {
    {"id", K, D, K}, {"house_id", K, D, D}, {"checked_on", K, D, K}, {"fire_extinguisher", K, D, K},
    {"escape_route", K, D, K}, {"smoke_alarm", K, D, K}, {"electrical_safe", K, D, K}, {"notes", K, D, K},
};
constexpr Rule kTeam[] = {
    {"id", K, D, K}, {"name", K, D, K}, {"area_code", K, D, K}, {"area_name", K, D, K},
    {"leader_user_id", K, D, K}, {"leader_name", K, D, K}, {"leader_phone", K, D, K}, {"founded_on", K, D, K},
    {"houses", K, D, K}, {"residents", K, D, K}, {"members", K, D, K}, {"last_meeting_on", K, D, K},
    {"created_at", K, D, Y}, {"can_edit", K, D, K}, {"can_organise", K, D, K},
    {"roster", L, D, L, View::member}, {"house_list", L, D, L, View::house}, {"meetings", L, D, L, View::meeting},
};
constexpr Rule kMember[] = {
    {"id", K, D, K}, {"team_id", K, D, K}, {"name", K, D, K}, {"role", K, D, K}, {"phone", K, D, K},
    {"house_id", K, D, D}, {"house_name", K, D, K},
};
constexpr Rule kMeeting[] = {
    {"id", K, D, K}, {"team_id", K, D, K}, {"held_on", K, D, K}, {"attendance", K, D, K}, {"topics", K, D, K},
    {"notes", K, D, K}, {"cases", K, D, K}, {"replayed", K, D, K}, {"meeting_id", K, D, K},
    {"case_id", K, D, K}, {"category", K, D, K}, {"status", K, D, K},
};
constexpr Rule kWebhook[] = {
    {"case_id", K, K, K}, {"referral_id", K, K, K}, {"kind", K, K, K}, {"category", K, K, K}, {"status", K, K, K},
    {"priority", K, K, K}, {"org_id", K, K, K}, {"area_code", K, K, K}, {"from_org_id", K, K, K},
    {"to_org_id", K, K, K}, {"decision", K, K, K}, {"deadline", K, K, K}, {"level", K, K, K},
};
constexpr Rule kDeadline[] = {
    {"category", K, K, K}, {"priority", K, K, K}, {"ack_minutes", K, K, K}, {"resolve_minutes", K, K, K},
    {"updated_at", K, Y, Y},
};
constexpr Rule kDue[] = {
    {"kind", K, K, K}, {"due_at", K, Y, Y}, {"done", K, K, K}, {"missed", K, K, K}, {"overdue_hours", K, D, D},
};
// The enterprise reads its own answers; the union's review note may name the worker, so it stays
// with the union.
constexpr Rule kAnswer[] = {
    {"id", K, K, K}, {"case_id", K, K, K}, {"org_id", K, K, K}, {"org_name", K, K, K},
    {"action_taken", K, K, K}, {"evidence", K, K, K}, {"proposed_fix", K, K, K},
    {"message_to_reporter", K, K, K}, {"status", K, K, K}, {"created_at", K, Y, Y}, {"reviewed_at", K, Y, Y},
    {"review_note", K, D, D}, {"author_name", K, K, D}, {"can_review", K, K, K},
};
// clang-format on

std::span<const Rule> rules_of(View view) {
  switch (view) {
    case View::case_item: return kCase;
    case View::case_event: return kEvent;
    case View::referral: return kReferral;
    case View::link: return kLink;
    case View::attachment: return kAttachment;
    case View::house: return kHouse;
    case View::safety_check: return kCheck;
    case View::team: return kTeam;
    case View::member: return kMember;
    case View::meeting: return kMeeting;
    case View::webhook_payload: return kWebhook;
    case View::deadline: return kDeadline;
    case View::answer: return kAnswer;
    case View::due: return kDue;
  }
  return {};
}

Treat treat_for(const Rule& r, Audience a) {
  switch (a) {
    case Audience::staff: return r.staff;
    case Audience::enterprise: return r.enterprise;
    case Audience::team_leader: return r.team_leader;
  }
  return Treat::drop;
}

std::string text_of(const Json& j, const char* field) {
  auto it = j.find(field);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Whole objects some audiences never see, whatever their fields.
bool row_visible(const Viewer& v, View view, const Json& object) {
  if (v.audience == Audience::staff || !object.is_object()) return true;
  switch (view) {
    case View::case_event: {
      // What happened to the case and what officers told the reporter; never the reporter's own
      // messages, reveals and their reasons, photos' arrival, or internal notes between offices.
      std::string kind = text_of(object, "kind");
      return kind == "created" || kind == "transition" || kind == "message";
    }
    case View::attachment:
      // A reporter's photo can show where they stand or who they are.
      return text_of(object, "uploaded_by") != "reporter";
    case View::link:
      // "Same boarding house" tells an employer that two reporters live together.
      return text_of(object, "reason") != "same_house";
    default:
      return true;
  }
}

bool names_viewer(const Viewer& v, const Json& object) {
  if (v.org_id == 0) return false;
  for (const char* field : {"to_org_id", "from_org_id"}) {
    auto it = object.find(field);
    if (it != object.end() && it->is_number_integer() && it->get<std::int64_t>() == v.org_id) return true;
  }
  return false;
}

}  // namespace

Audience audience_of(Role role) {
  switch (role) {
    case Role::enterprise_officer: return Audience::enterprise;
    case Role::team_leader: return Audience::team_leader;
    case Role::admin:
    case Role::federation_officer:
    case Role::union_officer:
    case Role::police_officer: return Audience::staff;
  }
  return Audience::enterprise;  // unknown: the most restricted
}

Audience audience_of(const Principal& p) { return audience_of(p.role); }

Viewer viewer_of(const Principal& p) { return Viewer{audience_of(p), p.org_id}; }

std::string local_day_of(std::string_view iso_time) {
  EpochMs ms = 0;
  if (iso_time.size() <= 10 || !parse_iso8601(std::string(iso_time), ms)) return std::string(iso_time);
  constexpr EpochMs kVietnamOffsetMs = 7 * 3600 * 1000LL;
  EpochMs local = ms + kVietnamOffsetMs;
  std::int64_t days = local >= 0 ? local / 86400000 : (local - 86399999) / 86400000;
  return format_civil_date(days);
}

// A field no rule lists is dropped for everyone. In debug builds (the test suite) it stops the
// process instead, so a new field cannot silently go missing — or out — without a decision.
void check_listed(View view, const Json& object) {
#ifndef NDEBUG
  std::span<const Rule> rules = rules_of(view);
  for (const auto& [key, value] : object.items()) {
    bool listed = false;
    for (const Rule& r : rules) listed = listed || r.field == key;
    if (!listed) {
      std::fprintf(stderr, "security/projection: field '%s' of view %d is not listed\n", key.c_str(),
                   static_cast<int>(view));
      std::abort();
    }
  }
#else
  (void)view;
  (void)object;
#endif
}

Json project(const Viewer& viewer, View view, Json object) {
  if (!object.is_object()) return nullptr;
  check_listed(view, object);
  if (!row_visible(viewer, view, object)) return nullptr;
  const bool named = names_viewer(viewer, object);  // before the fields are moved out
  Json out = Json::object();
  for (const Rule& r : rules_of(view)) {
    auto it = object.find(r.field);
    if (it == object.end()) continue;
    switch (treat_for(r, viewer.audience)) {
      case Treat::keep:
        out[r.field] = std::move(*it);
        break;
      case Treat::drop:
        break;
      case Treat::day:
        out[r.field] = it->is_string() ? Json(local_day_of(it->get<std::string>())) : std::move(*it);
        break;
      case Treat::list:
        out[r.field] = it->is_array() ? project_list(viewer, r.nested, *it) : Json(nullptr);
        break;
      case Treat::object:
        out[r.field] = project(viewer, r.nested, std::move(*it));
        break;
      case Treat::own_text:
        if (named) out[r.field] = std::move(*it);
        break;
    }
  }
  return out;
}

Json project(const Principal& p, View view, Json object) { return project(viewer_of(p), view, std::move(object)); }

Json project_list(const Viewer& viewer, View view, const Json& items) {
  Json out = Json::array();
  if (!items.is_array()) return out;
  for (const Json& item : items) {
    Json one = project(viewer, view, item);
    if (!one.is_null()) out.push_back(std::move(one));
  }
  return out;
}

Json project_list(const Principal& p, View view, const Json& items) { return project_list(viewer_of(p), view, items); }

bool webhook_event_visible(Audience audience, std::string_view event) {
  return audience == Audience::staff || event != "case.reporter_reply";
}

std::vector<std::string_view> view_fields(View view) {
  std::vector<std::string_view> out;
  for (const Rule& r : rules_of(view)) out.push_back(r.field);
  return out;
}

}  // namespace antoan::security
