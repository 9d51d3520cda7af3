"""The import's check page marks the fields the reader was unsure of, from the confidence
of the rule that read each one (docparse's `confidence`), not from a fixed list."""

from phongtrao.plans.tests.test_import_plan_from_document import read


def test_the_check_page_marks_the_fields_read_with_little_confidence(people):
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 9/KH-UBND | Hồng Phong, ngày 5 tháng 3 năm 2024 |\n"
        "KẾ HOẠCH\nRa quân làm đường\nUBND xã Hồng Phong ban hành kế hoạch như sau:\nI. MỤC ĐÍCH\nLàm tốt.\n"
    )
    page = read(people.client(people.commune_officer), "kh.txt", text.encode(), people.commune)
    # the header lost its unit's line: the issuer is taken from the text (0.75), the title from the kind line
    assert page.context["form"].initial["issuer_name"] == "UBND xã Hồng Phong"
    assert "issuer_name" in page.context["uncertain"] and "title" not in page.context["uncertain"]
    assert 'class="field uncertain"><label for="id_issuer_name"' in page.content.decode()
