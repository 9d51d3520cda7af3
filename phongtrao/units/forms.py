from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.bounds import CSV_BYTES
from phongtrao.ui.fields import UploadField


class VillageImportForm(forms.Form):
    file = UploadField(
        max_bytes=CSV_BYTES,
        label=_("Tệp CSV danh sách thôn"),
        help_text=_("Cột bắt buộc: Tên thôn; tùy chọn: Loại, Mã. Mã hóa UTF-8, UTF-16 hoặc Windows-1258 (Excel)."),
    )
