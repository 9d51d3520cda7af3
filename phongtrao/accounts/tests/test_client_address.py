"""The client's address behind reverse proxies: only the entry the nearest trusted proxy
wrote counts, and the login throttle reads it the same way."""

from django.test import RequestFactory

from phongtrao.accounts.clients import address_fingerprint, client_address


def _request(forwarded: str | None = None):
    headers = {"REMOTE_ADDR": "10.0.0.1"}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_proxy_the_connection_is_the_client(settings):
    settings.PROXY_COUNT = 0
    assert client_address(_request("6.6.6.6")) == "10.0.0.1"


def test_behind_proxies_the_trusted_entry_counts(settings):
    settings.PROXY_COUNT = 1
    assert client_address(_request("6.6.6.6, 203.0.113.7")) == "203.0.113.7"
    settings.PROXY_COUNT = 2
    assert client_address(_request("6.6.6.6, 203.0.113.7, 10.0.0.9")) == "203.0.113.7"
    assert client_address(_request()) == "10.0.0.1"  # a request that bypassed the proxies


def test_addresses_are_kept_as_keyed_hashes(settings):
    first = address_fingerprint("203.0.113.7")
    assert first == address_fingerprint("203.0.113.7") != address_fingerprint("203.0.113.8")
    assert "203.0.113.7" not in first
    settings.SECRET_KEY = "another-key-" * 5
    assert address_fingerprint("203.0.113.7") != first


def test_login_throttling_reads_the_same_address(settings):
    from axes.helpers import get_client_ip_address

    settings.PROXY_COUNT = 1
    assert get_client_ip_address(_request("6.6.6.6, 203.0.113.7")) == "203.0.113.7"
