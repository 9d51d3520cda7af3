"""What the system writes into official documents reads as an official would write it:
no achievement of "0", no "Nơi nhận" on a certificate, a dashed item as "- Thời gian" (not
"-. Thời gian"), no blank "số … ngày …" and no basis said twice; a plan with a blank left
is not issued, and issuing asks first. Text kept in records is Vietnamese whatever the
language of the person who made it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from phongtrao.documents.render import plan_docx
from phongtrao.plans import services as plans
from phongtrao.plans.models import PlanStatus
from phongtrao.plans.selectors import plan_for_document
from phongtrao.reports import services as reports
from phongtrao.rewards import services as rewards
from phongtrao.rewards.documents import certificate_docx, decision_docx
from phongtrao.rewards.models import RewardForm
from phongtrao.testing import make_plan


def _texts(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def test_a_decision_and_its_certificate_cite_only_what_was_done(people):
    plan = make_plan(people, issued=True)
    pledge = rewards.pledge_register(
        user=people.village_head, plan=plan, unit=people.village, subject_kind="collective", commitments="Làm đường"
    )
    nomination = rewards.nomination_propose(
        user=people.village_head, pledge=pledge, reward_form=RewardForm.objects.get(code="giay-khen-xa")
    )
    assert ": 0." not in nomination.summary and "Ngày thứ Bảy" not in nomination.summary
    nomination = rewards.nomination_decide(user=people.commune_approver, nomination=nomination, approve=True)
    rewards.nominations_disclose(
        user=people.commune_approver, nominations=[nomination], day=dt.date(2023, 12, 1), days=7
    )
    decision = rewards.reward_decision_issue(
        user=people.commune_approver,
        plan=plan,
        reward_form=nomination.reward_form,
        nominations=[nomination],
        number="125",
        date=dt.date(2023, 12, 20),
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn An",
        amount=0,
    )
    for content in (decision_docx(decision), certificate_docx(decision.awards.get())):
        assert not any(": 0." in text for text in _texts(content))
    certificate = "\n".join(_texts(certificate_docx(decision.awards.get())))
    assert "Nơi nhận" not in certificate and "Lưu: VT" not in certificate
    assert "Nơi nhận" in "\n".join(_texts(decision_docx(decision)))


def test_dashed_items_keep_their_dash(people):
    plan = make_plan(people)
    plans.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={
            "sections": [
                {"label": "II", "depth": 0, "heading": "NỘI DUNG", "text": ""},
                {"label": "-", "depth": 2, "heading": "Thời gian", "text": "Thứ Bảy hằng tháng"},
            ],
            "recipients": [{"text": "- Như trên;"}, {"text": "TT. Đảng ủy"}],
        },
    )
    texts = _texts(plan_docx(plan_for_document(plan.pk)))
    assert "- Thời gian" in texts and "II. NỘI DUNG" in texts
    assert not any(t.startswith("-.") or t.startswith("- -") for t in texts)
    lines = "\n".join(texts).splitlines()
    assert "- Như trên;" in lines and "- TT. Đảng ủy;" in lines


def test_a_derived_plan_names_its_basis_once_and_leaves_no_blank(people):
    district = make_plan(people, unit=people.district, issued=True, title="Cuộc vận động")
    child = plans.plan_derive(user=people.commune_officer, parent=district, unit=people.commune)
    texts = _texts(plan_docx(plan_for_document(child.pk)))
    basis = [t for t in texts if t.startswith("Thực hiện")]
    assert basis == ["Thực hiện Kế hoạch ngày 20/02/2023 của UBND Đồi Chè về Cuộc vận động."]
    assert not any("…" in t for t in texts)
    page = people.client(people.commune_officer).get(f"/plans/{child.pk}/document/").content.decode()
    assert page.count("Thực hiện Kế hoạch ngày 20/02/2023") == 1


def test_a_blank_left_in_a_draft_stops_its_issue_and_issuing_asks_first(people):
    plan = make_plan(people, preamble="Thực hiện Kế hoạch số … ngày … của UBND huyện.")
    plans.plan_update(user=people.commune_approver, plan=plan, issue_date=dt.date(2023, 2, 20), signer_name="A")
    with pytest.raises(ValidationError, match="Còn chỗ trống chưa điền"):
        plans.plan_issue(user=people.commune_approver, plan=plan)
    approver = people.client(people.commune_approver)
    asked = approver.get(f"/plans/{plan.pk}/issue/").content.decode()
    assert "Chưa ban hành được" in asked and "Xác nhận ban hành" not in asked
    plans.plan_update(user=people.commune_approver, plan=plan, preamble="Thực hiện Kế hoạch số 12/KH-UBND.")
    asked = approver.get(f"/plans/{plan.pk}/issue/").content.decode()
    assert "Xác nhận ban hành" in asked
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT  # asking changes nothing
    assert approver.post(f"/plans/{plan.pk}/issue/").status_code == 302
    plan.refresh_from_db()
    assert plan.status != PlanStatus.DRAFT
    assert people.client(people.commune_viewer).get(f"/plans/{plan.pk}/issue/").status_code == 403


def test_text_kept_in_records_is_vietnamese_whatever_the_language_of_its_author(people):
    from django.utils import translation

    plan = make_plan(people)
    plans.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={
            "reporting_duties": [{"reporter_text": "Các thôn", "recipient_text": "UBND xã", "frequency": "monthly"}]
        },
    )
    plans.plan_update(user=people.commune_approver, plan=plan, issue_date=dt.date(2023, 2, 20), signer_name="A")
    plans.plan_issue(user=people.commune_approver, plan=plan)
    with translation.override("en"):
        made = reports.reports_schedule(user=people.commune_officer, plan=plan, until=dt.date(2023, 5, 31))
    assert made and all(r.title.startswith("Báo cáo") for r in made), [r.title for r in made]
