// User-facing strings, Vietnamese first with English. `t(key)` reads the current language,
// chosen by the user (stored in localStorage) and sent to the API as Accept-Language.
import { getLang } from './lang';

type Entry = { vi: string; en: string };

const S = {
  app_name: { vi: 'An Toàn', en: 'An Toàn (Safety)' },
  tagline: { vi: 'Báo cáo sự việc, kiểm tra lừa đảo, nhận cảnh báo — không cần đăng nhập.', en: 'Report a problem, check for scams, get warnings — no login needed.' },
  lang_switch: { vi: 'English', en: 'Tiếng Việt' },
  lang_switch_label: { vi: 'English — chuyển sang tiếng Anh', en: 'Tiếng Việt — switch to Vietnamese' },
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
  emergency_title: { vi: 'Khẩn cấp? Gọi ngay', en: 'Emergency? Call now' },
  call_113: { vi: 'Công an', en: 'Police' },
  call_114: { vi: 'Cứu hỏa', en: 'Fire' },
  call_115: { vi: 'Cấp cứu', en: 'Ambulance' },
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
  location_found: { vi: 'Theo vị trí của bạn, sự việc ở:', en: 'From your location, this happened in:' },
  location_yes: { vi: 'Đúng, dùng khu vực này', en: 'Yes, use this area' },
  location_change: { vi: 'Chọn khu vực khác', en: 'Choose another area' },
  location_confirmed: { vi: 'Đã chọn khu vực này.', en: 'This area is chosen.' },
  location_outside: { vi: 'Vị trí của bạn không thuộc Việt Nam. Hãy chọn khu vực trong danh sách.', en: 'Your location is not in Vietnam. Please choose the area from the list.' },
  location_refused: { vi: 'Không lấy được vị trí. Bạn hãy chọn khu vực trong danh sách.', en: 'Could not get your location. Please choose the area from the list.' },
  incident_at: { vi: 'Thời gian xảy ra (không bắt buộc)', en: 'When did it happen (optional)' },
  enterprise: { vi: 'Doanh nghiệp / nơi làm việc (không bắt buộc)', en: 'Enterprise / workplace (optional)' },
  enterprise_search: { vi: 'Gõ tên để tìm', en: 'Type a name to search' },
  contact: { vi: 'Cách liên hệ với bạn (không bắt buộc)', en: 'How to contact you (optional)' },
  contact_hint: { vi: 'Số điện thoại hoặc Zalo. Được mã hóa; doanh nghiệp không bao giờ thấy.', en: 'Phone or Zalo. Stored encrypted; never shown to an enterprise.' },
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
  relayed_by: { vi: 'chuyển qua', en: 'passed on by' },
  reject_reason: { vi: 'Lý do', en: 'Reason' },
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
  ind_phone: { vi: 'Số điện thoại', en: 'Phone number' },
  ind_domain: { vi: 'Tên miền', en: 'Domain' },
  ind_url: { vi: 'Đường link', en: 'Link' },
  ind_bank_account: { vi: 'Số tài khoản', en: 'Bank account' },
  ind_handle: { vi: 'Tài khoản mạng xã hội', en: 'Chat account' },
  verdict_wrong: { vi: 'Kết quả này sai?', en: 'Is this verdict wrong?' },
  verdict_wrong_share: { vi: 'Gửi kèm nội dung tin nhắn để cải thiện (số tài khoản, số điện thoại được che; không kèm danh tính)', en: 'Include the message text to help improve the checker (account and phone numbers masked; no identity)' },
  verdict_wrong_send: { vi: 'Báo kết quả sai', en: 'Report a wrong verdict' },
  verdict_wrong_thanks: { vi: 'Cảm ơn bạn. Cán bộ sẽ xem lại, không ai biết bạn là ai.', en: 'Thank you. Officers will review it; nobody knows who you are.' },
  scam_feedback: { vi: 'Phản hồi kiểm tra lừa đảo', en: 'Scam-check feedback' },
  scam_feedback_intro: { vi: 'Người lao động báo kết quả kiểm tra sai. Chỉ thấy nội dung khi họ đồng ý chia sẻ.', en: 'Workers reporting a wrong verdict. The text is shown only when they agreed to share it.' },
  fb_text_hidden: { vi: '(người gửi không chia sẻ nội dung)', en: '(the worker did not share the text)' },
  fb_add_scam: { vi: 'Thêm vào dữ liệu huấn luyện: lừa đảo', en: 'Add to training set: scam' },
  fb_add_safe: { vi: 'Thêm vào dữ liệu huấn luyện: an toàn', en: 'Add to training set: safe' },
  fb_dismiss: { vi: 'Bỏ qua', en: 'Dismiss' },
  fb_status_new: { vi: 'Chưa xem', en: 'New' },
  fb_status_added: { vi: 'Đã đưa vào dữ liệu huấn luyện', en: 'Added to the training set' },
  fb_status_dismissed: { vi: 'Đã bỏ qua', en: 'Dismissed' },
  fb_same_text: { vi: 'Số lần báo cùng nội dung', en: 'Reports of the same text' },
  reg_reported: { vi: 'đã bị báo cáo', en: 'reported' },
  reg_confirmed: { vi: 'đã xác nhận lừa đảo', en: 'confirmed scam' },
  reg_cleared: { vi: 'đã xác nhận an toàn', en: 'cleared' },
  reg_unknown: { vi: 'chưa có trong danh sách', en: 'not in the registry' },
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
  referral_to: { vi: 'Đơn vị nhận', en: 'Receiving organisation' },
  referral_reason: { vi: 'Lý do chuyển', en: 'Reason' },
  referral_kind_referral: { vi: 'Chuyển xử lý', en: 'Refer (hand over)' },
  referral_kind_joint: { vi: 'Phối hợp (thông báo)', en: 'Joint case (inform)' },
  referral_send: { vi: 'Gửi yêu cầu chuyển', en: 'Send referral' },
  referral_history: { vi: 'Lịch sử chuyển / phối hợp', en: 'Referrals and joint work' },
  referral_accept: { vi: 'Tiếp nhận', en: 'Accept' },
  referral_decline: { vi: 'Từ chối', en: 'Decline' },
  referral_note: { vi: 'Ghi chú (bắt buộc khi từ chối)', en: 'Note (required to decline)' },
  referral_search: { vi: 'Tìm đơn vị theo tên', en: 'Search organisations by name' },
  links: { vi: 'Hồ sơ liên quan', en: 'Linked cases' },
  link_case: { vi: 'Số hồ sơ', en: 'Case number' },
  link_duplicate: { vi: 'Trùng lặp', en: 'Duplicate' },
  link_related: { vi: 'Liên quan', en: 'Related' },
  link_add: { vi: 'Liên kết', en: 'Link' },
  link_remove: { vi: 'Bỏ liên kết', en: 'Unlink' },
  link_suggestions: { vi: 'Gợi ý (cùng doanh nghiệp, nhà trọ, dấu hiệu lừa đảo)', en: 'Suggestions (same enterprise, house or scam indicator)' },
  photos: { vi: 'Ảnh', en: 'Photos' },
  photo_add: { vi: 'Thêm ảnh (JPEG, PNG, WebP, tối đa 10 MB)', en: 'Add a photo (JPEG, PNG, WebP, max 10 MB)' },
  exact_location: { vi: 'Tôi cần giúp đỡ ngay tại đây — gửi vị trí chính xác', en: 'I need help right here — send my exact location' },
  exact_location_hint: {
    vi: 'Chỉ chọn khi khẩn cấp. Nếu không chọn, vị trí chỉ được lưu gần đúng (khoảng 100 m) để không ai lần ra phòng trọ của bạn.',
    en: 'Only in an emergency. Otherwise your location is kept only roughly (about 100 m) so nobody can trace your room.',
  },
  photo_optional: { vi: 'Ảnh (không bắt buộc; dữ liệu GPS trong ảnh sẽ bị xóa)', en: 'Photo (optional; GPS data in the photo is removed)' },
  photo_too_large: { vi: 'Ảnh quá lớn (tối đa 10 MB)', en: 'The photo is too large (max 10 MB)' },
  photo_failed: { vi: 'Báo cáo đã gửi, nhưng ảnh chưa gửi được', en: 'The report was sent, but the photo could not be' },
  escalated: { vi: 'Đã chuyển lên cấp trên', en: 'Escalated' },
  due: { vi: 'Hạn giải quyết', en: 'Resolve by' },
  due_col: { vi: 'Hạn', en: 'Due' },
  deadlines: { vi: 'Thời hạn', en: 'Deadlines' },
  deadline_acknowledge: { vi: 'Hạn tiếp nhận', en: 'Acknowledge by' },
  deadline_resolve: { vi: 'Hạn giải quyết', en: 'Resolve by' },
  deadline_met: { vi: 'đã xong', en: 'done' },
  deadline_missed: { vi: 'Đã quá hạn', en: 'Missed by' },
  overdue_by: { vi: 'Quá hạn', en: 'Overdue' },
  hours: { vi: 'giờ', en: 'hours' },
  days: { vi: 'ngày', en: 'days' },
  sort: { vi: 'Sắp xếp', en: 'Sort' },
  sort_urgency: { vi: 'Cần xử lý trước (quá hạn, sắp đến hạn)', en: 'Needs you first (overdue, due soon)' },
  sort_due: { vi: 'Hạn gần nhất trước', en: 'Earliest due first' },
  sort_due_desc: { vi: 'Hạn xa nhất trước', en: 'Latest due first' },
  sort_created_desc: { vi: 'Mới nhận trước', en: 'Newest first' },
  sort_created: { vi: 'Cũ nhất trước', en: 'Oldest first' },
  sort_updated: { vi: 'Mới cập nhật trước', en: 'Recently updated first' },
  sort_priority: { vi: 'Ưu tiên cao trước', en: 'Highest priority first' },
  export_csv: { vi: 'Xuất CSV', en: 'Export CSV' },
  export_xlsx: { vi: 'Xuất Excel', en: 'Export Excel' },
  export_rows: { vi: 'dòng', en: 'rows' },
  export_too_many: { vi: 'Excel chứa tối đa 1.048.575 dòng: hãy lọc bớt hoặc xuất CSV.', en: 'Excel holds at most 1,048,575 rows: narrow the filters or export CSV.' },
  incident_time: { vi: 'Thời gian xảy ra', en: 'When it happened' },
  enterprise_name: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  coordinates: { vi: 'Toạ độ', en: 'Coordinates' },
  referral_kind: { vi: 'Hình thức', en: 'How' },
  referral_status: { vi: 'Tình trạng', en: 'Status' },
  link_kind: { vi: 'Kiểu liên kết', en: 'Link type' },
  note_reject: { vi: 'Ghi chú (bắt buộc khi không thụ lý — người báo cáo đọc được lý do)', en: 'Note (required to reject — the reporter reads the reason)' },
  answers: { vi: 'Trả lời của doanh nghiệp', en: 'The enterprise’s answers' },
  answer_hint: { vi: 'Doanh nghiệp không tự kết luận vụ việc về mình: công đoàn / liên đoàn xem xét và quyết định. Lời nhắn chỉ đến người báo cáo khi công đoàn chuyển đi.', en: 'An enterprise does not judge a case about itself: the union or federation reviews and decides. A message reaches the reporter only when the union passes it on.' },
  answer_action: { vi: 'Doanh nghiệp đã làm gì', en: 'Action taken' },
  answer_evidence: { vi: 'Bằng chứng (không bắt buộc)', en: 'Evidence (optional)' },
  answer_fix: { vi: 'Đề xuất khắc phục (không bắt buộc)', en: 'Proposed fix (optional)' },
  answer_message: { vi: 'Lời nhắn cho người báo cáo (không bắt buộc; công đoàn xem trước)', en: 'Message for the reporter (optional; the union reviews it first)' },
  answer_send: { vi: 'Gửi trả lời', en: 'Send answer' },
  answer_pass_on: { vi: 'Chuyển lời nhắn cho người báo cáo', en: 'Pass the message on to the reporter' },
  answer_keep_back: { vi: 'Giữ lại', en: 'Keep back' },
  answer_review_text: { vi: 'Lời nhắn sẽ chuyển (có thể sửa)', en: 'Message to pass on (may be edited)' },
  answer_none: { vi: 'Chưa có trả lời.', en: 'No answers yet.' },
  data_table: { vi: 'Xem bảng số liệu', en: 'Show the data table' },
  count: { vi: 'Số vụ', en: 'Cases' },
  month: { vi: 'Tháng', en: 'Month' },
  legend: { vi: 'Chú giải', en: 'Legend' },
  legend_reports: { vi: 'Số báo cáo theo tỉnh', en: 'Reports per province' },
  legend_none: { vi: 'không có', en: 'none' },
  legend_circle: { vi: 'Vòng tròn xanh: số báo cáo tại điểm (to hơn = nhiều hơn)', en: 'Green circle: reports at a point (bigger = more)' },
  legend_hotspot: { vi: 'Vòng đỏ nét đứt: điểm nóng (nhiều bất thường)', en: 'Dashed red circle: hotspot (unusually many)' },
  legend_house_team: { vi: 'Nhà trọ có tổ tự quản', en: 'Boarding house with a team' },
  legend_house_gap: { vi: 'Nhà trọ ≥ 30 công nhân chưa có tổ', en: 'Boarding house, 30+ workers, no team' },
  legend_house_other: { vi: 'Nhà trọ khác', en: 'Other boarding house' },
  legend_islands: { vi: 'Quần đảo Hoàng Sa, Trường Sa (Việt Nam)', en: 'Hoàng Sa and Trường Sa islands (Việt Nam)' },
  activity: { vi: 'hoạt động', en: 'activity' },
  routing: { vi: 'Định tuyến', en: 'Routing' },
  routing_rules: { vi: 'Quy tắc định tuyến', en: 'Routing rules' },
  routing_position: { vi: 'Thứ tự', en: 'Order' },
  routing_target: { vi: 'Chuyển đến', en: 'Goes to' },
  routing_kind: { vi: 'Loại đơn vị gần nhất', en: 'Nearest office of kind' },
  routing_org_id: { vi: 'hoặc mã đơn vị cụ thể', en: 'or a specific organisation id' },
  routing_add: { vi: 'Thêm quy tắc', en: 'Add rule' },
  routing_delete: { vi: 'Xóa', en: 'Delete' },
  routing_test: { vi: 'Báo cáo này sẽ đến đâu?', en: 'Where would this report go?' },
  routing_test_go: { vi: 'Kiểm tra', en: 'Check' },
  routing_fallback: { vi: 'không quy tắc nào khớp: liên đoàn lao động gần nhất', en: 'no rule matched: the nearest federation' },
  area_code: { vi: 'Mã địa bàn (* = mọi nơi)', en: 'Area code (* = anywhere)' },
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
  urgent: { vi: 'Khẩn cấp', en: 'Urgent' },
};
export function priorityLabel(p: string | number): string {
  return PRIORITY[String(p)]?.[getLang()] ?? PRIORITY.normal[getLang()];
}

const EVENT: Record<string, Entry> = {
  created: { vi: 'tạo báo cáo', en: 'report created' },
  user: { vi: 'cán bộ', en: 'Officer' },
  referral: { vi: 'chuyển đơn vị khác', en: 'referred' },
  joint: { vi: 'phối hợp với đơn vị khác', en: 'joint case' },
  referral_accepted: { vi: 'đơn vị nhận đã tiếp nhận', en: 'referral accepted' },
  referral_declined: { vi: 'đơn vị nhận từ chối', en: 'referral declined' },
  escalated: { vi: 'chuyển lên cấp trên (quá hạn)', en: 'escalated (overdue)' },
  escalation: { vi: 'chuyển lên cấp trên (quá hạn)', en: 'escalated (overdue)' },
  contact_revealed: { vi: 'xem liên hệ người báo cáo', en: 'reporter contact viewed' },
  enterprise_answer: { vi: 'doanh nghiệp trả lời', en: 'enterprise answer' },
  link: { vi: 'liên kết hồ sơ', en: 'cases linked' },
  unlink: { vi: 'bỏ liên kết hồ sơ', en: 'cases unlinked' },
  attachment: { vi: 'thêm ảnh', en: 'photo added' },
  photo: { vi: 'thêm ảnh', en: 'photo added' },
  priority: { vi: 'đổi mức ưu tiên', en: 'priority changed' },
  message: { vi: 'tin nhắn', en: 'message' },
  reporter_message: { vi: 'tin nhắn của người báo cáo', en: 'message from reporter' },
  note: { vi: 'ghi chú', en: 'note' },
  transition: { vi: 'đổi trạng thái', en: 'status change' },
  reveal_contact: { vi: 'xem liên hệ', en: 'contact revealed' },
  reporter: { vi: 'người báo cáo', en: 'Reporter' },
  officer: { vi: 'cán bộ', en: 'Officer' },
  system: { vi: 'hệ thống', en: 'System' },
};
export function eventLabel(k: string): string {
  return EVENT[k]?.[getLang()] ?? S.activity[getLang()];
}

// Labels for every other code the API sends; an unknown code is never shown as it is.
function labelFrom(table: Record<string, Entry>, fallback: Entry) {
  return (code: string | null | undefined): string => (code && table[code] ? table[code][getLang()] : fallback[getLang()]);
}
export const orgKindLabel = labelFrom(
  {
    national: { vi: 'Trung ương', en: 'National' },
    province: { vi: 'Tỉnh / thành phố', en: 'Province' },
    commune: { vi: 'Xã / phường', en: 'Commune' },
    federation: { vi: 'Liên đoàn lao động', en: 'Labour federation' },
    police: { vi: 'Công an', en: 'Police' },
    authority: { vi: 'Chính quyền', en: 'Local authority' },
    enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
    union: { vi: 'Công đoàn cơ sở', en: 'Grassroots union' },
  },
  { vi: 'Đơn vị', en: 'Organisation' },
);
export const roleLabel = labelFrom(
  {
    admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
    federation_officer: { vi: 'Cán bộ liên đoàn lao động', en: 'Federation officer' },
    union_officer: { vi: 'Cán bộ công đoàn', en: 'Union officer' },
    police_officer: { vi: 'Cán bộ công an', en: 'Police officer' },
    enterprise_officer: { vi: 'Cán bộ doanh nghiệp', en: 'Enterprise officer' },
    team_leader: { vi: 'Tổ trưởng tổ tự quản', en: 'Team leader' },
  },
  { vi: 'Cán bộ', en: 'Officer' },
);
export const channelLabel = labelFrom(
  {
    web: { vi: 'Trang web', en: 'Web form' },
    api: { vi: 'Hệ thống khác (API)', en: 'Another system (API)' },
    hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
    chat: { vi: 'Nhóm chat / chatbot', en: 'Chat' },
    camera: { vi: 'Camera, cảm biến', en: 'Camera / sensor' },
    import: { vi: 'Nhập từ tệp', en: 'File import' },
    meeting: { vi: 'Họp tổ tự quản', en: 'Team meeting' },
    sms: { vi: 'Tin nhắn SMS', en: 'SMS' },
  },
  { vi: 'Khác', en: 'Other' },
);
export const referralStatusLabel = labelFrom(
  {
    pending: { vi: 'Chờ tiếp nhận', en: 'Awaiting answer' },
    accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
    declined: { vi: 'Từ chối tiếp nhận', en: 'Declined' },
  },
  { vi: 'Không rõ', en: 'Unknown' },
);
export const linkReasonLabel = labelFrom(
  {
    same_indicator: { vi: 'cùng dấu hiệu lừa đảo', en: 'same scam indicator' },
    same_enterprise: { vi: 'cùng doanh nghiệp', en: 'same enterprise' },
    same_house: { vi: 'cùng nhà trọ', en: 'same boarding house' },
    other: { vi: 'lý do khác', en: 'other reason' },
  },
  { vi: 'liên quan', en: 'related' },
);
export const indicatorKindLabel = labelFrom(
  {
    phone: { vi: 'Số điện thoại', en: 'Phone number' },
    domain: { vi: 'Tên miền', en: 'Domain' },
    url: { vi: 'Đường link', en: 'Link' },
    bank_account: { vi: 'Số tài khoản', en: 'Bank account' },
    handle: { vi: 'Tài khoản mạng xã hội', en: 'Chat handle' },
  },
  { vi: 'Dấu hiệu', en: 'Indicator' },
);
export const answerStatusLabel = labelFrom(
  {
    pending: { vi: 'Chờ công đoàn xem xét', en: 'Awaiting the union’s review' },
    passed_on: { vi: 'Đã chuyển cho người báo cáo', en: 'Passed on to the reporter' },
    kept_back: { vi: 'Giữ lại, không chuyển', en: 'Kept back' },
  },
  { vi: 'Không rõ', en: 'Unknown' },
);

// Numbers the way each language writes them: 67.574 and 19,6 in Vietnamese, 67,574 and 19.6
// in English.
export function formatNumber(n: number | null | undefined, fractionDigits = 0): string {
  if (n == null || !Number.isFinite(n)) return '';
  return n.toLocaleString(getLang() === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}
// "2025-11" → "tháng 11/2025" / "Nov 2025".
export function formatMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  if (getLang() === 'vi') return `tháng ${+m[2]}/${m[1]}`;
  return new Date(Date.UTC(+m[1], +m[2] - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
// "quá hạn 36 giờ" / "overdue 36 hours"; past three days in days.
export function overdueText(hours: number): string {
  const n = hours < 72 ? `${formatNumber(hours)} ${S.hours[getLang()]}` : `${formatNumber(Math.floor(hours / 24))} ${S.days[getLang()]}`;
  return getLang() === 'vi' ? `Quá hạn ${n}` : `Overdue ${n}`;
}

export function statusLabel(s: string): string {
  return STATUS[s]?.[getLang()] ?? S.activity[getLang()];
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
