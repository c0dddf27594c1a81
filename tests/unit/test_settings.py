import re

from vsdash import settings
from vsdash.settings import PROJECT_ROOT


def test_every_setting_is_documented():
    doc = (PROJECT_ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in settings.SETTINGS:
        assert f"`{name}`" in doc, f"{name} is not in docs/settings.md"


def test_every_setting_read_in_code_is_declared():
    used = set()
    for path in (PROJECT_ROOT / "vsdash").rglob("*.py"):
        used |= set(re.findall(r"VSDASH_[A-Z0-9_]+", path.read_text(encoding="utf-8")))
    assert used <= set(settings.SETTINGS) | {"VSDASH_DEBUG"}


# issue 17: every setting validated, with a Dutch message naming variable, value and what is allowed
import pytest  # noqa: E402


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("VSDASH_MIN_COUNT", "vijf", "geheel getal van 3 tot en met 100"),
        ("VSDASH_MIN_COUNT", "1", "geheel getal van 3 tot en met 100"),
        ("VSDASH_MAX_H3_RES", "16", "van 0 tot en met 15"),
        ("VSDASH_MAX_UPLOAD_MB", "-1", "groter dan 0"),
        ("VSDASH_DEMO_REPORTS", "veel", "geheel getal"),
        ("VSDASH_DATABASE_URL", "mysql://db/vsdash", "postgresql://gebruiker@host/database"),
        ("VSDASH_ADMIN_PASSWORD_HASH", "geheim", "python -m vsdash hash-password"),
        ("VSDASH_BOUNDARIES_DIR", "/bestaat/niet", "bestaande map"),
        ("VSDASH_LOG_FORMAT", "xml", "json of text"),
        ("VSDASH_BASEMAP_URL", "https://tegels.example.nl/kaart.png", "{z}, {x} en {y} bevat, of uit"),
    ],
)
def test_a_wrong_setting_is_named_with_its_value_and_what_is_allowed(name, value, allowed):
    with pytest.raises(settings.SettingsError) as caught:
        settings.check({name: value})
    message = str(caught.value)
    assert f"{name}={value!r} is niet toegestaan" in message
    assert allowed in message


def test_every_wrong_setting_is_listed_at_once():
    with pytest.raises(settings.SettingsError) as caught:
        settings.check({"VSDASH_MIN_COUNT": "vijf", "VSDASH_LOG_FORMAT": "xml"})
    assert "VSDASH_MIN_COUNT" in str(caught.value) and "VSDASH_LOG_FORMAT" in str(caught.value)


def test_valid_and_empty_settings_pass_and_are_read_as_typed_values(monkeypatch):
    settings.check(
        {"VSDASH_MIN_COUNT": "10", "VSDASH_MAX_UPLOAD_MB": "0.5", "VSDASH_DEBUG": "", "OTHER": "x"}
    )
    monkeypatch.setenv("VSDASH_MIN_COUNT", "10")
    monkeypatch.setenv("VSDASH_MAX_UPLOAD_MB", "0.5")
    monkeypatch.setenv("VSDASH_DEMO_REPORTS", "")  # empty means "not set", the default applies
    assert settings.min_count() == 10
    assert settings.max_upload_bytes() == 512 * 1024
    assert settings.demo_reports() == 100_000


def test_a_getter_raises_the_dutch_message_not_a_bare_value_error(monkeypatch):
    monkeypatch.setenv("VSDASH_MIN_COUNT", "vijf")
    with pytest.raises(settings.SettingsError, match="VSDASH_MIN_COUNT='vijf' is niet toegestaan"):
        settings.min_count()


def test_the_command_line_prints_a_wrong_setting_without_a_traceback(monkeypatch, capsys):
    from vsdash.cli import main

    monkeypatch.setenv("VSDASH_MIN_COUNT", "vijf")
    assert main(["status", "--store", "duckdb:///:memory:"]) in (0, 2)
    monkeypatch.setenv("VSDASH_DATABASE_URL", "mysql://db")
    assert main(["status"]) == 2
    err = capsys.readouterr().err
    assert "Fout: Ongeldige instelling: VSDASH_DATABASE_URL='mysql://db' is niet toegestaan" in err
