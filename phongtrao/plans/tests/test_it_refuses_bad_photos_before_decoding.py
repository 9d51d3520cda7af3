"""Photos are refused by what their header says before they are decoded: a 13000 × 13000
PNG of a few hundred kilobytes once took 900 MB of the server's memory; and a cut-off
file is refused with a message on every form that takes photos, never a server error."""

from __future__ import annotations

import io
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from phongtrao.plans.models import DutyProgress
from phongtrao.plans.tests.test_duty_progress import garden, photo  # noqa: F401 (fixture)
from phongtrao.rewards import services as exemplars
from phongtrao.rewards.models import Exemplar
from phongtrao.ui import uploads as evidence
from phongtrao.workdays.models import WorkDayPhoto


def truncated_png() -> bytes:
    whole = photo(size=(800, 600), fmt="PNG")
    return whole[: len(whole) // 2]


def giant_png() -> bytes:
    out = io.BytesIO()
    Image.new("1", (13000, 13000)).save(out, format="PNG")  # one bit a pixel: small to make and to send
    return out.getvalue()


def test_a_giant_picture_is_refused_from_its_header(people):
    data = giant_png()
    assert len(data) < 200 * 1024
    tracemalloc.start()
    with pytest.raises(ValidationError, match="quá lớn"):
        evidence.check_upload("anh.png", data)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # decoding it would take 169 MB at least


@pytest.mark.parametrize("data", [truncated_png(), b"\x89PNG\r\n\x1a\n" + b"\x00" * 200])
def test_a_cut_off_picture_is_refused_not_half_read(data):
    with pytest.raises(ValidationError, match="không phải ảnh"):
        evidence.check_upload("anh.png", data)


def test_every_photo_form_refuses_a_cut_off_picture(people, garden, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    head = people.client(people.village_head)
    answer = head.post(
        f"/plans/duties/{garden.pk}/",
        {"date": "2022-05-10", "percent": "60", "evidence": [SimpleUploadedFile("vuon.png", truncated_png())]},
    )
    assert answer.status_code == 200 and "không phải ảnh" in answer.content.decode()
    assert not DutyProgress.objects.exists()
    with pytest.raises(ValidationError, match="không phải ảnh"):
        exemplars.exemplar_create(
            user=people.village_head,
            unit=people.village,
            kind="collective",
            title="Thôn Đông làm đường",
            story="Cả thôn góp công làm 500 m đường.",
            photos=[("duong.png", truncated_png(), "")],
        )
    assert not Exemplar.objects.exists() and not WorkDayPhoto.objects.exists()
