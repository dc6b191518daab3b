// User-facing strings, Vietnamese first with English. `t(key)` reads the current language,
// chosen by the user (stored in localStorage) and sent to the API as Accept-Language.
import { getLang } from './lang';

type Entry = { vi: string; en: string };

const S = {
  app_name: { vi: 'An Toàn', en: 'An Toàn (Safety)' },
  tagline: { vi: 'Báo cáo sự việc, kiểm tra lừa đảo, nhận cảnh báo — không cần đăng nhập.', en: 'Report a problem, check for scams, get warnings — no login needed.' },
  lang_switch: { vi: 'English', en: 'Tiếng Việt' },
  lang_switch_label: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  nav_home: { vi: 'Trang chủ', en: 'Home' },
  nav_report: { vi: 'Báo cáo', en: 'Report' },
  nav_follow: { vi: 'Theo dõi', en: 'Follow' },
  nav_check: { vi: 'Kiểm tra lừa đảo', en: 'Scam check' },
  nav_check_short: { vi: 'Kiểm tra', en: 'Check' },
  nav_warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  nav_officer: { vi: 'Cán bộ', en: 'Officers' },
  home_report_title: { vi: 'Báo cáo nhanh — chọn loại sự việc', en: 'Quick report — choose what happened' },
  home_tools: { vi: 'Công cụ khác', en: 'Other tools' },
  home_follow: { vi: 'Theo dõi báo cáo bằng mã biên nhận', en: 'Follow a report with your receipt code' },
  home_check: { vi: 'Dán tin nhắn nghi lừa đảo để kiểm tra', en: 'Paste a suspicious message to check it' },
  home_warnings: { vi: 'Cảnh báo tại khu vực của tôi', en: 'Warnings for my area' },
  emergency: { vi: 'Khẩn cấp: gọi 113 (công an), 114 (cứu hỏa), 115 (cấp cứu).', en: 'Emergency: call 113 (police), 114 (fire), 115 (ambulance).' },
  report_title: { vi: 'Báo cáo sự việc', en: 'Report a problem' },
  report_house: { vi: 'Nhà trọ', en: 'Boarding house' },
  category: { vi: 'Loại sự việc', en: 'Category' },
  description: { vi: 'Chuyện gì đã xảy ra?', en: 'What happened?' },
  description_hint: { vi: 'Mô tả ngắn: ở đâu, khi nào, ai liên quan. Không bắt buộc ghi tên bạn.', en: 'Briefly: where, when, who was involved. You do not have to give your name.' },
  area: { vi: 'Khu vực', en: 'Area' },
  province: { vi: 'Tỉnh / thành phố', en: 'Province / city' },
  commune: { vi: 'Xã / phường (không bắt buộc)', en: 'Commune / ward (optional)' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  all: { vi: 'Tất cả', en: 'All' },
  use_location: { vi: 'Dùng vị trí của tôi', en: 'Use my location' },
  locating: { vi: 'Đang lấy vị trí…', en: 'Getting your location…' },
  location_ok: { vi: 'Đã lấy vị trí; khu vực gần nhất đã được chọn.', en: 'Location found; the nearest area is selected.' },
  location_refused: { vi: 'Không lấy được vị trí. Bạn hãy chọn khu vực trong danh sách.', en: 'Could not get your location. Please choose the area from the list.' },
  incident_at: { vi: 'Thời gian xảy ra (không bắt buộc)', en: 'When did it happen (optional)' },
  enterprise: { vi: 'Doanh nghiệp / nơi làm việc (không bắt buộc)', en: 'Enterprise / workplace (optional)' },
  enterprise_search: { vi: 'Gõ tên để tìm', en: 'Type a name to search' },
  contact: { vi: 'Cách liên hệ với bạn (không bắt buộc)', en: 'How to contact you (optional)' },
  contact_hint: { vi: 'Số điện thoại hoặc Zalo. Được mã hóa; doanh nghiệp không bao giờ thấy.', en: 'Phone or Zalo. Stored encrypted; never shown to an enterprise.' },
  photo_later: { vi: 'Gửi ảnh sẽ có trong bản sau.', en: 'Photo upload will come in a later version.' },
  submit_report: { vi: 'Gửi báo cáo', en: 'Send report' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  need_area: { vi: 'Hãy chọn khu vực hoặc dùng vị trí của bạn.', en: 'Choose an area or use your location.' },
  need_description: { vi: 'Hãy mô tả ngắn sự việc.', en: 'Please describe what happened.' },
  network_error: { vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại — báo cáo sẽ không bị gửi trùng.', en: 'Could not reach the server. Check your connection and try again — the report will not be sent twice.' },
  receipt_title: { vi: 'Đã nhận báo cáo của bạn', en: 'Your report was received' },
  receipt_label: { vi: 'Mã biên nhận', en: 'Receipt code' },
  receipt_warning: { vi: 'Hãy lưu mã này ngay. Mã chỉ hiện một lần; không ai (kể cả cán bộ) lấy lại được. Bạn cần mã để xem trả lời.', en: 'Save this code now. It is shown only once; nobody (not even officers) can recover it. You need it to read replies.' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  copied: { vi: 'Đã sao chép', en: 'Copied' },
  save_file: { vi: 'Lưu thành tệp', en: 'Save as file' },
  follow_now: { vi: 'Xem báo cáo', en: 'View report' },
  new_report: { vi: 'Báo cáo khác', en: 'Another report' },
  follow_title: { vi: 'Theo dõi báo cáo', en: 'Follow a report' },
  receipt_input: { vi: 'Nhập mã biên nhận 16 số', en: 'Enter your 16-digit receipt code' },
  look_up: { vi: 'Xem', en: 'Look up' },
  status: { vi: 'Trạng thái', en: 'Status' },
  created: { vi: 'Ngày gửi', en: 'Sent' },
  updated: { vi: 'Cập nhật', en: 'Updated' },
  history: { vi: 'Lịch sử', en: 'History' },
  messages: { vi: 'Tin nhắn', en: 'Messages' },
  no_messages: { vi: 'Chưa có tin nhắn.', en: 'No messages yet.' },
  from_officer: { vi: 'Cán bộ', en: 'Officer' },
  from_reporter: { vi: 'Bạn', en: 'You' },
  reply: { vi: 'Gửi thêm thông tin', en: 'Send more information' },
  send: { vi: 'Gửi', en: 'Send' },
  sent: { vi: 'Đã gửi.', en: 'Sent.' },
  check_title: { vi: 'Kiểm tra tin nhắn lừa đảo', en: 'Check a message for scams' },
  check_input: { vi: 'Dán tin nhắn, số điện thoại, số tài khoản hoặc đường link', en: 'Paste a message, phone number, bank account or link' },
  check_button: { vi: 'Kiểm tra', en: 'Check' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  verdict_scam: { vi: 'LỪA ĐẢO — đừng làm theo, đừng chuyển tiền', en: 'SCAM — do not follow it, do not send money' },
  verdict_suspicious: { vi: 'ĐÁNG NGỜ — hãy cẩn thận, hỏi người tin cậy', en: 'SUSPICIOUS — be careful, ask someone you trust' },
  verdict_safe: { vi: 'Chưa thấy dấu hiệu lừa đảo', en: 'No sign of a scam found' },
  verdict_safe_note: { vi: 'Vẫn cẩn thận: không gửi mã OTP, không chuyển tiền cho người lạ.', en: 'Still be careful: never share OTP codes or send money to strangers.' },
  reasons: { vi: 'Lý do', en: 'Reasons' },
  indicators: { vi: 'Dấu hiệu nhận ra', en: 'Indicators found' },
  score: { vi: 'Điểm', en: 'Score' },
  report_this_scam: { vi: 'Báo cáo vụ lừa đảo này', en: 'Report this scam' },
  warnings_title: { vi: 'Cảnh báo tại khu vực', en: 'Warnings for an area' },
  no_warnings: { vi: 'Hiện không có cảnh báo cho khu vực này.', en: 'No warnings for this area right now.' },
  login_title: { vi: 'Đăng nhập cán bộ', en: 'Officer login' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  login: { vi: 'Đăng nhập', en: 'Log in' },
  logout: { vi: 'Đăng xuất', en: 'Log out' },
  inbox: { vi: 'Hộp vụ việc', en: 'Case inbox' },
  map: { vi: 'Bản đồ', en: 'Map' },
  dashboard: { vi: 'Thống kê', en: 'Dashboard' },
  search: { vi: 'Tìm', en: 'Search' },
  search_text: { vi: 'Từ khóa', en: 'Keywords' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  overdue_only: { vi: 'Chỉ vụ quá hạn', en: 'Overdue only' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  apply: { vi: 'Lọc', en: 'Filter' },
  reset: { vi: 'Xóa lọc', en: 'Clear' },
  results: { vi: 'kết quả', en: 'results' },
  prev: { vi: '‹ Trước', en: '‹ Previous' },
  next: { vi: 'Sau ›', en: 'Next ›' },
  page: { vi: 'Trang', en: 'Page' },
  no_cases: { vi: 'Không có vụ việc nào khớp bộ lọc.', en: 'No cases match the filters.' },
  case: { vi: 'Vụ việc', en: 'Case' },
  priority: { vi: 'Ưu tiên', en: 'Priority' },
  org: { vi: 'Đơn vị xử lý', en: 'Handling organisation' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  channel: { vi: 'Kênh', en: 'Channel' },
  back_inbox: { vi: '‹ Hộp vụ việc', en: '‹ Inbox' },
  transitions: { vi: 'Chuyển trạng thái', en: 'Change status' },
  note: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  no_transitions: { vi: 'Bạn không thể đổi trạng thái vụ này.', en: 'You cannot change this case’s status.' },
  message_reporter: { vi: 'Nhắn cho người báo cáo', en: 'Message the reporter' },
  message_hint: { vi: 'Người báo cáo đọc được bằng mã biên nhận.', en: 'The reporter reads it with their receipt code.' },
  reveal_contact: { vi: 'Xem liên hệ người báo cáo', en: 'Reveal reporter contact' },
  reveal_reason: { vi: 'Lý do (được ghi nhật ký)', en: 'Reason (recorded in the audit log)' },
  reveal: { vi: 'Xem liên hệ', en: 'Reveal' },
  no_contact: { vi: 'Người báo cáo không để lại liên hệ.', en: 'The reporter left no contact.' },
  referral: { vi: 'Chuyển đơn vị khác', en: 'Refer to another organisation' },
  referral_later: { vi: 'Chức năng chuyển đơn vị sẽ có trong bản sau.', en: 'Referral comes in a later version.' },
  visible_to_reporter: { vi: 'người báo cáo thấy', en: 'visible to reporter' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  error: { vi: 'Lỗi', en: 'Error' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  not_found: { vi: 'Không tìm thấy trang.', en: 'Page not found.' },
  map_title: { vi: 'Bản đồ sự việc', en: 'Incident map' },
  house_layer: { vi: 'Nhà trọ (xanh dương: có tổ tự quản, đỏ: ≥ 30 công nhân chưa có tổ)', en: 'Boarding houses (blue: team, red: 30+ workers, no team)' },
  house_workers: { vi: 'công nhân', en: 'workers' },
  layer: { vi: 'Lớp', en: 'Layer' },
  by_area: { vi: 'Theo khu vực', en: 'By area' },
  by_grid: { vi: 'Theo ô lưới', en: 'By grid cell' },
  by_enterprise: { vi: 'Theo doanh nghiệp', en: 'By enterprise' },
  whole_country: { vi: 'Toàn quốc', en: 'Whole country' },
  hotspots: { vi: 'Điểm nóng', en: 'Hotspot alerts' },
  no_hotspots: { vi: 'Không có cảnh báo điểm nóng.', en: 'No hotspot alerts.' },
  observed: { vi: 'quan sát', en: 'observed' },
  expected: { vi: 'kỳ vọng', en: 'expected' },
  provinces_2025: { vi: '34 tỉnh (từ 2025)', en: '34 provinces (since 2025)' },
  provinces_63: { vi: '63 tỉnh (trước 2025)', en: '63 provinces (before 2025)' },
  tile_url: { vi: 'URL nền bản đồ (để trống: bản đồ có sẵn)', en: 'Tile URL (empty: built-in map)' },
  reports: { vi: 'báo cáo', en: 'reports' },
  total: { vi: 'Tổng số', en: 'Total' },
  chart_category: { vi: 'Theo loại sự việc', en: 'By category' },
  chart_month: { vi: 'Theo tháng', en: 'Over time (by month)' },
  chart_area: { vi: 'Theo khu vực (nhiều nhất)', en: 'By area (top)' },
  chart_overdue: { vi: 'Vụ quá hạn theo đơn vị', en: 'Overdue cases by organisation' },
  chart_status: { vi: 'Theo trạng thái', en: 'By status' },
  skip: { vi: 'Bỏ qua đến nội dung', en: 'Skip to content' },
} satisfies Record<string, Entry>;

export type Key = keyof typeof S;

export function t(key: Key): string {
  return S[key][getLang()];
}

const STATUS: Record<string, Entry> = {
  new: { vi: 'Mới', en: 'New' },
  triaged: { vi: 'Đã phân loại', en: 'Triaged' },
  assigned: { vi: 'Đã giao', en: 'Assigned' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  reopened: { vi: 'Mở lại', en: 'Reopened' },
};
export const STATUSES = Object.keys(STATUS);

const PRIORITY: Record<string, Entry> = {
  low: { vi: 'Thấp', en: 'Low' },
  normal: { vi: 'Bình thường', en: 'Normal' },
  high: { vi: 'Cao', en: 'High' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
};
export function priorityLabel(p: string | number): string {
  return PRIORITY[String(p)]?.[getLang()] ?? String(p);
}

const EVENT: Record<string, Entry> = {
  created: { vi: 'tạo báo cáo', en: 'report created' },
  message: { vi: 'tin nhắn', en: 'message' },
  reporter_message: { vi: 'tin nhắn của người báo cáo', en: 'message from reporter' },
  note: { vi: 'ghi chú', en: 'note' },
  transition: { vi: 'đổi trạng thái', en: 'status change' },
  reveal_contact: { vi: 'xem liên hệ', en: 'contact revealed' },
  reporter: { vi: 'người báo cáo', en: 'reporter' },
  officer: { vi: 'cán bộ', en: 'officer' },
  system: { vi: 'hệ thống', en: 'system' },
};
export function eventLabel(k: string): string {
  return EVENT[k]?.[getLang()] ?? k.replace(/_/g, ' ');
}

export function statusLabel(s: string): string {
  return STATUS[s]?.[getLang()] ?? s;
}

// Fallback labels; the API's /categories answer replaces them when it loads.
export const CATEGORY_FALLBACK: Record<string, Entry & { icon: string }> = {
  scam: { vi: 'Lừa đảo', en: 'Scam / fraud', icon: '⚠️' },
  illegal_lending: { vi: 'Tín dụng đen, đòi nợ', en: 'Illegal lending', icon: '💸' },
  drugs: { vi: 'Ma túy', en: 'Drugs', icon: '💊' },
  theft: { vi: 'Trộm, cướp', en: 'Theft / robbery', icon: '👜' },
  violence: { vi: 'Bạo lực, quấy rối', en: 'Violence / harassment', icon: '✋' },
  workplace_safety: { vi: 'An toàn lao động', en: 'Workplace safety', icon: '🦺' },
  wages: { vi: 'Lương, chế độ', en: 'Wages & benefits', icon: '💰' },
  dormitory_safety: { vi: 'An toàn nhà trọ', en: 'Dormitory safety', icon: '🏠' },
  commute: { vi: 'Đi lại, giao thông', en: 'Commute / traffic', icon: '🛵' },
  other: { vi: 'Khác', en: 'Other', icon: '📝' },
};

export function formatDate(iso: string | number | undefined, withTime = true): string {
  if (iso === undefined || iso === null || iso === '') return '';
  const d = typeof iso === 'number' ? new Date(iso) : new Date(iso);
  if (isNaN(d.getTime())) return String(iso);
  const opts: Intl.DateTimeFormatOptions = withTime
    ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }
    : { year: 'numeric', month: '2-digit', day: '2-digit' };
  return d.toLocaleString(getLang() === 'vi' ? 'vi-VN' : 'en-GB', opts);
}
