import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.jobs.models import JobState
from phongtrao.jobs.services import job_start
from phongtrao.ui.formatting import day_text
from phongtrao.units.tasks import reminders_send


class Command(BaseCommand):
    help = (
        "Gửi nhắc việc (hạn đăng ký, hạn nhiệm vụ, ngày thứ Bảy sau 3 ngày, báo cáo đến hạn) trong hệ thống "
        "và qua email; chạy lại không gửi trùng. Chạy mỗi sáng (deploy/systemd/phongtrao-reminders.timer). "
        "Mỗi lần chạy là một việc chạy nền, quản trị xem ở trang hàng đợi; --queue: để tiến trình xử lý nền chạy."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=dt.date.fromisoformat, help="ngày coi là hôm nay (YYYY-MM-DD)")
        parser.add_argument("--queue", action="store_true", help="đưa vào hàng đợi thay vì chạy ngay")

    def handle(self, *args, today=None, queue=False, **options):
        day = today or timezone.localdate()
        job = job_start(
            task=reminders_send,
            started_by=None,
            title=lambda: _("Nhắc việc ngày %(d)s") % {"d": day_text(day)},
            kwargs={"today": day.isoformat()},
            here=not queue,
        )
        if queue:
            self.stdout.write(_("Đã đưa vào hàng đợi: %(t)s.") % {"t": job.title})
            return
        if job.state != JobState.DONE:
            raise CommandError(job.outcome)
        self.stdout.write(job.outcome)
