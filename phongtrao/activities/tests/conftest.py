import pytest

from phongtrao.activities import services
from phongtrao.testing import make_plan


@pytest.fixture
def saturday_call(people):
    """Seed 000's call: every village registers its Saturday activities."""
    plan = make_plan(people, issued=True, title="Ngày thứ Bảy đi cơ sở năm 2023")
    return services.call_create(
        user=people.commune_officer,
        plan=plan,
        title="Đăng ký hoạt động thứ Bảy",
        kind="activity",
        registrants="villages",
        deadline=None,
    )
