from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.geo.services import UnitError, villages_import_csv


class Command(BaseCommand):
    help = "Nhập danh sách thôn của một xã từ tệp CSV (cột: Tên thôn; tùy chọn: Loại, Mã)."

    def add_arguments(self, parser):
        parser.add_argument("commune_id", type=int, help="id của xã trong hệ thống")
        parser.add_argument("csv_file", type=Path)

    def handle(self, *args, commune_id, csv_file, **options):
        commune = AdminUnit.objects.filter(pk=commune_id, level=Level.COMMUNE).first()
        if commune is None:
            raise CommandError(f"Không có xã với id {commune_id}.")
        try:
            result = villages_import_csv(commune=commune, raw=csv_file.read_bytes())
        except (OSError, UnitError) as exc:
            raise CommandError(str(exc)) from exc
        if result.errors:
            raise CommandError("\n".join(result.errors))
        self.stdout.write(f"Đã tạo {len(result.created)} thôn; {len(result.unchanged)} thôn đã có.")
