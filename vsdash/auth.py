"""Who may import, undo and delete: password hashing, constant-time checks and a lockout.

Reading the dashboard is open. Changing data needs a login: an OIDC login through Streamlit when
it is configured, otherwise an administrator password whose hash (never the password) comes from
secrets (``[vsdash] admin_password_hash``) or ``VSDASH_ADMIN_PASSWORD_HASH``. Hashes are scrypt
with a random salt, written as ``scrypt$n$r$p$salt_hex$hash_hex``; make one with
``python -m vsdash hash-password``. This module has no Streamlit code (the UI is in ``vsdash/ui``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_FAILURES = 5
LOCKOUT_SECONDS = 300
FAILURE_DELAY_SECONDS = 1.0


class HashFormatError(ValueError):
    """The configured hash is not one this module wrote; the message says how to make one."""


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """Return a salted scrypt hash of ``password`` in the form ``scrypt$n$r$p$salt$hash``."""
    if not password:
        raise ValueError("het wachtwoord is leeg")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored_hash: str) -> bool:
    """Whether ``password`` matches ``stored_hash`` (compared in constant time)."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored_hash.strip().split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
        n_, r_, p_ = int(n), int(r), int(p)
    except ValueError as exc:
        raise HashFormatError(
            "Het ingestelde wachtwoord-hash heeft een onbekende vorm; maak een nieuwe met "
            "'python -m vsdash hash-password'."
        ) from exc
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n_, r=r_, p=p_, dklen=len(expected), maxmem=2**27)
    return hmac.compare_digest(digest, expected)


@dataclass
class LoginThrottle:
    """Counts failed logins per key (session or address) and locks a key out after too many.

    After ``max_failures`` failures within the lockout window the key is refused for
    ``lockout_seconds``, even with the right password. Thread-safe: one instance serves every
    session of the app (kept in ``st.cache_resource``).
    """

    max_failures: int = MAX_FAILURES
    lockout_seconds: float = LOCKOUT_SECONDS
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _locked_until: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def seconds_locked(self, key: str, now: float | None = None) -> float:
        """Seconds until ``key`` may try again (0 when not locked)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return max(0.0, self._locked_until.get(key, 0.0) - now)

    def record_failure(self, key: str, now: float | None = None) -> None:
        """Remember a failed attempt; lock the key when it reaches the limit."""
        now = time.monotonic() if now is None else now
        with self._lock:
            recent = [t for t in self._failures.get(key, []) if now - t < self.lockout_seconds]
            recent.append(now)
            self._failures[key] = recent
            if len(recent) >= self.max_failures:
                self._locked_until[key] = now + self.lockout_seconds
                self._failures[key] = []

    def record_success(self, key: str) -> None:
        """Forget the failures of ``key`` after a successful login."""
        with self._lock:
            self._failures.pop(key, None)
            self._locked_until.pop(key, None)


@dataclass(frozen=True)
class LoginOutcome:
    """The answer to a login attempt: accepted, or why not (Dutch)."""

    accepted: bool
    message: str


def check_admin_password(
    password: str,
    stored_hash: str,
    throttle: LoginThrottle,
    key: str,
    *,
    delay: float = FAILURE_DELAY_SECONDS,
    now: float | None = None,
) -> LoginOutcome:
    """Check an administrator password with lockout and a short delay after each failure."""
    locked = throttle.seconds_locked(key, now)
    if locked > 0:
        return LoginOutcome(
            False, f"Te veel mislukte pogingen. Probeer het over {int(locked // 60) + 1} minuten opnieuw."
        )
    if password and verify_password(password, stored_hash):
        throttle.record_success(key)
        return LoginOutcome(True, "Ingelogd als beheerder.")
    throttle.record_failure(key, now)
    if delay:
        time.sleep(delay)  # slows guessing; the lockout stops it
    locked = throttle.seconds_locked(key, now)
    if locked > 0:
        return LoginOutcome(
            False, f"Te veel mislukte pogingen. Probeer het over {int(locked // 60) + 1} minuten opnieuw."
        )
    return LoginOutcome(False, "Wachtwoord onjuist.")
