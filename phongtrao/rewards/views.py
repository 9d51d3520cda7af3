from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.plans.access import get_plan_for_user
from phongtrao.rewards import services
from phongtrao.rewards.access import get_pledge_for_user
from phongtrao.rewards.forms import PledgeForm, WithdrawForm
from phongtrao.rewards.models import Pledge


def _add_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


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
                _add_errors(form, exc)
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
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã rút đăng ký thi đua của %(name)s.") % {"name": pledge.subject_name})
    return redirect("rewards:plan_pledges", pledge.plan_id)
