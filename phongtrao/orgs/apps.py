from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "phongtrao.orgs"
    verbose_name = _("Cơ quan, tổ chức")
