"""A commune imports the district's plan from its Word file or PDF in minutes."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from phongtrao.docparse.tests.test_read_docx_and_pdf import plan_docx
from phongtrao.plans.models import Plan, PlanStatus
from phongtrao.testing import make_plan

SEED_004 = "data/seeds/004_5da13a640b551be6.txt"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_the_parse_endpoint_returns_the_contract(people):
    client = people.client(people.village_head)
    response = client.post("/api/parse", {"file": upload("kh.docx", plan_docx())})
    assert response.status_code == 200
    assert response.json()["number"] == "15/KH-UBND" and response.json()["issuer"] == "UBND xã Hồng Thái"
    bad = client.post("/api/parse", {"file": upload("kh.docx", b"not a zip")})
    assert bad.status_code == 422 and "docx" in bad.json()["errors"]["file"][0]
    assert people.client(None).post("/api/parse", {"file": upload("kh.docx", plan_docx())}).status_code == 401


def read(client, name, data, unit):
    return client.post("/plans/import/", {"unit": unit.pk, "file": upload(name, data)})


def resubmit(page) -> dict:
    """What the browser sends back from the check page, untouched."""
    data = {}
    forms = [page.context["form"], page.context["unit_form"]]
    for formset in page.context["formsets"].values():
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.forms))
        data[f"{formset.prefix}-INITIAL_FORMS"] = "0"
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value not in (None, ""):
                data[form[name].html_name] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def test_a_word_plan_is_read_checked_and_saved_linked_to_its_parent(people):
    parent = make_plan(
        people,
        unit=people.district,
        issued=True,
        full_number="122/KH-UBND",
        issue_date=dt.date(2023, 4, 5),
        period_end=dt.date(2023, 12, 31),
    )
    client = people.client(people.commune_officer)
    assert client.get("/plans/import/").status_code == 200
    page = read(client, "ke-hoach.docx", plan_docx(), people.commune)
    assert page.status_code == 200
    assert page.context["form"].initial["full_number"] == "15/KH-UBND"
    assert "period_start" in page.context["uncertain"]  # not in the document: marked for checking
    response = client.post("/plans/import/", resubmit(page))
    plan = Plan.objects.exclude(pk=parent.pk).get()
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.status == PlanStatus.DRAFT and plan.unit == people.commune
    assert plan.parent == parent  # 122/KH-UBND of 05/4/2023 is in the system
    assert (plan.full_number, plan.issue_date, plan.signer_name) == (
        "15/KH-UBND",
        dt.date(2023, 4, 7),
        "Lương Hoàng Đụng",
    )
    assert plan.targets.get().value == Decimal(100)
    assert [d.assignee_text for d in plan.duties.all()] == ["Công chức Văn hóa – Xã hội"]
    assert [r.text for r in plan.recipients.all()] == ["UBND huyện"]


def test_a_seed_text_imports_with_all_its_targets(people):
    client = people.client(people.district_officer)
    page = read(client, "004.txt", Path(SEED_004).read_bytes(), people.district)
    data = resubmit(page)
    data["issue_date"] = "2020-01-15"  # the copy lost its date: the official adds it
    client.post("/plans/import/", data)
    plan = Plan.objects.get()
    assert plan.targets.count() == 15 and plan.duties.count() == 6
    assert plan.duties.get(assignee_level="commune").assignee_text == "Ủy ban nhân dân các xã, thị trấn"
    assert plan.sections.filter(depth=0).count() == 3


def test_unreadable_files_and_outsiders_are_refused(people):
    client = people.client(people.commune_officer)
    page = read(client, "kh.docx", b"PK\x03\x04 broken", people.commune)
    assert page.status_code == 200 and "docx" in page.context["form"].errors["file"][0]
    outsider = read(people.client(people.outsider), "kh.docx", plan_docx(), people.commune)
    assert "unit" in outsider.context["form"].errors  # not a unit they may write for
    assert not Plan.objects.exists()
    assert people.client(None).get("/plans/import/").status_code == 302
