"""Reading a document the system already holds (same number, issuer and date, or same
title and issuer) says so on the check page and in /api/parse, links to it, and makes a
second draft only when the person ticks “Vẫn lưu thành dự thảo mới”. A plan out of the
reader's sight is neither shown nor counted."""

from phongtrao.docparse.tests.test_read_docx_and_pdf import plan_docx
from phongtrao.plans.models import Plan
from phongtrao.plans.tests.test_import_plan_from_document import read, resubmit, upload


def _first_import(people) -> Plan:
    client = people.client(people.commune_officer)
    client.post("/plans/import/", resubmit(read(client, "ke-hoach.docx", plan_docx(), people.commune)))
    return Plan.objects.get()


def test_the_same_document_read_again_is_shown_and_not_saved_twice_unasked(people):
    first = _first_import(people)
    client = people.client(people.commune_officer)
    page = read(client, "ke-hoach-ban-sao.docx", plan_docx(), people.commune)
    assert page.context["known"] == [first]
    html = page.content.decode()
    assert "Văn bản này đã có trong hệ thống" in html and f'href="/plans/{first.pk}/"' in html
    refused = client.post("/plans/import/", resubmit(page))
    assert refused.status_code == 200 and Plan.objects.count() == 1
    assert "Vẫn lưu thành dự thảo mới" in refused.content.decode()
    assert refused.context["known"] == [first]
    # the same number of the same issuer and year is never taken twice, even when asked
    again = client.post("/plans/import/", {**resubmit(page), "anyway": "1"})
    assert "Số 15/KH-UBND đã được UBND xã Hồng Thái dùng trong năm 2023." in again.content.decode()
    assert Plan.objects.count() == 1


def test_the_same_title_and_issuer_without_its_number_is_saved_again_only_when_asked(people):
    first = _first_import(people)
    Plan.objects.filter(pk=first.pk).update(number="", symbol="", issuer_name="Ủy ban nhân dân xã Hồng Thái")
    client = people.client(people.commune_officer)
    page = read(client, "kh.docx", plan_docx(), people.commune)
    assert page.context["known"] == [first]  # “UBND xã Hồng Thái” is the same issuer
    assert client.post("/plans/import/", resubmit(page)).status_code == 200 and Plan.objects.count() == 1
    saved = client.post("/plans/import/", {**resubmit(page), "anyway": "1"})
    assert saved.status_code == 302 and Plan.objects.count() == 2


def test_the_api_names_the_known_plans(people):
    first = _first_import(people)
    parsed = people.client(people.commune_officer).post("/api/parse", {"file": upload("kh.docx", plan_docx())})
    assert [(p["id"], p["number"]) for p in parsed.json()["known_plans"]] == [(first.pk, "15/KH-UBND")]


def test_a_plan_out_of_sight_is_not_revealed(people):
    _first_import(people)  # a draft of Hồng Phong, which the outsider of Tân Lập does not see
    outsider = people.client(people.outsider)
    page = read(outsider, "kh.docx", plan_docx(), people.other_commune)
    assert page.context["known"] == []
    assert outsider.post("/api/parse", {"file": upload("kh.docx", plan_docx())}).json()["known_plans"] == []
    saved = outsider.post("/plans/import/", resubmit(page))
    assert saved.status_code == 302 and Plan.objects.count() == 2
