from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.accounts.clients import client_address
from phongtrao.grouping import grouped
from phongtrao.plans.access import get_plan_for_user
from phongtrao.surveys import exports, services
from phongtrao.surveys.access import get_survey_for_user
from phongtrao.surveys.forms import AnswerForm, CodesForm, QuestionsForm, SurveyForm
from phongtrao.surveys.models import (
    AccessCode,
    Identification,
    RefusalReason,
    RefusedBallot,
    Survey,
    SurveyStatus,
)
from phongtrao.surveys.results import survey_results
from phongtrao.ui.downloads import XLSX, attachment
from phongtrao.ui.forms import add_service_errors, flash_refusal


def _lines(text: str) -> list[tuple[str, None]]:
    return [(line, None) for line in text.splitlines() if line.strip()]


def plan_surveys(request, plan_pk: int):
    """The plan's satisfaction surveys; officials of the plan's area draw up new ones."""
    plan = get_plan_for_user(request.user, plan_pk)
    units = list(
        permissions.units_for(request.user, permissions.EDIT)
        .current()
        .filter(path__startswith=plan.unit.path)
        .exclude(level="village")
        .order_by("depth", "name")[:300]
    )
    form = SurveyForm(request.POST or None, units=units, initial={"unit": units[0].pk if units else None})
    if request.method == "POST":
        if not units:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            chosen_set = data["criteria_set"]
            questions = services.criteria_questions(chosen_set.criteria.all() if chosen_set else [])
            try:
                survey = services.survey_create(
                    user=request.user,
                    plan=plan,
                    unit=next(unit for unit in units if unit.pk == data["unit"]),
                    title=data["title"],
                    opens_on=data["opens_on"],
                    closes_on=data["closes_on"],
                    identification=data["identification"],
                    introduction=data["introduction"],
                    target_rate=data["target_rate"],
                    questions=questions + _lines(data["questions"]),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã lập khảo sát; kiểm tra nội dung rồi mở để người dân trả lời."))
                return redirect("surveys:detail", survey.pk)
    surveys = Survey.objects.filter(plan=plan).visible_to(request.user).for_list().annotate(answered=Count("responses"))
    return render(
        request,
        "surveys/plan_surveys.html",
        {"plan": plan, "surveys": list(surveys), "form": form if units else None},
    )


def survey_detail(request, pk: int):
    """The survey and its results: complete for those with a role over its unit, with small
    villages hidden for everyone else."""
    survey = get_survey_for_user(request.user, pk)
    insider = permissions.can(request.user, permissions.VIEW, survey.unit)
    editor = permissions.can(request.user, permissions.EDIT, survey.unit)
    questions = list(survey.questions.select_related("criterion"))
    results = survey_results(survey, public=not insider)
    context = {
        # A citizen reads the results in the portal's look, without the officials' menu.
        "layout": "base.html" if request.user.is_authenticated else "portal/base.html",
        "survey": survey,
        "questions": questions,
        "results": results,
        "insider": insider,
        "editor": editor,
        "answerable": survey.is_answerable_on(timezone.localdate()),
        "can_enter_paper": survey.is_public
        and any(permissions.can(request.user, permissions.REPORT, v) for v in services.village_choices(survey)),
    }
    if editor and survey.status == SurveyStatus.DRAFT:
        context["questions_form"] = QuestionsForm(initial={"questions": "\n".join(q.text for q in questions)})
    if insider:
        counted = grouped(RefusedBallot.objects.filter(survey=survey), "reason").annotate(n=Count("pk"))
        context["refusals"] = [(RefusalReason(r["reason"]).label, r["n"]) for r in counted.order_by("reason")]
    if editor and survey.identification == Identification.CODE:
        villages = services.village_choices(survey)
        context["codes_form"] = CodesForm(villages=villages)
        context["codes"] = list(
            grouped(AccessCode.objects.filter(survey=survey), "unit__pk", "unit__name")
            .annotate(n=Count("pk"), used=Count("pk", filter=Q(used=True)))
            .order_by("unit__name")
        )
    return render(request, "surveys/survey_detail.html", context)


@login_required
@require_POST
def survey_questions(request, pk: int):
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    form = QuestionsForm(request.POST)
    if form.is_valid():
        # A line left as it was keeps the criterion it was drawn from.
        criteria = {q.text: q.criterion for q in survey.questions.select_related("criterion")}
        lines = [(text.strip(), criteria.get(text.strip())) for text, _none in _lines(form.cleaned_data["questions"])]
        try:
            services.survey_questions_set(user=request.user, survey=survey, questions=lines)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Đã lưu nội dung khảo sát."))
    return redirect("surveys:detail", survey.pk)


_STEPS = {"open": services.survey_open, "close": services.survey_close}


@login_required
@require_POST
def survey_delete(request, pk: int):
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    try:
        services.survey_delete(user=request.user, survey=survey)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("surveys:detail", survey.pk)
    messages.success(request, _("Đã xóa dự thảo khảo sát."))
    return redirect("surveys:plan_surveys", survey.plan_id)


@login_required
@require_POST
def survey_step(request, pk: int, step: str):
    """Opening the survey to households, or closing it."""
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    try:
        _STEPS[step](user=request.user, survey=survey)
    except ValidationError as exc:
        flash_refusal(request, exc)
    return redirect("surveys:detail", survey.pk)


@login_required
@require_POST
def codes_issue(request, pk: int):
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    villages = services.village_choices(survey)
    form = CodesForm(request.POST, villages=villages)
    if not form.is_valid():
        flash_refusal(request, ValidationError(form.errors))
        return redirect("surveys:detail", survey.pk)
    village = next(unit for unit in villages if unit.pk == form.cleaned_data["village"])
    try:
        codes = services.access_codes_issue(
            user=request.user, survey=survey, village=village, count=form.cleaned_data["count"]
        )
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("surveys:detail", survey.pk)
    messages.success(request, _("Đã tạo %(n)s mã phiếu cho %(village)s.") % {"n": len(codes), "village": village})
    return redirect("surveys:detail", survey.pk)


@login_required
def codes_xlsx(request, pk: int):
    """The unused codes of a village, to print on slips."""
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    codes = AccessCode.objects.filter(survey=survey, used=False).select_related("unit")
    village = request.GET.get("village", "")
    if village.isdigit():
        codes = codes.filter(unit_id=int(village))
    return attachment(exports.codes_xlsx(survey, codes), XLSX, f"ma-phieu-khao-sat-{survey.pk}.xlsx")


@login_required
def results_xlsx(request, pk: int):
    survey = get_survey_for_user(request.user, pk, action=permissions.VIEW)
    return attachment(
        exports.results_xlsx(survey_results(survey, public=False)), XLSX, f"ket-qua-khao-sat-{survey.pk}.xlsx"
    )


@login_required
def survey_paper(request, pk: int):
    """Paper sheets collected in the village, entered one after another by those who report
    for it; each still counts once for its household."""
    survey = get_survey_for_user(request.user, pk)
    if not survey.is_public:
        raise Http404
    villages = [v for v in services.village_choices(survey) if permissions.can(request.user, permissions.REPORT, v)]
    if not villages:
        raise PermissionDenied
    questions = list(survey.questions.all())
    chosen = request.GET.get("village", "")
    form = AnswerForm(
        request.POST or None,
        survey=survey,
        questions=questions,
        villages=villages,
        initial={"village": int(chosen) if chosen.isdigit() else villages[0].pk},
    )
    answerable = survey.is_answerable_on(timezone.localdate())
    if request.method == "POST" and answerable and form.is_valid():
        data = form.cleaned_data
        try:
            response = services.survey_answer(
                survey=survey,
                choices=form.choices(questions),
                village=next((unit for unit in villages if unit.pk == data.get("village")), None),
                household_code=data.get("household_code", ""),
                access_code=data.get("access_code", ""),
                entered_by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã nhập phiếu của hộ %(code)s. Nhập phiếu tiếp theo.")
                % {"code": data.get("household_code") or data.get("access_code")},
            )
            return redirect(f"{reverse('surveys:paper', args=[survey.pk])}?village={response.unit_id}")
    entered = survey.ballots.filter(entered_by=request.user).count()
    return render(
        request,
        "surveys/survey_paper.html",
        {"survey": survey, "form": form, "answerable": answerable, "entered": entered},
    )


def survey_print(request, pk: int):
    """The paper sheet handed to households without a phone, in the survey's words."""
    survey = get_survey_for_user(request.user, pk)
    return render(request, "surveys/survey_print.html", {"survey": survey, "questions": list(survey.questions.all())})


def survey_answer(request, pk: int):
    """The phone form a household fills in, without an account."""
    survey = get_survey_for_user(request.user, pk)
    if not survey.is_public:
        raise Http404
    questions = list(survey.questions.all())
    villages = services.village_choices(survey)
    form = AnswerForm(request.POST or None, survey=survey, questions=questions, villages=villages)
    answerable = survey.is_answerable_on(timezone.localdate())
    if request.method == "POST" and answerable and form.is_valid():
        data = form.cleaned_data
        try:
            services.survey_answer(
                survey=survey,
                choices=form.choices(questions),
                address=client_address(request),
                village=next((unit for unit in villages if unit.pk == data.get("village")), None),
                household_code=data.get("household_code", ""),
                access_code=data.get("access_code", ""),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return render(request, "surveys/answer_thanks.html", {"survey": survey})
    return render(
        request,
        "surveys/survey_answer.html",
        {"survey": survey, "form": form, "questions": questions, "answerable": answerable},
    )
