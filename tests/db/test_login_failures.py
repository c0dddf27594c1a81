"""Failed logins are kept in the store on both backends: a new connection gives no fresh attempts."""

from __future__ import annotations

import datetime as dt

from vsdash import login_throttle
from vsdash.auth import hash_password
from vsdash.store import Store

RIGHT = "juist-wachtwoord-123"
NOW = dt.datetime(2026, 3, 1, 12, 0)


def test_failures_survive_a_new_store_connection(store_url):
    stored_hash = hash_password(RIGHT)

    def attempt(store, password, now):
        return login_throttle.check_password(
            password, stored_hash, store, account="beheerder", address="203.0.113.5", delay=0, now=now
        )

    first = Store(store_url)
    for _ in range(3):
        assert not attempt(first, "fout", NOW).accepted
    first.close()
    again = Store(store_url)  # a restart, a cleared st.cache_resource or a new session: same store
    try:
        outcome = attempt(again, RIGHT, NOW + dt.timedelta(seconds=10))
        assert not outcome.accepted and "Te veel mislukte pogingen" in outcome.message
        assert attempt(again, RIGHT, NOW + dt.timedelta(seconds=31)).accepted
    finally:
        again.close()
