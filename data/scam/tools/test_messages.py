# Writer B: templates and hand-written messages for the held-out TEST split only.
# Phrased independently of train_messages.py (different sentences, not just different slot
# values) so corpus_test.jsonl measures how the checker does on messages it has never seen.

SCAM_TEMPLATES = {
  "fake_job": [
    "Mình đang cần 5 bạn phụ giúp việc online trên điện thoại, rảnh lúc nào làm lúc đó, mỗi ngày có {small} về ví. Bạn nào quan tâm add Zalo {phone}",
    "Cơ hội kiếm thêm thu nhập: chỉ cần bấm theo dõi và đánh giá sản phẩm, trả công ngay {small}/lượt, đăng ký {link}",
    "Không cần bằng cấp, không cần đến công ty, thu nhập ổn định {mid} mỗi tuần. Inbox để nhận việc ngay hôm nay",
  ],
  "task_scam": [
    "Chúc mừng bạn hoàn thành nhiệm vụ thử, hoa hồng đã cộng vào tài khoản. Để nhận nhiệm vụ cao cấp cần chuyển khoản tham gia {mid}",
    "Do bạn đặt lệnh trễ nên hệ thống khóa lệnh rút, cần nộp thêm {mid} phí khôi phục điểm tín nhiệm mới rút được",
    "Nhóm hỗ trợ nhiệm vụ: mỗi đơn trả trước, nhận lại {pct}% sau vài phút, ai cũng làm được, link nhóm {link}",
  ],
  "illegal_loan": [
    "Cần tiền gấp? Bên em cho vay theo CCCD, không hỏi lịch sử tín dụng, tiền về trong ngày, liên hệ em {name} {phone}",
    "Hồ sơ vay của bạn đủ điều kiện nhận {big}, hoàn tất khoản đóng phí kích hoạt hợp đồng {small} để tiền về tài khoản",
  ],
  "debt_harassment": [
    "Gửi bạn {full}: khoản nợ của bạn đã quá hạn. Ảnh chân dung cùng CCCD của bạn sẽ được gửi tới tất cả người thân trong danh bạ nếu không thanh toán ngay {mid}",
    "Nhắn cho con nợ: trả tiền đi, hết hạn rồi, người nhà mày cũng sẽ bị gọi điện suốt ngày, tao nói là làm",
  ],
  "police_impersonation": [
    "Chúng tôi làm việc tại Phòng An ninh mạng, số CCCD của anh/chị bị dùng mở tài khoản phạm tội, đề nghị kết nối video call và làm theo hướng dẫn để xác minh tài sản",
    "Thông báo từ Cục Cảnh sát: bạn vi phạm giao thông chưa nộp phạt {small}, nếu không nộp qua đường link {link} trong hôm nay sẽ bị cưỡng chế",
    "Bên tôi là cán bộ điều tra, vụ án của bạn đang được xử lý bí mật, không được kể với người thân, chuyển tiền xác minh vào tài khoản {acct} của cơ quan",
  ],
  "bank_impersonation": [
    "Thẻ ATM {bank} của bạn sắp hết hiệu lực chip, gia hạn trực tuyến bằng cách đăng nhập {link}",
    "Xin chào, bộ phận chăm sóc khách hàng ngân hàng {bank}, anh/chị vui lòng cung cấp mã số vừa nhận được qua SMS để chúng tôi hủy giao dịch đáng ngờ",
  ],
  "utility_impersonation": [
    "Nhân viên điện lực đây, công tơ nhà mình ghi sai chỉ số, cần đóng bù {small} ngay trong sáng nay nếu không sẽ tạm ngừng cấp điện",
    "Cơ quan bảo hiểm xã hội thông báo: để được thanh toán tiền thai sản nhanh, bạn làm theo hướng dẫn tại {link} và gửi mã xác nhận",
    "Liên đoàn lao động tặng quà cho công nhân có hoàn cảnh khó khăn, bạn đóng phí vận chuyển {small} để nhận phần quà trị giá {mid}",
  ],
  "otp_theft": [
    "Có một dãy số gửi về điện thoại của bạn do mình bấm nhầm, nhắn lại dãy số đó cho mình được không bạn",
    "Để nhận quà tặng từ nhà mạng, quý khách vui lòng đọc dãy số xác thực vừa nhận được cho nhân viên",
  ],
  "wrong_transfer": [
    "Xin lỗi bạn, tôi là mẹ của học sinh, lúc nãy chuyển tiền bị nhầm vào tài khoản bạn {mid}. Bạn hoàn lại theo số tài khoản {acct} giúp tôi",
    "Giao dịch {mid} vào tài khoản bạn là giao dịch nhầm, yêu cầu hoàn trả qua tài khoản {acct} trong 24h, nếu không sẽ bị khởi kiện",
  ],
  "prize": [
    "Số điện thoại của bạn được chọn nhận phần thưởng tiền mặt {big}, làm thủ tục nhận giải bằng cách thanh toán lệ phí {small}",
    "Quà tặng tri ân khách hàng: 1 chiếc tủ lạnh. Vui lòng thanh toán phí vận chuyển và bảo hiểm {small} để được giao quà",
  ],
  "investment": [
    "Mình biết một ứng dụng đầu tư giờ chót, lãi cố định {pct}% mỗi ngày, bạn bè mình đều rút tiền được, thử với {mid} trước xem",
    "Tham gia sàn giao dịch mới, bảo toàn vốn, có người dẫn dắt, lời {big} trong tháng, đăng ký qua {link}",
  ],
  "romance": [
    "Em à, anh đã chuyển cho em một gói quà và tiền mặt, nhưng hải quan yêu cầu em nộp phí {mid} thì mới gửi được",
    "Anh nhớ em nhiều lắm, anh cần em giúp anh khoản nhỏ {mid} để rút tiền thừa kế, xong anh bay sang Việt Nam với em",
  ],
  "labour_export": [
    "Đi làm việc tại {country} với mức lương hấp dẫn, thủ tục đơn giản, chỉ cần chuyển khoản tiền giữ chỗ {big}, liên hệ {phone}",
    "Suất cuối cùng đi {country} tháng này, không cần học tiếng, bao visa, nộp ngay {mid} phí hồ sơ trước khi hết",
  ],
  "parcel_fee": [
    "Kiện hàng quốc tế gửi cho bạn đang chờ xử lý tại kho, cần đóng phí lưu kho {small} tại {link} trước khi hoàn về",
    "Bưu tá gọi điện nói có gói hàng chứa thẻ ngân hàng mang tên bạn liên quan vụ án, chuyển máy cho công an để làm việc",
  ],
  "account_upgrade": [
    "Hỗ trợ tích hợp giấy phép lái xe vào VNeID, làm online tại nhà, gửi ảnh CCCD và mã xác thực về Zalo {phone}",
    "Hệ thống định danh sẽ thu hồi tài khoản của bạn nếu không xác thực lại, thực hiện tại {link}",
  ],
  "fake_loan_app": [
    "Ứng dụng cho vay mới ra mắt: duyệt tự động, hạn mức {big}, chỉ cần chụp CCCD, tải tại {link}",
    "Bạn được tặng gói vay ưu đãi {mid} trên app, mở app và cho phép truy cập danh bạ để nhận tiền",
  ],
}

SAFE_TEMPLATES = {
  "bank_notice": [
    "TK {last4} tai {bank} so du thay doi +{wage} luc {hour}. Noi dung: LUONG THANG {date}",
    "Quý khách vừa chi tiêu {small} bằng thẻ tại siêu thị lúc {hour}. Số dư khả dụng {mid}",
    "Ma xac thuc dang nhap {bank} cua ban: {otp}. Nhan vien ngan hang khong bao gio hoi ma nay.",
  ],
  "official_warning": [
    "Tuyên truyền: Nhiều công nhân {park} bị lừa khi làm nhiệm vụ online. Hãy nhớ: không có việc gì nhẹ mà lương cao, đừng chuyển tiền cho người lạ",
    "Ngân hàng {bank} xin lưu ý quý khách: mọi tin nhắn chứa đường link yêu cầu cập nhật thông tin đều là giả mạo",
    "Phòng Cảnh sát hình sự {place} đề nghị người dân cảnh giác với các cuộc gọi tự xưng cơ quan điều tra yêu cầu chuyển tiền để xác minh",
  ],
  "job_ad": [
    "Thông báo tuyển dụng: {company} tuyển công nhân vận hành máy, ca 8 tiếng, lương {wage}, thưởng chuyên cần, ký hợp đồng từ ngày đầu",
    "Nhà máy ở {park} cần thêm nữ công nhân đóng gói, làm giờ hành chính, ăn ca miễn phí, hồ sơ nộp tại bảo vệ",
  ],
  "landlord_family": [
    "Tháng này em chuyển tiền nhà {mid} cho anh rồi, còn tiền nước em gửi sau nhé anh",
    "Bà ơi cháu gửi bà ít tiền {small} để bà mua quà Tết, cháu chưa về được",
    "Ông bà chủ trọ báo từ tháng sau tăng tiền phòng thêm {small}, ai có ý kiến thì gặp trực tiếp",
  ],
  "union_notice": [
    "Thông báo của ban chấp hành công đoàn: đoàn viên có con đạt học sinh giỏi nộp giấy khen trước ngày {date} để được khen thưởng",
    "Tổ tự quản nhắc các hộ trọ kiểm tra ổ điện, không sạc xe điện trong phòng ngủ qua đêm",
  ],
  "delivery": [
    "Đơn {code} của bạn sẽ được giao {day}, nhân viên giao hàng sẽ gọi trước khi tới",
    "Chị ơi em giao đồ ăn tới cổng rồi, chị ra lấy giúp em nha",
  ],
  "shift_schedule": [
    "Tuần này chuyền 2 làm ca chiều từ {time}, tuần sau xoay ca sáng, mọi người xem bảng ở cửa xưởng",
    "Quản đốc báo {day} nghỉ do mất điện cả khu, lương vẫn tính theo quy định",
  ],
  "chitchat": [
    "Tối qua xem bóng đá vui ghê, mai đi làm chắc buồn ngủ lắm",
    "{name} ơi mai nhớ mang hộ tao cái áo khoác nhé, để quên ở phòng mày",
    "Cuối tuần về quê ăn cưới em họ, thứ Hai mới lên",
  ],
}

SCAM_HANDWRITTEN = [
  "Tuyen ban gai lam online tai nha, moi ngay 2-3 tieng, thu nhap 8-10tr/thang, ib de biet them chi tiet",
  "chi oi e ben phong tuyen dung, chi chi can like anh san pham la co tien, ngay lam 15p thoi",
  "Nhiệm vụ đầu tiên đã xong, bạn nhận 30k. Giờ nạp 2 triệu để làm nhiệm vụ nhóm, lãi 30% ngay",
  "Hệ thống báo em thao tác sai, em phải nạp thêm 15 triệu để rút được 40 triệu đang bị treo",
  "Vay tiền không cần giấy tờ, chỉ cần số điện thoại, duyệt trong 5 phút, nợ xấu vẫn vay được",
  "Bạn đã nợ 7 ngày, nếu hôm nay không trả chúng tôi sẽ gọi cho sếp và đồng nghiệp của bạn",
  "Alo chị có phải chị Hồng không, chị có bưu phẩm bị giữ vì chứa hàng cấm, em nối máy cho cán bộ công an làm việc với chị",
  "Tôi là thượng úy công an, để tránh bị bắt giam, anh phải chuyển 200 triệu vào tài khoản chỉ định để kiểm tra nguồn gốc",
  "TPBank: tai khoan cua quy khach dang bi tam ngung do xac thuc sinh trac hoc that bai, vui long thuc hien lai tai tpbank-sinhtrachoc.com",
  "Chị ơi em làm bên ngân hàng, hồ sơ thẻ tín dụng của chị được duyệt, chị đọc giúp em mã vừa gửi để hoàn tất mở thẻ",
  "EVN SPC: Quý khách chưa thanh toán tiền điện, để tránh bị cắt điện liên hệ số di động của nhân viên thu ngân để chuyển khoản",
  "Bạn được nhận 3 triệu tiền hỗ trợ người lao động, điền thông tin và mã OTP vào biểu mẫu để nhận",
  "Bạn ơi mã 6 chữ số gửi tới máy bạn là của mình, mình bấm nhầm số, bạn gửi lại giúp mình nha",
  "tôi chuyển lộn 3 triệu vào tk của bạn, bạn vui lòng chuyển lại cho tôi qua stk này giúp nhé",
  "BẠN NHẬN ĐƯỢC 1 PHẦN QUÀ TỪ CHƯƠNG TRÌNH QUAY SỐ. ĐÓNG PHÍ 300K ĐỂ NHẬN XE MÁY",
  "Em ơi anh chỉ cho cách đầu tư bitcoin, mỗi tháng x3 tài khoản, anh làm 2 năm rồi chưa lỗ lần nào",
  "anh yêu em thật lòng, nhưng giờ anh kẹt tiền ở nước ngoài, em gửi anh 10 triệu anh về trả em",
  "Đi Đài Loan nhà máy điện tử, bay sau 45 ngày, phí rẻ, đặt cọc 20 triệu giữ chỗ ngay",
  "Giao hàng Tiết Kiệm: đơn của bạn bị hoàn do chưa thanh toán phí vượt cân 25k, trả phí tại đường link",
  "Chị ơi em hỗ trợ làm VNeID mức 2 tại nhà không cần ra công an, chị gửi em ảnh CCCD với mã OTP nhé",
  "Tải app vay nhanh 'Tiền Ơi', vay đến 20 triệu, không thẩm định, ứng dụng sẽ xin quyền đọc danh bạ",
  "Bên em nhận làm hồ sơ rút bảo hiểm xã hội một lần trước hạn, không cần nghỉ việc, phí 1 triệu",
  "Mình đang tuyển người cho mượn tài khoản ngân hàng để nhận tiền hộ, trả công 500k/ngày",
  "Con ơi bố đây, bố mượn máy người ta gọi, bố bị tai nạn cần 10 triệu gấp, con chuyển vào số tài khoản này",
  "Chị ơi khoản vay app của anh trai chị đang quá hạn, chị thanh toán giúp không thì bên em đăng ảnh anh chị lên mạng",
  "🤑 Thu nhập thụ động 500k mỗi ngày chỉ với 10 phút ❗ Kết bạn với mình để được hướng dẫn",
  "Cục Thuế đề nghị bạn cập nhật thông tin hoàn thuế qua đường dẫn trước ngày 30, quá hạn sẽ mất quyền hoàn",
  "Tuyển người gõ văn bản tại nhà, cọc 200k tài liệu, sau 1 tuần nhận 3 triệu",
  "Kính gửi quý khách, Zalo của quý khách sắp bị khóa do báo cáo spam, vui lòng đăng nhập tại trang hỗ trợ để giữ tài khoản",
  "Bạn đã được Lazada chọn nhận voucher 5 triệu, bấm link và nhập số thẻ để kích hoạt",
]

SAFE_HANDWRITTEN = [
  "Cả tổ chú ý: thứ Năm này ăn trưa sớm 15 phút vì có họp toàn công ty",
  "Đã chuyển tiền điện nước tháng 5 cho cô chủ, ảnh chụp bill em gửi trong nhóm rồi",
  "Con ơi bố khỏe rồi, con đừng gửi tiền về nữa, giữ lại mà chi tiêu",
  "VCB: TK 0071 +8,500,000 VND 05/06 10:12. SD 9,120,000 VND. Ref: TRA LUONG T5",
  "Mã xác thực Zalo của bạn là 3829. Không cung cấp mã này cho người khác.",
  "Xin chào, tôi là nhân viên công đoàn khu công nghiệp, tuần này có buổi tư vấn pháp luật miễn phí về hợp đồng lao động",
  "Công an xã thông báo: thời gian gần đây có đối tượng giả danh công an gọi điện, người dân không cung cấp thông tin cá nhân",
  "Tổ trưởng nhắc: ai muốn đăng ký học lái xe do công đoàn hỗ trợ học phí thì nộp tên trước thứ Sáu",
  "Lớp học tiếng Anh buổi tối cho công nhân khai giảng ngày 10, học phí 0 đồng do doanh nghiệp tài trợ",
  "Hôm nay siêu thị gần khu trọ giảm giá gạo với dầu ăn, ai đi mua chung không",
  "Chị ơi bên em đã nhận hồ sơ xin việc của chị, mời chị phỏng vấn lúc 9h sáng thứ Ba tại văn phòng công ty",
  "Mình mới lĩnh lương, tối nay ai rảnh đi ăn bún chả không",
  "Bé nhà mình sốt từ tối qua, mai mình xin nghỉ đưa bé đi khám",
  "Ngân hàng Agribank thông báo: từ ngày 1/7 giao dịch chuyển tiền trên 10 triệu cần xác thực khuôn mặt trên ứng dụng chính thức",
  "Trung tâm y tế phường tổ chức khám mắt miễn phí cho công nhân vào Chủ nhật tuần này",
  "anh em oi mai ca 3 doi sang ca 1 nha, quan doc vua bao",
  "Tiền cọc phòng 2 triệu chị sẽ trả lại đầy đủ khi em trả phòng, nhớ dọn sạch sẽ nhé",
  "Cảm ơn anh đã giới thiệu việc, em đi làm được 1 tháng rồi, lương đúng như hợp đồng",
  "Hôm trước có đứa nhắn tin bảo tao trúng thưởng xe máy, tao block luôn, lừa đảo rõ ràng",
  "Đi đường cẩn thận nha, tối nay mưa to lắm, về tới trọ nhắn chị",
  "Mẹ chuyển con 1 triệu rồi đó, con mua cái áo ấm mà mặc",
  "Đơn hàng của bạn đã được xác nhận và sẽ giao trong 3-5 ngày. Bạn chỉ thanh toán khi nhận hàng",
  "Nhóm Zalo tổ tự quản: tuần này ai trực cổng buổi tối thì ghi tên vào bảng giúp mình",
  "Phường tổ chức ngày hội việc làm, các doanh nghiệp tuyển trực tiếp, người lao động không phải nộp bất kỳ khoản phí nào",
  "Cô giáo báo lớp con mình thứ Sáu đi tham quan, mỗi bé đóng 150k",
  "Anh ơi tháng này nhà nước tăng lương tối thiểu vùng, công ty mình có điều chỉnh không anh",
  "ĐÃ NHẬN ĐỦ TIỀN PHÒNG THÁNG 11, CẢM ƠN CÁC BẠN",
  "Nhớ gia hạn bảo hiểm xe máy nha, sắp hết hạn rồi đó",
  "Cuối tuần này chị em trong xưởng đi chùa, ai đi đăng ký với chị Mai",
  "Bạn mình làm ở công ty điện tử bên KCN Quế Võ nói đang tuyển thêm người, lương cơ bản 4,9 triệu, tăng ca đều",
]

SCAM_HANDWRITTEN += [
  "URGENT: your account will be locked today. Confirm your password and the code we sent you at the link below",
  "Work from home, earn 500k a day by rating products, just deposit first to unlock tasks",
  "You have an unpaid delivery fee. Your parcel will be returned unless you pay at our website within 12 hours",
  "My love, I am stuck at the airport, please send me 1000 USD for the clearance fee, I will repay you double",
]
SAFE_HANDWRITTEN += [
  "Reminder: safety training for all new workers on Monday at 8am in hall B",
  "Thanks sis, I received the money for mom's medicine",
  "Bank notice: scheduled maintenance tonight from 11pm to 1am. We never ask for your OTP",
  "See you at the union office after the shift",
]
