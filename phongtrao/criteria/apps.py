from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CriteriaConfig(AppConfig):
    name = "phongtrao.criteria"
    verbose_name = _("Tiêu chí nông thôn mới")
