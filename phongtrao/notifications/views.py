from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from phongtrao.notifications.models import Notification
from phongtrao.notifications.services import notifications_mark_read


@login_required
def inbox(request):
    notifications = list(Notification.objects.filter(user=request.user)[:100])
    notifications_mark_read(user=request.user)
    return render(request, "notifications/inbox.html", {"notifications": notifications})
