// Shapes of the housing API answers (docs/api.md, "Boarding houses and teams").
export interface SafetyCheck {
  id: number; checked_on: string; fire_extinguisher: boolean; escape_route: boolean; smoke_alarm: boolean;
  electrical_safe: boolean; notes?: string | null;
}
export interface House {
  id: number; name: string; address: string; area_code: string; area_name?: string; lat?: number | null; lon?: number | null;
  landlord_name?: string | null; rooms: number; residents: number; team_id?: number | null; team_name?: string | null;
  covered: boolean; needs_team: boolean; has_landlord_contact?: boolean; can_reveal_landlord?: boolean; can_edit?: boolean; can_organise?: boolean; updated_at?: string;
  latest_check?: SafetyCheck | null; checks?: SafetyCheck[];
}
export interface Member { id: number; name: string; role: 'deputy' | 'member'; phone?: string | null; house_id?: number | null; house_name?: string | null }
export interface MeetingCase { case_id: number; category: string; status: string }
export interface Meeting { id: number; team_id: number; held_on: string; attendance: number; topics: string; notes?: string | null; cases: MeetingCase[] }
export interface Team {
  id: number; name: string; area_code: string; area_name?: string; leader_name: string; leader_phone?: string | null;
  founded_on: string; houses: number; residents: number; members: number; last_meeting_on?: string | null;
  can_edit?: boolean; can_organise?: boolean; roster?: Member[]; house_list?: House[]; meetings?: Meeting[];
}
export interface Coverage {
  houses: number; houses_30plus: number; covered_30plus: number; uncovered_30plus: number; workers_30plus: number;
  covered_workers_30plus: number; coverage_rate: number; name?: string | null; area_code?: string; province_code?: string;
}
export interface Kpi {
  threshold: number; period: { from: string; to: string }; total: Coverage; by_area: Coverage[]; by_province: Coverage[];
  gaps: { id: number; name: string; address: string; area_code: string; area_name: string; residents: number }[];
  teams: number; meetings: { held: number; expected: number; rate: number; by_team: { team_id: number; name: string; held: number; expected: number }[] };
}
