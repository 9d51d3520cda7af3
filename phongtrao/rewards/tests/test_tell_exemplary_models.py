"""Exemplary collectives, persons and good practices (điển hình tiên tiến): told with a
story and photos by those reporting for the unit, published by an official, withdrawn
with a reason rather than deleted; unpublished ones stay out of public sight."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from PIL import Image

from phongtrao.rewards import services as exemplars
from phongtrao.rewards.models import Exemplar


def photo(size=(2400, 1600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def told(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return exemplars.exemplar_create(
        user=people.village_head,
        unit=people.village,
        kind="practice",
        title="Tuyến đường hoa của Chi hội Phụ nữ",
        story="Mỗi hộ trồng và chăm 20 m đường hoa.",
        photos=[("duong-hoa.png", photo(), "")],
    )


def test_photos_are_shrunk_with_a_small_copy_for_phones(told):
    picture = told.photos.get()
    full, small = Image.open(picture.image.open("rb")), Image.open(picture.thumbnail.open("rb"))
    assert full.format == "JPEG" and max(full.size) == 1600
    assert max(small.size) == exemplars.THUMBNAIL_SIDE


def test_it_refuses_bad_input_naming_the_field(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as caught:
        exemplars.exemplar_create(user=people.village_head, unit=people.village, kind="x", title=" ", story="")
    assert set(caught.value.message_dict) == {"kind", "title", "story"}
    with pytest.raises(ValidationError, match="không phải ảnh JPEG"):
        exemplars.exemplar_create(
            user=people.village_head,
            unit=people.village,
            kind="practice",
            title="Mô hình",
            story="Câu chuyện",
            photos=[("virus.exe", b"MZ not a photo", "")],
        )
    assert not Exemplar.objects.exists()  # nothing half-saved
    with pytest.raises(PermissionDenied):
        exemplars.exemplar_create(
            user=people.other_village_head, unit=people.village, kind="practice", title="A", story="B"
        )


def test_only_an_official_publishes_and_withdrawal_keeps_the_story(people, told):
    with pytest.raises(PermissionDenied):
        exemplars.exemplar_publish(user=people.village_head, exemplar=told)
    exemplars.exemplar_publish(user=people.commune_officer, exemplar=told)
    with pytest.raises(ValidationError, match="lý do"):
        exemplars.exemplar_withdraw(user=people.commune_officer, exemplar=told, reason=" ")
    exemplars.exemplar_withdraw(user=people.commune_officer, exemplar=told, reason="Ảnh chưa đúng")
    told.refresh_from_db()
    assert not told.published and told.withdrawn_reason == "Ảnh chưa đúng"
    assert told.history.count() == 3


def test_unpublished_exemplars_and_their_photos_are_out_of_public_sight(people, told):
    picture = told.photos.get()
    anonymous, outsider = people.client(None), people.client(people.outsider)
    assert anonymous.get(reverse("rewards:exemplar", args=[told.pk])).status_code == 404
    assert outsider.get(reverse("rewards:exemplar_photo", args=[picture.pk, "thumb"])).status_code == 404
    assert told.title not in anonymous.get(reverse("rewards:unit_exemplars", args=[people.village.pk])).content.decode()
    viewer = people.client(people.commune_viewer)
    assert viewer.get(reverse("rewards:exemplar", args=[told.pk])).status_code == 200
    refused = viewer.post(reverse("rewards:exemplar", args=[told.pk]), {"action": "publish"})
    assert refused.status_code == 403
    assert outsider.post(reverse("rewards:exemplar", args=[told.pk]), {"action": "publish"}).status_code == 404

    people.client(people.commune_officer).post(reverse("rewards:exemplar", args=[told.pk]), {"action": "publish"})
    shown = anonymous.get(reverse("rewards:exemplar_photo", args=[picture.pk, "thumb"]))
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    assert "public" in shown["Cache-Control"]
    assert told.title in anonymous.get(reverse("rewards:unit_exemplars", args=[people.commune.pk])).content.decode()


def test_a_village_head_tells_one_from_the_phone_page(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = io.BytesIO(photo((800, 600)))
    upload.name = "vuon-mau.png"
    page = people.client(people.village_head).post(
        reverse("rewards:unit_exemplars", args=[people.village.pk]),
        {"kind": "household", "title": "Vườn mẫu nhà ông Lâm", "story": "Cải tạo vườn tạp.", "photos": [upload]},
    )
    exemplar = Exemplar.objects.get()
    assert page.status_code == 302 and page["Location"] == reverse("rewards:exemplar", args=[exemplar.pk])
    assert exemplar.photos.count() == 1 and not exemplar.published
    refused = people.client(people.other_village_head).post(
        reverse("rewards:unit_exemplars", args=[people.village.pk]),
        {"kind": "household", "title": "X", "story": "Y"},
    )
    assert refused.status_code == 403


def test_the_list_keeps_its_queries(people, told, django_assert_max_num_queries):
    for n in range(5):
        exemplars.exemplar_create(
            user=people.village_head, unit=people.village, kind="practice", title=f"Mô hình {n}", story="…"
        )
    client = people.client(people.commune_officer)
    url = reverse("rewards:unit_exemplars", args=[people.commune.pk])
    client.get(url)
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert page.content.decode().count("<article") == 6
