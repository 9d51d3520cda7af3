from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "phongtrao.demo"
    verbose_name = "Demo"
