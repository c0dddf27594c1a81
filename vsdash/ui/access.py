"""Login for changing data: Streamlit's OIDC login when configured, else an administrator password.

The password check and hashing live in ``vsdash.auth``, the back-off after failed attempts in
``vsdash.login_throttle`` (counted in the store, per account and per address); this module only
draws the widgets and reads the client's address from the connection.
"""

from __future__ import annotations

import streamlit as st

from vsdash import auth, login_throttle, plain_text, settings
from vsdash.i18n import t
from vsdash.ui import cached

PASSWORD_KEY = "vs_admin_password"
ADMIN_KEY = "_vs_admin"


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except Exception:  # noqa: BLE001 - no secrets file, or one that does not parse: treat as absent
        return {}


def oidc_configured() -> bool:
    """Whether an OIDC provider is configured for ``st.login`` (``[auth]`` in secrets)."""
    return bool(_secrets_section("auth"))


def admin_password_hash() -> str | None:
    """The administrator password hash from secrets, else from the environment."""
    return _secrets_section("vsdash").get("admin_password_hash") or settings.admin_password_hash()


def _client_address() -> str:
    """The client's address for the login back-off (``X-Forwarded-For`` only via trusted proxies)."""
    try:
        remote_ip = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For")
    except Exception:  # noqa: BLE001 - no browser connection (AppTest): counted as loopback
        remote_ip, forwarded = None, None
    return login_throttle.client_address(remote_ip, forwarded)


def signed_in_admin() -> bool:
    """Whether this session has signed in to change data (OIDC login or the administrator password)."""
    if oidc_configured():
        return bool(st.user.is_logged_in)
    return bool(st.session_state.get(ADMIN_KEY))


def editor(lang: str) -> str | None:
    """Return who may change data in this session, or None after drawing how to log in.

    With OIDC configured, a login button; otherwise a password field when a hash is configured;
    otherwise an explanation of how an administrator enables imports.
    """
    if oidc_configured():
        if st.user.is_logged_in:
            name = st.user.get("email") or st.user.get("name") or "ingelogd"
            st.caption(t("data_logged_in_as", lang, naam=plain_text.markdown(name)))
            st.button(t("data_logout", lang), on_click=st.logout, key="vs_logout")
            return str(name)
        st.info(t("data_login_needed", lang))
        st.button(t("data_login", lang), on_click=st.login, key="vs_login")
        return None
    stored = admin_password_hash()
    if not stored:
        st.info(t("data_imports_disabled", lang))
        return None
    if st.session_state.get(ADMIN_KEY):
        st.caption(t("data_logged_in_as", lang, naam=t("data_admin", lang)))
        if st.button(t("data_logout", lang), key="vs_admin_logout"):
            st.session_state[ADMIN_KEY] = False
            st.rerun()
        return "beheerder"
    attempt = st.session_state.get(PASSWORD_KEY, "")
    if attempt:
        # Checked before the field is drawn, so it can be emptied: a password never stays in state.
        st.session_state[PASSWORD_KEY] = ""
        try:
            outcome = login_throttle.check_password(
                attempt, stored, cached.store(), account="beheerder", address=_client_address()
            )
        except auth.HashFormatError as exc:
            st.error(str(exc))
            return None
        if outcome.accepted:
            st.session_state[ADMIN_KEY] = True
            st.rerun()
        st.error(t("data_login_refused", lang, reden=outcome.message))
    st.text_input(
        t("data_password", lang), type="password", key=PASSWORD_KEY, help=t("data_password_help", lang)
    )
    return None
