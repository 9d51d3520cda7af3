from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "phongtrao.monitoring"
    verbose_name = _("Theo dõi, đánh giá")
