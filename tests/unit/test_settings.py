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
