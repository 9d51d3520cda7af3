from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MyWorkConfig(AppConfig):
    name = "phongtrao.mywork"
    verbose_name = _("Việc của tôi")
