"""The login back-off: kept in the store per account and per address, doubling, proxy-aware."""

from __future__ import annotations

import datetime as dt

import pytest

from vsdash import login_throttle
from vsdash.auth import hash_password

RIGHT = "juist-wachtwoord-123"
NOW = dt.datetime(2026, 3, 1, 12, 0)


@pytest.fixture(scope="module")
def stored_hash() -> str:
    return hash_password(RIGHT)


def _try(store, stored_hash, password, *, account="beheerder", address="203.0.113.5", now=NOW):
    return login_throttle.check_password(
        password, stored_hash, store, account=account, address=address, delay=0, now=now
    )


@pytest.mark.parametrize(
    "failures, seconds",
    [(1, 0), (2, 0), (3, 30), (4, 60), (5, 120), (8, 960), (9, 1920), (10, 3600), (40, 3600)],
)
def test_back_off_doubles_after_the_free_attempts_up_to_an_hour(failures, seconds):
    assert login_throttle.backoff_seconds(failures) == seconds


def test_the_wait_doubles_and_a_success_clears_both_keys(empty_store, stored_hash):
    moment = NOW
    for expected in (0, 0, 30, 60, 120):
        _try(empty_store, stored_hash, "fout", now=moment)
        wait = login_throttle.seconds_locked(
            empty_store, login_throttle.throttle_keys("beheerder", "203.0.113.5"), moment
        )
        assert wait == expected
        moment += dt.timedelta(seconds=expected + 1)
    assert _try(empty_store, stored_hash, RIGHT, now=moment).accepted
    assert (
        login_throttle.seconds_locked(empty_store, ("account:beheerder", "address:203.0.113.5"), moment) == 0
    )


def test_new_addresses_get_no_fresh_attempts_on_the_same_account(empty_store, stored_hash):
    for i in range(3):
        _try(empty_store, stored_hash, "fout", address=f"198.51.100.{i}")
    assert not _try(empty_store, stored_hash, RIGHT, address="192.0.2.77").accepted
    # Another account from a clean address is not affected.
    assert _try(empty_store, stored_hash, RIGHT, account="redacteur", address="192.0.2.78").accepted


def test_one_address_is_refused_for_every_account(empty_store, stored_hash):
    for account in ("a", "b", "c"):
        _try(empty_store, stored_hash, "fout", account=account)
    assert not _try(empty_store, stored_hash, RIGHT, account="d").accepted


def test_failures_older_than_a_day_no_longer_count(empty_store, stored_hash):
    for _ in range(3):
        _try(empty_store, stored_hash, "fout")
    later = NOW + login_throttle.FORGET_AFTER + dt.timedelta(minutes=1)
    _try(empty_store, stored_hash, "fout", now=later)
    keys = login_throttle.throttle_keys("beheerder", "203.0.113.5")
    assert login_throttle.seconds_locked(empty_store, keys, later) == 0


@pytest.mark.parametrize(
    "remote_ip, forwarded, trusted, expected",
    [
        (None, None, (), "127.0.0.1"),  # loopback, no proxy header
        ("203.0.113.5", None, (), "203.0.113.5"),
        # uvicorn already put the forwarded value in the peer; without trusted proxies it is ignored
        ("198.51.100.7", "198.51.100.7", (), "127.0.0.1"),
        ("198.51.100.8", "10.9.9.9, 198.51.100.8", (), "127.0.0.1"),
        # a direct client cannot choose its address by sending the header
        ("203.0.113.9", "192.0.2.1", (), "203.0.113.9"),
        ("203.0.113.9", "192.0.2.1", ("127.0.0.1",), "203.0.113.9"),
        # behind a trusted local proxy: the client the proxy saw, not what the client claimed
        ("198.51.100.7", "198.51.100.7", ("127.0.0.1",), "198.51.100.7"),
        ("198.51.100.7", "192.0.2.1, 198.51.100.7", ("127.0.0.1",), "198.51.100.7"),
        (None, "10.0.0.2, 10.0.0.3", ("127.0.0.1", "10.0.0.0/8"), "127.0.0.1"),
        (None, "192.0.2.4, 10.0.0.3", ("127.0.0.1", "10.0.0.0/8"), "192.0.2.4"),
        (None, "niet-een-adres", ("127.0.0.1",), "onbekend"),
    ],
)
def test_client_address_believes_forwarded_for_only_from_trusted_proxies(
    remote_ip, forwarded, trusted, expected
):
    assert login_throttle.client_address(remote_ip, forwarded, trusted) == expected


def test_trusted_proxies_setting_is_empty_by_default_and_refuses_garbage(monkeypatch):
    from vsdash import settings

    monkeypatch.delenv("VSDASH_TRUSTED_PROXIES", raising=False)
    assert settings.trusted_proxies() == ()
    monkeypatch.setenv("VSDASH_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    assert settings.trusted_proxies() == ("127.0.0.1", "10.0.0.0/8")
    monkeypatch.setenv("VSDASH_TRUSTED_PROXIES", "proxy.local")
    with pytest.raises(ValueError, match="VSDASH_TRUSTED_PROXIES"):
        settings.trusted_proxies()
