"""Slow password guessing down: failed logins per account and per address, kept in the store.

Failures are counted in the store's ``login_failures`` table, not in the app's memory: a new
session, a cleared ``st.cache_resource`` (any websocket client can ask for that) or a restart does
not give fresh attempts. Two keys are counted for every attempt, the account and the client's
address, and the longer wait of the two applies. After ``FREE_ATTEMPTS`` failures each further
failure doubles the wait (exponential back-off), up to ``MAX_DELAY_SECONDS``; a success clears
both keys, and failures older than ``FORGET_AFTER`` no longer count.

The client's address is the TCP peer. ``X-Forwarded-For`` is believed only from proxies listed in
``VSDASH_TRUSTED_PROXIES`` (none by default). Streamlit's server (uvicorn) already replaces a
loopback peer by the forwarded address, so a forwarded address that equals the peer is taken as
the loopback proxy itself: behind an untrusted local proxy all clients share one address, and
rotating or forging the header gives no fresh attempts and locks no one else out.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import time
from dataclasses import dataclass

from vsdash import auth, schema, settings

FREE_ATTEMPTS = 3
BASE_DELAY_SECONDS = 30.0
MAX_DELAY_SECONDS = 3600.0
FORGET_AFTER = dt.timedelta(hours=24)
FAILURE_DELAY_SECONDS = auth.FAILURE_DELAY_SECONDS
LOOPBACK = "127.0.0.1"
UNKNOWN_ADDRESS = "onbekend"


@dataclass(frozen=True)
class Throttled:
    """The state of one key: failures counted, the last one, and until when it is refused (UTC)."""

    failures: int
    last_failure: dt.datetime | None
    locked_until: dt.datetime | None


def backoff_seconds(failures: int) -> float:
    """Seconds a key is refused after its ``failures``-th failure (0 for the free attempts)."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2.0 ** (failures - FREE_ATTEMPTS))


def throttle_keys(account: str, address: str) -> tuple[str, str]:
    """The two keys counted for an attempt: the account and the client's address."""
    return f"account:{account}", f"address:{address}"


def client_address(
    remote_ip: str | None, forwarded_for: str | None, trusted: tuple[str, ...] | None = None
) -> str:
    """The address to throttle: the peer, or the forwarded client when the peer is a trusted proxy.

    ``remote_ip`` is what Streamlit reports (``st.context.ip_address``: None for loopback, and
    already replaced by uvicorn with the forwarded address when the peer was loopback);
    ``forwarded_for`` the raw ``X-Forwarded-For`` header; ``trusted`` the proxy addresses or
    networks (default: ``settings.trusted_proxies()``).
    """
    networks = _networks(settings.trusted_proxies() if trusted is None else trusted)
    hops = [h.strip() for h in (forwarded_for or "").split(",") if h.strip()]
    peer = _valid(remote_ip) or LOOPBACK
    if hops and peer in hops:
        peer = LOOPBACK  # uvicorn replaced a loopback peer by a (possibly forged) forwarded value
    if not _trusted(peer, networks):
        return peer
    for hop in reversed(hops):
        address = _valid(hop)
        if address is None:
            return UNKNOWN_ADDRESS  # a proxy we trust passed on garbage: one shared bucket
        if not _trusted(address, networks):
            return address
    return peer


def seconds_locked(store, keys: tuple[str, ...], now: dt.datetime | None = None) -> float:
    """Seconds until every key in ``keys`` may try again (0 when none is refused)."""
    now = now or _utcnow()
    states = _read(store, keys)
    waits = [(s.locked_until - now).total_seconds() for s in states.values() if s.locked_until is not None]
    return max([0.0, *waits])


def record_failure(store, keys: tuple[str, ...], now: dt.datetime | None = None) -> None:
    """Count a failed attempt for each key and set its back-off (in one transaction)."""
    now = now or _utcnow()
    _ensure_table(store)
    with store.transaction() as cur:
        states = _read(store, keys, cur)
        for key in keys:
            state = states.get(key)
            recent = (
                state is not None
                and state.last_failure is not None
                and now - state.last_failure < FORGET_AFTER
            )
            failures = (state.failures if recent else 0) + 1
            until = now + dt.timedelta(seconds=backoff_seconds(failures))
            store.execute("DELETE FROM login_failures WHERE sleutel = $k", {"k": key}, cur)
            store.execute(
                "INSERT INTO login_failures (sleutel, mislukt, laatste, geblokkeerd_tot) "
                "VALUES ($k, $n, $now, $until)",
                {"k": key, "n": failures, "now": now, "until": until},
                cur,
            )


def record_success(store, keys: tuple[str, ...]) -> None:
    """Forget the failures of ``keys`` after a successful login."""
    _ensure_table(store)
    with store.transaction() as cur:
        for key in keys:
            store.execute("DELETE FROM login_failures WHERE sleutel = $k", {"k": key}, cur)


def check_password(
    password: str,
    stored_hash: str,
    store,
    *,
    account: str,
    address: str,
    delay: float = FAILURE_DELAY_SECONDS,
    now: dt.datetime | None = None,
) -> auth.LoginOutcome:
    """Check a password with back-off per account and per address, counted in ``store``.

    A refused key is not even checked (the password could be right): the answer says how long
    to wait. Raises ``auth.HashFormatError`` when the configured hash is malformed.
    """
    keys = throttle_keys(account, address)
    locked = seconds_locked(store, keys, now)
    if locked > 0:
        return auth.LoginOutcome(False, _wait_message(locked))
    if password and auth.verify_password(password, stored_hash):
        record_success(store, keys)
        return auth.LoginOutcome(True, "Ingelogd als beheerder.")
    record_failure(store, keys, now)
    if delay:
        time.sleep(delay)  # slows a single guesser between answers; the back-off does the rest
    locked = seconds_locked(store, keys, now)
    if locked > 0:
        return auth.LoginOutcome(False, "Wachtwoord onjuist. " + _wait_message(locked))
    return auth.LoginOutcome(False, "Wachtwoord onjuist.")


def _wait_message(seconds: float) -> str:
    if seconds < 90:
        return f"Te veel mislukte pogingen. Probeer het over {int(seconds) + 1} seconden opnieuw."
    return f"Te veel mislukte pogingen. Probeer het over {int(seconds // 60) + 1} minuten opnieuw."


def _read(store, keys: tuple[str, ...], cursor=None) -> dict[str, Throttled]:
    _ensure_table(store)
    found = store.query(
        "SELECT sleutel, mislukt, laatste, geblokkeerd_tot FROM login_failures WHERE sleutel = ANY($keys)",
        {"keys": list(keys)},
        cursor,
    )
    return {
        row.sleutel: Throttled(int(row.mislukt), _naive(row.laatste), _naive(row.geblokkeerd_tot))
        for row in found.itertuples(index=False)
    }


def _ensure_table(store) -> None:
    # Stores made before this table existed get it on first use (schema creates it for new ones).
    if getattr(store, "_login_failures_ready", False):
        return
    with store.transaction() as cur:
        store.execute(schema.LOGIN_FAILURES.ddl(store.dialect), cursor=cur)
    store._login_failures_ready = True


def _naive(value) -> dt.datetime | None:
    if value is None or (not isinstance(value, dt.datetime) and str(value) in ("NaT", "None")):
        return None
    stamp = value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    return stamp.replace(tzinfo=None)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _valid(address: str | None) -> str | None:
    if not address:
        return None
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def _networks(trusted: tuple[str, ...]):
    out = []
    for item in trusted:
        try:
            out.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            continue  # settings.trusted_proxies() has already refused malformed entries
    return out


def _trusted(address: str, networks) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in networks)
