"""The commune chairman issues a reward decision for the nominations approved at the
commune; the decision and one certificate per awardee come out as Word files in the
official layout; an issued decision is never edited, only corrected by a new one."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document

from phongtrao.rewards import services
from phongtrao.rewards.models import Award, RewardDecision, RewardForm
from phongtrao.testing import make_plan


@pytest.fixture
def approved(people):
    plan = make_plan(people, issued=True)
    commune_form = RewardForm.objects.get(code="giay-khen-xa")
    nominations = []
    for user, village, text in [
        (people.village_head, people.village, "Làm 500 m đường bê tông"),
        (people.other_village_head, people.other_village, "Trồng 200 cây xanh"),
    ]:
        pledge = services.pledge_register(
            user=user, plan=plan, unit=village, subject_kind="collective", commitments=text
        )
        nomination = services.nomination_propose(user=user, pledge=pledge, reward_form=commune_form, summary=text)
        nominations.append(
            services.nomination_decide(user=people.commune_approver, nomination=nomination, approve=True)
        )
    services.nominations_disclose(
        user=people.commune_approver, nominations=nominations, day=dt.date(2023, 12, 1), days=7
    )
    return plan, commune_form, nominations


def _issue(people, plan, form, nominations, **overrides):
    fields = {
        "number": "15",
        "date": dt.date(2023, 12, 20),
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn An",
        "amount": Decimal(300_000),
    }
    fields.update(overrides)
    return services.reward_decision_issue(
        user=people.commune_approver, plan=plan, reward_form=form, nominations=nominations, **fields
    )


def _texts(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_decision_rewards_the_approved_and_prints_as_word(people, approved):
    plan, form, nominations = approved
    decision = _issue(people, plan, form, nominations)
    assert [(a.subject_name, a.amount) for a in decision.awards.all()] == [
        ("Thôn Đông", Decimal(300_000)),
        ("Thôn Tây", Decimal(300_000)),
    ]
    word = people.client(None).get(reverse("rewards:decision_docx", args=[decision.pk]))
    text = _texts(word.content)
    assert "Số: 15/QĐ-UBND" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã cho 2 tập thể" in text
    assert "Làm 500 m đường bê tông" in text and "300.000" in text and "Nguyễn Văn An" in text
    document = Document(io.BytesIO(word.content))
    assert document.styles["Normal"].font.name == "Times New Roman"
    certificate = people.client(None).get(reverse("rewards:certificate_docx", args=[decision.awards.first().pk]))
    assert "Thôn Đông" in _texts(certificate.content) and "TẶNG" in _texts(certificate.content)


def test_nothing_is_rewarded_twice_and_a_correction_is_a_new_decision(people, approved):
    plan, form, nominations = approved
    first = _issue(people, plan, form, nominations)
    with pytest.raises(ValidationError, match="đã có quyết định khen thưởng"):
        _issue(people, plan, form, nominations[:1], number="16")
    with pytest.raises(ValidationError, match="đã dùng"):
        _issue(people, plan, form, nominations, number="15", corrects=first)
    corrected = _issue(people, plan, form, nominations, number="17", amount=Decimal(500_000), corrects=first)
    first.refresh_from_db()
    assert first.corrected_by == corrected and first.awards.count() == 2  # the old one stays, marked
    with pytest.raises(ValidationError, match="không thể đính chính"):
        _issue(people, plan, form, nominations, number="18", corrects=first)
    assert Award.objects.filter(decision=corrected).count() == 2


def test_bad_input_and_the_wrong_level_are_refused(people, approved):
    plan, form, nominations = approved
    with pytest.raises(ValidationError) as caught:
        _issue(people, plan, form, nominations, number=" ", amount=Decimal(-1), date=dt.date(2099, 1, 1))
    assert set(caught.value.message_dict) >= {"number", "amount", "date"}
    with pytest.raises(PermissionDenied):
        services.reward_decision_issue(
            user=people.commune_officer,
            plan=plan,
            reward_form=form,
            nominations=nominations,
            number="20",
            date=dt.date(2023, 12, 20),
            signer_title="CHỦ TỊCH",
            signer_name="A",
            amount=Decimal(0),
        )
    district_form = RewardForm.objects.get(code="giay-khen-huyen")
    with pytest.raises(PermissionDenied):  # the district decides its chairman's Giấy khen
        _issue(people, plan, district_form, nominations, number="21")
    with pytest.raises(ValidationError, match="chưa được duyệt"):
        services.reward_decision_issue(
            user=people.district_officer,
            plan=plan,
            reward_form=district_form,
            nominations=nominations,
            number="22",
            date=dt.date(2023, 12, 20),
            signer_title="CHỦ TỊCH",
            signer_name="B",
            amount=Decimal(0),
        )
    assert not RewardDecision.objects.exists()


def test_the_page_issues_and_shows_the_rewards_in_public(people, approved, django_assert_max_num_queries):
    plan, form, nominations = approved
    url = reverse("rewards:plan_decisions", args=[plan.pk])
    approver = people.client(people.commune_approver)
    assert set(approver.get(url).context["form"].fields["nominations"].queryset) == set(nominations)
    assert people.client(people.outsider).get(url).context["form"] is None
    approver.post(
        url,
        {
            "nominations": [n.pk for n in nominations],
            "number": "15",
            "date": "20/12/2023",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Nguyễn Văn An",
            "amount": "300000",
        },
    )
    assert RewardDecision.objects.count() == 1
    public = people.client(None)
    with django_assert_max_num_queries(8):
        page = public.get(url)
    assert "Thôn Tây" in page.content.decode() and page.context["form"] is None  # all rewarded
    draft = make_plan(people)
    assert people.client(people.outsider).get(reverse("rewards:plan_decisions", args=[draft.pk])).status_code == 404


def test_the_api_issues_and_lists_rewards(people, approved):
    plan, _form, nominations = approved
    payload = {
        "plan": plan.pk,
        "nominations": [n.pk for n in nominations],
        "number": "15",
        "date": "2023-12-20",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn An",
        "amount": "300000",
    }
    assert (
        people.client(people.commune_officer).post("/api/rewards", payload, content_type="application/json").status_code
        == 403
    )
    issued = people.client(people.commune_approver).post("/api/rewards", payload, content_type="application/json")
    assert issued.status_code == 200, issued.content
    listed = people.client(None).get("/api/rewards", {"plan": plan.pk}).json()
    assert [(d["number"], len(d["awards"])) for d in listed] == [("15/QĐ-UBND", 2)]
    again = people.client(people.commune_approver).post(
        "/api/rewards", {**payload, "number": "16"}, content_type="application/json"
    )
    assert again.status_code == 422 and "đã có quyết định khen thưởng" in str(again.json()["errors"]["nominations"])


def test_each_unit_keeps_the_reward_history_of_its_people(people, approved, django_assert_max_num_queries):
    plan, form, nominations = approved
    first = _issue(people, plan, form, nominations)
    _issue(people, plan, form, nominations, number="30", corrects=first)
    url = reverse("rewards:unit_awards", args=[people.commune.pk])
    with django_assert_max_num_queries(6):
        page = people.client(None).get(url)
    rows = [(a.subject_name, a.decision.number) for a in page.context["page"].object_list]
    assert sorted(rows) == sorted([("Thôn Đông", "30"), ("Thôn Tây", "30")])  # the corrected decision no longer counts
    found = people.client(None).get(url, {"q": "tây"}).context["page"].object_list
    assert [a.subject_name for a in found] == ["Thôn Tây"]
    elsewhere = people.client(None).get(reverse("rewards:unit_awards", args=[people.other_commune.pk]))
    assert list(elsewhere.context["page"].object_list) == []
    assert people.client(None).get(reverse("rewards:unit_awards", args=[999999])).status_code == 404
