// Strings of the housing pages (officer console chunk), Vietnamese first with English.
import { getLang } from '../../lang';

const S = {
  housing: { vi: 'Nhà trọ', en: 'Boarding houses' },
  my_team: { vi: 'Tổ của tôi', en: 'My team' },
  houses: { vi: 'Nhà trọ', en: 'Houses' },
  teams: { vi: 'Tổ tự quản', en: 'Teams' },
  kpi: { vi: 'Chỉ tiêu bao phủ', en: 'Coverage KPI' },
  import_export: { vi: 'Nhập / xuất CSV', en: 'CSV import / export' },
  name: { vi: 'Tên', en: 'Name' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  area: { vi: 'Địa bàn', en: 'Area' },
  residents: { vi: 'Công nhân ở trọ', en: 'Worker residents' },
  rooms: { vi: 'Số phòng', en: 'Rooms' },
  team: { vi: 'Tổ tự quản', en: 'Team' },
  no_team: { vi: 'Chưa có tổ', en: 'No team' },
  needs_team: { vi: 'Cần lập tổ (≥ 30 công nhân)', en: 'Needs a team (≥ 30 workers)' },
  uncovered_only: { vi: 'Chỉ nhà ≥ 30 công nhân chưa có tổ', en: 'Only houses with ≥ 30 workers and no team' },
  search: { vi: 'Tìm theo tên, địa chỉ', en: 'Search name, address' },
  landlord: { vi: 'Chủ trọ', en: 'Landlord' },
  reveal_landlord: { vi: 'Xem số liên hệ chủ trọ', en: 'Show landlord contact' },
  reveal_reason: { vi: 'Lý do (được ghi nhật ký)', en: 'Reason (logged)' },
  safety: { vi: 'An toàn cháy nổ, điện', en: 'Fire and electrical safety' },
  checked_on: { vi: 'Ngày kiểm tra', en: 'Checked on' },
  fire_extinguisher: { vi: 'Bình chữa cháy', en: 'Fire extinguisher' },
  escape_route: { vi: 'Lối thoát nạn', en: 'Escape route' },
  smoke_alarm: { vi: 'Báo khói', en: 'Smoke alarm' },
  electrical_safe: { vi: 'Điện an toàn', en: 'Safe wiring' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  add_check: { vi: 'Ghi kết quả kiểm tra', en: 'Record a check' },
  no_check: { vi: 'Chưa có lần kiểm tra nào', en: 'No check yet' },
  poster: { vi: 'In áp phích (A4, mã QR)', en: 'Print poster (A4, QR code)' },
  leader: { vi: 'Tổ trưởng', en: 'Leader' },
  deputy: { vi: 'Tổ phó', en: 'Deputy' },
  member: { vi: 'Tổ viên', en: 'Member' },
  roster: { vi: 'Danh sách tổ', en: 'Roster' },
  add_member: { vi: 'Thêm tổ viên', en: 'Add member' },
  remove: { vi: 'Xóa', en: 'Remove' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  role: { vi: 'Vai trò', en: 'Role' },
  meetings: { vi: 'Họp tổ hằng tháng', en: 'Monthly meetings' },
  new_meeting: { vi: 'Ghi biên bản họp', en: 'Log a meeting' },
  held_on: { vi: 'Ngày họp', en: 'Date' },
  attendance: { vi: 'Số người dự', en: 'Attendance' },
  topics: { vi: 'Nội dung', en: 'Topics' },
  issue: { vi: 'Vấn đề phát sinh (mở hồ sơ)', en: 'Issue raised (opens a case)' },
  issue_hint: { vi: 'Để trống nếu không có. Vấn đề sẽ thành hồ sơ để cán bộ xử lý; tổ theo dõi được.', en: 'Leave empty if none. It becomes a case handled by officers; the team can follow it.' },
  issue_text: { vi: 'Mô tả vấn đề', en: 'Describe the issue' },
  issue_house: { vi: 'Nhà trọ liên quan', en: 'House concerned' },
  save: { vi: 'Lưu', en: 'Save' },
  saved: { vi: 'Đã lưu', en: 'Saved' },
  cases_raised: { vi: 'Hồ sơ đã mở', en: 'Cases opened' },
  no_meetings: { vi: 'Chưa có cuộc họp', en: 'No meeting yet' },
  founded_on: { vi: 'Thành lập', en: 'Founded' },
  last_meeting: { vi: 'Họp gần nhất', en: 'Last meeting' },
  coverage: { vi: 'Nhà ≥ 30 công nhân có tổ', en: 'Houses with ≥ 30 workers covered' },
  gaps: { vi: 'Nhà ≥ 30 công nhân chưa có tổ', en: 'Houses with ≥ 30 workers and no team' },
  meetings_held: { vi: 'Họp tổ: đã họp / phải họp', en: 'Meetings: held / expected' },
  from_month: { vi: 'Từ tháng', en: 'From month' },
  to_month: { vi: 'Đến tháng', en: 'To month' },
  by_province: { vi: 'Theo tỉnh', en: 'By province' },
  by_area: { vi: 'Theo xã / phường', en: 'By commune / ward' },
  workers: { vi: 'công nhân', en: 'workers' },
  import_kind: { vi: 'Loại dữ liệu', en: 'Data' },
  import_file: { vi: 'Tệp CSV (UTF-8)', en: 'CSV file (UTF-8)' },
  import_do: { vi: 'Nhập', en: 'Import' },
  imported: { vi: 'Đã nhập {n} dòng', en: 'Imported {n} rows' },
  row: { vi: 'Dòng', en: 'Row' },
  export: { vi: 'Tải CSV', en: 'Download CSV' },
  import_help: { vi: 'Tất cả các dòng được nhập cùng lúc; có dòng lỗi thì không nhập dòng nào.', en: 'All rows are imported at once; if any row is wrong, none is.' },
  back: { vi: '← Quay lại', en: '← Back' },
  none: { vi: 'Không có', en: 'None' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
} satisfies Record<string, { vi: string; en: string }>;

export type HKey = keyof typeof S;
export function ht(key: HKey, vars?: Record<string, string | number>): string {
  let s = S[key][getLang()];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace('{' + k + '}', String(v));
  return s;
}

// Today's date on this device as YYYY-MM-DD (the officer's own day, not UTC's).
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
