"""Layouts the seeds do not have: a party committee's plan copied from a web page, with
its number under the issuer, phases as dashes, a deadline without a year, a flattened
recipients line and "(Đã ký)" in the signature."""

from pathlib import Path

from phongtrao.docparse import parse_bytes

DOCUMENTS = Path(__file__).parent / "documents"


def test_a_party_plan_copied_from_the_web():
    parsed = parse_bytes((DOCUMENTS / "party_plan_web_copy.txt").read_bytes(), "kh.txt")
    assert (parsed["doc_type"], parsed["number"], parsed["symbol"]) == ("KE_HOACH", "15-KH/ĐU", "KH/ĐU")
    assert (parsed["issuer"], parsed["place"], parsed["issue_date"]) == (
        "Đảng ủy xã Kim Liên",
        "Kim Liên",
        "2024-01-05",
    )
    assert parsed["title"].endswith("giai đoạn 2024 - 2025")
    assert [(r["number"], r["date"]) for r in parsed["basis_refs"]] == [
        ("318/QĐ-TTg", "2022-03-08"),
        ("102-KH/HU", "2023-12-20"),
    ]
    assert parsed["period"] == {"start": "2024-03-01", "end": "2024-12-31"}
    assert [p["name"] for p in parsed["phases"]] == ["Giai đoạn 1", "Giai đoạn 2"]
    assert [d["date"] for d in parsed["deadlines"]] == ["2024-03-15", "2024-12-31"]
    assert [(t["value"], t["unit"], t.get("comparator")) for t in parsed["targets"]] == [
        (100, "%", None),
        (72000000, "VND", ">"),
        (1.5, "%", "<"),
    ]
    assert parsed["assignees"] == ["Ủy ban nhân dân xã", "Mặt trận Tổ quốc và các đoàn thể", "Các chi bộ thôn"]
    assert parsed["reports"] == [
        {"from": "Mặt trận Tổ quốc và các đoàn thể", "to": "Đảng ủy xã", "frequency": "quarterly"}
    ]
    assert parsed["recipients"] == ["Ban Thường vụ Huyện ủy", "Các chi bộ"]
    assert parsed["signer"] == {"name": "Nguyễn Văn Thành", "authority": "T/M ĐẢNG ỦY", "title": "BÍ THƯ"}


def test_a_signer_named_in_capitals():
    from phongtrao.docparse import parse_text

    text = "KẾ HOẠCH\nThử\nI. NỘI DUNG\nLàm.\nNơi nhận:\n- UBND huyện;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHOÀNG THỊ THU HÀ\n"
    assert parse_text(text)["signer"] == {
        "name": "Hoàng Thị Thu Hà",
        "authority": "KT. CHỦ TỊCH",
        "title": "PHÓ CHỦ TỊCH",
    }


def test_a_signature_before_the_recipients_and_a_title_on_the_kind_line():
    from phongtrao.docparse import parse_text

    text = (
        "UBND HUYỆN ĐỒI CHÈ\nPHÒNG NÔNG NGHIỆP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 7/KH-NN\n"
        "Đồi Chè, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH TRIỂN KHAI CHƯƠNG TRÌNH OCOP NĂM 2024\n"
        "I. NỘI DUNG\nLàm tốt.\nTrên đây là kế hoạch./.\nKT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nTrần Thị Mai\n"
        "Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\n"
    )
    parsed = parse_text(text)
    assert parsed["doc_type"] == "KE_HOACH" and parsed["title"] == "TRIỂN KHAI CHƯƠNG TRÌNH OCOP NĂM 2024"
    assert parsed["issuer"] == "Phòng Nông nghiệp huyện Đồi Chè"
    assert parsed["signer"] == {"name": "Trần Thị Mai", "authority": "KT. TRƯỞNG PHÒNG", "title": "PHÓ TRƯỞNG PHÒNG"}
    assert parsed["recipients"] == ["UBND huyện"]
