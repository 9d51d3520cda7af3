from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from phongtrao.notifications.models import NotificationChoice


class NotificationChoiceForm(forms.ModelForm):
    """The channels a person wants; those the site has not configured are not offered."""

    class Meta:
        model = NotificationChoice
        fields = ["email", "push", "webhook"]
        labels = {
            "email": _("Thư điện tử"),
            "push": _("Thông báo đẩy trên điện thoại, máy tính đã bật ở dưới"),
            "webhook": _("Tin nhắn Zalo hoặc SMS (qua cổng của tỉnh, đến số điện thoại của bạn)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        channels = settings.NOTIFICATION_CHANNELS
        if "phongtrao.notifications.channels.WebPush" not in channels:
            del self.fields["push"]
        if "phongtrao.notifications.channels.Webhook" not in channels:
            del self.fields["webhook"]
        if "phongtrao.notifications.channels.Email" not in channels:
            del self.fields["email"]
