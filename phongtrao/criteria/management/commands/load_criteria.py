import json

from django.conf import settings
from django.core.management.base import BaseCommand

from phongtrao.criteria.services import criteria_set_load


class Command(BaseCommand):
    help = "Nạp (lặp lại an toàn) các bộ tiêu chí trong data/criteria/*.json."

    def handle(self, *args, **options):
        for path in sorted((settings.DATA_DIR / "criteria").glob("*.json")):
            criteria_set = criteria_set_load(data=json.loads(path.read_text(encoding="utf-8")))
            self.stdout.write(f"{criteria_set.code}: {criteria_set.criteria.count()} tiêu chí")
