"""A reward decision and its certificates as Word files, in the Decree 30 layout."""

from __future__ import annotations

from phongtrao.documents.official import OfficialDocument, place_date
from phongtrao.rewards.models import Award, RewardDecision
from phongtrao.ui.formatting import number_text

LEVEL_NAME = {"commune": "xã", "district": "huyện", "province": "tỉnh"}


def _chairman(decision: RewardDecision) -> str:
    return f"CHỦ TỊCH ỦY BAN NHÂN DÂN {decision.issuer_unit.name.upper()}"


def decision_docx(decision: RewardDecision) -> bytes:
    unit = decision.issuer_unit
    awards = list(decision.awards.select_related("unit"))
    document = OfficialDocument()
    document.header(
        parent_body="",
        issuer=f"ỦY BAN NHÂN DÂN {unit.name}",
        number_line=f"Số: {decision.number}/{decision.symbol}",
        place_date=place_date(unit.short_name, decision.date),
    )
    document.title("Quyết định", f"Về việc khen thưởng trong {decision.plan.title}")
    document.paragraph(_chairman(decision), bold=True, indent=False)
    document.paragraph("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    plan = decision.plan
    basis = f"Kế hoạch số {plan.full_number}" if plan.number else f"Kế hoạch {plan.title}"
    document.paragraph(f"Căn cứ {basis} của {plan.issuer_name};")
    if decision.corrects_id:
        document.paragraph(f"Đính chính Quyết định số {decision.corrects};")
    document.paragraph("QUYẾT ĐỊNH:", bold=True, indent=False)
    document.paragraph(
        f"Điều 1. Tặng {decision.reward_form.name} cho {len(awards)} tập thể, cá nhân "
        "đã có thành tích trong phong trào thi đua (có danh sách kèm theo)."
    )
    document.table(
        ["STT", "Tập thể, cá nhân", "Đơn vị", "Thành tích", "Tiền thưởng (đồng)"],
        [
            [str(n), a.subject_name, a.unit.name, a.achievement, number_text(a.amount)]
            for n, a in enumerate(awards, start=1)
        ],
    )
    document.paragraph(
        f"Điều 2. Mỗi tập thể, cá nhân được tặng kèm tiền thưởng {number_text(decision.amount)} đồng, "
        "từ nguồn quỹ thi đua, khen thưởng theo quy định."
    )
    document.paragraph(
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành."
    )
    document.foot(
        recipients=["Như Điều 3", "Hội đồng Thi đua - Khen thưởng"],
        authority=[],
        title=decision.signer_title,
        name=decision.signer_name,
    )
    return document.save()


def certificate_docx(award: Award) -> bytes:
    """The certificate (giấy khen, bằng khen) handed to one awardee."""
    decision = award.decision
    document = OfficialDocument()
    document.header(
        parent_body="",
        issuer=f"ỦY BAN NHÂN DÂN {decision.issuer_unit.name}",
        number_line="",
        place_date="",
    )
    document.title(_chairman(decision), "TẶNG")
    document.title(decision.reward_form.name.split(" của ")[0], award.subject_name)
    document.paragraph(f"Đơn vị: {award.unit.full_name()}", indent=False)
    document.paragraph(f"Đã có thành tích: {award.achievement}", indent=False)
    document.paragraph(
        f"Quyết định số {decision.number}/{decision.symbol}, "
        + place_date(decision.issuer_unit.short_name, decision.date),
        indent=False,
    )
    document.foot(recipients=None, authority=[], title=decision.signer_title, name=decision.signer_name)
    return document.save()
