"""A phone's inbox, project-written: mostly ordinary messages (many very short), plus scams of
every kind in DESIGN.md. Messages are composed from parts (openers, bodies, closers, slot values)
and then typed in a register (diacritics or not, teencode, typos, caps, emoji), so no two
families share a sentence. Each family is a list of alternative templates; `split` hands the
even-numbered templates to the training split and the odd ones to the test split, so the test
split measures templates the classifier never saw.
"""
import random
import re

import slots

OPEN_FAM = ["", "Con ơi, ", "Mẹ ơi ", "Bố ơi, ", "Anh ơi ", "Em ơi ", "Chị ơi, ", "Vợ ơi ", "Ck ơi ", "Ê ", "Alo ", "Bà ơi "]
CLOSE_FAM = ["", " nhé", " nha", " ạ", " nhé con", " đấy", " nhé 😊", " ❤️", " 👍", "!!", " hihi", " :))"]

SHORT = [
    "Vâng ạ", "Dạ", "Dạ vâng", "Ok", "ok e", "oke", "Uk", "Ừ", "Ừm", "Đc", "Được rồi", "Cảm ơn chị", "Cám ơn anh nhiều",
    "Thanks", "Tks b", "Em về rồi", "Đang đi làm", "Tí gọi lại", "Ăn cơm chưa", "Nhớ mẹ", "Về chưa con", "Ngủ chưa",
    "Mai nghỉ", "Ca 3 nhé", "Hihi", "😂😂", "👍", "Alo", "Ai đấy", "Tên ngân hàng", "Số tài khoản đây", "Chuyển rồi nhé",
    "Nhận được rồi", "Đang họp", "Lát nữa nhé", "Sắp đến chưa", "Đến cổng rồi", "Mở cửa cho em", "Chờ tí", "Đói quá",
    "Trời mưa to", "Mang áo mưa nhé", "Tan ca chưa", "Tăng ca đến 9h", "Mệt quá", "Nhớ uống thuốc", "Chúc ngủ ngon",
    "Sinh nhật vui vẻ", "Chúc mừng năm mới", "Con đi học chưa", "Ăn gì chưa", "Đi chợ mua hộ bó rau", "Gọi lại cho mẹ",
    "Máy hết pin", "Mất sóng", "Không nghe máy à", "Bận, nhắn sau", "Về quê không", "Tết này về không", "Xong chưa",
    "Lương về chưa", "Có lương chưa", "Ok anh", "Dạ em biết rồi", "Em cảm ơn ạ", "Ừ để mẹ xem", "Ko sao đâu", "Hôm nay ca mấy",
    "Tối đá bóng không", "Ra quán nước đi", "Trả lại sạc cho tao", "Đưa chìa khóa phòng cho chị", "Khóa cửa chưa",
    "Đã nhận hàng", "Mai giao hàng nhé", "Shipper gọi", "Số này của ai vậy", "Ai nhắn đấy", "Nhầm số rồi ạ", "Bạn là ai",
    "Lưu số mới của em nhé", "Hết tiền điện thoại", "Nạp hộ card 50k", "Ngân hàng gì", "Tên tài khoản là gì", "Chị gửi stk đi",
]

FAMILY = [
    "{o}mẹ gửi quê lên ít gạo với trứng, ra bến xe lấy{c}",
    "{o}tối nay con ăn cơm nhà không để mẹ nấu{c}",
    "{o}bà ốm, cuối tuần con về được không{c}",
    "{o}con chuyển tiền học cho em rồi đấy, {mid}{c}",
    "{o}mẹ nhận được {small} rồi, con giữ sức khỏe{c}",
    "{o}tháng này con gửi mẹ {mid} trả tiền điện với tiền học của em{c}",
    "{o}cho con mượn {small} mua sách, cuối tháng con trả{c}",
    "{o}nhà mình mất điện từ trưa, điện lực bảo chiều có lại{c}",
    "{o}em bé nhà mình biết đi rồi, gửi ảnh cả nhà xem{c}",
    "{o}hôm nay trời lạnh, mặc thêm áo{c}",
    "{o}chủ nhật cả nhà đi ăn cưới anh {name}{c}",
    "{o}cuối tháng bố lên {place} thăm con{c}",
    "{o}số tài khoản của con là {acct} {bank}, mẹ chuyển tiền bán lợn vào đấy{c}",
    "{o}chuyển khoản cho mẹ vào tài khoản Agribank cũ nhé, {mid}{c}",
    "{o}đi làm về nhớ mua sữa cho con{c}",
    "{o}ông nội nhập viện, cả nhà đang ở bệnh viện huyện{c}",
]

FRIENDS = [
    "{name} ơi tối nay đi ăn lẩu không, tao bao",
    "Mai t xin nghỉ, m chấm công hộ t nhé",
    "cho t mượn {small} đến lương trả nha",
    "Tao chuyển trả {small} rồi đấy, kiểm tra đi",
    "Chủ nhật đi {place} chơi không, thuê xe máy",
    "Nhóm mình góp mỗi đứa {small} mua quà cưới cho {name}",
    "ck cho t {small} tiền ăn trưa hôm qua vào tk {acct} nhé",
    "Tuần sau sinh nhật {name}, góp tiền mua bánh nha mọi người",
    "đi làm thêm chỗ quán bún không, 25k/h tối thứ 7",
    "T vừa đổi số, số mới {phone} lưu lại nhé",
    "{name} để quên áo ở phòng t, mai t mang vào công ty",
    "Ai có sạc type C cho t mượn với",
    "Ra cổng {park} đi, t đợi ở quán nước",
    "m xem giúp t lịch tăng ca tuần này với",
    "Bên {company} đang tuyển công nhân, lương cơ bản {wage}, tối đến phỏng vấn trực tiếp ở cổng nhà máy",
    "Có ai biết sửa xe máy gần {park} không",
]

WORK = [
    "Tổ {n} chuyển sang ca 2 từ thứ Hai, ai có việc báo tổ trưởng {name}",
    "Phòng nhân sự {company}: lương tháng {m} chuyển vào tài khoản ngày {date}, phiếu lương nhận tại chuyền",
    "Thông báo: tuần này tăng ca đến 20h, công nhân đăng ký với tổ trưởng",
    "Ngày {date} nghỉ bù, xe đưa đón chạy lịch Chủ nhật",
    "Công đoàn {company} tổ chức khám sức khỏe định kỳ ngày {date}, mang theo CCCD",
    "Anh chị em nộp giấy khám sức khỏe cho phòng nhân sự trước thứ Sáu",
    "Chuyền {n} thiếu người, ai làm thêm Chủ nhật đăng ký với quản đốc",
    "Thưởng tháng 13 sẽ chi cùng lương tháng 1, mức theo quy chế đã công bố",
    "Nhà ăn thay thực đơn từ tuần sau, góp ý gửi công đoàn",
    "Đi làm nhớ mang thẻ, cổng 3 đóng từ 7h05",
    "Công đoàn cơ sở thông báo: đoàn viên có hoàn cảnh khó khăn đăng ký nhận quà Tết tại văn phòng công đoàn",
    "Tổ trưởng nhắc: đeo nút tai ở xưởng dập, ai quên lên kho lấy",
    "Lịch trực tết: tổ {n} trực mùng 3, tổ {n2} trực mùng 4",
    "Bảo hiểm xã hội của anh chị em đã được chốt sổ tháng {m}, tra cứu trên ứng dụng VssID",
]

LANDLORD = [
    "Tiền phòng tháng {m}: {mid}, điện {n} số, nước {n2} khối. Các em chuyển khoản vào STK {acct} {bank} cho chị nhé",
    "Chị nhắc: mùng 5 nộp tiền trọ, chuyển khoản ghi rõ số phòng",
    "Tối nay cắt nước từ 22h đến 5h sáng để sửa ống",
    "Phòng {n} để xe ngay ngắn, không chắn lối thoát hiểm",
    "Tháng sau tăng giá điện lên 3.500đ/số theo giá mới, chị báo trước",
    "Bình cứu hỏa mới đã lắp ở đầu dãy, mọi người biết chỗ nhé",
    "Em ơi tiền phòng tháng này chưa chuyển, chuyển sớm giúp chị",
    "Khóa cổng lúc 23h, ai về muộn nhắn chị",
    "Anh sửa bình nóng lạnh phòng {n} chiều nay, nhờ em ở nhà mở cửa",
    "Nhận {mid} tiền phòng của em rồi nhé, cảm ơn em",
]

CARRIER = [
    "[TB] Soạn {pkg} gửi 191: {price}K/{days} ngày có {gb}GB data tốc độ cao. Gói cước tự gia hạn. LH 198 (0đ).",
    "Soan {pkg} gui 191 de dang ky goi {price}K/{days} ngay, {gb}GB/ngay. Chi tiet LH 198 (0d). Tu choi QC soan TC gui 199",
    "MobiFone: Quy khach da dang ky thanh cong goi {pkg}, cuoc {price}.000d/{days} ngay. Huy soan HUY {pkg} gui 999.",
    "VinaPhone tang 50% gia tri the nap hom nay. Nap qua ung dung My VNPT. Chi tiet goi 18001091 (mien phi).",
    "Tai khoan chinh cua thue bao con {price}.000d, han su dung den {date}. Nap the de tiep tuc su dung dich vu.",
    "[QC] Xem bóng đá trực tiếp trên TV360, soạn {pkg} gửi 191: {price}K/{days} ngày. Từ chối QC soạn TC4 gửi 199.",
    "Viettel thông báo: thuê bao đã được cộng {gb}GB data khuyến mại, sử dụng đến 24h ngày {date}.",
    "Goi cuoc {pkg} cua Quy khach se het han vao {date}. De gia han soan GH {pkg} gui 9191.",
    "Cam on Quy khach da su dung dich vu Vietnamobile. So du tai khoan: {price}.000d. Goi *101# de kiem tra.",
    "Quy khach duoc cong {n} diem thanh vien tu giao dich thang {m}. Doi diem lay data, phut goi tai ung dung cua nha mang hoac bam *098#. Tran trong.",
    "Tai khoan chinh con {price}.000d. Bam *098*3# de mua goi 3GB/3 ngay. Chi tiet LH 198 (0d).",
    "[TB] Tặng {n}% giá trị thẻ nạp trong ngày {date}. Nạp online qua ví điện tử hoặc ứng dụng ngân hàng. Tiền KM dùng trong 15 ngày. LH 198 (0đ).",
    "Goi {pkg} cua Quy khach da gia han thanh cong, cuoc {price}.000d/{days} ngay. Soan HUY {pkg} gui 191 de huy gia han.",
    "Hoa don cuoc vien thong thang {m} la {amt}d. Tra cuu hoa don dien tu tren ung dung cua nha mang. Tran trong.",
    "Voucher giam {n}% khi mua goi data tren vi dien tu cua ban sap het han ngay {date}. Mo ung dung de su dung.",
]

BANK = [
    "TK {last4}xxx{n} +{amt} VND luc {hour} {date}. SD: {amt2} VND. ND: {name} chuyen tien",
    "{bankc}: TK x{last4} -{amt}VND {date} {hour}. SD {amt2}VND. ND: THANH TOAN QR",
    "So du TK {bankc} {last4}... thay doi -{amt}d luc {hour} ngay {date}. SD: {amt2}d. ND: rut tien ATM",
    "Ma OTP cua ban la {otp}. Tuyet doi KHONG chia se ma nay cho bat ky ai, ke ca nhan vien ngan hang.",
    "{otp} la ma xac thuc giao dich cua Quy khach. {bankc} khong bao gio yeu cau cung cap ma nay.",
    "{bankc}: Khoan vay cua Quy khach den han thanh toan ngay {date}, so tien {amt}d. Vui long nop tien vao tai khoan thanh toan. Bo qua neu da thanh toan.",
    "{bankc} thong bao: the ghi no x{last4} da duoc kich hoat. Lien he tong dai khi can ho tro.",
    "{bankc} canh bao: KHONG cung cap OTP, mat khau cho bat ky ai. {bankc} khong goi dien yeu cau chuyen tien.",
    "Giao dich the x{last4} tai WINMART {amt}VND luc {hour}. Neu khong phai ban thuc hien, goi tong dai {bankc}.",
    "Quý khách vui lòng cập nhật sinh trắc học trên ứng dụng chính thức của {bankc} trước ngày {date}. Không thực hiện qua đường link hay cuộc gọi.",
]

DELIVERY = [
    "Đơn hàng {code} của bạn đang được giao, shipper {name} {phone} sẽ gọi trước khi đến.",
    "Shopee: Đơn hàng {code} đã giao thành công. Vui lòng kiểm tra và đánh giá sản phẩm trên ứng dụng.",
    "GHTK: Don hang {code} dang tren duong giao, thu ho {small}. Vui long de y dien thoai.",
    "Em shipper đây, chị ơi em để hàng ở bảo vệ cổng {park} nhé, tiền hàng {small}",
    "Lazada: Kien hang {code} da den buu cuc gan ban, du kien giao trong ngay.",
    "J&T Express: Bưu gửi {code} sẽ được giao hôm nay, người nhận thanh toán {small} khi nhận hàng.",
    "Anh ơi em giao hàng ở cổng nhà trọ rồi, anh xuống lấy giúp em",
    "Viettel Post: Van don {code} giao khong thanh cong do khong lien lac duoc, buu ta se giao lai ngay mai.",
]

GOV = [
    "Hồ sơ {code} của ông/bà đã được tiếp nhận trên Cổng dịch vụ công, kết quả trả ngày {date}.",
    "Tài khoản định danh điện tử mức 2 của công dân đã được kích hoạt. Đăng nhập ứng dụng VNeID chính thức để sử dụng.",
    "BHXH Việt Nam: Số tiền đóng BHXH tháng {m} của bạn đã được ghi nhận. Tra cứu trên ứng dụng VssID.",
    "UBND phường thông báo lịch tiêm chủng mở rộng ngày {date} tại trạm y tế phường, mang sổ tiêm.",
    "Công an phường thông báo: người dân làm thủ tục cấp đổi CCCD trực tiếp tại trụ sở công an phường, không qua trung gian.",
    "Cục Thuế: người nộp thuế quyết toán thuế TNCN trên cổng thuedientu.gdt.gov.vn trước ngày {date}.",
    "EVN HANOI: Tiền điện kỳ 1 tháng {m} của khách hàng PD{last4} là {amt}đ. Thanh toán qua ngân hàng, ví điện tử hoặc tại quầy.",
    "Điện lực thông báo tạm ngừng cấp điện khu vực {place} từ 8h đến 16h ngày {date} để bảo dưỡng lưới điện.",
    "[TB] Toàn dân tích cực tham gia phòng, chống ma túy, bảo vệ bản thân, gia đình và xã hội.",
    "[TB] Mặt trận Tổ quốc kêu gọi ủng hộ đồng bào bị thiệt hại do bão lũ qua tài khoản tiếp nhận chính thức tại các ngân hàng.",
    "[TB] Để phòng cháy chữa cháy, không sạc xe điện qua đêm trong phòng trọ. Khi có cháy gọi ngay 114.",
    "Bệnh viện nhắc lịch tái khám của {full} lúc {time} ngày {date}, mang theo sổ khám và thẻ BHYT. Hướng dẫn: bit.ly/{code}",
    "Trường thông báo lịch học bù môn {code} vào {day}, phòng B{n}. Chi tiết liên hệ phòng đào tạo.",
    "Hội thảo hướng nghiệp trực tuyến lúc {time} {day}, tham gia qua Zoom ID {last4} {n2}{last4}. Hotline (028) 3{last4} {n}{n2}.",
    "Kết quả học tập học kỳ {m} của sinh viên {full} đã có trên cổng thông tin sinh viên.",
]

SCHOOL = [
    "Phụ huynh lưu ý: học phí tháng {m} là {mid}, nộp trước ngày {date} qua tài khoản nhà trường.",
    "Cô giáo nhắn: bé {name} hôm nay hơi sốt, phụ huynh đón sớm giúp cô.",
    "Trường thông báo họp phụ huynh cuối kỳ lúc {time} {day}.",
    "Lớp mình thu quỹ {small} mỗi bạn, nộp cho lớp trưởng",
]

TRAVEL_EN = [
    "Vietjet: Chuyến bay VJ{n}{n2} Hà Nội - TP.HCM ngày {date} khởi hành {hour}. Quý khách có mặt tại sân bay trước 2 tiếng.",
    "Vietnam Airlines: Chuyen bay VN{n}{n2} cua Quy khach doi gio khoi hanh sang {hour}. Xin loi vi su bat tien.",
    "Your Grab driver is arriving in 3 minutes. Plate 29A-{last4}.",
    "Use verification code {otp} for Microsoft authentication.",
    "Your Google verification code is {otp}. Don't share this code with anyone.",
    "{otp} is your Facebook confirmation code.",
    "Your Apple ID code is: {otp}. Do not share it with anyone.",
    "Ma xac nhan Zalo cua ban la {otp}. Khong chia se ma nay cho nguoi khac.",
    "G-{otp} is your Google verification code.",
    "VNG: Activation code {otp} is used for game authentication",
    "{otp} la ma xac nhan Facebook cua {name}",
    "Your verification code is {otp}. It expires in 10 minutes.",
    "Su dung {last4} lam ma xac nhan so dien thoai tren ung dung.",
]

WARNINGS = [
    "Công an {place} cảnh báo: đối tượng giả danh công an gọi điện yêu cầu chuyển tiền vào tài khoản tạm giữ là lừa đảo.",
    "[CẢNH BÁO] Không bấm vào đường link lạ, không cung cấp mã OTP. Ngân hàng không bao giờ yêu cầu khách hàng chuyển tiền xác minh.",
    "Công đoàn nhắc: việc nhẹ lương cao, nạp tiền làm nhiệm vụ đều là lừa đảo, gặp thì báo tổ tự quản.",
    "Canh bao lua dao: gia danh dien luc nhan tin doi tien dien, doa cat dien. Chi thanh toan qua kenh chinh thuc cua EVN.",
    "Bộ Công an khuyến cáo: không làm theo hướng dẫn cài ứng dụng VNeID giả qua đường link, chỉ làm tại công an xã phường.",
]

# ---- scams ----

def lookalike(rng, brand_domain):
  label, _, suffix = brand_domain.partition(".")
  tricks = [
      f"{brand_domain}-{rng.choice(['xacminh', 'capnhat', 'baomat', 'hotro', 'vn'])}.{rng.choice(['top', 'xyz', 'com', 'net', 'cc'])}",
      f"{label}-{rng.choice(['online', 'khachhang', 'xacthuc', 'uudai', 'vn'])}.{rng.choice(['com', 'vip', 'site', 'info'])}",
      f"{label.replace('o', '0', 1).replace('e', '3', 1)}.{rng.choice(['com', 'vn', 'net'])}",
      f"{label[:1]}-{label[1:]}.{rng.choice(['vn-capnhat.com', 'com-vn.top', 'online'])}",
      f"{label}.{rng.choice(['com', 'net', 'info', 'asia'])}",
      f"{rng.choice(['xacthuc', 'login', 'secure', 'my'])}-{label}.{rng.choice(['com', 'top', 'vip'])}",
  ]
  return rng.choice(tricks)


BRAND_DOMAINS = [("Vietcombank", "vietcombank.com.vn"), ("MB Bank", "mbbank.com.vn"), ("BIDV", "bidv.com.vn"),
                 ("Techcombank", "techcombank.com.vn"), ("Agribank", "agribank.com.vn"), ("VietinBank", "vietinbank.vn"),
                 ("MoMo", "momo.vn"), ("VPBank", "vpbank.com.vn"), ("TPBank", "tpbank.vn"), ("ACB", "acb.com.vn"),
                 ("Viettel", "viettel.vn"), ("EVN", "evn.com.vn"), ("VNeID", "vneid.gov.vn"), ("BHXH", "baohiemxahoi.gov.vn"),
                 ("Shopee", "shopee.vn"), ("Lazada", "lazada.vn"), ("Viettel Post", "viettelpost.vn"), ("VNPost", "vnpost.vn")]

SCAMS = {
    "bank_phishing": [
        "{brand}: tai khoan cua quy khach bi tam khoa do dang nhap bat thuong. Xac thuc ngay tai {look} de mo khoa",
        "{brand} thông báo: thẻ của quý khách sắp hết hạn, cập nhật thông tin tại https://{look} trong 24h để tránh gián đoạn",
        "[{brand}] Quy khach nhan duoc {big} tien hoan phi. Dang nhap {look} de nhan truoc {date}",
        "{brand} nâng cấp hệ thống, quý khách vui lòng đăng nhập {look} và nhập mã OTP để đồng bộ tài khoản",
        "Tai khoan {brand} cua ban co giao dich {big} dang cho xu ly, neu khong phai ban huy tai {look}",
    ],
    "utility_bill": [
        "EVN: Khach hang PD{last4} chua thanh toan tien dien {mid}. Thanh toan trong vong 2 ngay tai {look} neu khong se cat dien",
        "Điện lực thông báo: hóa đơn tiền điện quá hạn {mid}, quý khách chuyển khoản vào STK {acct} trong hôm nay để không bị ngừng cấp điện",
        "Nhân viên điện lực đây, công tơ nhà mình ghi sai, cần đóng bù {small} ngay hôm nay, chuyển vào số tài khoản {acct}",
        "Cong ty cap nuoc: tien nuoc chua thanh toan, quy khach nop {small} qua link {link} trong 24h, qua han cat nuoc",
    ],
    "gov_benefit": [
        "BHXH: Ong/Ba du dieu kien nhan tien ho tro {mid} tu quy BHTN. Bam vao {look} de nhan, qua han khong duoc chap nhan",
        "[TB] Bo LDTBXH: ban duoc nhan tro cap {mid}, cap nhat thong tin tai {link} truoc {date}",
        "Tài khoản VNeID của bạn chưa được xác thực mức 2, tải ứng dụng tại {look} và quét khuôn mặt để tránh bị khóa",
        "Cong an phuong ho tro dinh danh muc 2 online tai nha, gui anh CCCD 2 mat va ma xac thuc qua Zalo {phone}",
        "Cục thuế thông báo bạn được hoàn thuế TNCN {mid}, truy cập {look} nhập số thẻ ngân hàng để nhận",
    ],
    "delivery_fee": [
        "Buu pham cua ban bi giu tai kho do sai dia chi, thanh toan phi giao lai {small} tai {look}",
        "Viettel Post: kien hang {code} dang tam giu, vui long nop phi thong quan {small} vao STK {acct} de nhan hang",
        "Shopee: Don hang cua ban bi loi, lien he Zalo {phone} de duoc hoan tien {mid}",
        "Bạn có bưu phẩm từ nước ngoài, phí hải quan {mid}, chuyển khoản cho nhân viên để được giao trong ngày",
    ],
    "job_task": [
        "Tuyen CTV lam tai nha, tha tim video TikTok nhan {small}/ngay, khong can kinh nghiem, ib Zalo {phone}",
        "Việc nhẹ lương cao: đặt đơn ảo trên {platform}, hoàn tiền kèm hoa hồng {pct}%, nạp trước {small} để nhận nhiệm vụ",
        "Chúc mừng bạn hoàn thành nhiệm vụ 3, cần nạp thêm {mid} để rút toàn bộ tiền gốc và hoa hồng",
        "Cty {company} tuyen nhan vien xu ly don online 500k-2tr/ngay, dang ky qua Telegram @viec_{code}",
        "Tai khoan nhiem vu cua ban bi dong bang do thao tac sai, nop {mid} de kich hoat va rut tien",
    ],
    "loan": [
        "Vay nhanh {big} chi can CCCD, khong tham dinh, no xau van vay, giai ngan 15 phut, lh {phone}",
        "Hồ sơ vay của bạn đã duyệt {big}, vui lòng đóng phí bảo hiểm khoản vay {small} để giải ngân",
        "Khoan vay cua ban bi loi sai so tai khoan, nop {mid} phi sua thong tin de giai ngan",
        "Cai app vay {code} tai {link}, cap quyen truy cap danh ba de duyet nhanh",
    ],
    "debt_threat": [
        "Mày còn nợ {mid}, hôm nay không trả tao gửi ảnh mày cho cả danh bạ và công ty",
        "Lan cuoi nhac, khong tra no thi dung trach, tao biet nha may lam o {park}",
        "Trả tiền ngay không tao gọi cho bố mẹ và sếp mày, ghép ảnh đăng facebook",
    ],
    "police": [
        "Day la co quan dieu tra, ban lien quan duong day rua tien, chuyen toan bo tien vao tai khoan tam giu {acct} de xac minh, giu bi mat",
        "Công an {place} thông báo bạn có lệnh bắt tạm giam, kết nối video với cán bộ điều tra và không được kể với người thân",
        "Bưu phẩm của bạn có hàng cấm, vụ án đã chuyển công an, gọi lại {phone} để làm việc với điều tra viên",
    ],
    "otp_grab": [
        "Minh vua gui nham ma OTP vao so ban, ban doc lai giup minh ma 6 so vua nhan duoc nhe",
        "Tổng đài viên {brand} đây, để hủy giao dịch lạ bạn đọc cho em mã OTP vừa gửi về máy",
        "Chị ơi em nhầm số, chị gửi lại giúp em mã xác thực Zalo vừa nhận với, em cảm ơn",
        "Nhân viên ngân hàng cần mật khẩu ứng dụng của bạn để hoàn tiền, gửi qua Zalo {phone}",
    ],
    "relative": [
        "Mẹ ơi con đổi số mới, con bị tai nạn đang cấp cứu, mẹ chuyển gấp {mid} vào tài khoản {acct} cho bác sĩ",
        "Chao ban, minh la ban cua em gai ban, cho minh xin so dien thoai cua bo me ban de gui do",
        "Tao bi khoa tai khoan ngan hang, chuyen giup tao {mid} vao stk {acct} ten nguoi khac, mai tao tra",
        "Anh ơi em là bạn cùng phòng của chị {name}, chị ấy nhờ em xin số điện thoại người nhà để báo tin",
    ],
    "prize": [
        "Chuc mung quy khach trung thuong xe SH tu chuong trinh tri an, nop phi {small} de nhan giai, lh {phone}",
        "Bạn là khách hàng may mắn nhận quà tri ân {big}, thanh toán phí vận chuyển {small} tại {link}",
        "Ban da trung vong quay may man {platform}, nhan {mid} tai {look}",
    ],
    "invest_gamble": [
        "Đầu tư tiền ảo lãi {pct}%/ngày, cam kết không lỗ, vào nhóm kín Telegram {link}",
        "Nha cai uy tin, nap lan dau tang 100%, cuoc bong da ty le cao, dang ky {link}",
        "No hu doi thuong, tai xiu online rut tien nhanh, link {link}",
        "Cuoc vao 3+ su kien nhan thuong {small}, kiem tra tai {link}",
    ],
    "labour_export": [
        "Đi Nhật diện kỹ sư bay nhanh, không cần tiếng, đặt cọc {mid} giữ suất, lh {phone}",
        "XKLD Han Quoc bao dau visa, nop truoc {big} phi ho so, chi con 3 suat",
    ],
    "romance_customs": [
        "Anh gửi em thùng quà có trang sức và tiền mặt, hải quan giữ lại, em đóng phí {mid} để nhận",
        "I am a soldier stuck at the airport, please send {mid} for the customs fee, I will pay you back",
    ],
    "sim_remote": [
        "Viettel thong bao sim cua ban sap bi khoa do chua nang cap 4G, soan tin theo huong dan gui {phone} de giu so",
        "Cài ứng dụng AnyDesk để nhân viên hỗ trợ hoàn tiền cho bạn, gửi mã kết nối cho em",
        "Tai ung dung dich vu cong tai {link}/app.apk de cap nhat thong tin",
    ],
    "rent_account": [
        "Thue tai khoan ngan hang chinh chu 2tr/thang, chi can gui CCCD va the, lh {phone}",
    ],
}


def typo(rng, s):
  """One or two slips of the thumb: a dropped, doubled or swapped letter."""
  chars = list(s)
  for _ in range(rng.randrange(1, 3)):
    idx = [i for i, c in enumerate(chars) if c.isalpha()]
    if len(idx) < 4:
      break
    i = rng.choice(idx)
    op = rng.randrange(3)
    if op == 0:
      del chars[i]
    elif op == 1:
      chars.insert(i, chars[i])
    elif i + 1 < len(chars):
      chars[i], chars[i + 1] = chars[i + 1], chars[i]
  return "".join(chars)


def fill(rng, template):
  brand, domain = rng.choice(BRAND_DOMAINS)
  extra = {
      "o": rng.choice(OPEN_FAM), "c": rng.choice(CLOSE_FAM), "m": str(rng.randrange(1, 13)),
      "n2": str(rng.randrange(1, 40)), "brand": brand, "look": lookalike(rng, domain),
      "bankc": rng.choice(["Vietcombank", "VCB", "MB", "BIDV", "Techcombank", "Agribank", "VPBank", "ACB", "TPBank"]),
      "amt": f"{rng.randrange(50, 20000) * 1000:,}", "amt2": f"{rng.randrange(100, 90000) * 1000:,}",
      "pkg": rng.choice(["V120Z", "ST15K", "5G10", "SD70", "MXH120", "D15", "BIG90", "TV360"]),
      "price": str(rng.choice([10, 15, 30, 50, 70, 90, 120, 150])), "days": str(rng.choice([1, 3, 7, 30])),
      "gb": str(rng.choice([1, 2, 4, 6, 30, 60])),
  }
  for k, v in extra.items():
    template = template.replace("{" + k + "}", v)
  out = slots.fill(rng, template)
  return out[0].upper() + out[1:] if out and out[0].islower() and rng.random() < 0.5 else out


def type_it(rng, s, label):
  s = slots.register(rng, s, label)
  if rng.random() < 0.12:
    s = typo(rng, s)
  if rng.random() < 0.25 and label == "safe":
    s = s.lower()
  return s


HAM = {"short": SHORT, "family": FAMILY, "friends": FRIENDS, "work": WORK, "landlord": LANDLORD, "carrier": CARRIER,
       "bank": BANK, "delivery": DELIVERY, "gov": GOV, "school": SCHOOL, "travel_en": TRAVEL_EN, "warning": WARNINGS}
HAM_WEIGHT = {"short": 5, "family": 10, "friends": 10, "work": 8, "landlord": 8, "carrier": 8, "bank": 9,
              "delivery": 8, "gov": 7, "school": 6, "travel_en": 8, "warning": 8}


def generate(rng, part, scale):
  """Messages of one split: part 0 = training templates (even), 1 = test templates (odd)."""
  out = []
  for kind, templates in HAM.items():
    mine = [t for i, t in enumerate(templates) if i % 2 == part] if kind != "short" else templates
    per = HAM_WEIGHT[kind] * scale
    for t in mine:
      for _ in range(per if kind != "short" else max(1, scale // 2)):
        out.append({"text": type_it(rng, fill(rng, t), "safe"), "label": "safe", "type": "inbox_" + kind})
  for kind, templates in SCAMS.items():
    mine = [t for i, t in enumerate(templates) if i % 2 == part or len(templates) == 1]
    for t in mine:
      for _ in range(6 * scale):
        out.append({"text": type_it(rng, fill(rng, t), "scam"), "label": "scam", "type": "inbox_" + kind})
  if part == 1:  # the short replies are shared vocabulary: keep only the test copies that differ
    pass
  return out
