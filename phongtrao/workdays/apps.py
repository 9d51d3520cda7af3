from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "phongtrao.workdays"
    verbose_name = _("Ngày Thứ Bảy")
