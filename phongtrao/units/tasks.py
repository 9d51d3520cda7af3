from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django_tasks import task

from phongtrao.accounts.services import sent_requests_forget
from phongtrao.jobs.services import JobFailed, JobRun, job_run
from phongtrao.units.reminders import send_reminders


@task()
def reminders_send(*, job_id: int, today: str) -> None:
    """The day's reminders. A channel that could not deliver (the mail relay down) fails
    the job, saying how many went out in the app and how many mails did not."""

    def send(run: JobRun) -> None:
        run.progress(0, step=_("Đang gửi nhắc việc"), force=True)
        done = send_reminders(dt.date.fromisoformat(today))
        sent_requests_forget()
        outcome = _("Đã gửi %(sent)s nhắc việc; %(skipped)s đã gửi trước đó.") % {
            "sent": done.sent,
            "skipped": done.skipped,
        }
        if done.undelivered:
            raise JobFailed(
                outcome
                + " "
                + _(
                    "%(n)s lần gửi không thành (thường là máy chủ thư không trả lời); thông báo vẫn có trong hệ "
                    "thống. Quản trị hệ thống cần kiểm tra máy chủ thư."
                )
                % {"n": done.undelivered}
            )
        run.finish(outcome=outcome)

    job_run(job_id, send)
