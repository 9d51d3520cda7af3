import time

from django.core.management.base import BaseCommand

from phongtrao.demo.loader import DEMO_PASSWORD, DemoLoader, demo_logins


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: danh mục đơn vị hành chính, 5 kế hoạch mẫu và kế hoạch cấp trên, tài khoản demo."

    def handle(self, *args, **options):
        started = time.monotonic()
        DemoLoader(log=self.stdout.write).run()
        self.stdout.write(self.style.SUCCESS(f"Xong trong {time.monotonic() - started:.1f} giây."))
        self.stdout.write(f"Tài khoản demo (mật khẩu: {DEMO_PASSWORD}):")
        for username, who, scope in demo_logins():
            self.stdout.write(f"  {username:18} {who}{'  [' + scope + ']' if scope else ''}")
