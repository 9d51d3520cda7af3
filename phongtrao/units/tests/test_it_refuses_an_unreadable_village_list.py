"""A village list with a field longer than the CSV reader takes (128 KB) is refused with a
message, and no village is added."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from phongtrao.geo.models import AdminUnit, Level


def test_a_field_over_128_kb_is_refused_with_a_message(people):
    raw = ("Tên thôn\nThôn A\n" + '"' + "x" * 200_000 + '"\n').encode()
    client = people.client(people.commune_officer)
    before = AdminUnit.objects.filter(level=Level.VILLAGE).count()
    answer = client.post(f"/units/{people.commune.pk}/villages/import/", {"file": SimpleUploadedFile("thon.csv", raw)})
    assert answer.status_code == 200 and "Không đọc được tệp CSV" in answer.content.decode()
    assert AdminUnit.objects.filter(level=Level.VILLAGE).count() == before
