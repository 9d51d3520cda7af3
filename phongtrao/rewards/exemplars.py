"""Exemplary collectives, persons and good practices (điển hình tiên tiến): told by the
village or the commune with photos, published by an official, withdrawn with a reason
rather than deleted."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.activities.evidence import photo_jpeg
from phongtrao.bounds import DOCUMENT_BYTES
from phongtrao.concurrency import Conflict, lock_fresh
from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import Plan
from phongtrao.rewards.models import Exemplar, ExemplarKind, ExemplarPhoto

MAX_PHOTOS = 12
THUMBNAIL_SIDE = 480


def _save(exemplar: Exemplar, user: User) -> Exemplar:
    exemplar._history_user = user
    exemplar.save()
    return exemplar


def _photo(exemplar: Exemplar, name: str, data: bytes, caption: str, order: int) -> ExemplarPhoto:
    if len(data) > DOCUMENT_BYTES:
        raise ValidationError({"photos": _("Ảnh “%(name)s” quá lớn (tối đa 10 MB).") % {"name": name}})
    full = photo_jpeg(name, data, field="photos")
    small = photo_jpeg(name, data, max_side=THUMBNAIL_SIDE, field="photos")
    photo = ExemplarPhoto(exemplar=exemplar, caption=caption.strip()[:200], order=order)
    photo.image.save(f"anh-{order}.jpg", ContentFile(full), save=False)
    photo.thumbnail.save(f"anh-{order}-nho.jpg", ContentFile(small), save=False)
    photo.save()
    return photo


@transaction.atomic
def exemplar_create(
    *,
    user: User,
    unit: AdminUnit,
    kind: str,
    title: str,
    story: str,
    plan: Plan | None = None,
    photos: list[tuple[str, bytes, str]] = (),
) -> Exemplar:
    """Told by those who report for the unit; not public until an official publishes it."""
    permissions.demand(user, permissions.REPORT, unit)
    errors: dict[str, str] = {}
    if kind not in ExemplarKind.values:
        errors["kind"] = _("Chọn loại điển hình.")
    if not title.strip():
        errors["title"] = _("Hãy ghi tên điển hình, mô hình.")
    if not story.strip():
        errors["story"] = _("Hãy kể câu chuyện, cách làm để nơi khác học tập.")
    if plan is not None and not plan.unit.contains(unit) and not unit.contains(plan.unit):
        errors["plan"] = _("Kế hoạch này không thuộc %(unit)s.") % {"unit": unit}
    if len(photos) > MAX_PHOTOS:
        errors["photos"] = _("Tối đa %(n)s ảnh.") % {"n": MAX_PHOTOS}
    if errors:
        raise ValidationError(errors)
    exemplar = _save(
        Exemplar(unit=unit, plan=plan, kind=kind, title=title.strip(), story=story.strip(), created_by=user), user
    )
    for order, (name, data, caption) in enumerate(photos, start=1):
        _photo(exemplar, name, data, caption, order)
    return exemplar


@transaction.atomic
def exemplar_photo_add(*, user: User, exemplar: Exemplar, name: str, data: bytes, caption: str = "") -> ExemplarPhoto:
    permissions.demand(user, permissions.REPORT, exemplar.unit)
    count = exemplar.photos.count()
    if count >= MAX_PHOTOS:
        raise ValidationError({"photos": _("Tối đa %(n)s ảnh.") % {"n": MAX_PHOTOS}})
    return _photo(exemplar, name, data, caption, count + 1)


@transaction.atomic
def exemplar_publish(*, user: User, exemplar: Exemplar) -> Exemplar:
    permissions.demand(user, permissions.EDIT, exemplar.unit)
    if lock_fresh(exemplar).published:
        raise Conflict(_("Điển hình này vừa được công khai; hãy tải lại trang."))
    exemplar.published, exemplar.withdrawn_reason = True, ""
    return _save(exemplar, user)


@transaction.atomic
def exemplar_withdraw(*, user: User, exemplar: Exemplar, reason: str) -> Exemplar:
    permissions.demand(user, permissions.EDIT, exemplar.unit)
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do thôi công khai.")})
    if not lock_fresh(exemplar).published:
        raise Conflict(_("Điển hình này vừa được thôi công khai; hãy tải lại trang."))
    exemplar.published, exemplar.withdrawn_reason = False, reason.strip()[:255]
    return _save(exemplar, user)
