import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from phongtrao.units.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Gửi nhắc việc (hạn đăng ký, hạn nhiệm vụ, ngày thứ Bảy sau 3 ngày, báo cáo đến hạn) trong hệ thống "
        "và qua email; chạy lại không gửi trùng. Lập lịch chạy mỗi sáng, ví dụ cron: 0 6 * * * .venv/bin/python "
        "manage.py send_reminders"
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=dt.date.fromisoformat, help="ngày coi là hôm nay (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        sent, skipped = send_reminders(today or timezone.localdate())
        self.stdout.write(f"Đã gửi {sent} nhắc việc; {skipped} đã gửi trước đó.")
