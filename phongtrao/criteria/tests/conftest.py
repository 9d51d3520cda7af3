import pytest
from django.core.management import call_command

from phongtrao.accounts.models import Role, User
from phongtrao.accounts.services import membership_grant
from phongtrao.criteria.models import CriteriaSet


@pytest.fixture
def current_set(db) -> CriteriaSet:
    """The data files loaded; the 2026–2030 commune set (51/2025/QĐ-TTg)."""
    call_command("load_criteria", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return CriteriaSet.objects.get(code="ntm-xa-2026-2030")


@pytest.fixture
def province_admin(people) -> User:
    user = User.objects.create_user("quantri-tinh", password="x", full_name="Quản trị tỉnh")
    membership_grant(user=user, unit=people.province, role=Role.ADMIN)
    return user
