"""Who may change which data: an allow-list that maps signed-in accounts to roles.

Three roles:

- ``lezer`` (reader): reads the dashboard, like anyone who is not signed in. Every signed-in
  account that is not on the list is a reader, so signing in alone never grants changes.
- ``redacteur`` (editor): imports and undoes imports for the municipalities listed, and only
  those: a file with a row for another municipality is refused (or, with "skip invalid", that
  row is set aside with its reason); the last import can only be undone when it touched only
  the editor's municipalities.
- ``programmabeheerder`` (programme administrator): imports and undoes for every municipality.

The list lives in secrets (``.streamlit/secrets.toml``), keyed by the account's e-mail address
(compared without regard to case)::

    [vsdash.accounts]
    "a.jansen@utrecht.nl" = { rol = "redacteur", gemeenten = ["GM0344"] }
    "beheer@minocw.nl" = { rol = "programmabeheerder" }
    "raad@utrecht.nl" = { rol = "lezer" }

The administrator password (the fallback when no OIDC provider is configured) grants the
programme administrator role. This module has no Streamlit code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

READER, EDITOR, ADMIN = "lezer", "redacteur", "programmabeheerder"
ROLES = (READER, EDITOR, ADMIN)
_GEMEENTE = re.compile(r"^GM\d{4}$")


class RolesError(ValueError):
    """The allow-list in secrets is not valid; ``str(exc)`` says which account and why, in Dutch."""


class _Account(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rol: Literal["lezer", "redacteur", "programmabeheerder"]
    gemeenten: tuple[str, ...] = ()

    @field_validator("gemeenten")
    @classmethod
    def _codes(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        wrong = [c for c in codes if not _GEMEENTE.match(c)]
        if wrong:
            raise ValueError(
                f"onbekende gemeentecode(s) {', '.join(map(repr, wrong))}; gebruik CBS-codes zoals GM0344"
            )
        return codes

    @model_validator(mode="after")
    def _editor_has_municipalities(self) -> _Account:
        if self.rol == EDITOR and not self.gemeenten:
            raise ValueError('een redacteur heeft minstens één gemeente nodig (gemeenten = ["GM0344"])')
        if self.rol != EDITOR and self.gemeenten:
            raise ValueError(
                f"de rol {self.rol} hoort geen gemeenten te hebben; alleen een redacteur heeft ze"
            )
        return self


@dataclass(frozen=True)
class Access:
    """What one signed-in person may do: their account, role and (for an editor) municipalities."""

    account: str
    role: str
    gemeenten: frozenset[str] = frozenset()

    @property
    def may_change_data(self) -> bool:
        """Whether this person may import and undo at all."""
        return self.role in (EDITOR, ADMIN)

    @property
    def scope(self) -> frozenset[str] | None:
        """The municipalities this person may change: None for all (administrator)."""
        if self.role == ADMIN:
            return None
        return self.gemeenten if self.role == EDITOR else frozenset()

    def outside(self, codes: Iterable[str]) -> list[str]:
        """The municipalities among ``codes`` this person may not change, sorted."""
        scope = self.scope
        return [] if scope is None else sorted({c for c in codes if c not in scope})


ADMIN_PASSWORD_ACCESS = Access("beheerder", ADMIN)


def parse_allow_list(data: Mapping | None) -> dict[str, _Account]:
    """Validate the ``[vsdash.accounts]`` table; raise ``RolesError`` naming each wrong account."""
    accounts: dict[str, _Account] = {}
    problems: list[str] = []
    for account, entry in (data or {}).items():
        try:
            accounts[str(account).strip().lower()] = _Account.model_validate(dict(entry))
        except (ValidationError, TypeError, ValueError) as exc:
            problems.append(f"{account}: {_reason(exc)}")
    if problems:
        raise RolesError(
            "De lijst met accounts ([vsdash.accounts] in secrets.toml) klopt niet: "
            + "; ".join(problems)
            + '. Toegestaan: rol = "lezer", "redacteur" (met gemeenten = ["GM...."]) of "programmabeheerder".'
        )
    return accounts


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            message = str(error["msg"]).removeprefix("Value error, ")
            parts.append(f"{where}: {message}" if where else message)
        return ", ".join(parts)
    return "geen tabel met rol (en gemeenten)"


def access_for(account: str | None, allow_list: Mapping[str, _Account]) -> Access:
    """The access of a signed-in ``account`` (e-mail): its entry on the list, else reader."""
    key = (account or "").strip().lower()
    entry = allow_list.get(key)
    if entry is None:
        return Access(key, READER)
    return Access(key, entry.rol, frozenset(entry.gemeenten))
