#include "demo/texts.h"

#include <map>
#include <vector>

#include "text/normalize.h"

namespace antoan::demo {
namespace {

using Templates = std::vector<const char*>;

// {dn} enterprise, {kcn} park, {noi} commune/ward, {tien} amount, {sdt} phone, {web} link,
// {gio} time, {stk} bank account. Phone numbers, accounts and links are fictional (links use
// the reserved .example domain).
const std::map<std::string, Templates>& templates() {
  static const std::map<std::string, Templates> t = {
      {"scam",
       {"Có người gọi số {sdt} tự xưng là công an {noi}, nói em liên quan đường dây rửa tiền, bắt chuyển {tien} vào tài khoản {stk} để \"xác minh\".",
        "Nhóm Zalo tuyển cộng tác viên làm nhiệm vụ like video, lúc đầu được trả hoa hồng, sau đó bắt nạp {tien} mới rút được tiền, giờ mất hết.",
        "Nhận được tin nhắn báo trúng thưởng xe máy từ chương trình tri ân công nhân {kcn}, yêu cầu đóng phí {tien} qua link {web}.",
        "Có người đăng bài tuyển dụng vào {dn} lương cao, thu phí hồ sơ {tien} rồi chặn liên lạc. Nhiều bạn ở trọ gần {kcn} cũng bị.",
        "Em bị lừa mua hàng online, chuyển khoản đặt cọc {tien} cho shop bán điện thoại giá rẻ, sau đó shop khóa facebook.",
        "Số {sdt} gọi giả làm nhân viên bảo hiểm xã hội, bảo cài ứng dụng qua link {web} để nhận tiền trợ cấp, cài xong bị trừ {tien} trong tài khoản.",
        "Có người giả danh nhân viên ngân hàng gửi tin nhắn bảo tài khoản bị khóa, bấm vào {web} nhập mã OTP, mất {tien}.",
        "Người quen trên facebook bị hack nhắn vay gấp {tien}, em chuyển vào STK {stk} xong mới biết không phải bạn mình.",
        "Quảng cáo việc nhẹ lương cao, đi làm ở nước ngoài, thu trước {tien} tiền làm visa. Có mấy công nhân {kcn} đã nộp tiền.",
        "Có đối tượng gọi điện nói con em ở quê bị tai nạn đang cấp cứu, bắt chuyển ngay {tien} vào tài khoản {stk}."}},
      {"illegal_lending",
       {"Em vay qua app {web} {tien}, mới một tuần lãi đã gấp đôi, giờ họ gọi điện chửi bới và nhắn tin cho cả đồng nghiệp ở {dn}.",
        "Nhóm cho vay nặng lãi dán số điện thoại {sdt} khắp cổng {kcn}, người vay không trả kịp bị đến tận phòng trọ đe dọa.",
        "Bị đòi nợ thuê khủng bố, ghép ảnh em gửi vào nhóm zalo công ty, đòi {tien} trong khi em chỉ vay có 3 triệu.",
        "Cho vay góp ngày ở khu trọ {noi}, lãi 5 nghìn/1 triệu/ngày, ai chậm là bị tạt sơn cửa phòng.",
        "Em cần tiền gửi về quê nên vay qua app, giờ app đòi phí phạt {tien}, gọi liên tục cho bố mẹ ở quê.",
        "Có người cầm thẻ ATM và căn cước của công nhân để cho vay, giữ thẻ lương luôn, đến kỳ lương tự rút tiền."}},
      {"drugs",
       {"Khu trọ gần {kcn} buổi tối hay có nhóm thanh niên tụ tập, nghi sử dụng ma túy, vứt kim tiêm ở bãi đất trống.",
        "Có người mời công nhân dùng thử \"nước vui\", kẹo lạ ở quán karaoke gần {noi}.",
        "Trong phòng trọ bên cạnh thường xuyên có mùi lạ, người ra vào lúc nửa đêm, em nghi mua bán ma túy.",
        "Thấy có người bán bóng cười và thuốc lắc cho thanh niên ở quán gần cổng {kcn} khoảng {gio}."}},
      {"theft",
       {"Xe máy của em để ở nhà xe khu trọ {noi} bị mất trộm lúc khoảng {gio}, khóa cổng bị cắt.",
        "Bị giật điện thoại khi đang đi bộ từ cổng {kcn} về phòng trọ lúc tan ca {gio}.",
        "Phòng trọ bị cạy cửa khi em đi làm ca ngày, mất laptop và {tien} tiền mặt.",
        "Trong tủ đồ cá nhân ở {dn} bị mất ví, trong đó có thẻ ATM và giấy tờ.",
        "Nhiều phòng ở dãy trọ {noi} bị mất trộm quần áo, điện thoại trong đợt nghỉ Tết.",
        "Xe đạp điện để ở bãi xe gần cổng {kcn} bị trộm mất bình ắc quy."}},
      {"violence",
       {"Tổ trưởng ở {dn} thường xuyên quát mắng, xúc phạm công nhân nữ, có lần còn đẩy ngã một bạn.",
        "Em bị một nhóm thanh niên chặn đường đánh khi đi ca đêm về, gần {kcn} lúc {gio}.",
        "Có đồng nghiệp nam ở {dn} liên tục nhắn tin quấy rối, đụng chạm em trong giờ làm.",
        "Chủ nhà trọ ở {noi} say rượu, đe dọa và đánh người thuê trọ vì chậm tiền phòng.",
        "Hai nhóm công nhân xô xát ở quán nhậu gần {kcn}, có người bị thương phải đi viện."}},
      {"workplace_safety",
       {"Chuyền sản xuất của {dn} nóng quá, không có quạt, mấy hôm nay có 2 bạn ngất xỉu.",
        "Máy dập ở xưởng {dn} bị hỏng bộ phận che chắn nhưng vẫn bắt công nhân chạy máy, rất nguy hiểm.",
        "Công ty {dn} không phát khẩu trang và găng tay khi làm việc với hóa chất, nhiều người bị ngứa, rát tay.",
        "Lối thoát hiểm ở xưởng {dn} bị chắn bởi hàng hóa, bình chữa cháy hết hạn.",
        "Bếp ăn ca của {dn} có thức ăn ôi thiu, hôm qua nhiều công nhân bị đau bụng, nôn.",
        "Bị ép làm thêm liên tục 12 tiếng/ngày tại {dn}, nhiều người kiệt sức.",
        "Dây điện trong xưởng {dn} bị hở, mưa là dột nước xuống khu vực máy móc."}},
      {"wages",
       {"{dn} chậm trả lương tháng này, đã quá ngày mùng 10 mà chưa nhận được, không có thông báo gì.",
        "Công ty {dn} không đóng bảo hiểm xã hội cho công nhân dù vẫn trừ tiền vào lương hằng tháng.",
        "Tiền làm thêm giờ ở {dn} bị tính sai, làm chủ nhật mà chỉ trả như ngày thường.",
        "{dn} trừ lương vô lý khi công nhân nghỉ ốm có giấy của bệnh viện.",
        "Sắp Tết mà {dn} thông báo không có thưởng Tết, lương tháng 13 cũng không có.",
        "Em nghỉ việc đúng quy định nhưng {dn} không trả sổ bảo hiểm và tiền lương những ngày còn lại.",
        "Lương cơ bản ở {dn} thấp hơn mức lương tối thiểu vùng, phụ cấp thì bị cắt."}},
      {"dormitory_safety",
       {"Khu trọ ở {noi} có hơn 40 phòng mà chỉ có một lối ra, dây điện chằng chịt, rất dễ cháy.",
        "Chủ trọ ở {noi} tự ý tăng giá điện lên 4 nghìn một số, nước 100 nghìn một người.",
        "Mưa to là khu trọ gần {kcn} ngập đến đầu gối, nước tràn vào phòng, ổ điện sát sàn nhà.",
        "Dãy trọ ở {noi} không có bình chữa cháy, cầu thang gỗ, nhiều phòng nấu ăn bằng bếp ga mini.",
        "Nhà trọ bị nứt tường, trần bong tróc, chủ trọ không chịu sửa.",
        "Khu trọ không có đèn chiếu sáng lối đi, buổi tối công nhân nữ đi ca về rất sợ."}},
      {"commute",
       {"Đoạn đường từ cổng {kcn} ra quốc lộ không có đèn, giờ tan ca {gio} xe tải đi rất nhanh, hay xảy ra va chạm.",
        "Xe đưa đón công nhân của {dn} chở quá số người, ghế hỏng, tài xế đi ẩu.",
        "Đường vào khu trọ {noi} bị ngập mỗi khi mưa, nhiều bạn bị ngã xe.",
        "Ổ gà lớn trước cổng {kcn}, tối qua có công nhân ngã xe bị thương.",
        "Giờ tan ca kẹt xe kéo dài ở nút giao gần {kcn}, không có người phân luồng."}},
      {"other",
       {"Công nhân ở {noi} muốn hỏi thủ tục chuyển hộ khẩu tạm trú cho con đi học.",
        "Đề nghị công đoàn tổ chức thêm lớp tìm hiểu pháp luật lao động cho công nhân {kcn}.",
        "Trạm y tế gần {kcn} đóng cửa sớm, công nhân làm ca không kịp khám.",
        "Muốn phản ánh việc thiếu nhà trẻ cho con công nhân quanh {kcn}.",
        "Em muốn hỏi về quyền lợi khi nghỉ thai sản ở {dn}."}},
  };
  return t;
}

// The planted scam wave: one fake recruitment scheme hitting workers around one park.
const Templates& wave_templates() {
  static const Templates t = {
      "Nhóm \"Tuyển dụng {kcn} lương 15tr\" trên facebook thu phí giữ chỗ {tien}, số {sdt}. Em và 3 bạn cùng phòng đã nộp.",
      "Có người gọi từ số {sdt} nói là bộ phận nhân sự, bảo nộp {tien} phí đồng phục và khám sức khỏe để vào làm ở {kcn}, nộp xong không liên lạc được.",
      "Link {web} tự xưng trang tuyển dụng chính thức của các công ty trong {kcn}, yêu cầu chuyển khoản {tien} vào STK {stk}.",
      "Mấy hôm nay nhiều người ở trọ quanh {kcn} bị lừa nộp tiền \"phí hồ sơ\" qua số {sdt}, mỗi người {tien}.",
  };
  return t;
}

const char* pick(const std::vector<const char*>& v, std::mt19937_64& rng) { return v[rng() % v.size()]; }

std::string amount(std::mt19937_64& rng) {
  static const std::vector<const char*> a = {"500 nghìn", "800 nghìn", "1 triệu", "1,5 triệu", "2 triệu",
                                             "3 triệu",   "4,7 triệu", "5 triệu", "8 triệu",   "12 triệu",
                                             "20 triệu",  "35 triệu"};
  return pick(a, rng);
}

std::string fill(std::string tpl, const std::map<std::string, std::string>& slots) {
  for (const auto& [key, value] : slots) {
    std::string pattern = "{" + key + "}";
    for (std::size_t pos = tpl.find(pattern); pos != std::string::npos; pos = tpl.find(pattern, pos + value.size()))
      tpl.replace(pos, pattern.size(), value);
  }
  return tpl;
}

}  // namespace

std::string to_teencode(const std::string& text) {
  static const std::vector<std::pair<std::string, std::string>> subs = {
      {" khong ", " ko "}, {" duoc ", " dc "}, {" gi ", " j "},    {" voi ", " vs "},   {" roi ", " r "},
      {" cong ty ", " cty "}, {" nguoi ", " ng "}, {" biet ", " bit "}, {" minh ", " mk "}, {" em ", " e "},
      {" anh ", " a "},     {" bao nhieu ", " bn "}, {" nhieu ", " nhiu "},
      {" truoc ", " trc "}, {" thoi ", " thui "},  {" qua ", " wa "}, {" chuyen khoan ", " ck "}};
  std::string s(1, ' ');
  s += text::fold(text);
  s.push_back(' ');
  for (const auto& [from, to] : subs)
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size() - 1))
      s.replace(pos, from.size(), to);
  return s.substr(1, s.size() - 2);
}

std::string make_description(const std::string& category, const TextContext& ctx, std::mt19937_64& rng, bool wave) {
  static const std::vector<const char*> openings = {
      "", "", "", "Em là công nhân ở {kcn}. ", "Mình làm ở {kcn}, ở trọ {noi}. ", "Kính gửi công đoàn, ",
      "Cho em hỏi, ", "Xin chào, ", "Em phản ánh sự việc: ", "Tôi là người lao động ở {noi}. "};
  static const std::vector<const char*> closings = {
      "", "", "", " Mong các anh chị giúp đỡ.", " Xin cảm ơn.", " Nhờ các cơ quan xử lý sớm ạ.",
      " Em không dám nói với ai.", " Nhiều người cũng bị như vậy.", " Đề nghị kiểm tra giúp.", " Em rất lo."};
  static const std::vector<const char*> phones = {"0912 345 678", "0987.654.321", "0868 111 222", "0333 456 789",
                                                  "0899 123 123", "0708 000 999"};
  static const std::vector<const char*> links = {"vay-nhanh-24h.example", "tuyendung-kcn.example",
                                                 "bhxh-hotro.example",  "nhanthuong-congnhan.example",
                                                 "xacminh-taikhoan.example"};
  static const std::vector<const char*> accounts = {"1234567890 Vietcombank", "0123 4567 8910 MB",
                                                    "9876543210 Techcombank", "1900 1234 5678 Agribank"};
  static const std::vector<const char*> times = {"5 giờ sáng", "7 giờ tối", "22 giờ", "nửa đêm",
                                                 "lúc tan ca 17 giờ 30", "6 giờ chiều", "2 giờ sáng"};
  const Templates* list = &wave_templates();
  if (!wave) {
    auto it = templates().find(category);
    list = &(it == templates().end() ? templates().at("other") : it->second);
  }
  std::map<std::string, std::string> slots = {
      {"dn", ctx.enterprise.empty() ? "công ty" : ctx.enterprise},
      {"kcn", ctx.park.empty() ? "khu công nghiệp" : ctx.park},
      {"noi", ctx.place},
      {"tien", amount(rng)},
      {"sdt", wave ? "0899 123 123" : pick(phones, rng)},
      {"web", wave ? "tuyendung-kcn.example" : pick(links, rng)},
      {"stk", pick(accounts, rng)},
      {"gio", pick(times, rng)}};
  std::string body = fill(pick(*list, rng), slots);
  std::string text = fill(pick(openings, rng), slots) + body + pick(closings, rng);
  unsigned style = static_cast<unsigned>(rng() % 100);
  if (style < 12) return text::fold(text);  // typed without diacritics
  if (style < 20) return to_teencode(text);
  return text;
}

}  // namespace antoan::demo
