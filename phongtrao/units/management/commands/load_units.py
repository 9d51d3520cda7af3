from django.conf import settings
from django.core.management.base import BaseCommand

from phongtrao.units.services import units_load_official


class Command(BaseCommand):
    help = "Nạp (lặp lại an toàn) danh mục đơn vị hành chính trước và sau 01/7/2025 và bảng chuyển đổi xã."

    def handle(self, *args, **options):
        report = units_load_official(data_dir=settings.DATA_DIR)
        self.stdout.write(report.summary())
