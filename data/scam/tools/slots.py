# Slot values and register transforms shared by the train and test corpus writers.
# Each writer (train_messages.py, test_messages.py) has its OWN templates and hand-written
# messages; only these generic fillers (names, amounts, phone numbers, links) are shared.
import random
import unicodedata

NAMES = ["Lan", "Hùng", "Tuấn", "Mai", "Hương", "Nam", "Linh", "Dũng", "Thảo", "Quang", "Trang",
         "Minh", "Hoa", "Phương", "Đức", "Ngọc", "Hải", "Yến", "Thắng", "Vân", "Long", "Nhung",
         "Khánh", "Tâm", "Sơn", "Hạnh", "Bình", "Loan", "Cường", "Thủy"]
FULL_NAMES = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
              "Vũ Thị Giang", "Đặng Văn Hiếu", "Bùi Thị Kim", "Đỗ Văn Lợi", "Ngô Thị Mận",
              "Dương Văn Nghĩa", "Lý Thị Oanh", "Trịnh Văn Phúc", "Đinh Thị Quyên"]
BANKS = ["Vietcombank", "Techcombank", "MB Bank", "BIDV", "Agribank", "VPBank", "ACB",
         "Sacombank", "TPBank", "VietinBank", "MBBank", "VIB", "SHB", "OCB"]
COMPANIES = ["Samsung Electronics Việt Nam", "Canon Việt Nam", "Pouchen Việt Nam", "Foxconn",
             "May Nhà Bè", "Hanesbrands", "Changshin", "Giày Thái Bình", "LG Display",
             "Panasonic Việt Nam", "Luxshare", "Goertek", "May Việt Tiến", "Nidec", "Hosiden",
             "Điện tử Meiko", "Brother Việt Nam", "Regina Miracle", "Ford Hải Dương"]
PARKS = ["KCN Bắc Thăng Long", "KCN Yên Phong", "KCN VSIP Bình Dương", "KCN Tân Tạo",
         "KCN Quang Minh", "KCN Nomura", "KCN Quế Võ", "KCN Đình Trám", "KCN Sóng Thần",
         "KCN Amata", "KCN Nhơn Trạch", "KCN Phố Nối A", "KCN Tiên Sơn", "KCN Long Hậu"]
PLACES = ["Hà Nội", "Bắc Ninh", "Bình Dương", "Đồng Nai", "Hải Phòng", "Thái Nguyên",
          "Bắc Giang", "Long An", "TP.HCM", "Hưng Yên", "Vĩnh Phúc", "Hải Dương"]
PLATFORMS = ["Shopee", "Lazada", "Tiki", "TikTok Shop", "Sendo"]
COUNTRIES = ["Nhật Bản", "Hàn Quốc", "Đài Loan", "Úc", "Đức", "Canada", "Ba Lan", "Rumani"]
SCAM_DOMAINS = ["vaynhanh-24h.com", "vietcombank-xacthuc.top", "shopee-nhiemvu.vip",
                "tiktokviec.online", "nhanqua-tet.xyz", "bhxh-capnhat.site", "vneid-mucdo2.com",
                "evn-hoantien.net", "giaohang-phi.info", "xkld-nhatban.click", "dautu-forex88.com",
                "quatang-tri-an.shop", "bocongan-gov.com", "hotro-techcombank.cc", "mbbank-vn.live",
                "thuong-lon.win", "viec-nhe.work", "congviec-online.fun", "tienao-usdt.pro",
                "vaytien-sieutoc.app"]
SCAM_LINKS = ["bit.ly/{c}", "tinyurl.com/{c}", "https://{d}/{c}", "http://{d}", "{d}/dangky",
              "www.{d}", "{dot}", "https://{d}/login?id={c}"]
SAFE_DOMAINS = ["vietcombank.com.vn", "dichvucong.gov.vn", "congdoan.vn", "baohiemxahoi.gov.vn",
                "evn.com.vn", "shopee.vn", "ghn.vn", "vnpost.vn", "laodong.vn", "chinhphu.vn"]
TIMES = ["7h30", "8 giờ", "13h", "14h30", "19h", "20 giờ tối", "9h sáng", "6h", "22h"]
DAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật", "ngày mai",
        "hôm nay", "tối nay", "sáng mai"]
EMOJI_SCAM = ["🔥", "💰", "💵", "🎁", "✅", "⚠️", "‼️", "👉", "📣", "💯", "🤑", "⭐"]
EMOJI_SAFE = ["😊", "❤️", "👍", "🙏", "😂", "🥰", "😅", "👌", "🌸", "☺️"]


def money(rng, lo=100_000, hi=50_000_000):
  v = rng.randrange(lo // 100_000, hi // 100_000 + 1) * 100_000
  style = rng.randrange(7)
  if style == 0:
    return f"{v:,}".replace(",", ".") + "đ"
  if style == 1:
    return f"{v:,}".replace(",", ".") + " VND"
  if style == 2:
    return (f"{v / 1e6:g}".replace(".", ",") + " triệu") if v >= 1_000_000 else f"{v // 1000}k"
  if style == 3:
    return (f"{v / 1e6:g}tr".replace(".", ",")) if v >= 1_000_000 else f"{v // 1000}k"
  if style == 4:
    return f"{v:,}".replace(",", ".") + " đồng"
  if style == 5:
    return f"{v // 1000}k" if v < 10_000_000 else f"{v // 1_000_000} triệu"
  return f"{v:,}".replace(",", ".")


def phone(rng):
  prefix = rng.choice(["090", "091", "093", "094", "096", "097", "098", "032", "033", "035",
                       "037", "038", "039", "070", "076", "077", "078", "081", "083", "085",
                       "086", "088", "056", "058"])
  rest = "".join(str(rng.randrange(10)) for _ in range(7))
  n = prefix + rest
  style = rng.randrange(6)
  if style == 0:
    return n
  if style == 1:
    return f"{n[:4]} {n[4:7]} {n[7:]}"
  if style == 2:
    return f"{n[:4]}.{n[4:7]}.{n[7:]}"
  if style == 3:
    return f"+84 {n[1:4]} {n[4:7]} {n[7:]}"
  if style == 4:
    return "84" + n[1:]
  return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def account(rng):
  return "".join(str(rng.randrange(10)) for _ in range(rng.choice([9, 10, 12, 13, 14])))


def code(rng, n=6):
  return "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(n))


def scam_link(rng):
  d = rng.choice(SCAM_DOMAINS)
  tmpl = rng.choice(SCAM_LINKS)
  dot = d.replace(".", "[.]", 1) if rng.random() < 0.5 else d.replace(".", " . ", 1)
  return tmpl.format(d=d, c=code(rng), dot=dot)


def otp(rng):
  return "".join(str(rng.randrange(10)) for _ in range(6))


def fill(rng, template):
  values = {
      "name": rng.choice(NAMES), "full": rng.choice(FULL_NAMES), "bank": rng.choice(BANKS),
      "company": rng.choice(COMPANIES), "park": rng.choice(PARKS), "place": rng.choice(PLACES),
      "platform": rng.choice(PLATFORMS), "country": rng.choice(COUNTRIES),
      "phone": phone(rng), "acct": account(rng), "link": scam_link(rng),
      "safelink": rng.choice(SAFE_DOMAINS), "otp": otp(rng), "time": rng.choice(TIMES),
      "day": rng.choice(DAYS), "code": code(rng, 8).upper(),
      "small": money(rng, 100_000, 900_000), "mid": money(rng, 1_000_000, 9_000_000),
      "big": money(rng, 10_000_000, 200_000_000), "wage": money(rng, 6_000_000, 12_000_000),
      "pct": str(rng.choice([2, 3, 5, 8, 10, 15, 20, 30])), "n": str(rng.randrange(2, 40)),
      "last4": "".join(str(rng.randrange(10)) for _ in range(4)),
      "date": f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}",
      "hour": f"{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}",
  }
  return template.format(**values)


# ---- register transforms: how workers and scammers actually type ----

def strip_diacritics(s):
  s = s.replace("đ", "d").replace("Đ", "D")
  s = unicodedata.normalize("NFD", s)
  s = "".join(c for c in s if unicodedata.category(c) != "Mn")
  return unicodedata.normalize("NFC", s)


TEENCODE = [("không", "ko"), ("không", "k"), ("được", "dc"), ("được", "đc"), ("gì", "j"),
            ("vậy", "z"), ("anh", "a"), ("em", "e"), ("bạn", "b"), ("chị", "c"), ("với", "vs"),
            ("rồi", "r"), ("nhé", "nha"), ("biết", "bít"), ("tiền", "tìn"), ("mình", "mk"),
            ("thôi", "thui"), ("nhiều", "nhìu"), ("đi", "đj"), ("quá", "wá"), ("giờ", "h"),
            ("triệu", "tr"), ("nghìn", "k"), ("yêu", "iu"), ("chồng", "ck"), ("vợ", "vk"),
            ("trả lời", "rep"), ("ngân hàng", "nh"), ("tài khoản", "tk"), ("điện thoại", "đt"),
            ("số điện thoại", "sđt"), ("inbox", "ib"), ("nhắn tin", "ib"), ("công việc", "cv")]


def teencode(rng, s):
  import re
  for full, short in TEENCODE:
    if rng.random() < 0.7:
      s = re.sub(r"(?<!\w)" + full + r"(?!\w)", short, s)
      s = re.sub(r"(?<!\w)" + full.capitalize() + r"(?!\w)", short, s)
  return s


def spaced(rng, s):
  # Scammers space or dot the letters of a trigger word to dodge filters: "v.a.y t.i.ề.n".
  words = s.split(" ")
  idx = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
  for i in rng.sample(idx, min(len(idx), rng.randrange(1, 3))):
    sep = rng.choice([".", " ", "_", "-"])
    words[i] = sep.join(words[i])
  return " ".join(words)


def register(rng, s, label):
  """Rewrites a message in a random register so the corpus covers how people really type."""
  r = rng.random()
  if r < 0.22:
    s = strip_diacritics(s)
  elif r < 0.30:
    s = strip_diacritics(s).lower()
  if rng.random() < 0.18:
    s = teencode(rng, s)
  if rng.random() < 0.07:
    s = s.upper()
  if label == "scam" and rng.random() < 0.06:
    s = spaced(rng, s)
  if rng.random() < 0.2:
    pool = EMOJI_SCAM if label == "scam" else EMOJI_SAFE
    e = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 4)))
    s = (e + " " + s) if rng.random() < 0.5 else (s + " " + e)
  return s


def expand(rng, templates, label, per_template, kind):
  out = []
  for t in templates:
    for _ in range(per_template):
      text = register(rng, fill(rng, t), label)
      out.append({"text": text, "label": label, "type": kind})
  return out
