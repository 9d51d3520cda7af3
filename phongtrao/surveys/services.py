"""Writes of the satisfaction surveys: drawn up by the commune, opened, answered by
households on their phones without an account, closed."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.clients import address_fingerprint
from phongtrao.accounts.models import User
from phongtrao.concurrency import Conflict, lock_fresh, serialize_on
from phongtrao.criteria.models import Criterion
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Household
from phongtrao.plans.models import ADOPTED, Comparator, Plan, Target
from phongtrao.surveys.models import (
    AccessCode,
    Ballot,
    Choice,
    Identification,
    Question,
    RefusalReason,
    RefusedBallot,
    Response,
    Survey,
    SurveyStatus,
)
from phongtrao.text import fold, natural_key
from phongtrao.ui.history import attributed

# Letters and digits a villager does not confuse when typing from a paper slip.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
MAX_CODES_AT_ONCE = 2000


def satisfaction_target(plan: Plan) -> Target | None:
    """The plan's target on citizens' satisfaction ("tỷ lệ hài lòng … từ 80% trở lên")."""
    for target in plan.targets.all():
        if "hai long" in fold(target.text) and target.unit_of_measure.strip() == "%":
            return target
    return None


def criteria_questions(criteria: Iterable[Criterion]) -> list[tuple[str, Criterion]]:
    """One content per criterion, named as the criterion is ("Giao thông"), in the set's
    order; the survey numbers its contents itself (1, 2, 3…), so the criterion's own number
    ("2. Giao thông") would read as a second number beside it."""
    return [(criterion.name, criterion) for criterion in sorted(criteria, key=lambda c: c.number)]


def village_choices(survey: Survey) -> list[AdminUnit]:
    """The villages whose households answer, in the order people read them (2 before 10)."""
    villages = AdminUnit.objects.in_subtree(survey.unit).current().filter(level=Level.VILLAGE)
    return sorted(villages, key=lambda unit: natural_key(unit.name))


def _clean_questions(
    questions: Sequence[tuple[str, Criterion | None]], errors: dict[str, str]
) -> list[tuple[str, Criterion | None]]:
    cleaned = [(text.strip()[:300], criterion) for text, criterion in questions if text.strip()]
    if not cleaned:
        errors["questions"] = _("Hãy ghi ít nhất một nội dung để người dân đánh giá.")
    return cleaned


def _write_questions(survey: Survey, questions: list[tuple[str, Criterion | None]], user: User) -> None:
    survey.questions.all().delete()
    for order, (text, criterion) in enumerate(questions, start=1):
        question = Question(survey=survey, order=order, text=text, criterion=criterion)
        attributed(question, user)
        question.save()


@transaction.atomic
def survey_create(
    *,
    user: User,
    plan: Plan,
    unit: AdminUnit,
    title: str,
    opens_on: dt.date,
    closes_on: dt.date,
    questions: list[tuple[str, Criterion | None]],
    identification: str = Identification.HOUSEHOLD,
    introduction: str = "",
    target_rate: Decimal | None = None,
) -> Survey:
    """A draft survey of the plan's contents among the households of `unit`. Without a
    rate given, the plan's own satisfaction target sets it."""
    permissions.demand(user, permissions.EDIT, unit)
    errors: dict[str, str] = {}
    if not plan.unit.contains(unit):
        errors["unit"] = _("%(unit)s không thuộc %(area)s của kế hoạch.") % {"unit": unit, "area": plan.unit}
    if not title.strip():
        errors["title"] = _("Hãy ghi tên cuộc khảo sát.")
    if closes_on < opens_on:
        errors["closes_on"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
    if identification not in Identification.values:
        errors["identification"] = _("Chọn mã hộ gia đình hoặc mã phiếu.")
    target = satisfaction_target(plan)
    if target_rate is None:
        usable = target is not None and target.comparator in (Comparator.GE, Comparator.GT)
        target_rate = target.value if target is not None and usable and target.value is not None else Decimal(80)
    target_rate = target_rate.quantize(Decimal("0.01"))
    if not Decimal(0) < target_rate <= Decimal(100):
        errors["target_rate"] = _("Tỷ lệ hài lòng cần đạt phải lớn hơn 0 và không quá 100%.")
    cleaned = _clean_questions(questions, errors)
    if errors:
        raise ValidationError(errors)
    survey = Survey(
        plan=plan,
        unit=unit,
        title=title.strip(),
        introduction=introduction.strip(),
        identification=identification,
        target=target,
        target_rate=target_rate,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=user,
    )
    attributed(survey, user)
    survey.save()
    _write_questions(survey, cleaned, user)
    return survey


@transaction.atomic
def survey_questions_set(*, user: User, survey: Survey, questions: list[tuple[str, Criterion | None]]) -> Survey:
    """The contents can change while the survey is drawn up, never once households answer."""
    permissions.demand(user, permissions.EDIT, survey.unit)
    if survey.status != SurveyStatus.DRAFT:
        raise ValidationError({"questions": _("Khảo sát đã mở: không sửa nội dung nữa.")})
    errors: dict[str, str] = {}
    cleaned = _clean_questions(questions, errors)
    if errors:
        raise ValidationError(errors)
    _write_questions(survey, cleaned, user)
    return survey


def _set_status(survey: Survey, status: str, user: User) -> Survey:
    survey.status = status
    attributed(survey, user)
    survey.save(update_fields=["status"])
    return survey


@transaction.atomic
def survey_delete(*, user: User, survey: Survey) -> None:
    """A draft drawn up by mistake goes; once open, a survey is only closed."""
    permissions.demand(user, permissions.EDIT, survey.unit)
    survey = _locked(survey)
    if survey.status != SurveyStatus.DRAFT:
        raise ValidationError({"__all__": _("Khảo sát đã mở: chỉ kết thúc được, không xóa.")})
    attributed(survey, user)
    survey.delete()


def _locked(survey: Survey) -> Survey:
    """The survey as it is now, held until the transaction ends: two officials opening,
    closing or deleting it at once act one after the other on what the first left."""
    return lock_fresh(survey)


@transaction.atomic
def survey_open(*, user: User, survey: Survey) -> Survey:
    permissions.demand(user, permissions.EDIT, survey.unit)
    survey = _locked(survey)
    if survey.status != SurveyStatus.DRAFT:
        raise Conflict(_("Khảo sát này đã mở; hãy tải lại trang."))
    if survey.plan.status not in ADOPTED:
        raise ValidationError({"__all__": _("Kế hoạch chưa ban hành: chưa mở khảo sát.")})
    if not survey.questions.exists():
        raise ValidationError({"questions": _("Hãy ghi ít nhất một nội dung để người dân đánh giá.")})
    return _set_status(survey, SurveyStatus.OPEN, user)


@transaction.atomic
def survey_close(*, user: User, survey: Survey) -> Survey:
    """No more answers; the last ones waiting are published with the final results."""
    permissions.demand(user, permissions.EDIT, survey.unit)
    survey = _locked(survey)
    if survey.status != SurveyStatus.OPEN:
        raise Conflict(_("Khảo sát này đã kết thúc hoặc chưa mở; hãy tải lại trang."))
    Response.objects.filter(survey=survey, published=False).update(published=True)
    return _set_status(survey, SurveyStatus.CLOSED, user)


@transaction.atomic
def access_codes_issue(*, user: User, survey: Survey, village: AdminUnit, count: int) -> list[AccessCode]:
    """Slips of one-time codes for a village's households, printed and handed out."""
    permissions.demand(user, permissions.EDIT, survey.unit)
    errors: dict[str, str] = {}
    if survey.identification != Identification.CODE:
        errors["__all__"] = _("Khảo sát này nhận biết hộ bằng mã hộ gia đình, không dùng mã phiếu.")
    if survey.status == SurveyStatus.CLOSED:
        errors["__all__"] = _("Khảo sát đã kết thúc.")
    if village.level != Level.VILLAGE or not survey.unit.contains(village):
        errors["village"] = _("%(unit)s không phải một thôn của %(area)s.") % {"unit": village, "area": survey.unit}
    if not 1 <= count <= MAX_CODES_AT_ONCE:
        errors["count"] = _("Số mã phiếu phải từ 1 đến %(max)s.") % {"max": MAX_CODES_AT_ONCE}
    if errors:
        raise ValidationError(errors)
    taken = set(AccessCode.objects.filter(survey=survey).values_list("code", flat=True))
    fresh: list[str] = []
    while len(fresh) < count:
        code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
        if code not in taken:
            taken.add(code)
            fresh.append(code)
    return AccessCode.objects.bulk_create([AccessCode(survey=survey, unit=village, code=c) for c in fresh])


class _Refused(Exception):
    """A ballot refused inside the answering transaction; recorded once it has rolled back."""

    def __init__(self, reason: str, message: str, field: str = "__all__"):
        super().__init__(message)
        self.reason, self.message, self.field = reason, message, field


def _record_refusal(survey: Survey, refusal: _Refused, given: str, fingerprint: str) -> ValidationError:
    """Kept in a transaction of its own: the council sees every attempt, even refused."""
    with transaction.atomic():
        RefusedBallot.objects.create(survey=survey, reason=refusal.reason, given=given[:40], address_hash=fingerprint)
    return ValidationError({refusal.field: refusal.message})


def _recent_from(fingerprint: str) -> int:
    """Answers sent, or tried, from one address in the last hour."""
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    return (
        Ballot.objects.filter(address_hash=fingerprint, received_at__gte=hour_ago).count()
        + RefusedBallot.objects.filter(address_hash=fingerprint, at__gte=hour_ago).count()
    )


def _publish_when_enough(survey: Survey) -> None:
    """Public results move only by groups of at least SURVEY_MIN_PUBLIC_GROUP answers: a
    visitor reading them before and after one household answers learns nothing of that
    household. Answers are published together once enough are waiting (and all of them
    when the survey closes)."""
    waiting = Response.objects.filter(survey=survey, published=False)
    if waiting.count() >= settings.SURVEY_MIN_PUBLIC_GROUP:
        waiting.update(published=True)


def _normalised_code(code: str) -> str:
    return "".join(code.split()).upper().replace("-", "")


def survey_answer(
    *,
    survey: Survey,
    choices: dict[int, str],
    address: str = "",
    village: AdminUnit | None = None,
    household_code: str = "",
    access_code: str = "",
    entered_by: User | None = None,
) -> Response:
    """A household's answers, once. A second answer from the same household or code, an
    unknown code, or a burst from one address is refused and recorded.

    A paper sheet collected in the village is entered by someone reporting for it
    (`entered_by`, kept on the ballot): a village head enters dozens from one phone, so
    the burst limit does not apply to them, and the rest does."""
    today = timezone.localdate()
    if not survey.is_answerable_on(today):
        raise ValidationError({"__all__": _("Khảo sát này không còn nhận ý kiến.")})
    questions = list(survey.questions.all())
    errors: dict[str, str] = {}
    for question in questions:
        if choices.get(question.pk) not in Choice.values:
            errors[f"q{question.pk}"] = _("“%(q)s”: hãy chọn một mức.") % {"q": question.text[:80]}
    if survey.identification == Identification.HOUSEHOLD:
        if village is None or village.level != Level.VILLAGE or not survey.unit.contains(village):
            errors["village"] = _("Hãy chọn thôn của gia đình.")
        if not household_code.strip():
            errors["household_code"] = _("Hãy ghi mã hộ gia đình (in trên sổ hộ hoặc phiếu của thôn).")
    elif not access_code.strip():
        errors["access_code"] = _("Hãy ghi mã phiếu được phát.")
    if errors:
        raise ValidationError(errors)
    if entered_by is not None and village is not None and not permissions.can(entered_by, permissions.REPORT, village):
        raise ValidationError({"village": _("Bạn không nhập phiếu cho %(village)s.") % {"village": village}})

    fingerprint = address_fingerprint(address) if entered_by is None else ""
    given = household_code.strip() or access_code.strip()
    by_household = survey.identification == Identification.HOUSEHOLD
    try:
        with transaction.atomic():
            return _answer_once(
                survey=survey,
                choices={str(q.pk): choices[q.pk] for q in questions},
                fingerprint=fingerprint,
                village=village,
                household_code=household_code.strip(),
                access_code=access_code,
                entered_by=entered_by,
            )
    except _Refused as refusal:
        raise _record_refusal(survey, refusal, given, fingerprint) from None
    except IntegrityError:
        # The same household or code answering twice at the same moment: the second one loses.
        collided = _Refused(
            RefusalReason.HOUSEHOLD_ANSWERED if by_household else RefusalReason.CODE_USED,
            _not_taken(entered_by, _("Hộ này đã trả lời khảo sát; mỗi hộ trả lời một lần.")),
            "household_code" if by_household else "access_code",
        )
        raise _record_refusal(survey, collided, given, fingerprint) from None


def _not_taken(entered_by: User | None, specific: str) -> str:
    """To a visitor without an account, every refused code gets the same answer: telling
    "no such household" from "this household has answered" would let anyone find out
    which codes exist and who has answered. Those entering paper sheets are told why."""
    if entered_by is not None:
        return specific
    return _(
        "Không nhận được phiếu với mã này: mã không đúng, hoặc đã được dùng để trả lời. "
        "Hãy kiểm tra lại mã, hoặc hỏi trưởng thôn."
    )


def _answer_once(
    *,
    survey: Survey,
    choices: dict[str, str],
    fingerprint: str,
    village: AdminUnit | None,
    household_code: str,
    access_code: str,
    entered_by: User | None,
) -> Response:
    """The checks and the writes of one answer, in one transaction: answers from one
    address are counted one at a time, so a burst sent all at once is still one burst."""
    if entered_by is None:
        serialize_on(f"survey-address:{fingerprint}")
        if _recent_from(fingerprint) >= settings.SURVEY_ANSWERS_PER_HOUR:
            raise _Refused(
                RefusalReason.BURST,
                _("Đã có quá nhiều phiếu gửi từ thiết bị hoặc mạng này trong một giờ; hãy gửi lại sau."),
            )
    household = code = None
    if survey.identification == Identification.HOUSEHOLD:
        if village is None:
            raise _Refused(
                RefusalReason.HOUSEHOLD_UNKNOWN, _not_taken(entered_by, _("Hãy chọn thôn của hộ.")), "village"
            )
        household = Household.objects.filter(unit=village, code__iexact=household_code).first()
        if household is None:
            raise _Refused(
                RefusalReason.HOUSEHOLD_UNKNOWN,
                _not_taken(
                    entered_by,
                    _("Không có hộ mang mã %(code)s ở %(village)s.") % {"code": household_code, "village": village},
                ),
                "household_code",
            )
        if Ballot.objects.filter(survey=survey, household=household).exists():
            raise _Refused(
                RefusalReason.HOUSEHOLD_ANSWERED,
                _not_taken(entered_by, _("Hộ này đã trả lời khảo sát; mỗi hộ trả lời một lần.")),
                "household_code",
            )
    else:
        code = (
            AccessCode.objects.select_for_update()
            .select_related("unit")
            .filter(survey=survey, code=_normalised_code(access_code))
            .first()
        )
        if code is None:
            raise _Refused(RefusalReason.CODE_UNKNOWN, _not_taken(entered_by, _("Mã phiếu không đúng.")), "access_code")
        if code.used:
            raise _Refused(RefusalReason.CODE_USED, _not_taken(entered_by, _("Mã phiếu này đã dùng.")), "access_code")
        village = code.unit
        if entered_by is not None and not permissions.can(entered_by, permissions.REPORT, village):
            # A village head typing a slip of another village: said on the form, not a 403 page.
            raise ValidationError(
                {
                    "access_code": _("Mã phiếu này của %(village)s: bạn không nhập phiếu cho thôn đó.")
                    % {"village": village}
                }
            )
        code.used = True
        code.save(update_fields=["used"])
    Ballot.objects.create(
        survey=survey, household=household, code=code, address_hash=fingerprint, entered_by=entered_by
    )
    response = Response.objects.create(survey=survey, unit=village, answers=choices)
    _publish_when_enough(survey)
    return response
