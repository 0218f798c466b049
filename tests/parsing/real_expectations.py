"""Expected header fields and citations of ../shared/corpus/real, written by hand from reading each file.

The files are website exports (Markdown) of real documents of 2025; there is no
gold. Each entry is what an officer takes from the printed document:

- kind: the type word as printed; a letter (`V/v ...`, `Kính gửi`) prints none and
  is a CÔNG VĂN; a circular whose type word the export lost is still a THÔNG TƯ.
- symbol, date (ISO; a resolution dated by its "thông qua ngày ..." line when the
  export lost the place-date cell; None when the text gives no date of its own).
- issuer: the issuing body in words; the body the opening names more precisely
  ("Ban Bí thư" under "BAN CHẤP HÀNH TRUNG ƯƠNG") wins.
- title: the trích yếu, lines joined (compared like the scorer: similarity >= 0.9).
- cites: (number, symbol) of documents the text cites, at least the numbered ones
  of the opening "Căn cứ ..." lines; `symbol` None for a citation by number alone.

`Any(...)` lists readings the conventions leave open.
"""

from __future__ import annotations

from typing import Any as _Any

from unseen_expectations import Any

CV = "CÔNG VĂN"
QD = "QUYẾT ĐỊNH"
NQ = "NGHỊ QUYẾT"
ND = "NGHỊ ĐỊNH"
TB = "THÔNG BÁO"
TT = "THÔNG TƯ"

_UBTVQH = "Ủy ban Thường vụ Quốc hội"
_NQ_CITES = {("203", "2025/QH15"), ("72", "2025/QH15"), ("76", "2025/UBTVQH15")}
_TTHC_CITES = {("63", "2010/NĐ-CP"), ("92", "2017/NĐ-CP"), ("118", "2025/NĐ-CP")}
_HQ = "Cục Hải quan"


def _arrange(
    province: str, symbol: str, proposal: str, scheme: str, check: str, *, np202: bool = True
) -> dict[str, _Any]:
    """The UBTVQH resolutions on communes of one province share their layout."""
    cites = set(_NQ_CITES) | {
        (proposal, "TTr-CP"),
        (scheme, "ĐA-CP"),
        (check.split("/")[0], check.split("/", 1)[1]),
    }
    if np202:
        cites.add(("202", "2025/QH15"))
    return {
        "kind": NQ,
        "symbol": symbol,
        "date": "2025-06-16",
        "issuer": _UBTVQH,
        "title": f"Về việc sắp xếp các đơn vị hành chính cấp xã của {province} năm 2025",
        "cites": cites,
    }


REAL: dict[str, dict[str, _Any]] = {
    "r01": {
        "kind": "KẾ HOẠCH",
        "symbol": "0134/KH-UBND",
        "date": "2025-11-25",
        "issuer": "Ủy ban nhân dân tỉnh Đắk Lắk",
        "title": "Quan trắc, cảnh báo môi trường tại một số vùng nuôi trồng thủy sản trên địa bàn tỉnh "
        "Đắk Lắk, giai đoạn 2026- 2030",
        "cites": {
            ("08", "2022/NĐ-CP"),
            ("05", "2025/NĐ-CP"),
            ("1746", "QĐ-TTg"),
            ("1747", "QĐ-TTg"),
            ("32", "2014/TT-BNNPTNT"),
            ("04", "2016/TT-BNNPTNT"),
            ("12", "2024/TT-BNNPTNT"),
            ("10", "2021/TT-BTNMT"),
            ("4255", "QĐ-BNN-KHCN"),
            ("513", "QĐ-TCTS-NTTS"),
            ("1529", "QĐ-UBND"),
            ("339", "QĐ-TTg"),
        },
    },
    "r02": {
        "kind": QD,
        "symbol": "01814/QĐ-UBND",
        "date": "2025-11-21",
        "issuer": "Ủy ban nhân dân tỉnh Cà Mau",
        "title": "Công bố thủ tục hành chính nội bộ được chuẩn hóa lĩnh vực giáo dục và đào tạo thuộc thẩm "
        "quyền giải quyết của Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo, Ủy ban nhân dân cấp xã trên "
        "địa bàn tỉnh Cà Mau",
        "cites": {("1085", "QĐ-TTg"), ("2827", "QĐ-BGDĐT"), ("5563", "TTr-SGDĐT")},
    },
    "r03": {
        "kind": CV,
        "symbol": "11306/VPCP-NN",
        "date": "2025-11-18",
        "issuer": "Văn phòng Chính phủ",
        "title": "V/v đề xuất giải pháp tháo gỡ khó khăn trong việc triển khai Nghị định 136/2025/NĐ-CP",
        "cites": {("16", "CV-HHTACN"), ("136", "2025/NĐ-CP"), ("6902", "VPCP-KSTT")},
    },
    "r04": {
        "kind": CV,
        "symbol": "11583/VPCP-CN",
        "date": "2025-11-26",
        "issuer": "Văn phòng Chính phủ",
        "title": "V/v triển khai Kết luận của Ủy ban Thường vụ Quốc hội về dự án đường Hồ Chí Minh",
        "cites": {("4387", "TB-VPQH"), ("66", "2013/QH13"), ("63", "2022/QH15"), ("1052", "BC-CP")},
    },
    "r05": {
        "kind": QD,
        "symbol": "1486/QĐ-UBND",
        "date": "2025-11-17",
        "issuer": "Ủy ban nhân dân tỉnh Bắc Ninh",
        "title": "Về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung, bãi bỏ trong lĩnh vực "
        "đấu thầu thuộc phạm vi, chức năng quản lý của Sở Tài chính tỉnh Bắc Ninh",
        "cites": {("72", "2025/QH15"), ("02", "2017/TT-VPCP"), ("48", "2013/NĐ-CP")} | _TTHC_CITES,
    },
    "r06": {
        "kind": QD,
        "symbol": "1498/QĐ-UBND",
        "date": "2025-11-18",
        "issuer": "Ủy ban nhân dân tỉnh Ninh Bình",
        "title": "Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính không phụ thuộc địa giới "
        "hành chính thuộc thẩm quyền giải quyết của Sở Văn hóa và Thể thao, UBND cấp xã",
        "cites": {("03", "2025/TT-VPCP")} | _TTHC_CITES,
    },
    "r07": {
        "kind": ND,
        "symbol": "158/2025/NĐ-CP",
        "date": None,
        "issuer": "Chính phủ",
        "title": "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo hiểm "
        "xã hội bắt buộc",
        "cites": {("142", "2024/QH15"), ("09", "1998/NĐ-CP"), ("91", "2000/QĐ-TTg")},
    },
    "r08": {
        "kind": ND,
        "symbol": "16/2025/NĐ-CP",
        "date": None,
        "issuer": "Chính phủ",
        "title": "Sửa đổi, bổ sung một số điều của Nghị định số 72/2020/NĐ-CP ngày 30 tháng 6 năm 2020 của "
        "Chính phủ quy định chi tiết một số điều của Luật Dân quân tự vệ về tổ chức xây dựng lực lượng và "
        "chế độ, chính sách đối với Dân quân tự vệ",
        "cites": {("72", "2020/NĐ-CP"), ("104", "2023/QH15"), ("142", "2024/QH15")},
    },
    "r09": {
        "kind": QD,
        "symbol": "1610/QĐ-TTPVHCC",
        "date": "2025-11-25",
        "issuer": Any(
            "Trung tâm Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công thành phố Hà Nội"
        ),
        "title": "Phê duyệt phương án tái cấu trúc, liên thông quy trình thực hiện nghĩa vụ tài chính đối với "
        "thủ tục hành chính lĩnh vực đất đai trên địa bàn thành phố Hà Nội",
        "cites": {("151", "2025/NĐ-CP"), ("45", "2020/NĐ-CP"), ("01", "2023/TT-VPCP"), ("1716", "QĐ-UBND")},
    },
    "r10": _arrange("tỉnh An Giang", "1654/NQ-UBTVQH15", "394", "395", "412/BC-UBPLTP15"),
    "r11": _arrange("tỉnh Cà Mau", "1655/NQ-UBTVQH15", "363", "364", "414/BC-UBPLTP15"),
    "r12": _arrange("tỉnh Bắc Ninh", "1658/NQ-UBTVQH15", "396", "397", "413/BC-UBPLTP15"),
    "r13": _arrange("tỉnh Điện Biên", "1661/NQ-UBTVQH15", "347", "348", "419/BC-UBPLTP15", np202=False),
    "r14": _arrange("tỉnh Đồng Nai", "1662/NQ-UBTVQH15", "378", "379", "420/BC-UBTPPL15"),
    "r15": _arrange("tỉnh Đồng Tháp", "1663/NQ-UBTVQH15", "376", "377", "421/BC-UBPLTP15"),
    "r16": _arrange("thành phố Cần Thơ", "1668/NQ-UBTVQH15", "370", "371", "415/BC-UBPLTP15"),
    "r17": {
        "kind": ND,
        "symbol": "170/2025/NĐ-CP",
        "date": None,
        "issuer": "Chính phủ",
        "title": "Quy định về tuyển dụng, sử dụng và quản lý công chức",
        "cites": {("135", "2020/NĐ-CP")},
    },
    "r18": {
        "kind": ND,
        "symbol": "171/2025/NĐ-CP",
        "date": "2025-06-30",
        "issuer": "Chính phủ",
        "title": "Quy định về đào tạo, bồi dưỡng công chức",
        "cites": set(),
    },
    "r19": {
        "kind": ND,
        "symbol": "172/2025/NĐ-CP",
        "date": "2025-06-30",
        "issuer": "Chính phủ",
        "title": "Quy định về xử lý kỷ luật cán bộ, công chức",
        "cites": set(),
    },
    "r20": {
        "kind": CV,
        "symbol": "17986/BTC-CT",
        "date": "2025-11-19",
        "issuer": "Bộ Tài chính",
        "title": "V/v Phổ biến Cẩm nang nghiệp vụ thuế dành cho công chức cấp xã",
        "cites": {("126", "2020/NĐ-CP")},
    },
    "r21": {
        "kind": QD,
        "symbol": "1994/QĐ-UBND",
        "date": "2025-11-24",
        "issuer": "Ủy ban nhân dân tỉnh Cao Bằng",
        "title": "Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính trong các lĩnh vực thực "
        "hiện không phụ thuộc vào địa giới hành chính trong phạm vi toàn tỉnh thuộc thẩm quyền giải quyết "
        "của Sở Giáo dục và Đào tạo, Ủy ban nhân dân cấp xã tỉnh Cao Bằng",
        "cites": set(),
    },
    "r22": {
        "kind": TT,
        "symbol": "21/2025/TT-BGDĐT",
        "date": None,
        "issuer": "Bộ Giáo dục và Đào tạo",
        "title": "Quy định chế độ trả tiền lương dạy thêm giờ đối với nhà giáo trong các cơ sở giáo dục công lập",
        "cites": {
            ("43", "2019/QH14"),
            ("45", "2019/QH14"),
            ("37", "2025/NĐ-CP"),
            ("204", "2004/NĐ-CP"),
            ("145", "2020/NĐ-CP"),
        },
    },
    "r23": {
        "kind": QD,
        "symbol": "2533/QĐ-UBND",
        "date": "2025-11-20",
        "issuer": "Ủy ban nhân dân thành phố Cần Thơ",
        "title": "Về việc công bố thủ tục hành chính lĩnh vực tư pháp thuộc thẩm quyền giải quyết của Sở Tư "
        "pháp/UBND cấp xã thành phố Cần Thơ",
        "cites": set(),
    },
    "r24": {
        "kind": QD,
        "symbol": "2637/QĐ-UBND",
        "date": "2025-11-16",
        "issuer": "Ủy ban nhân dân tỉnh Vĩnh Long",
        "title": "Công bố danh mục 12 thủ tục hành chính được sửa đổi, bổ sung và 01 thủ tục hành chính bị "
        "bãi bỏ trong lĩnh vực chứng thực thuộc phạm vi chức năng quản lý của Sở Tư pháp tỉnh Vĩnh Long "
        "(thủ tục hành chính thực hiện không phụ thuộc vào địa giới hành chính)",
        "cites": set(),
    },
    "r25": {
        "kind": QD,
        "symbol": "2833/QĐ-UBND",
        "date": "2025-11-19",
        "issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh",
        "title": "Về việc công bố danh mục thủ tục hành chính mới ban hành và được sửa đổi, bổ sung lĩnh vực "
        "địa chất và khoáng sản thuộc phạm vi chức năng quản lý của Sở Nông nghiệp và Môi trường",
        "cites": set(),
    },
    "r26": {
        "kind": QD,
        "symbol": "2932/QĐ-UBND",
        "date": "2025-11-20",
        "issuer": "Ủy ban nhân dân tỉnh Lai Châu",
        "title": "Về việc công bố danh mục thủ tục hành chính ban hành mới; sửa đổi, bổ sung và phê duyệt quy "
        "trình nội bộ giải quyết thủ tục hành chính trong lĩnh vực hoạt động khoa học và công nghệ thuộc "
        "phạm vi, chức năng quản lý của Sở Khoa học và Công nghệ tỉnh Lai Châu",
        "cites": set(),
    },
    "r27": {
        "kind": QD,
        "symbol": "3005/QĐ-UBND",
        "date": "2025-12-01",
        "issuer": "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "title": "Công bố danh mục và quy trình nội bộ thủ tục hành chính sửa đổi, bổ sung lĩnh vực giám "
        "định thuộc thẩm quyền giải quyết của Sở Y tế trên địa bàn tỉnh Hà Tĩnh",
        "cites": {("63", "2010/NĐ-CP")},
    },
    "r28": {
        "kind": TB,
        "symbol": "37689/TB-CHQ",
        "date": "2025-11-21",
        "issuer": _HQ,
        "title": "Về kết quả xác định trước mã số",
        "cites": {("08", "2015/NĐ-CP")},
    },
    "r29": {
        "kind": QD,
        "symbol": "3769/QĐ-UBND",
        "date": "2025-11-19",
        "issuer": "Ủy ban nhân dân tỉnh Nghệ An",
        "title": "Ban hành danh mục thủ tục hành chính lĩnh vực nông nghiệp và môi trường thực hiện không phụ "
        "thuộc vào địa giới hành chính trong phạm vi cấp tỉnh trên địa bàn tỉnh Nghệ An",
        "cites": {
            ("45", "2020/NĐ-CP"),
            ("118", "2025/NĐ-CP"),
            ("03", "2025/TT-VPCP"),
            ("10720", "TTr-SNNMT-VP"),
        },
    },
    "r30": {
        "kind": CV,
        "symbol": "3799/CHQ-GSQL",
        "date": "2025-11-25",
        "issuer": _HQ,
        "title": "V/v khai bổ sung",
        "cites": {("25-2303", "PBHC-KD")},
    },
    "r31": {
        "kind": "QUY ĐỊNH",
        "symbol": "383-QĐ/TW",
        "date": "2025-11-19",
        "issuer": "Ban Bí thư",
        "title": "Về Phông lưu trữ Đảng Cộng sản Việt Nam",
        "cites": {("33", "2024/QH15"), ("29", "2018/QH14")},
    },
    "r32": {
        "kind": CV,
        "symbol": "39209/CHQ-GSQL",
        "date": "2025-12-01",
        "issuer": _HQ,
        "title": "V/v hướng dẫn thủ tục hải quan",
        "cites": set(),
    },
    "r33": {
        "kind": TB,
        "symbol": "39305/TB-CHQ",
        "date": "2025-12-01",
        "issuer": _HQ,
        "title": "Về kết quả xác định trước mã số",
        "cites": set(),
    },
    "r34": {
        "kind": CV,
        "symbol": "39365/CHQ-GSQL",
        "date": "2025-12-02",
        "issuer": _HQ,
        "title": "V/v nhập khẩu hàng hóa",
        "cites": set(),
    },
    "r35": {
        "kind": TB,
        "symbol": "39693/TB-CHQ",
        "date": "2025-12-02",
        "issuer": _HQ,
        "title": "Về kết quả xác định trước mã số",
        "cites": set(),
    },
    "r36": {
        "kind": TT,
        "symbol": "54/2025/TT-BCT",
        "date": "2025-11-21",
        "issuer": "Bộ Công Thương",
        "title": "Sửa đổi, bổ sung một số điều của Thông tư số 09/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ "
        "trưởng Bộ Công Thương quy định hồ sơ, trình tự, thủ tục, phương pháp xác định, phê duyệt khung giá "
        "phát điện; quy định hồ sơ, trình tự, thủ tục xây dựng, phê duyệt khung giá nhập khẩu điện và Thông "
        "tư số 12/2025/TT-BCT ngày 01 tháng 02 năm 2025 của Bộ trưởng Bộ Công Thương quy định phương pháp "
        "xác định giá dịch vụ phát điện; nguyên tắc tính giá điện để thực hiện dự án điện lực; nội dung "
        "chính của hợp đồng mua bán điện",
        "cites": {("61", "2024/QH15"), ("40", "2025/NĐ-CP"), ("09", "2025/TT-BCT"), ("12", "2025/TT-BCT")},
    },
    "r37": {
        "kind": CV,
        "symbol": "5664/CT-CS",
        "date": "2025-12-01",
        "issuer": "Cục Thuế",
        "title": "V/v chính sách thuế",
        "cites": set(),
    },
    "r38": {
        "kind": CV,
        "symbol": "5680/CT-CS",
        "date": "2025-12-01",
        "issuer": "Cục Thuế",
        "title": "V/v thuế TNCN từ tiền lương, tiền công",
        "cites": {("1879", "CV/BTGVTW")},
    },
    "r39": {
        "kind": QD,
        "symbol": "80/2025/QĐ-UBND",
        "date": "2025-11-24",
        "issuer": "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "title": "Bãi bỏ Quyết định số 15/2025/QĐ-UBND ngày 01/3/2025 của Ủy ban nhân dân tỉnh ban hành Quy "
        "định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ",
        "cites": {("15", "2025/QĐ-UBND"), ("72", "2025/QH15")},
    },
}
