import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phongtrao.testing import make_plan


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_plan_list_does_not_grow_queries_with_plans(people):
    client = people.client(people.commune_officer)
    make_plan(people, unit=people.district, issued=True)
    make_plan(people, title="Kế hoạch xã")
    filtered = f"/plans/?unit={people.commune.pk}&year=2023&q=Kế"
    few, few_filtered = count_queries(client, "/plans/"), count_queries(client, filtered)
    for n in range(8):
        make_plan(people, title=f"Kế hoạch {n}", unit=people.village if n % 2 else people.commune)
    assert count_queries(client, "/plans/") == few
    assert count_queries(client, filtered) == few_filtered


def test_the_list_filters_by_status_kind_and_text(people):
    make_plan(people, title="Ngày thứ Bảy đi cơ sở", kind="movement", issued=True)
    make_plan(people, title="Phát động thi đua", kind="emulation")
    client = people.client(people.commune_officer)
    assert "thứ Bảy" in client.get("/plans/?status=in_progress").content.decode()
    assert "thứ Bảy" not in client.get("/plans/?kind=emulation").content.decode()
    page = client.get("/plans/?q=Phát động").content.decode()
    assert "Phát động thi đua" in page and "thứ Bảy" not in page


def test_the_detail_page_is_laid_out_like_the_document(people):
    plan = make_plan(
        people,
        issued=True,
        full_number="42/KH-UBND",
        place="Hồng Phong",
        signer_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
    )
    page = people.client(None).get(f"/plans/{plan.pk}/document/").content.decode()
    for part in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 42/KH-UBND",
        "Hồng Phong, ngày 20 tháng 2 năm 2023",
        "KẾ HOẠCH",
        "TM. ỦY BAN NHÂN DÂN",
        "Nơi nhận",
        "01/03/2023",
    ]:
        assert part in page, part


@pytest.mark.parametrize("path", ["", "edit/", "history/", "derive/"])
def test_an_outsider_gets_404_for_a_draft(people, path):
    plan = make_plan(people)
    assert people.client(people.outsider).get(f"/plans/{plan.pk}/{path}").status_code == 404


def test_a_viewer_cannot_use_the_write_pages(people):
    plan = make_plan(people)
    client = people.client(people.commune_viewer)
    assert client.get(f"/plans/{plan.pk}/edit/").status_code == 403
    for action in ("issue", "cancel", "close", "delete"):
        assert client.post(f"/plans/{plan.pk}/{action}/").status_code == 403, action
    assert client.get("/plans/new/").status_code == 200  # the page opens, with no unit to choose
    assert (
        client.post(
            "/plans/new/", {"unit": people.commune.pk, "title": "x", "issuer_name": "x", "kind": "emulation"}
        ).status_code
        == 200
    )


def test_pages_render_in_english_too(people):
    plan = make_plan(people, issued=True)
    client = people.client(None)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "History of changes" in page and "Lịch sử thay đổi" not in page
    assert "Kế hoạch thử" in page  # the document itself stays as written


def test_search_ignores_case_and_diacritics(people):
    make_plan(people, title="Ngày thứ Bảy đi cơ sở", issued=True)
    client = people.client(None)
    for query in ["thứ bảy", "THU BAY", "ngay thu bay di co so", "UBND Hồng Phong"]:
        assert "Ngày thứ Bảy đi cơ sở" in client.get("/plans/", {"q": query}).content.decode(), query
    assert "Ngày thứ Bảy" not in client.get("/plans/", {"q": "chủ nhật"}).content.decode()
