import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.test import Client

from phongtrao.demo.loader import seed_plan_ids


class Command(BaseCommand):
    help = "Ghi tài liệu JSON của 5 kế hoạch mẫu, lấy qua API (GET /api/plans/{id}), vào một thư mục."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        directory.mkdir(parents=True, exist_ok=True)
        client = Client()
        for stem, pk in seed_plan_ids().items():
            response = client.get(f"/api/plans/{pk}", HTTP_HOST="localhost")
            if response.status_code != 200:
                raise SystemExit(f"{stem}: API trả về {response.status_code}")
            (directory / f"{stem}.json").write_text(
                json.dumps(response.json(), ensure_ascii=False, indent=2), encoding="utf-8"
            )
            self.stdout.write(f"{stem} ← /api/plans/{pk}")
