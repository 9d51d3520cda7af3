import datetime as dt

import pytest

from phongtrao.docparse import dates, parse_text
from phongtrao.docparse.text import fold, new_tones, normalise

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hồng Thái, ngày 7 tháng 4 năm 2023", D(2023, 4, 7)),
        ("ngày  15  tháng 02  năm 2022", D(2022, 2, 15)),
        ("Kế hoạch số 122/KH-UBND ngày 05/4/2023", D(2023, 4, 5)),
        ("Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21", D(2021, 7, 16)),
        ("ngày20/9/2011", D(2011, 9, 20)),
        ("ngày 31/02/2023", None),
    ],
)
def test_dates_in_every_form_the_documents_use(text, expected):
    assert dates.first_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đợt 1: Từ 01/3/2023 đến 30/4/2023", (D(2023, 3, 1), D(2023, 4, 30))),
        ("(từ ngày 01/3 đến 30/4/2023)", (D(2023, 3, 1), D(2023, 4, 30))),
        ("từ tháng 5/2024 đến tháng 9/2024", (D(2024, 5, 1), D(2024, 9, 30))),
        ("Ngày 16/2/2022 đến ngày 30/12/2022", (D(2022, 2, 16), D(2022, 12, 30))),
        ("từ ngày 1 tháng 3 năm 2023 đến ngày 30 tháng 6 năm 2023", (D(2023, 3, 1), D(2023, 6, 30))),
    ],
)
def test_date_ranges_take_the_year_from_context(text, expected):
    assert dates.date_range(text) == expected


def test_quarters_end_on_their_last_day():
    assert dates.quarter_end("trong Quý III/2023") == D(2023, 9, 30)
    assert dates.quarter_end("quý 4/2024") == D(2024, 12, 31)


def plan(body: str) -> str:
    return f"KẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n{body}\nII. TỔ CHỨC THỰC HIỆN\n1. UBND xã\nThực hiện.\n"


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ("- Có 61,5% số xã đạt chuẩn nông thôn mới.", {"value": 61.5, "unit": "%"}),
        ("- Quỹ đạt trên 134 triệu đồng.", {"value": 134000000, "unit": "VND", "comparator": ">"}),
        ("- Tỷ lệ tăng dân số tự nhiên 15,9‰.", {"value": 15.9, "unit": "‰"}),
        ("- Suy dinh dưỡng dưới 22%.", {"value": 22, "unit": "%", "comparator": "<"}),
        ("- Tỷ lệ hài lòng từ 80% trở lên.", {"value": 80, "unit": "%", "comparator": ">="}),
        ("- Xây dựng ít nhất 01 mô hình điểm.", {"value": 1, "unit": "mô hình", "comparator": ">="}),
        ("- Kinh phí 1.500 triệu đồng.", {"value": 1500000000, "unit": "VND"}),
    ],
)
def test_targets_with_vietnamese_numbers_and_comparators(body, target):
    found = parse_text(plan(body))["targets"]
    assert len(found) == 1 and target.items() <= found[0].items()


def test_old_and_new_tone_placement_are_the_same_word():
    assert new_tones("Uỷ ban nhân dân, văn hoá, hoà bình, thuỷ lợi") == "Ủy ban nhân dân, văn hóa, hòa bình, thủy lợi"
    assert new_tones("quý III, quỹ, hoàn thành, khoẻ") == "quý III, quỹ, hoàn thành, khỏe"
    assert fold(normalise("Văn hoá")) == fold(normalise("Văn hóa")) == "van hoa"


def test_decomposed_unicode_is_composed():
    decomposed = "Ke\u0302\u0301 hoa\u0323ch"
    assert parse_text(f"KẾ HOẠCH\n{decomposed} thử\n")["title"] == "Kế hoạch thử"
