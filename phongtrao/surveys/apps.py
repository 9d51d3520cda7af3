from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "phongtrao.surveys"
    verbose_name = _("Khảo sát mức độ hài lòng")
