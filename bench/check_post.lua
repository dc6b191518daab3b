-- wrk script: POST /api/v1/check with varied messages over keep-alive connections.
-- wrk -t2 -c32 -d20s -s bench/check_post.lua http://127.0.0.1:18080/api/v1/check
local messages = {
  "Việc nhẹ lương cao, like share nhận 200k mỗi ngày, nạp 2 triệu để rút tiền, Zalo 0912345678",
  "Tối nay tan ca đi ăn lẩu không",
  "Vietcombank: TK 1234 +5,000,000 VND luc 10:20. SD: 12,300,000 VND. ND: LUONG THANG 5",
  "Chị ơi em chuyển nhầm 3 triệu vào tk chị, chị chuyển lại giúp em qua stk 0123456789 nhé",
  "Công an cảnh báo thủ đoạn giả danh cán bộ yêu cầu chuyển tiền vào tài khoản tạm giữ",
  "Ban da trung thuong xe SH, nop phi 2tr de nhan giai tai bit.ly/abc123",
  "Công ty tuyển 200 công nhân may, lương 8 triệu, không thu phí",
  "Tai khoan cua ban se bi khoa, cap nhat sinh trac hoc tai vcb-xacthuc.top",
}
local bodies = {}
for i, m in ipairs(messages) do bodies[i] = '{"text":"' .. m .. '"}' end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[(n % #bodies) + 1])
end
