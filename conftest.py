"""Fixtures shared by every app's tests: a small unit tree and people at every level."""

import pytest

from phongtrao.testing import People, make_people


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(db) -> People:
    return make_people()
