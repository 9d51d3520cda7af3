"""An export with more rows than a request should carry is made by a job: the same sheet
(reopened here), downloaded from the job's page by whoever started it, and by no one else:
an outsider finds nothing (404), an administrator may look at the job but not take its
file (403). A disk that fills up fails the job with a sentence."""

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from phongtrao.accounts.models import User
from phongtrao.indicators.excel import VALUE_COLUMNS
from phongtrao.indicators.tests.test_export_values_to_excel import _figures
from phongtrao.jobs.models import Job, JobState
from phongtrao.testing import table_rows, work_queued_jobs

D = dt.date


def _export(people, settings, django_capture_on_commit_callbacks, **query):
    settings.JOB_ROWS_IN_REQUEST = 1
    _figures(people)
    client = people.client(people.district_officer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.get(f"/indicators/units/{people.district.pk}/values/export.xlsx", {"year": 2024, **query})
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/jobs/{job.pk}/"
    assert job.title == "Xuất số liệu chỉ số của Huyện Đồi Chè ra Excel"
    return client, job


def test_the_sheet_is_the_same_and_only_its_starter_takes_it(people, settings, django_capture_on_commit_callbacks):
    client, job = _export(people, settings, django_capture_on_commit_callbacks)
    work_queued_jobs()
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.result_name == f"so-lieu-{people.district.pk}.xlsx"
    assert Path(job.result.name).stem not in job.result_name  # stored under a random name
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert f"/jobs/{job.pk}/result" in page
    rows = table_rows(b"".join(client.get(f"/jobs/{job.pk}/result").streaming_content))
    assert list(rows[0]) == VALUE_COLUMNS and len(rows) == 5

    outsider = people.client(people.outsider)
    for address in (f"/jobs/{job.pk}/", f"/jobs/{job.pk}/result", f"/api/jobs/{job.pk}", f"/api/jobs/{job.pk}/result"):
        assert outsider.get(address).status_code == 404
        assert people.client(None).get(address).status_code in (302, 401)

    admin = User.objects.create_superuser("quantri", password="x" * 12)
    helper = people.client(admin)
    assert helper.get(f"/jobs/{job.pk}/").status_code == 200
    assert f"/jobs/{job.pk}/result" not in helper.get(f"/jobs/{job.pk}/").content.decode()
    assert helper.get(f"/jobs/{job.pk}/result").status_code == 403
    assert helper.get(f"/api/jobs/{job.pk}/result").status_code == 403
    assert helper.get(f"/api/jobs/{job.pk}").json()["result_url"] is None
    assert helper.get("/jobs/").status_code == 200 and job.title not in helper.get("/jobs/").content.decode()


def test_the_queue_is_for_administrators(people, settings, django_capture_on_commit_callbacks):
    _client, job = _export(people, settings, django_capture_on_commit_callbacks)
    admin = User.objects.create_superuser("quantri", password="x" * 12)
    queue = people.client(admin).get("/jobs/queue/").content.decode()
    assert job.title in queue and "Đang chờ" in queue
    assert people.client(admin).get("/api/jobs/queue").json()["queued"] == 1
    for who in (people.district_officer, people.outsider):
        assert people.client(who).get("/jobs/queue/").status_code == 404
        assert people.client(who).get("/api/jobs/queue").status_code == 404
    mine = people.client(people.district_officer).get("/api/jobs").json()
    assert [j["id"] for j in mine] == [job.pk] and people.client(people.outsider).get("/api/jobs").json() == []


@pytest.fixture
def full_disk(tmp_path):
    """A real file system with no room left: a 64 KB tmpfs, filled."""
    place = tmp_path / "media"
    place.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(place)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    try:
        subprocess.run(["dd", "if=/dev/zero", f"of={place / 'filler'}", "bs=1k", "count=128"], capture_output=True)
        yield place
    finally:
        subprocess.run(["umount", str(place)], check=True)


def test_a_full_disk_fails_the_job_with_a_sentence(people, settings, django_capture_on_commit_callbacks, full_disk):
    settings.MEDIA_ROOT = full_disk
    client, job = _export(people, settings, django_capture_on_commit_callbacks)
    work_queued_jobs()
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.outcome == "Máy chủ đã hết chỗ lưu tệp; hãy báo quản trị hệ thống rồi thử lại."
    assert "hết chỗ lưu tệp" in client.get(f"/jobs/{job.pk}/").content.decode()
