from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.accounts.clients import client_address
from phongtrao.accounts.models import Membership, User
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.models import PUBLISHED, Plan
from phongtrao.rewards import documents, evaluation, services
from phongtrao.rewards import services as exemplars
from phongtrao.rewards.access import (
    get_award_for_user,
    get_decision_for_user,
    get_exemplar_for_user,
    get_nomination_for_user,
    get_pledge_for_user,
)
from phongtrao.rewards.forms import (
    AppointForm,
    CommentForm,
    ConflictForm,
    DecisionForm,
    ExemplarForm,
    NominationForm,
    PhotoForm,
    PledgeForm,
    ScoreForm,
    SheetFormSet,
    WithdrawForm,
)
from phongtrao.rewards.models import (
    Award,
    ConflictOfInterest,
    CouncilMember,
    Exemplar,
    ExemplarPhoto,
    Nomination,
    NominationStatus,
    Pledge,
    RewardDecision,
    RewardForm,
    Score,
    ScoringItem,
)
from phongtrao.search import matching
from phongtrao.sheets import parse_date
from phongtrao.ui.downloads import DOCX, attachment, stored_file
from phongtrao.ui.formatting import number_text
from phongtrao.ui.forms import add_service_errors, flash_refusal, posted_version


def plan_pledges(request, plan_pk: int):
    """Who pledged to take part in the plan's emulation and what they committed to:
    public like the plan; those reporting for a unit of the plan's area register here."""
    plan = get_plan_for_user(request.user, plan_pk)
    units = list(
        permissions.units_for(request.user, permissions.REPORT)
        .current()
        .filter(path__startswith=plan.unit.path)
        .order_by("depth", "name")[:300]
    )
    form = PledgeForm(request.POST or None, units=units, initial={"unit": units[0].pk if units else None})
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            data = form.cleaned_data
            try:
                pledge = services.pledge_register(
                    user=request.user,
                    plan=plan,
                    unit=next(unit for unit in units if unit.pk == data["unit"]),
                    subject_kind=data["subject_kind"],
                    subject_name=data["subject_name"],
                    organization=data["organization"],
                    commitments=data["commitments"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("%(name)s đã đăng ký thi đua.") % {"name": pledge.subject_name})
                return redirect("rewards:plan_pledges", plan.pk)
    pledges = list(Pledge.objects.filter(plan=plan).for_list())
    withdrawable = {p.pk for p in pledges if p.status == "registered" and any(u.contains(p.unit) for u in units)}
    return render(
        request,
        "rewards/plan_pledges.html",
        {"plan": plan, "pledges": pledges, "form": form if units else None, "withdrawable": withdrawable},
    )


@login_required
@require_POST
def pledge_withdraw(request, pk: int):
    pledge = get_pledge_for_user(request.user, pk, write=True)
    form = WithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"reason": _("Hãy ghi lý do rút đăng ký.")})
        services.pledge_withdraw(user=request.user, pledge=pledge, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Đã rút đăng ký thi đua của %(name)s.") % {"name": pledge.subject_name})
    return redirect("rewards:plan_pledges", pledge.plan_id)


def plan_evaluation(request, plan_pk: int):
    """The scoring sheet, the council and the ranking: for those with a role at the plan's
    unit; the plan's approvers set the sheet and appoint the members."""
    plan = get_plan_for_user(request.user, plan_pk, action=permissions.VIEW)
    can_approve = permissions.can(request.user, permissions.APPROVE, plan.unit)
    items = list(plan.scoring_items.all())
    sheet = SheetFormSet(
        request.POST if "sheet" in request.POST else None,
        prefix="sheet",
        initial=[{"text": i.text, "max_points": number_text(i.max_points), "applies_to": i.applies_to} for i in items]
        or [{**line, "max_points": number_text(line["max_points"])} for line in services.scoring_sheet_proposal(plan)],
    )
    candidates = User.objects.filter(
        memberships__in=Membership.objects.active().filter(unit__in=[plan.unit, *plan.unit.ancestors()])
    ).distinct()
    appoint = AppointForm(request.POST if "appoint" in request.POST else None, candidates=candidates)
    if request.method == "POST":
        if not can_approve:
            raise PermissionDenied
        try:
            if "sheet" in request.POST and sheet.is_valid():
                services.scoring_sheet_set(user=request.user, plan=plan, items=sheet.items())
                messages.success(request, _("Đã lưu bảng điểm."))
                return redirect("rewards:plan_evaluation", plan.pk)
            if "appoint" in request.POST and appoint.is_valid():
                services.council_member_appoint(
                    user=request.user,
                    plan=plan,
                    member=appoint.cleaned_data["member"],
                    title=appoint.cleaned_data["title"],
                )
                messages.success(request, _("Đã bổ sung thành viên hội đồng."))
                return redirect("rewards:plan_evaluation", plan.pk)
        except ValidationError as exc:
            if "sheet" in request.POST:
                flash_refusal(request, exc)
            else:
                add_service_errors(appoint, exc)
    member = CouncilMember.objects.filter(plan=plan, user=request.user.pk).first()
    return render(
        request,
        "rewards/plan_evaluation.html",
        {
            "plan": plan,
            "items": items,
            "council": plan.council_members.select_related("user").order_by("pk"),
            "standings": evaluation.ranking(plan),
            "conflicts": ConflictOfInterest.objects.filter(pledge__plan=plan).select_related("member__user", "pledge"),
            "can_approve": can_approve,
            "is_member": member is not None,
            "sheet": sheet,
            "appoint": appoint,
        },
    )


@login_required
def pledge_score(request, pk: int):
    """A council member scores one subject, with its record under the plan beside the form."""
    pledge = get_pledge_for_user(request.user, pk)
    member = services.council_member_of(user=request.user, plan=pledge.plan)
    items = list(ScoringItem.objects.for_pledge(pledge))
    given = {s.item_id: s.points for s in Score.objects.filter(pledge=pledge, member=member)}
    form = ScoreForm(
        request.POST if "score" in request.POST else None,
        items=items,
        initial={f"item_{item_id}": points for item_id, points in given.items()},
    )
    conflict = ConflictForm(request.POST if "conflict" in request.POST else None)
    if request.method == "POST":
        try:
            if "conflict" in request.POST and conflict.is_valid():
                services.conflict_declare(user=request.user, pledge=pledge, reason=conflict.cleaned_data["reason"])
                messages.success(request, _("Đã ghi nhận: bạn không chấm điểm %(s)s.") % {"s": pledge.subject_name})
                return redirect("rewards:plan_evaluation", pledge.plan_id)
            if "score" in request.POST and form.is_valid():
                points = {item.pk: form.cleaned_data[f"item_{item.pk}"] for item in items}
                services.scores_record(user=request.user, pledge=pledge, points=points, note=form.cleaned_data["note"])
                messages.success(request, _("Đã lưu điểm của %(s)s.") % {"s": pledge.subject_name})
                return redirect("rewards:plan_evaluation", pledge.plan_id)
        except ValidationError as exc:
            add_service_errors(form if "score" in request.POST else conflict, exc)
    return render(
        request,
        "rewards/pledge_score.html",
        {"pledge": pledge, "form": form, "conflict": conflict, "record": evaluation.subject_record(pledge)},
    )


def _whole_number(text: str) -> int | None:
    """An empty box lifts the limit; anything else must be a whole number of awards."""
    if not text.strip():
        return None
    if not text.strip().isdigit():
        raise ValidationError({"limit": _("Số lượng phải là số nguyên không âm.")})
    return int(text.strip())


@login_required
def plan_nominations(request, plan_pk: int):
    """Proposals for rewards under the plan as they travel up: proposed for the subjects one
    reports for, approved or returned where one approves."""
    plan = get_plan_for_user(request.user, plan_pk)
    pledges = Pledge.objects.live().filter(plan=plan).filter(permissions.scope_filter(request.user, permissions.REPORT))
    form = NominationForm(request.POST if request.POST.get("action") == "propose" else None, pledges=pledges)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "quota":
                reward_form = RewardForm.objects.filter(
                    pk=_whole_number(request.POST.get("reward_form", "")) or 0
                ).first()
                if reward_form is None:
                    raise Http404
                services.reward_quota_set(
                    user=request.user,
                    plan=plan,
                    reward_form=reward_form,
                    limit=_whole_number(request.POST.get("limit", "")),
                )
                messages.success(request, _("Đã cập nhật số lượng khen thưởng."))
                return redirect("rewards:plan_nominations", plan.pk)
            if action == "propose":
                if form.is_valid():
                    services.nomination_propose(user=request.user, **form.cleaned_data)
                    messages.success(request, _("Đã gửi đề nghị khen thưởng."))
                    return redirect("rewards:plan_nominations", plan.pk)
            else:
                chosen = request.POST.get("nomination", "")
                if not chosen.isdigit():
                    raise Http404
                nomination = get_nomination_for_user(request.user, int(chosen))
                if action == "disclose":
                    services.nominations_disclose(
                        user=request.user,
                        nominations=[nomination],
                        day=parse_date(request.POST.get("day", "")) or timezone.localdate(),
                        days=_whole_number(request.POST.get("days", "")) or settings.REWARD_COMMENT_DAYS,
                    )
                elif action == "resubmit":
                    services.nomination_resubmit(
                        user=request.user,
                        nomination=nomination,
                        summary=request.POST.get("summary", ""),
                        version=posted_version(request),
                    )
                else:
                    services.nomination_decide(
                        user=request.user,
                        nomination=nomination,
                        approve=action == "approve",
                        reason=request.POST.get("reason", ""),
                        version=posted_version(request),
                    )
                messages.success(request, _("Đã cập nhật đề nghị của %(s)s.") % {"s": nomination.pledge.subject_name})
                return redirect("rewards:plan_nominations", plan.pk)
        except ValidationError as exc:
            if action == "propose":
                add_service_errors(form, exc)
            else:
                flash_refusal(request, exc)
    nominations = list(
        Nomination.objects.filter(plan=plan).visible_to(request.user).for_list().prefetch_related("comments")
    )
    quotas = {q.reward_form_id: q.limit for q in plan.reward_quotas.all()}
    return render(
        request,
        "rewards/plan_nominations.html",
        {
            "plan": plan,
            "form": form,
            "nominations": nominations,
            "disclosing": {
                n.pk
                for n in nominations
                if n.status == "approved"
                and n.disclosed_on is None
                and permissions.can(request.user, permissions.APPROVE, n.at_unit)
            },
            "comment_days": settings.REWARD_COMMENT_DAYS,
            "today": timezone.localdate(),
            "deciding": {
                n.pk
                for n in nominations
                if n.status == "pending" and permissions.can(request.user, permissions.APPROVE, n.at_unit)
            },
            "forms": [(f, quotas.get(f.pk)) for f in RewardForm.objects.all()],
            "rows": list(zip(nominations, evaluation.earlier_rewards(nominations).values(), strict=True)),
            "can_approve": permissions.can(request.user, permissions.APPROVE, plan.unit),
            "revising": {
                n.pk
                for n in nominations
                if n.status == "returned" and permissions.can(request.user, permissions.REPORT, n.pledge.unit)
            },
        },
    )


def plan_decisions(request, plan_pk: int):
    """Issued rewards, public with their reasons; approvers issue a decision for the
    nominations approved at their unit."""
    plan = get_plan_for_user(request.user, plan_pk)
    # Approved and waiting for a decision; those already awarded may be named again only
    # by a decision correcting theirs (the service refuses them otherwise).
    ready = (
        Nomination.objects.filter(plan=plan, status__in=[NominationStatus.APPROVED, NominationStatus.AWARDED])
        .filter(permissions.scope_filter(request.user, permissions.APPROVE, "at_unit"))
        .select_related("pledge", "pledge__unit", "reward_form", "at_unit")
    )
    decisions = RewardDecision.objects.filter(plan=plan).select_related(
        "reward_form", "issuer_unit", "corrects", "corrected_by"
    )
    open_decisions = decisions.filter(corrected_by__isnull=True).filter(
        permissions.scope_filter(request.user, permissions.APPROVE, "issuer_unit")
    )
    form = DecisionForm(request.POST or None, nominations=ready, decisions=open_decisions)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            data = dict(form.cleaned_data)
            chosen = list(data.pop("nominations"))
            try:
                decision = services.reward_decision_issue(
                    user=request.user, plan=plan, reward_form=chosen[0].reward_form, nominations=chosen, **data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã ban hành quyết định %(d)s.") % {"d": decision})
                return redirect("rewards:plan_decisions", plan.pk)
    return render(
        request,
        "rewards/plan_decisions.html",
        {
            "plan": plan,
            "decisions": list(decisions.prefetch_related("awards__unit")),
            "form": form if ready.exists() else None,
        },
    )


def decision_docx(request, pk: int):
    decision = get_decision_for_user(request.user, pk)
    return attachment(documents.decision_docx(decision), DOCX, f"quyet-dinh-{decision.number}.docx")


def certificate_docx(request, pk: int):
    award = get_award_for_user(request.user, pk)
    return attachment(documents.certificate_docx(award), DOCX, f"giay-khen-{award.pk}.docx")


def plan_nominees(request, plan_pk: int):
    """Nominees published for the public's comments (no account needed), and those whose
    comment period has ended, with their achievements."""
    plan = get_plan_for_user(request.user, plan_pk)
    published = Nomination.objects.filter(plan=plan, disclosed_on__isnull=False).for_list()
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nomination = published.filter(pk=form.cleaned_data["nomination"]).first()
        if nomination is None:
            raise Http404
        try:
            services.nominee_comment_add(
                nomination=nomination,
                name=form.cleaned_data["name"],
                text=form.cleaned_data["text"],
                address=client_address(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Cảm ơn bạn đã góp ý."))
            return redirect("rewards:plan_nominees", plan.pk)
    return render(
        request,
        "rewards/plan_nominees.html",
        {"plan": plan, "nominees": list(published), "form": form, "today": timezone.localdate()},
    )


def unit_awards(request, unit_pk: int):
    """The reward history of the collectives and persons of a unit and the units under it:
    every award of a decision in force, newest first; public, like the decisions."""
    unit = get_unit(unit_pk)
    awards = (
        Award.objects.filter(unit__path__startswith=unit.path, decision__corrected_by__isnull=True)
        .filter(decision__plan__status__in=PUBLISHED)
        .select_related("unit", "decision", "decision__reward_form", "decision__issuer_unit", "decision__plan")
        .order_by("-decision__date", "-decision_id", "pk")
    )
    query = request.GET.get("q", "").strip()
    awards = matching(awards, query, "subject_name")
    page = Paginator(awards, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "rewards/unit_awards.html",
        {"unit": unit, "page": page, "query": query, "params": urlencode({"q": query}) if query else ""},
    )


def unit_exemplars(request, unit_pk: int):
    """Exemplary collectives, persons and practices of a unit and the units under it; those
    reporting for the unit tell new ones, officials publish them."""
    unit = get_unit(unit_pk)
    can_tell = permissions.can(request.user, permissions.REPORT, unit)
    plans = Plan.objects.published().filter(Q(unit__path__startswith=unit.path) | Q(pk__in=_plans_above(unit)))
    form = ExemplarForm(request.POST or None, request.FILES or None, plans=plans.order_by("-issue_date")[:50])
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_tell:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                exemplar = exemplars.exemplar_create(
                    user=request.user,
                    unit=unit,
                    kind=data["kind"],
                    title=data["title"],
                    story=data["story"],
                    plan=data["plan"],
                    photos=[(f.name, f.read(), "") for f in data["photos"]],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu điển hình; cán bộ xã duyệt rồi công khai."))
                return redirect("rewards:exemplar", exemplar.pk)
    shown = Exemplar.objects.in_subtree(unit)
    if not permissions.can(request.user, permissions.VIEW, unit):
        shown = shown.published()
    return render(
        request,
        "rewards/unit_exemplars.html",
        {"unit": unit, "exemplars": list(shown.for_list()[:100]), "form": form if can_tell else None},
    )


def _plans_above(unit: AdminUnit) -> list[int]:
    return list(Plan.objects.filter(unit_id__in=unit.ancestor_ids).values_list("pk", flat=True))


def exemplar_detail(request, pk: int):
    exemplar = get_exemplar_for_user(request.user, pk)
    can_publish = permissions.can(request.user, permissions.EDIT, exemplar.unit)
    can_add = permissions.can(request.user, permissions.REPORT, exemplar.unit)
    photo_form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        action = request.POST.get("action")
        needed = permissions.REPORT if action == "photo" else permissions.EDIT
        get_exemplar_for_user(request.user, pk, action=needed)
        try:
            if action == "publish":
                exemplars.exemplar_publish(user=request.user, exemplar=exemplar)
            elif action == "withdraw":
                exemplars.exemplar_withdraw(user=request.user, exemplar=exemplar, reason=request.POST.get("reason", ""))
            elif action == "photo" and photo_form.is_valid():
                upload = photo_form.cleaned_data["photo"]
                exemplars.exemplar_photo_add(
                    user=request.user,
                    exemplar=exemplar,
                    name=upload.name,
                    data=upload.read(),
                    caption=photo_form.cleaned_data["caption"],
                )
        except ValidationError as exc:
            flash_refusal(request, exc)
        return redirect("rewards:exemplar", exemplar.pk)
    return render(
        request,
        "rewards/exemplar_detail.html",
        {
            "exemplar": exemplar,
            "photos": list(exemplar.photos.all()),
            "can_publish": can_publish,
            "photo_form": photo_form if can_add else None,
        },
    )


def exemplar_photo(request, pk: int, size: str):
    """A photo as a file: cached a day in public once the exemplar is published."""
    photo = ExemplarPhoto.objects.filter(pk=pk).first()
    if photo is None or size not in ("full", "thumb"):
        raise Http404
    exemplar = get_exemplar_for_user(request.user, photo.exemplar_id)
    return stored_file(photo.image if size == "full" else photo.thumbnail, public=exemplar.published)
