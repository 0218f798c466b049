"""Test documents written from DOMAIN.md conventions (not copies of the seeds)."""

STATE_PLAN = """ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HÀ NỘI          Độc lập - Tự do - Hạnh phúc

Số: 0124/KH-UBND          Hà Nội, ngày 5 tháng 3 năm 2024

KẾ HOẠCH
Tuyên truyền phổ biến pháp luật về chuyển đổi số
trên địa bàn Thành phố năm 2024

Căn cứ Quyết định số 30/2020/QĐ-TTg ngày 12/10/2020 của Thủ tướng Chính phủ; Ủy ban nhân dân Thành phố ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.
2. Yêu cầu
- Bảo đảm thiết thực, hiệu quả.

II. NỘI DUNG
1. Tuyên truyền các văn bản quy phạm pháp luật mới.
2. Giới thiệu mô hình hay.

III. TỔ CHỨC THỰC HIỆN
1. Sở Thông tin và Truyền thông
- Chủ trì tổ chức thực hiện Kế hoạch.
- Tổng hợp kết quả, báo cáo Ủy ban nhân dân Thành phố.
2. Sở Tư pháp phối hợp với các sở, ngành hướng dẫn nội dung tuyên truyền.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố
- Phối hợp tuyên truyền trong hội viên, đoàn viên.

Nơi nhận:                                       TM. ỦY BAN NHÂN DÂN
- Thường trực Thành ủy (để báo cáo);             KT. CHỦ TỊCH
- Các sở, ban, ngành Thành phố (để thực hiện);   PHÓ CHỦ TỊCH
- Lưu: VT, KGVX.

Nguyễn Văn Bình
"""

PARTY_PARTS = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
BAN TUYÊN GIÁO
*
Số 12-HD/BTGTU

ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Đồng, ngày 20 tháng 1 năm 2021

HƯỚNG DẪN
công tác tuyên truyền năm 2021
-----

Phần thứ nhất
ĐÁNH GIÁ TÌNH HÌNH NĂM 2020
1. Kết quả đạt được
Công tác tuyên truyền được triển khai kịp thời.
2. Hạn chế
Một số nơi còn hình thức.

Phần thứ hai
TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo các huyện ủy, thành ủy
- Xây dựng kế hoạch tuyên truyền.
2. Báo Lâm Đồng
- Mở chuyên mục về xây dựng Đảng.

Nơi nhận:
- Ban Tuyên giáo Trung ương (b/c),
- Thường trực Tỉnh ủy (b/c),
- Lưu VT.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
(đã ký)
Trần Thị Hoa
"""

OCR_HEADINGS = """Số 9-KH/HU

KẾ HOẠCH
tuyên truyền kỷ niệm ngày thành lập Đảng

Thực hiện Kế hoạch số 5-KH/TU, ngày 2/1/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:

I. MUC ĐICH, YÊU CÂU
- Tuyên truyền sâu rộng truyền thống vẻ vang của Đảng.

II. NỘI DUNG TUYÊN TRUYÊN
- Lịch sử Đảng bộ huyện.

III. TỞ CHỨC THựC HIỆN
1. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn
tuyên truyền.
2. Định kỳ hằng quý, Văn phòng Huyện ủy tổng hợp kết quả báo cáo Ban Thường vụ.

Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy,
- Lưu VP.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Phạm Minh Đức
"""

LETTER = """HUYỆN ỦY ĐỨC TRỌNG          ĐẢNG CỘNG SẢN VIỆT NAM
Số 215-CV/HU          Đức Trọng, ngày 3 tháng 8 năm 2022
V/v tăng cường công tác tuyên truyền
phòng, chống dịch bệnh

Kính gửi: Các tổ chức cơ sở đảng trực thuộc.

Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy đề nghị các tổ chức cơ sở đảng tăng cường tuyên truyền.

Nơi nhận:
- Như trên,
- Lưu VP.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG

Lê Văn Nam
"""

FOOTNOTED = """## KẾ HOẠCH

**tuyên truyền chuyển đổi số năm 2023**

-----

Thực hiện Nghị quyết số 10-NQ/TU<sup>1</sup>, Ban Thường vụ Đảng ủy xây dựng kế hoạch như sau:

### I. NỘI DUNG

1. Tuyên truyền việc thực hiện Kết luận số 48-KL/TW<sup>2</sup> về sắp xếp đơn vị hành chính cấp huyện, cấp xã và việc

---

1- Nghị quyết số 10-NQ/TU, ngày 18/3/2022 của Ban Chấp hành Đảng bộ tỉnh.

2- Kết luận số 48-KL/TW, ngày 30/01/2023 của Bộ Chính trị.

ứng dụng công nghệ số trong hoạt động của các cơ quan.

### II. TỔ CHỨC THỰC HIỆN

1. Các chi bộ trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.

#### Nơi nhận:

- Ban Thường vụ Huyện ủy (báo cáo),
- Lưu VP. Trang- 3

**T/M BAN THƯỜNG VỤ
BÍ THƯ**

**Hồ Văn Lâm**
"""
