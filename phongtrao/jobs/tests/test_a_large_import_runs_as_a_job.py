"""A sheet larger than a request should carry is imported by a job: the page moves to the
job's page, a worker enters the rows, the job says how many, links to the result, and
the person who started it is told. A sheet with errors fails the job naming each row,
and nothing is entered."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from phongtrao.indicators.excel import VALUE_COLUMNS
from phongtrao.indicators.models import Indicator, IndicatorValue, Rollup
from phongtrao.jobs.models import Job, JobState
from phongtrao.notifications.models import Notification
from phongtrao.testing import work_queued_jobs


def _sheet(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(VALUE_COLUMNS)
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("so-lieu-thang.xlsx", out.getvalue())


def _start(people, rows, settings, django_capture_on_commit_callbacks):
    settings.JOB_BYTES_IN_REQUEST = 0  # every sheet is "large"
    Indicator.objects.create(
        code="ho-van-hoa", name="Tỷ lệ hộ văn hóa", value_type="ratio", aggregation="ratio_of_sums"
    )
    client = people.client(people.commune_officer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(f"/indicators/units/{people.commune.pk}/values/import/", {"file": _sheet(rows)})
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/jobs/{job.pk}/"
    assert job.state == JobState.QUEUED and job.task_id
    assert IndicatorValue.objects.count() == 0  # nothing entered in the request
    return client, job


def test_the_worker_enters_the_rows_and_the_starter_is_told(people, settings, django_capture_on_commit_callbacks):
    client, job = _start(
        people,
        [
            ["ho-van-hoa", "Thôn Đông", "Năm", "31/12/2023", None, 90, 100, "", ""],
            ["ho-van-hoa", "Thôn Tây", "Năm", "31/12/2023", None, 45, 50, "", ""],
        ],
        settings,
        django_capture_on_commit_callbacks,
    )
    waiting = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "Đang chờ" in waiting and 'hx-trigger="every 2s"' in waiting

    work_queued_jobs()

    job.refresh_from_db()
    assert job.state == JobState.DONE and job.outcome == "Đã nhập 2 số liệu."
    assert job.link == f"/units/{people.commune.pk}/dashboard/"
    cell = Rollup.objects.get(unit=people.commune, period_kind="year")
    assert (cell.numerator_sum, cell.denominator_sum) == (Decimal(135), Decimal(150))
    done = client.get(f"/jobs/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "Đã xong" in done and "every 2s" not in done  # the finished fragment stops asking
    told = Notification.objects.get(user=people.commune_officer)
    assert told.subject == "Đã xong: Nhập tệp “so-lieu-thang.xlsx”" and told.url == f"/jobs/{job.pk}/"
    api = client.get(f"/api/jobs/{job.pk}").json()
    assert (api["state"], api["state_label"], api["outcome"]) == ("done", "Đã xong", "Đã nhập 2 số liệu.")


def test_it_fails_a_sheet_with_errors_naming_the_rows_and_enters_nothing(
    people, settings, django_capture_on_commit_callbacks
):
    client, job = _start(
        people,
        [
            ["ho-van-hoa", "Thôn Đông", "Năm", "31/12/2023", None, 90, 100, "", ""],
            ["khong-co", "Thôn Tây", "Năm", "31/12/2023", None, 45, 50, "", ""],
        ],
        settings,
        django_capture_on_commit_callbacks,
    )
    work_queued_jobs()
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.outcome.startswith("Tệp có lỗi, chưa dòng nào được nhập:\nDòng 3: không có chỉ số mã “khong-co”")
    assert IndicatorValue.objects.count() == 0
    assert Notification.objects.get(user=people.commune_officer).subject.startswith("Không thành công: ")
    assert "Dòng 3" in client.get(f"/jobs/{job.pk}/").content.decode()


def test_a_job_that_lost_its_right_meanwhile_fails_and_enters_nothing(
    people, settings, django_capture_on_commit_callbacks
):
    _client, job = _start(
        people,
        [["ho-van-hoa", "Thôn Đông", "Năm", "31/12/2023", None, 90, 100, "", ""]],
        settings,
        django_capture_on_commit_callbacks,
    )
    people.commune_officer.memberships.all().delete()
    work_queued_jobs()
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.outcome
    assert IndicatorValue.objects.count() == 0
