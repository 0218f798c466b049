"""Expected key fields of the documents in tests/parsing/docs, written by hand from reading them.

Each entry names what a careful reader takes from the printed document, by the
conventions of DOMAIN.md and schema/parsed-document.md. Where the conventions
leave two readings open (the issuing body as printed in the header or as the
opening sentence names it; the kind of a letter that prints no type word), the
value is a tuple `Any(...)` of the acceptable readings.

Keys:
- kind, symbol, date (ISO), place, issuer, issuer_parent, title
- sections: list of (heading as printed, role; "other" when no standard role)
- units: bodies assigned duties, in order
- recipients: list of (name, purpose or None), purpose canonical ("báo cáo", "thực hiện", ...)
- signer: (authority or None, position line(s) joined with ", ", name)
- citations: {(number, symbol): (relation, date or None, issuer or None)}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any as _Any


@dataclass(frozen=True)
class Any:
    """Any of several readings is acceptable."""

    options: tuple[_Any, ...]

    def __init__(self, *options: _Any) -> None:
        object.__setattr__(self, "options", options)


IMPL, MENT = "implements", "mentions"

EXPECTED: dict[str, dict[str, _Any]] = {
    "acting_head_guidance": {
        "kind": "HƯỚNG DẪN",
        "symbol": "02-HD/BTGĐUK",
        "date": "2024-01-05",
        "place": "Hải Dương",
        "issuer": "Ban Tuyên giáo Đảng ủy Khối",
        "issuer_parent": "Đảng ủy Khối các cơ quan tỉnh",
        "title": "sinh hoạt chi bộ theo chuyên đề năm 2024",
        "sections": [
            ("I. YÊU CẦU", "purpose"),
            ("II. NỘI DUNG", "content"),
            ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
        ],
        "units": ["Các đảng bộ, chi bộ cơ sở trực thuộc Đảng ủy Khối", "Ban Tuyên giáo Đảng ủy Khối"],
        "recipients": [
            ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
            ("Thường trực Đảng ủy Khối", "báo cáo"),
            ("Các đảng bộ, chi bộ cơ sở", "thực hiện"),
            ("Lưu BTG", None),
        ],
        "signer": (None, "Q. TRƯỞNG BAN", "Đỗ Thị Lan Anh"),
        "citations": {
            ("12", "HD/BTCTW"): (IMPL, "2021-10-18", "Ban Tổ chức Trung ương"),
            ("01", "KL/TW"): (MENT, None, None),
        },
    },
    "cell_plan": {
        "kind": "KẾ HOẠCH",
        "symbol": "05-KH/CB",
        "date": "2024-02-10",
        "place": "Hòa Cường",
        "issuer": "Chi bộ Khu phố 3",
        "issuer_parent": "Đảng bộ phường Hòa Cường",
        "title": "học tập, quán triệt Chỉ thị số 12-CT/TW ngày 06/02/2023 của Ban Bí thư",
        "sections": [
            ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
            ("II. NỘI DUNG", "content"),
            ("III. PHÂN CÔNG NHIỆM VỤ", "implementation"),
        ],
        "units": [
            "Chi ủy",
            "Ban Công tác Mặt trận khu phố",
            "Chi hội Phụ nữ, Chi hội Cựu chiến binh, Chi đoàn Thanh niên",
        ],
        "recipients": [
            ("Đảng ủy phường", "báo cáo"),
            ("Đảng viên trong Chi bộ", "thực hiện"),
            ("Lưu Chi bộ", None),
        ],
        "signer": ("T/M CHI BỘ", "T/M CHI BỘ, BÍ THƯ", "Lê Thị Thu"),
        "citations": {
            ("45", "KH/ĐU"): (IMPL, "2024-01-30", "Ban Thường vụ Đảng ủy phường Hòa Cường"),
            # cited inside the parent plan's subject ("về học tập ... Chỉ thị số 12-CT/TW"): either reading
            ("12", "CT/TW"): (Any(IMPL, MENT), "2023-02-06", "Ban Bí thư"),
        },
    },
    "commune_plan_2025": {
        "kind": "KẾ HOẠCH",
        "symbol": "08-KH/ĐU",
        "date": "2025-08-15",
        "place": "Minh Quang",
        "issuer": Any(
            "Ban Thường vụ Đảng ủy xã", "Đảng ủy xã Minh Quang", "Ban Thường vụ Đảng ủy xã Minh Quang"
        ),
        "issuer_parent": "Đảng bộ tỉnh Tuyên Quang",
        "title": (
            "tuyên truyền kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh nước "
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        ),
        "sections": [
            ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
            ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
            ("III. HÌNH THỨC TUYÊN TRUYỀN", "forms"),
            ("IV. TỔ CHỨC THỰC HIỆN", "implementation"),
        ],
        "units": [
            "Văn phòng Đảng ủy",
            "Ủy ban nhân dân xã",
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã",
            "Các chi bộ trực thuộc Đảng ủy",
        ],
        "recipients": [
            ("Ban Thường vụ Tỉnh ủy", "báo cáo"),
            ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "báo cáo"),
            ("Các đồng chí Đảng ủy viên", None),
            ("Các chi bộ trực thuộc", "thực hiện"),
            ("Lưu Văn phòng Đảng ủy", None),
        ],
        "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ", "Hoàng Văn Nam"),
        "citations": {
            ("12", "KH/TU"): (IMPL, "2025-08-01", "Ban Thường vụ Tỉnh ủy"),
            ("60", "NQ/TW"): (MENT, "2025-04-12", "Ban Chấp hành Trung ương"),
        },
    },
    "district_guidance_outline": {
        "kind": "HƯỚNG DẪN",
        "symbol": "31-HD/BTGHU",
        "date": "2024-03-12",
        "place": "Châu Thành",
        "issuer": "Ban Tuyên giáo Huyện ủy",
        "issuer_parent": "Huyện ủy Châu Thành",
        "title": "tuyên truyền kỷ niệm 49 năm Ngày giải phóng miền Nam, thống nhất đất nước",
        "sections": [
            ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
            ("II. NỘI DUNG TUYÊN TRUYỀN (có đề cương kèm theo)", "content"),
            ("III. HÌNH THỨC TUYÊN TRUYỀN", "forms"),
            ("IV. TỔ CHỨC THỰC HIỆN", "implementation"),
            ("ĐỀ CƯƠNG TUYÊN TRUYỀN KỶ NIỆM 49 NĂM NGÀY GIẢI PHÓNG MIỀN NAM, THỐNG NHẤT ĐẤT NƯỚC", "outline"),
        ],
        "units": ["Các tổ chức cơ sở đảng", "Trung tâm Văn hóa, Thông tin và Thể thao huyện"],
        "recipients": [
            ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
            ("Thường trực Huyện ủy", "báo cáo"),
            ("Các tổ chức cơ sở đảng", None),
            ("Lưu BTG", None),
        ],
        "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Lê Văn Tám"),
        "citations": {
            ("150", "HD/BTGTU"): (IMPL, "2024-02-28", "Ban Tuyên giáo Tỉnh ủy"),
            ("35", "NQ/TW"): (MENT, "2018-10-22", "Bộ Chính trị"),
        },
    },
    "letter_vv": {
        "kind": Any("CÔNG VĂN", None),
        "symbol": "215-CV/BTGTU",
        "date": "2024-01-05",
        "place": "Quy Nhơn",
        "issuer": "Ban Tuyên giáo Tỉnh ủy",
        "issuer_parent": "Tỉnh ủy Bình Định",
        "title": "V/v tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng",
        "sections": [],
        "units": [
            "Ban tuyên giáo các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
            "Báo Bình Định, Đài Phát thanh và Truyền hình Bình Định",
        ],
        "recipients": [("Như trên", None), ("Thường trực Tỉnh ủy", "báo cáo"), ("Lưu VT", None)],
        "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Trần Văn Đức"),
        "citations": {("99", "HD/BTGTW"): (IMPL, "2023-11-15", "Ban Tuyên giáo Trung ương")},
    },
    "markdown_state_plan": {
        "kind": "KẾ HOẠCH",
        "symbol": "123/KH-UBND",
        "date": "2024-01-15",
        "place": "Đồng Nai",
        "issuer": Any("Ủy ban nhân dân tỉnh Đồng Nai", "Ủy ban nhân dân tỉnh"),
        "issuer_parent": None,
        "title": (
            "Tuyên truyền, phổ biến Nghị quyết số 01/2024/NQ-HĐND ngày 10/01/2024 của Hội đồng nhân dân tỉnh"
        ),
        "sections": [
            ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
            ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
            ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
        ],
        "units": [
            "Sở Tư pháp",
            "Sở Thông tin và Truyền thông",
            "Ủy ban nhân dân các huyện, thành phố Long Khánh, thành phố Biên Hòa",
        ],
        "recipients": [
            ("Thường trực Tỉnh ủy", "báo cáo"),
            ("Thường trực HĐND tỉnh", "báo cáo"),
            ("Các sở, ban, ngành", "thực hiện"),
            ("Lưu: VT, NC", None),
        ],
        "signer": ("KT. CHỦ TỊCH", "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH", "Võ Văn Phi"),
        "citations": {
            ("01", "2024/NQ-HĐND"): (IMPL, "2024-01-10", "Hội đồng nhân dân tỉnh"),
            ("1521", "QĐ-TTg"): (IMPL, "2020-10-06", "Thủ tướng Chính phủ"),
        },
    },
    "ocr_plan": {
        "kind": "KẾ HOẠCH",
        "symbol": "45-KH/TU",
        "date": "2023-12-20",
        "place": "Quảng Trị",
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "issuer_parent": "Tỉnh ủy Quảng Trị",
        "title": "tuyên truyền kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2024)",
        "sections": [
            ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
            ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
            ("III. HÌNH THỨC TUYÊN TRUYỀN", "forms"),
            ("IV. TỔ CHỨC THỰC HIỆN", "implementation"),
        ],
        "units": [
            "Ban Tuyên giáo Tỉnh ủy",
            "Sở Thông tin và Truyền thông",
            "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
        ],
        "recipients": [
            ("Ban Bí thư Trung ương Đảng", "báo cáo"),
            ("Ban Tuyên giáo Trung ương", "báo cáo"),
            ("Các đồng chí Tỉnh ủy viên", None),
            ("Lưu Văn phòng Tỉnh ủy", None),
        ],
        "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Đăng Quang"),
        "citations": {
            ("99", "HD/BTGTW"): (IMPL, "2023-11-15", "Ban Tuyên giáo Trung ương"),
            ("12", "CT/TW"): (IMPL, "2023-02-06", "Ban Bí thư"),
            ("35", "NQ/TW"): (MENT, "2018-10-22", "Bộ Chính trị"),
            ("01", "KL/TW"): (MENT, "2021-05-18", "Bộ Chính trị"),
        },
    },
    "report_numbers": {
        "kind": "BÁO CÁO",
        "symbol": "145-BC/HU",
        "date": "2023-12-20",
        "place": "Thăng Bình",
        "issuer": Any("Ban Thường vụ Huyện ủy", "Huyện ủy Thăng Bình"),
        "issuer_parent": "Đảng bộ tỉnh Quảng Nam",
        "title": "kết quả công tác tuyên truyền năm 2023 và phương hướng, nhiệm vụ năm 2024",
        "sections": [
            ("Phần thứ nhất KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN NĂM 2023", "situation"),
            ("Phần thứ hai PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", Any("content", "other")),
        ],
        "units": [],
        "recipients": [
            ("Ban Thường vụ Tỉnh ủy", "báo cáo"),
            ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
            ("Các đ/c Huyện ủy viên", None),
            ("Lưu VP", None),
        ],
        "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, BÍ THƯ", "Phạm Văn Hùng"),
        "citations": {
            ("1234", "CV/BTGTU"): (IMPL, "2023-11-25", "Ban Tuyên giáo Tỉnh ủy"),
            ("21", "NQ/TW"): (MENT, "2022-06-16", "Ban Chấp hành Trung ương"),
        },
    },
    "signer_variants": {
        "kind": Any("CÔNG VĂN", None),
        "symbol": "456/UBND-VX",
        "date": "2024-04-08",
        "place": "Thanh Hóa",
        "issuer": "Ủy ban nhân dân tỉnh Thanh Hóa",
        "issuer_parent": None,
        "title": "V/v triển khai thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư",
        "sections": [],
        "units": [
            "Sở Văn hóa, Thể thao và Du lịch",
            "Các sở, ban, ngành cấp tỉnh, UBND các huyện, thị xã, thành phố",
        ],
        "recipients": [("Như trên", None), ("Chủ tịch UBND tỉnh", "báo cáo"), ("Lưu: VT, VX", None)],
        "signer": ("TL. CHỦ TỊCH", "TL. CHỦ TỊCH, CHÁNH VĂN PHÒNG", "Lê Quang Hùng"),
        "citations": {
            ("205", "KH/TU"): (IMPL, "2024-04-01", "Ban Thường vụ Tỉnh ủy"),
            ("12", "CT/TW"): (Any(IMPL, MENT), None, "Ban Bí thư"),
        },
    },
    "so_plan": {
        "kind": "KẾ HOẠCH",
        "symbol": "2121/KH-SVHTTDL",
        "date": "2024-01-05",
        "place": "Nghệ An",
        "issuer": "Sở Văn hóa, Thể thao và Du lịch",
        "issuer_parent": Any("UBND tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An"),
        "title": (
            "Thực hiện Kế hoạch số 45-KH/TU ngày 20/12/2023 của Ban Thường vụ Tỉnh ủy về tuyên truyền "
            "kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam"
        ),
        "sections": [
            ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
            ("II. NỘI DUNG, HÌNH THỨC", "content"),
            ("III. TRÁCH NHIỆM THỰC HIỆN", "implementation"),
        ],
        "units": [
            "Phòng Quản lý Văn hóa và Gia đình",
            "Trung tâm Văn hóa tỉnh",
            "Thư viện tỉnh, Bảo tàng tỉnh",
            "Phòng Văn hóa và Thông tin các huyện, thành phố, thị xã",
        ],
        "recipients": [
            ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
            ("UBND tỉnh", "báo cáo"),
            ("Giám đốc, các Phó Giám đốc Sở", None),
            ("Các phòng, đơn vị thuộc Sở", "thực hiện"),
            ("Lưu: VT, QLVHGĐ", None),
        ],
        "signer": ("KT. GIÁM ĐỐC", "KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC", "Nguyễn Thị Minh Hà"),
        "citations": {
            ("45", "KH/TU"): (IMPL, "2023-12-20", "Ban Thường vụ Tỉnh ủy"),
            ("99", "HD/BTGTW"): (IMPL, "2023-11-15", "Ban Tuyên giáo Trung ương"),
            ("12", "CT/TW"): (MENT, "2023-02-06", "Ban Bí thư"),
        },
    },
    "web_post_programme": {
        "kind": "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        "symbol": "30-CTr/TU",
        "date": "2025-02-25",
        "place": "Khánh Hòa",
        "issuer": Any("Tỉnh ủy Khánh Hòa", "Tỉnh ủy"),
        "issuer_parent": None,
        "title": (
            "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
            "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
        ),
        "sections": [
            ("Phần thứ nhất MỤC TIÊU", "purpose"),
            ("Phần thứ hai NHIỆM VỤ, GIẢI PHÁP", "content"),
            ("Phần thứ ba THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN", "implementation"),
        ],
        "units": [
            "Ban cán sự đảng Ủy ban nhân dân tỉnh",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
            "Văn phòng Tỉnh ủy",
        ],
        "recipients": [
            ("Bộ Chính trị", "báo cáo"),
            ("Ban Bí thư", "báo cáo"),
            ("Các đồng chí Tỉnh ủy viên", None),
            ("Lưu Văn phòng Tỉnh ủy", None),
        ],
        "signer": ("T/M TỈNH ỦY", "T/M TỈNH ỦY, BÍ THƯ", "Nghiêm Xuân Thành"),
        "citations": {
            ("57", "NQ/TW"): (IMPL, "2024-12-22", "Bộ Chính trị"),
            ("123", "KL/TW"): (MENT, "2025-01-24", "Ban Chấp hành Trung ương"),
        },
    },
}

EXPECTED.update(
    {
        "central_dash_plan": {
            "kind": "KẾ HOẠCH",
            "symbol": "155-KH/BTGTW",
            "date": "2020-03-03",
            "place": "Hà Nội",
            "issuer": "Ban Tuyên giáo Trung ương",
            "issuer_parent": "Ban Chấp hành Trung ương",
            "title": "tuyên truyền Đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
            "sections": [
                ("I- MỤC ĐÍCH, YÊU CẦU", "purpose"),
                ("II- NỘI DUNG TUYÊN TRUYỀN", "content"),
                ("III- HÌNH THỨC TUYÊN TRUYỀN", "forms"),
                ("IV- TỔ CHỨC THỰC HIỆN", "implementation"),
            ],
            "units": [
                "Ban Tuyên giáo Trung ương",
                "Các ban tuyên giáo tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
                "Bộ Thông tin và Truyền thông",
            ],
            "recipients": [
                ("Thường trực Ban Bí thư", "báo cáo"),
                ("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương", None),
                ("Bộ Thông tin và Truyền thông", "phối hợp"),
                ("Lưu Vụ Tuyên truyền, VT", None),
            ],
            "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Phan Xuân Thủy"),
            "citations": {
                ("35", "CT/TW"): (IMPL, "2019-05-30", "Bộ Chính trị"),
                ("56", "KL/TW"): (IMPL, "2019-08-22", "Bộ Chính trị"),
                ("04", "NQ/TW"): (MENT, "2016-10-30", "Ban Chấp hành Trung ương"),
                ("08", "QĐi/TW"): (MENT, "2018-10-25", "Ban Chấp hành Trung ương"),
            },
        },
        "decision_articles": {
            "kind": "QUYẾT ĐỊNH",
            "symbol": "87/QĐ-UBND",
            "date": "2025-09-22",
            "place": "Bàn Cờ",
            "issuer": "Ủy ban nhân dân phường Bàn Cờ",
            "issuer_parent": None,
            "title": "Về việc ban hành Kế hoạch tuyên truyền chuyển đổi số trên địa bàn phường năm 2025",
            # articles "Điều 1." are not headed sections; Điều 3 names who executes, no duty list
            "sections": [],
            "units": [],
            "recipients": [
                ("Như Điều 3", None),
                ("Ủy ban nhân dân Thành phố", "báo cáo"),
                ("Thường trực Đảng ủy phường", "báo cáo"),
                ("Lưu: VT", None),
            ],
            "signer": ("TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH", "Trần Thị Kim Oanh"),
            "citations": {
                ("57", "NQ/TW"): (IMPL, "2024-12-22", "Bộ Chính trị"),
                ("315", "KH-UBND"): (IMPL, "2025-08-05", "Ủy ban nhân dân Thành phố"),
            },
        },
        "ocr_pdf_wrapped": {
            "kind": "KẾ HOẠCH",
            "symbol": "118-KH/HU",
            "date": "2022-03-14",
            "place": "Cư M'gar",
            "issuer": Any("Ban Thường vụ Huyện ủy", "Huyện ủy Cư M'gar"),
            "issuer_parent": "Đảng bộ tỉnh Đắk Lắk",
            "title": "tuyên truyền kỷ niệm 92 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "sections": [
                ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
                ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
                ("III. HÌNH THỨC TUYÊN TRUYỀN", "forms"),
                ("IV. TỔ CHỨC THỰC HIỆN", "implementation"),
            ],
            "units": [
                "Ban Tuyên giáo Huyện ủy",
                "Huyện đoàn",
                "Đảng ủy các xã, thị trấn, chi bộ, đảng bộ cơ sở trực thuộc Huyện ủy",
            ],
            "recipients": [
                ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
                ("Tỉnh đoàn Đắk Lắk", "báo cáo"),
                ("Các TCCS đảng trực thuộc", None),
                ("Lưu VP HU", None),
            ],
            "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ", "Y Khiêm Niê"),
            "citations": {
                ("86", "KH/TU"): (IMPL, "2022-03-02", "Ban Thường vụ Tỉnh ủy"),
                ("42", "CT/TW"): (MENT, "2015-03-24", "Ban Bí thư"),
                ("45", "NQ/TW"): (MENT, "2018-11-24", "Bộ Chính trị"),
                ("08", "QĐi/TW"): (MENT, "2018-10-25", "Ban Chấp hành Trung ương"),
            },
        },
        "province_merged_guidance": {
            "kind": "HƯỚNG DẪN",
            "symbol": "21-HD/BTGDVTU",
            "date": "2025-08-12",
            "place": "Lâm Đồng",
            "issuer": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "issuer_parent": "Tỉnh ủy Lâm Đồng",
            "title": "tuyên truyền Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030",
            "sections": [
                ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
                ("II. NỘI DUNG TUYÊN TRUYỀN TRỌNG TÂM", "content-focal"),
                ("III. HÌNH THỨC TUYÊN TRUYỀN", "forms"),
                ("IV. TỔ CHỨC THỰC HIỆN", "implementation"),
            ],
            "units": [
                "Đảng ủy Ủy ban nhân dân tỉnh",
                "Báo và Phát thanh, Truyền hình Lâm Đồng",
                "Các đảng ủy xã, phường, đặc khu và đảng ủy trực thuộc Tỉnh ủy",
            ],
            "recipients": [
                ("Ban Tuyên giáo và Dân vận Trung ương", "báo cáo"),
                ("Thường trực Tỉnh ủy", "báo cáo"),
                ("Các đảng ủy trực thuộc Tỉnh ủy", "thực hiện"),
                ("Báo và Phát thanh, Truyền hình Lâm Đồng", "phối hợp"),
                ("Lưu BTGDV", None),
            ],
            "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Nguyễn Thị Thu Hà"),
            "citations": {
                ("45", "CT/TW"): (IMPL, "2025-04-14", "Bộ Chính trị"),
                ("300", "HD/BTGDVTW"): (IMPL, "2025-06-28", "Ban Tuyên giáo và Dân vận Trung ương"),
                # "của Bộ Chính trị, Ban Bí thư": issuer not checked
                ("127", "KL/TW"): (MENT, "2025-02-28", None),
            },
        },
    }
)

EXPECTED.update(
    {
        "web_copy_flat_header": {
            "kind": "KẾ HOẠCH",
            "symbol": "150-KH/TU",
            "date": "2023-06-05",
            "place": "Hà Tĩnh",
            "issuer": Any("Tỉnh ủy Hà Tĩnh", "Ban Thường vụ Tỉnh ủy"),
            "issuer_parent": None,
            "title": "tuyên truyền kỷ niệm 93 năm Ngày thành lập Đảng bộ tỉnh Hà Tĩnh (01/8/1930 - 01/8/2023)",
            "sections": [
                ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
                ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
                ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
            ],
            "units": [
                "Ban Tuyên giáo Tỉnh ủy",
                "Ban cán sự đảng Ủy ban nhân dân tỉnh",
                "Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy",
            ],
            "recipients": [
                ("Ban Tuyên giáo Trung ương", "báo cáo"),
                ("Các đồng chí Tỉnh ủy viên", None),
                ("Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc", None),
                ("Lưu Văn phòng Tỉnh ủy", None),
            ],
            "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ THƯỜNG TRỰC", "Trần Thế Dũng"),
            "citations": {
                ("12", "CT/TW"): (IMPL, "2023-02-06", "Ban Bí thư"),
                ("45", "HD/BTGTW"): (IMPL, "2023-03-10", "Ban Tuyên giáo Trung ương"),
            },
        },
        "pandoc_markdown_plan": {
            "kind": "KẾ HOẠCH",
            "symbol": "27-KH/ĐU",
            "date": "2025-11-18",
            "place": "Hoa Lư",
            "issuer": Any("Đảng ủy phường Hoa Lư", "Ban Thường vụ Đảng ủy phường"),
            "issuer_parent": "Đảng bộ tỉnh Ninh Bình",
            "title": (
                "tuyên truyền, triển khai thực hiện Nghị quyết Đại hội đại biểu Đảng bộ phường lần thứ I, "
                "nhiệm kỳ 2025 - 2030"
            ),
            "sections": [
                ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
                ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
                ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
            ],
            "units": [
                "Ban Xây dựng Đảng Đảng ủy phường",
                "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
                "Các chi bộ trực thuộc Đảng ủy phường",
            ],
            "recipients": [
                ("Ban Thường vụ Tỉnh ủy", "báo cáo"),
                ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "báo cáo"),
                ("Các chi bộ trực thuộc", "thực hiện"),
                ("Lưu Văn phòng Đảng ủy", None),
            ],
            "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, BÍ THƯ", "Đinh Văn Hưng"),
            "citations": {("08", "KH/TU"): (IMPL, "2025-10-28", "Ban Thường vụ Tỉnh ủy")},
        },
        "conclusion_notice": {
            "kind": "THÔNG BÁO KẾT LUẬN",
            "symbol": "1021-TB/TU",
            "date": "2024-04-25",
            "place": "Bắc Giang",
            "issuer": Any("Tỉnh ủy Bắc Giang", "Ban Thường vụ Tỉnh ủy"),
            "issuer_parent": None,
            "title": "của Ban Thường vụ Tỉnh ủy về kết quả 5 năm thực hiện Chỉ thị số 23-CT/TW của Ban Bí thư",
            # numbered mixed-case headings are the top-level sections of a document without Roman ones
            "sections": [("1. Đánh giá chung", "situation"), ("2. Nhiệm vụ thời gian tới", "content")],
            "units": [],
            "recipients": [
                ("Ban Tuyên giáo Trung ương", "báo cáo"),
                ("Các huyện ủy, thành ủy, đảng ủy trực thuộc", None),
                ("Lưu Văn phòng Tỉnh ủy", None),
            ],
            "signer": ("T/L BAN THƯỜNG VỤ", "T/L BAN THƯỜNG VỤ, CHÁNH VĂN PHÒNG", "Nguyễn Văn Hà"),
            "citations": {
                # the notice concludes on the directive's review: its subject, not an opening "Thực hiện"
                ("23", "CT/TW"): (Any(IMPL, MENT), "2018-02-09", "Ban Bí thư"),
                ("01", "KL/TW"): (MENT, "2021-05-18", "Bộ Chính trị"),
            },
        },
    }
)

EXPECTED.update(
    {
        "enterprise_party_plan": {
            "kind": "KẾ HOẠCH",
            "symbol": "14-KH/ĐU",
            "date": "2023-05-10",
            "place": "Thái Bình",
            "issuer": Any("Đảng ủy Công ty Cổ phần Môi trường", "Đảng ủy Công ty"),
            "issuer_parent": "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh",
            "title": "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023",
            "sections": [
                ("PHẦN I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
                ("PHẦN II. NỘI DUNG", "content"),
                ("PHẦN III. TỔ CHỨC THỰC HIỆN", "implementation"),
            ],
            "units": ["Các chi bộ trực thuộc", "Công đoàn, Đoàn Thanh niên Công ty"],
            "recipients": [
                ("Ban Thường vụ Đảng ủy Khối", "báo cáo"),
                ("Các chi bộ trực thuộc", "thực hiện"),
                ("Lưu VP", None),
            ],
            "signer": ("T/M ĐẢNG ỦY", "T/M ĐẢNG ỦY, BÍ THƯ", "Phạm Quốc Toản"),
            "citations": {
                ("35", "KH/ĐUK"): (IMPL, "2023-03-15", "Ban Thường vụ Đảng ủy Khối"),
                ("05", "CT/TW"): (MENT, None, "Bộ Chính trị"),
            },
        },
        "district_report_kinh_gui": {
            "kind": "BÁO CÁO",
            "symbol": "312/BC-UBND",
            "date": "2024-11-28",
            "place": "Đông Anh",
            "issuer": Any("Ủy ban nhân dân huyện Đông Anh"),
            "issuer_parent": None,
            "title": "Kết quả thực hiện công tác thông tin, tuyên truyền năm 2024",
            "sections": [
                ("I. KẾT QUẢ THỰC HIỆN", "situation"),
                ("II. KHÓ KHĂN, VƯỚNG MẮC", "other"),
                ("III. ĐỀ XUẤT, KIẾN NGHỊ", "other"),
            ],
            "units": [],
            "recipients": [
                ("Như trên", None),
                ("Thường trực Huyện ủy", "báo cáo"),
                ("Chủ tịch, các PCT UBND huyện", None),
                ("Lưu: VT, VHTT", None),
            ],
            "signer": (
                "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH",
                "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
                "Nguyễn Xuân Linh",
            ),
            "citations": {("4567", "STTTT-TTBCXB"): (IMPL, "2024-11-05", "Sở Thông tin và Truyền thông")},
        },
    }
)

EXPECTED["slash_markers_ocr_roman"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "210-KH/HU",
    "date": "2021-01-08",
    "place": "Cai Lậy",
    "issuer": Any("Huyện ủy Cai Lậy", "Ban Thường vụ Huyện ủy"),
    "issuer_parent": None,
    "title": "tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    # "l/", "Il/", "Ill/": OCR'd Roman numerals with the "I/" marker style
    "sections": [
        ("I/ MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("II/ NỘI DUNG TUYÊN TRUYỀN", "content"),
        ("III/ TỔ CHỨC THỰC HIỆN", "implementation"),
    ],
    "units": ["Ban Tuyên giáo Huyện ủy", "Các tổ chức cơ sở đảng"],
    "recipients": [("Ban Tuyên giáo Tỉnh ủy", "báo cáo"), ("Lưu VP", None)],
    "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, BÍ THƯ", "Nguyễn Văn Mười"),
    "citations": {("95", "KH/TU"): (IMPL, "2021-01-04", "Ban Thường vụ Tỉnh ủy")},
}

EXPECTED["pdf_blank_after_every_line"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "86-KH/HU",
    "date": "2023-02-20",
    "place": "Hàm Thuận Bắc",
    "issuer": Any("Huyện ủy Hàm Thuận Bắc", "Ban Thường vụ Huyện ủy"),
    "issuer_parent": "Đảng bộ tỉnh Bình Thuận",
    "title": "Tuyên truyền kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2023)",
    "sections": [
        ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
        ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
    ],
    # headless items: the subject before the first duty verb ("tổ chức" after "các" is a noun)
    "units": [
        "Ban Tuyên giáo Huyện ủy",
        "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện",
        "Các tổ chức cơ sở đảng",
    ],
    "recipients": [
        ("Ban Thường vụ Tỉnh ủy", "báo cáo"),
        ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
        ("Các TCCS đảng trực thuộc", None),
        ("Lưu VP HU", None),
    ],
    "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ", "Nguyễn Văn Thắng"),
    "citations": {
        ("33", "HD/BTGTU"): (IMPL, "2023-01-05", "Ban Tuyên giáo Tỉnh ủy"),
        ("29", "NQ/TW"): (MENT, "2022-11-17", "Ban Chấp hành Trung ương"),
    },
}

EXPECTED["guidance_outline_appendix"] = {
    "kind": "HƯỚNG DẪN",
    "symbol": "45-HD/BTGTU",
    "date": "2025-04-10",
    "place": "Huế",
    "issuer": "Ban Tuyên giáo Tỉnh ủy",
    "issuer_parent": "Tỉnh ủy Thừa Thiên Huế",
    "title": "tuyên truyền kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh",
    "sections": [
        ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("II. NỘI DUNG TUYÊN TRUYỀN (Có đề cương kèm theo)", "content"),
        ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
        (
            "ĐỀ CƯƠNG TUYÊN TRUYỀN KỶ NIỆM 135 NĂM NGÀY SINH CHỦ TỊCH HỒ CHÍ MINH (19/5/1890 - 19/5/2025)",
            "outline",
        ),
        ("PHỤ LỤC KHẨU HIỆU TUYÊN TRUYỀN", "outline"),
    ],
    "units": ["Ban tuyên giáo các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc", "Báo Thừa Thiên Huế"],
    "recipients": [
        ("Ban Tuyên giáo Trung ương", "báo cáo"),
        ("Thường trực Tỉnh ủy", "báo cáo"),
        ("Lưu BTG", None),
    ],
    "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Nguyễn Thị Hằng"),
    "citations": {
        ("210", "HD/BTGTW"): (IMPL, "2025-03-20", "Ban Tuyên giáo Trung ương"),
        ("01", "KL/TW"): (MENT, "2021-05-18", "Bộ Chính trị"),
    },
}

# an outline issued on its own: no number, no date, no signature; the body's name closes it
EXPECTED["standalone_outline"] = {
    "kind": "ĐỀ CƯƠNG",
    "symbol": None,
    "date": None,
    "place": None,
    "issuer": "Ban Tuyên giáo Tỉnh ủy Sơn La",
    "issuer_parent": None,
    "title": "TUYÊN TRUYỀN KỶ NIỆM 70 NĂM CHIẾN THẮNG ĐIỆN BIÊN PHỦ (07/5/1954 - 07/5/2024)",
    "sections": [
        ("I. BỐI CẢNH LỊCH SỬ", "situation"),
        ("II. Ý NGHĨA LỊCH SỬ", "other"),
        ("III. PHÁT HUY TINH THẦN ĐIỆN BIÊN PHỦ", "other"),
    ],
    "units": [],
    "recipients": [],
    "signer": (None, None, None),
    "citations": {("11", "NQ/TW"): (MENT, "2022-02-10", "Bộ Chính trị")},
}

# citation forms: date in words, a shared symbol ("số 19, 20-NQ/TW"), laws and decrees, state letters
EXPECTED["citation_forms_plan"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "320-KH/TU",
    "date": "2024-07-03",
    "place": "Long Xuyên",
    "issuer": Any("Tỉnh ủy An Giang", "Ban Thường vụ Tỉnh ủy"),
    "issuer_parent": None,
    "title": "thực hiện công tác tuyên truyền năm 2024",
    "sections": [("I. NỘI DUNG", "content")],
    "units": [],
    "recipients": [("Lưu VP", None)],
    "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ", "Lê Văn Nung"),
    "citations": {
        ("18", "NQ/TW"): (IMPL, "2017-10-25", "Ban Chấp hành Trung ương"),
        ("19", "NQ/TW"): (IMPL, "2017-10-25", "Ban Chấp hành Trung ương"),
        ("20", "NQ/TW"): (IMPL, "2017-10-25", "Ban Chấp hành Trung ương"),
        ("24", "2018/QH14"): (IMPL, "2018-06-12", "Quốc hội"),
        ("72", "2015/NĐ-CP"): (IMPL, "2015-09-07", "Chính phủ"),
        ("16", "TB/TW"): (MENT, "2021-07-11", "Ban Bí thư"),
        ("567", "CV/BTGTU"): (MENT, "2024-03-02", "Ban Tuyên giáo Tỉnh ủy"),
        ("1079", "QĐ-TTg"): (MENT, "2022-09-14", "Thủ tướng Chính phủ"),
        ("03", "2019/TT-BTTTT"): (MENT, None, None),
        ("1234", "UBND-VX"): (MENT, "2024-05-05", "UBND tỉnh"),
        ("05", "CT/TW"): (MENT, None, "Bộ Chính trị"),
        ("01", "ĐA/TU"): (MENT, "2021-03-12", "Tỉnh ủy"),
    },
}

# the Youth Union prints "ĐOÀN TNCS HỒ CHÍ MINH" where the Party prints "ĐẢNG CỘNG SẢN VIỆT NAM"
EXPECTED["youth_union_plan"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "215-KH/TĐTN-TG",
    "date": "2024-03-15",
    "place": "Phú Yên",
    "issuer": Any("Ban Chấp hành Tỉnh Đoàn Phú Yên", "Ban Thường vụ Tỉnh Đoàn"),
    "issuer_parent": None,
    "title": (
        "tuyên truyền kỷ niệm 93 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh "
        "(26/3/1931 - 26/3/2024)"
    ),
    "sections": [("I. MỤC ĐÍCH, YÊU CẦU", "purpose"), ("II. TỔ CHỨC THỰC HIỆN", "implementation")],
    "units": ["Ban Tuyên giáo Tỉnh Đoàn", "Các huyện, thị, thành đoàn, đoàn trực thuộc"],
    "recipients": [("Trung ương Đoàn", "báo cáo"), ("Thường trực Tỉnh ủy", "báo cáo"), ("Lưu VP", None)],
    "signer": (
        "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
        "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN, PHÓ BÍ THƯ",
        "Nguyễn Thị Thanh Thảo",
    ),
    "citations": {("300", "KH/TWĐTN-BTG"): (IMPL, "2024-01-10", "Ban Bí thư Trung ương Đoàn")},
}

EXPECTED["ministry_plan"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "1520/KH-BTTTT",
    "date": "2023-04-25",
    "place": "Hà Nội",
    "issuer": "Bộ Thông tin và Truyền thông",
    "issuer_parent": None,
    "title": (
        "Triển khai thực hiện Chỉ thị số 07/CT-TTg ngày 14/3/2023 của Thủ tướng Chính phủ "
        "về tăng cường công tác thông tin cơ sở"
    ),
    "sections": [
        ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("II. NHIỆM VỤ, GIẢI PHÁP", "content"),
        ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
    ],
    # "Cục Thông tin cơ sở chủ trì": a lower-case "cơ sở" does not make "chủ trì" part of the name
    "units": [
        "Cục Thông tin cơ sở",
        "Vụ Kế hoạch - Tài chính",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ],
    "recipients": [
        ("Thủ tướng Chính phủ", "báo cáo"),
        ("Bộ trưởng", "báo cáo"),
        ("UBND các tỉnh, thành phố trực thuộc TW", None),
        ("Sở TT&TT các tỉnh, thành phố trực thuộc TW", None),
        ("Lưu: VT, TTCS", None),
    ],
    "signer": ("KT. BỘ TRƯỞNG", "KT. BỘ TRƯỞNG, THỨ TRƯỞNG", "Nguyễn Thanh Lâm"),
    "citations": {("07", "CT-TTg"): (IMPL, "2023-03-14", "Thủ tướng Chính phủ")},
}

# OCR: stray glyphs above the header, "ngàv", "HƯỚNG DẢN", "TƯ" codes, "Nơi nhân", "TRƯỎNG"
EXPECTED["ocr_damaged_guidance"] = {
    "kind": "HƯỚNG DẪN",
    "symbol": "80-HD/BTGTU",
    "date": "2023-06-15",
    "place": "Sóc Trăng",
    "issuer": "Ban Tuyên giáo Tỉnh ủy",
    "issuer_parent": "Tỉnh ủy Sóc Trăng",
    "title": "tuyên truyền kỷ niệm 76 năm Ngày Thương binh - Liệt sỹ (27/7/1947 - 27/7/2023)",
    "sections": [
        ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
        ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
    ],
    "units": ["Ban tuyên giáo các huyện ủy, thị ủy, thành ủy", "Sở Lao động - Thương binh và Xã hội"],
    "recipients": [("Thường trực Tỉnh ủy", "báo cáo"), ("Lưu VT.BTGTU", None)],
    "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Lâm Sách"),
    "citations": {
        ("70", "KH/TU"): (IMPL, "2023-05-23", "Ban Thường vụ Tỉnh ủy"),
        ("14", "CT/TW"): (MENT, "2017-07-19", "Ban Bí thư"),
    },
}

# PDF text: footnote marks read as digits glued to the symbol ("132-KH/HU1"), notes "1 Kế hoạch ..." under a rule
EXPECTED["pdf_plain_footnotes"] = {
    "kind": "HƯỚNG DẪN",
    "symbol": "56-HD/BTGHU",
    "date": "2023-06-20",
    "place": "Tuy Phong",
    "issuer": "Ban Tuyên giáo Huyện ủy",
    "issuer_parent": "Huyện ủy Tuy Phong",
    "title": "tuyên truyền thực hiện Nghị quyết số 28-NQ/TW của Ban Chấp hành Trung ương Đảng",
    "sections": [("I. MỤC ĐÍCH, YÊU CẦU", "purpose"), ("II. TỔ CHỨC THỰC HIỆN", "implementation")],
    "units": ["Các tổ chức cơ sở đảng"],
    "recipients": [("Ban Tuyên giáo Tỉnh ủy", None), ("Lưu BTG", None)],
    "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Lê Ngọc Thành"),
    "citations": {
        ("132", "KH/HU"): (IMPL, "2023-06-22", "Ban Thường vụ Huyện ủy"),
        ("28", "NQ/TW"): (MENT, "2022-11-17", "Ban Chấp hành Trung ương"),
    },
    "footnotes": ["1", "2"],
}

# a commune report after 1/7/2025 with lettered parts "A." / "B." holding Roman sections
EXPECTED["commune_report_lettered_parts"] = {
    "kind": "BÁO CÁO",
    "symbol": "35-BC/ĐU",
    "date": "2025-12-05",
    "place": "Ia Hrú",
    "issuer": Any("Đảng ủy xã Ia Hrú", "Ban Thường vụ Đảng ủy xã"),
    "issuer_parent": "Đảng bộ tỉnh Gia Lai",
    "title": (
        "sơ kết 6 tháng thực hiện Kế hoạch số 15-KH/TU của Ban Thường vụ Tỉnh ủy về công tác tuyên truyền"
    ),
    "sections": [
        ("A. KẾT QUẢ THỰC HIỆN", "situation"),
        ("B. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", Any("content", "other")),
    ],
    "units": [],
    "recipients": [("Ban Tuyên giáo và Dân vận Tỉnh ủy", "báo cáo"), ("Lưu VP Đảng ủy", None)],
    "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, BÍ THƯ", "Rơ Châm Tuấn"),
    "citations": {
        ("88", "CV/BTGDVTU"): (IMPL, "2025-11-20", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("15", "KH/TU"): (MENT, None, "Ban Thường vụ Tỉnh ủy"),
    },
}

# a letter whose signature is printed before "Nơi nhận"; one paragraph, no duty list
EXPECTED["letter_signature_first"] = {
    "kind": Any("CÔNG VĂN", None),
    "symbol": "540-CV/BTGTU",
    "date": "2022-10-10",
    "place": "Đà Nẵng",
    "issuer": "Ban Tuyên giáo Thành ủy",
    "issuer_parent": "Thành ủy Đà Nẵng",
    "title": "V/v tuyên truyền Ngày Pháp luật Việt Nam",
    "sections": [],
    "units": [],
    "recipients": [("Như trên", None), ("Thường trực Thành ủy", "báo cáo"), ("Lưu VT", None)],
    "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Đoàn Ngọc Hùng Anh"),
    "citations": {("1520", "CV/BTGTW"): (IMPL, "2022-10-03", "Ban Tuyên giáo Trung ương")},
}

# a web page prints the type word and the subject as one capitals line
EXPECTED["web_caps_type_and_subject"] = {
    "kind": "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "symbol": "25-CTr/TU",
    "date": "2025-04-18",
    "place": "Bình Dương",
    "issuer": Any("Ban Chấp hành Đảng bộ tỉnh Bình Dương", "Tỉnh ủy Bình Dương"),
    "issuer_parent": None,
    "title": (
        "thực hiện Nghị quyết số 66-NQ/TW, ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác "
        "xây dựng và thi hành pháp luật"
    ),
    "sections": [
        ("I. MỤC TIÊU", "purpose"),
        ("II. NHIỆM VỤ, GIẢI PHÁP", "content"),
        ("III. TỔ CHỨC THỰC HIỆN", "implementation"),
    ],
    "units": ["Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ban Tuyên giáo và Dân vận Tỉnh ủy"],
    "recipients": [("Văn phòng Trung ương Đảng", "báo cáo"), ("Lưu Văn phòng Tỉnh ủy", None)],
    "signer": ("T/M TỈNH ỦY", "T/M TỈNH ỦY, BÍ THƯ", "Võ Văn Minh"),
    "citations": {("66", "NQ/TW"): (IMPL, "2025-04-30", "Bộ Chính trị")},
}

# a UBND decision issuing a plan printed after it under its own header block
EXPECTED["decision_with_attached_plan"] = {
    "kind": "QUYẾT ĐỊNH",
    "symbol": "245/QĐ-UBND",
    "date": "2024-03-12",
    "place": "Quảng Ngãi",
    "issuer": Any("Ủy ban nhân dân tỉnh Quảng Ngãi", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"),
    "issuer_parent": None,
    "title": "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024",
    "sections": [("KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024", "outline")],
    # the attached plan's implementation part assigns the duties
    "units": ["Sở Nội vụ", "Sở Thông tin và Truyền thông", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    "recipients": [("Như Điều 3", None), ("Bộ Nội vụ", "báo cáo"), ("Lưu: VT, NC", None)],
    "signer": ("KT. CHỦ TỊCH", "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH", "Trần Phước Hiền"),
    "citations": {("76", "NQ-CP"): (IMPL, "2021-07-15", "Chính phủ")},
}

EXPECTED["city_merged_guidance_nested"] = {
    "kind": "HƯỚNG DẪN",
    "symbol": "118-HD/BTGDVTU",
    "date": "2025-09-02",
    "place": "TP. Hồ Chí Minh",
    "issuer": "Ban Tuyên giáo và Dân vận Thành ủy",
    "issuer_parent": "Thành ủy Thành phố Hồ Chí Minh",
    "title": "tuyên truyền Đại hội đại biểu Đảng bộ Thành phố lần thứ I, nhiệm kỳ 2025 - 2030",
    "sections": [
        ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("II. NỘI DUNG TUYÊN TRUYỀN", "content"),
        ("III. HÌNH THỨC TUYÊN TRUYỀN", "forms"),
        ("IV. TỔ CHỨC THỰC HIỆN", "implementation"),
    ],
    "units": [
        "Các đảng ủy trực thuộc Thành ủy",
        Any(
            "Các cơ quan báo chí Thành phố: Báo Sài Gòn Giải Phóng, Báo Người Lao Động, Đài Truyền hình Thành phố",
            "Các cơ quan báo chí Thành phố",
        ),
        "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố",
    ],
    "recipients": [
        ("Ban Tuyên giáo và Dân vận Trung ương", "báo cáo"),
        ("Thường trực Thành ủy", "báo cáo"),
        ("Các đảng ủy trực thuộc Thành ủy", None),
        ("Lưu VT", None),
    ],
    "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Phan Nguyễn Như Khuê"),
    "citations": {
        ("45", "CT/TW"): (IMPL, "2025-04-14", "Bộ Chính trị"),
        ("450", "KH/TU"): (IMPL, "2025-08-20", "Ban Thường vụ Thành ủy"),
    },
}

# the parent document told as news ("Ngày 15/3/2024, Ban Bí thư ban hành Chỉ thị số 30-CT/TW ... Để triển khai ...")
EXPECTED["narrative_opening_plan"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "210-KH/TU",
    "date": "2024-05-10",
    "place": "Việt Trì",
    "issuer": Any("Tỉnh ủy Phú Thọ", "Ban Thường vụ Tỉnh ủy"),
    "issuer_parent": None,
    "title": "tăng cường công tác thông tin cơ sở trên địa bàn tỉnh",
    "sections": [("I. MỤC ĐÍCH, YÊU CẦU", "purpose"), ("II. TỔ CHỨC THỰC HIỆN", "implementation")],
    "units": ["Ban Tuyên giáo Tỉnh ủy"],
    "recipients": [("Ban Bí thư", "báo cáo"), ("Lưu VPTU", None)],
    "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ THƯỜNG TRỰC", "Bùi Minh Châu"),
    "citations": {
        ("30", "CT/TW"): (IMPL, "2024-03-15", "Ban Bí thư"),
        ("01", "KL/TW"): (MENT, "2021-05-18", "Bộ Chính trị"),
    },
}

# recipients printed one a line without dashes
EXPECTED["undashed_recipients"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "302-KH/HU",
    "date": "2024-01-16",
    "place": "Yên Thế",
    "issuer": Any("Huyện ủy Yên Thế", "Ban Thường vụ Huyện ủy"),
    "issuer_parent": None,
    "title": "tổ chức các hoạt động mừng Đảng, mừng Xuân Giáp Thìn năm 2024",
    "sections": [("I. MỤC ĐÍCH, YÊU CẦU", "purpose"), ("II. TỔ CHỨC THỰC HIỆN", "implementation")],
    "units": ["Ban Tuyên giáo Huyện ủy", "Ủy ban nhân dân huyện"],
    "recipients": [
        ("Ban Thường vụ Tỉnh ủy", "báo cáo"),
        ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
        ("Các tổ chức cơ sở đảng", None),
        ("Lưu VP", None),
    ],
    "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ", "Nguyễn Văn Phương"),
    "citations": {("215", "KH/TU"): (IMPL, "2024-01-05", "Ban Thường vụ Tỉnh ủy")},
}

# Word -> Markdown with the header and the closing in table cells whose lines are joined by <br>
EXPECTED["markdown_table_br_header"] = {
    "kind": "HƯỚNG DẪN",
    "symbol": "45-HD/BTGTU",
    "date": "2024-02-22",
    "place": "Lào Cai",
    "issuer": "Ban Tuyên giáo Tỉnh ủy",
    "issuer_parent": "Tỉnh ủy Lào Cai",
    "title": "tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam",
    "sections": [("I. MỤC ĐÍCH, YÊU CẦU", "purpose"), ("II. TỔ CHỨC THỰC HIỆN", "implementation")],
    "units": ["Ban tuyên giáo các huyện ủy, thị ủy, thành ủy", "Báo Lào Cai"],
    "recipients": [("Ban Tuyên giáo Trung ương", "báo cáo"), ("Lưu BTG", None)],
    "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Nguyễn Văn Khánh"),
    "citations": {("180", "KH/TU"): (IMPL, "2024-02-10", "Ban Thường vụ Tỉnh ủy")},
}

# the signed mark printed on the name line: "(Đã ký) Trần Văn Huyến"
EXPECTED["signed_mark_inline"] = {
    "kind": "KẾ HOẠCH",
    "symbol": "160-KH/HU",
    "date": "2023-08-08",
    "place": "Châu Thành A",
    "issuer": Any("Huyện ủy Châu Thành A", "Ban Thường vụ Huyện ủy"),
    "issuer_parent": "Đảng bộ tỉnh Hậu Giang",
    "title": "tuyên truyền kỷ niệm 78 năm Cách mạng tháng Tám và Quốc khánh 2/9",
    "sections": [("I. MỤC ĐÍCH, YÊU CẦU", "purpose"), ("II. TỔ CHỨC THỰC HIỆN", "implementation")],
    "units": ["Ban Tuyên giáo Huyện ủy", "Huyện đoàn"],
    "recipients": [("Ban Tuyên giáo Tỉnh ủy", "báo cáo"), ("Lưu VP", None)],
    "signer": ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ, BÍ THƯ", "Trần Văn Huyến"),
    "citations": {("95", "HD/BTGTU"): (IMPL, "2023-07-25", "Ban Tuyên giáo Tỉnh ủy")},
}

# implementation items opening with "Đối với ..." (dropped like "Đề nghị" / "Giao")
EXPECTED["implementation_doi_voi"] = {
    "kind": "HƯỚNG DẪN",
    "symbol": "42-HD/BTGHU",
    "date": "2020-04-14",
    "place": "Đức Phổ",
    "issuer": "Ban Tuyên giáo Huyện ủy",
    "issuer_parent": "Huyện ủy Đức Phổ",
    "title": "tuyên truyền đại hội đảng bộ cơ sở nhiệm kỳ 2020 - 2025",
    "sections": [("I. NỘI DUNG TUYÊN TRUYỀN", "content"), ("II. TỔ CHỨC THỰC HIỆN", "implementation")],
    "units": ["Các cấp ủy, tổ chức đảng", "Trung tâm Văn hóa - Thông tin và Thể thao huyện"],
    "recipients": [
        ("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),
        ("Thường trực Huyện ủy", "báo cáo"),
        ("Lưu BTG", None),
    ],
    "signer": ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN", "Võ Thị Lệ"),
    "citations": {
        ("120", "HD/BTGTU"): (IMPL, "2020-04-02", "Ban Tuyên giáo Tỉnh ủy"),
        ("35", "CT/TW"): (MENT, "2019-05-30", "Bộ Chính trị"),
    },
}

# the same web post without the place-date line: the editor's lead gives the date
# ("Ngày 25/02/2025, ... ban hành Chương trình hành động số 30-CTr/TU"), never the "Cập nhật" timestamp
EXPECTED["web_post_lead_date"] = {
    **EXPECTED["web_post_programme"],
    "date": "2025-02-25",
    "place": None,
}
