from django.core.management.base import BaseCommand, CommandError

from phongtrao.indicators.models import Indicator
from phongtrao.indicators.services import rollups_rebuild


class Command(BaseCommand):
    help = (
        "Tính lại toàn bộ số liệu tổng hợp (roll-up) từ các giá trị đã nhập: sửa chữa khi nghi ngờ "
        "số tổng hợp sai, hoặc sau khi nạp dữ liệu trực tiếp vào cơ sở dữ liệu."
    )

    def add_arguments(self, parser):
        parser.add_argument("--indicator", help="Mã chỉ số (mặc định: mọi chỉ số).")

    def handle(self, *args, indicator=None, **options):
        chosen = None
        if indicator:
            chosen = Indicator.objects.filter(code=indicator).first()
            if chosen is None:
                raise CommandError(f"Không có chỉ số mã {indicator}.")
        cells = rollups_rebuild(indicator=chosen)
        self.stdout.write(f"Đã tính lại {cells} ô tổng hợp.")
