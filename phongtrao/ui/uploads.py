"""Uploaded evidence: the type is read from the content (not the name or the browser's
word), the size is capped, photos are shrunk for a commune's disk and a phone's data."""

from __future__ import annotations

import io
import secrets
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from phongtrao.bounds import DOCUMENT_BYTES, PHOTO_PIXELS

MAX_SIDE = 1600


def random_name(folder: str, filename: str) -> str:
    """Where an upload is stored: a random name under its kind's folder, keeping only the
    extension. Nothing in it can be guessed (no plan, unit or person, not the name it was
    sent with, which the record keeps apart for the download)."""
    return f"{folder}/{secrets.token_urlsafe(18)}{PurePath(filename).suffix.lower()[:10]}"


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
    if len(data) > DOCUMENT_BYTES:
        raise ValidationError({"evidence": _("Tệp “%(name)s” quá lớn (tối đa 10 MB).") % {"name": name}})
    stem = name.rsplit(".", 1)[0][:80] or "tep"
    if data.startswith(b"%PDF-"):
        return CheckedFile(ContentFile(data, name=f"{stem}.pdf"), "pdf", name)
    office = _office_kind(data) if data.startswith(b"PK") else None
    if office:
        return CheckedFile(ContentFile(data, name=f"{stem}.{office}"), office, name)
    return CheckedFile(ContentFile(photo_jpeg(name, data), name=f"{stem}.jpg"), "image", name)


def photo_jpeg(name: str, data: bytes, *, max_side: int = MAX_SIDE, field: str = "evidence") -> bytes:
    """A JPEG, PNG or WebP photo as a JPEG no larger than `max_side`; anything else refused.
    Its size in pixels is read from the header and checked before the picture is decoded
    (a small file can hold a picture that takes gigabytes to decode); a damaged or cut-off
    file is refused, not half-read."""
    not_a_photo = (
        _("Tệp “%(name)s” không phải ảnh (JPEG, PNG), PDF, Word hay Excel; không nhận.")
        if field == "evidence"
        else _("Tệp “%(name)s” không phải ảnh JPEG hay PNG; không nhận.")
    ) % {"name": name}
    too_large = _("Ảnh “%(name)s” quá lớn (quá %(n)s triệu điểm ảnh); hãy gửi ảnh nhỏ hơn.") % {
        "name": name,
        "n": PHOTO_PIXELS // 1_000_000,
    }
    try:
        with warnings.catch_warnings():  # Pillow's own warning: the size is checked just below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        if image.format not in ("JPEG", "PNG", "WEBP"):
            raise UnidentifiedImageError(image.format)
        width, height = image.size
        if width * height > PHOTO_PIXELS:
            raise ValidationError({field: too_large})
        image.draft("RGB", (max_side, max_side))  # JPEG: decoded at a fraction of its size
        image = image.convert("RGB")
        image.thumbnail((max_side, max_side))
    except Image.DecompressionBombError as exc:
        raise ValidationError({field: too_large}) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError({field: not_a_photo}) from exc
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()
