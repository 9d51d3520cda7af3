import pytest

from phongtrao.docparse.tests.legacy_bytes import tcvn3_bytes, to_cp1258
from phongtrao.geo.models import AdminUnit, Kind, Level
from phongtrao.geo.services import UnitError, villages_import_csv


def names(commune):
    return sorted(AdminUnit.objects.filter(parent=commune, level=Level.VILLAGE).values_list("name", flat=True))


def test_it_imports_utf8_with_kinds_and_is_idempotent(people):
    raw = "Tên thôn,Loại\nNà Phái,bản\nTiểu khu 4,\n".encode()
    result = villages_import_csv(commune=people.commune, raw=raw)
    assert result.created == ["Bản Nà Phái", "Tiểu khu 4"] and not result.errors
    assert AdminUnit.objects.get(name="Tiểu khu 4").kind == Kind.SUBZONE
    again = villages_import_csv(commune=people.commune, raw=raw)
    assert again.created == [] and len(again.unchanged) == 2


def test_it_reads_utf16_from_excel_unicode_text(people):
    raw = "Tên thôn\tMã\nThôn Nà Ín\t01\n".encode("utf-16")
    villages_import_csv(commune=people.commune, raw=raw)
    assert AdminUnit.objects.get(name="Thôn Nà Ín").code == "01"


def test_it_reads_windows_1258_and_composes_tones(people):
    raw = to_cp1258("Tên thôn;Loại\nKhuổi Khoang;thôn\n")
    assert raw != "Khuổi".encode()
    villages_import_csv(commune=people.commune, raw=raw)
    assert "Thôn Khuổi Khoang" in names(people.commune)


def test_it_reads_a_list_kept_in_the_old_tcvn3_fonts(people):
    """A list typed years ago in .VnTime and saved as CSV: the same repair as documents."""
    raw = tcvn3_bytes("Tên thôn,Loại\nKhuổi Khoang,thôn\nNà Đông,bản\n")
    assert raw.decode("cp1252", errors="replace") != "Tên thôn"
    villages_import_csv(commune=people.commune, raw=raw)
    assert {"Thôn Khuổi Khoang", "Bản Nà Đông"} <= set(names(people.commune))


def test_it_refuses_a_file_without_a_name_column(people):
    with pytest.raises(UnitError, match="Tên thôn"):
        villages_import_csv(commune=people.commune, raw=b"STT,Ho ten\n1,Nguyen Van A\n")


def test_it_saves_nothing_when_one_row_is_bad(people):
    before = names(people.commune)
    raw = "Tên thôn,Loại\nThôn Mới,thôn\n,thôn\nThôn Khác,làng\nThôn Mới,thôn\n".encode()
    result = villages_import_csv(commune=people.commune, raw=raw)
    assert len(result.errors) == 3
    assert "Dòng 3" in result.errors[0] and "Dòng 4" in result.errors[1] and "Dòng 5" in result.errors[2]
    assert names(people.commune) == before


def test_it_refuses_villages_under_a_district(people):
    with pytest.raises(UnitError):
        villages_import_csv(commune=people.district, raw="Tên thôn\nThôn A\n".encode())
