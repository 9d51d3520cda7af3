"""Uploaded evidence: the type is read from the content (not the name or the browser's
word), the size is capped, photos are shrunk for a commune's disk and a phone's data."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600


@dataclass
class CheckedFile:
    content: ContentFile
    kind: str
    name: str


def _office_kind(data: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def check_upload(name: str, data: bytes) -> CheckedFile:
    if len(data) > MAX_BYTES:
        raise ValidationError({"evidence": _("Tệp “%(name)s” quá lớn (tối đa 10 MB).") % {"name": name}})
    stem = name.rsplit(".", 1)[0][:80] or "tep"
    if data.startswith(b"%PDF-"):
        return CheckedFile(ContentFile(data, name=f"{stem}.pdf"), "pdf", name)
    office = _office_kind(data) if data.startswith(b"PK") else None
    if office:
        return CheckedFile(ContentFile(data, name=f"{stem}.{office}"), office, name)
    return CheckedFile(ContentFile(photo_jpeg(name, data), name=f"{stem}.jpg"), "image", name)


def photo_jpeg(name: str, data: bytes, *, max_side: int = MAX_SIDE, field: str = "evidence") -> bytes:
    """A JPEG, PNG or WebP photo as a JPEG no larger than `max_side`; anything else refused."""
    try:
        image = Image.open(io.BytesIO(data))
        image.verify()
        image = Image.open(io.BytesIO(data))
        if image.format not in ("JPEG", "PNG", "WEBP"):
            raise UnidentifiedImageError(image.format)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            {
                field: _("Tệp “%(name)s” không phải ảnh (JPEG, PNG), PDF, Word hay Excel; không nhận.") % {"name": name}
                if field == "evidence"
                else _("Tệp “%(name)s” không phải ảnh JPEG hay PNG; không nhận.") % {"name": name}
            }
        ) from exc
    image = image.convert("RGB")
    image.thumbnail((max_side, max_side))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()
