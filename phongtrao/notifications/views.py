from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phongtrao.notifications.forms import NotificationChoiceForm
from phongtrao.notifications.models import Notification, NotificationChoice, PushSubscription
from phongtrao.notifications.services import notification_choice_set, notifications_mark_read


@login_required
def inbox(request):
    notifications = list(Notification.objects.filter(user=request.user)[:100])
    notifications_mark_read(user=request.user)
    return render(request, "notifications/inbox.html", {"notifications": notifications})


@login_required
def choice(request):
    """How the person wants to be told, and the browsers that receive push on their behalf."""
    current = NotificationChoice.objects.filter(user=request.user).first() or NotificationChoice(user=request.user)
    form = NotificationChoiceForm(request.POST if request.method == "POST" else None, instance=current)
    if request.method == "POST" and form.is_valid():
        data = {"email": current.email, "push": current.push, "webhook": current.webhook} | form.cleaned_data
        notification_choice_set(user=request.user, **data)
        messages.success(request, _("Đã lưu cách nhận thông báo."))
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {
            "form": form,
            "vapid_public_key": settings.VAPID_PUBLIC_KEY,
            "devices": PushSubscription.objects.filter(user=request.user).count(),
        },
    )
