"""WCAG 2.1 AA in the browser: axe-core on every page, keyboard use, and the document language.

axe-core comes from npm (package.json pins it; ``scripts/test`` runs ``npm install``) and is
injected into the real app in Debian's chromium. Every page of ``vsdash.ui.navigation.PAGES`` is
checked twice: as it opens, and with every "Toon als tabel" switch turned on, so the tables behind
the charts are checked too. The full axe report per page is written to ``test-artifacts/axe/``.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import ADMIN_PASSWORD, ARTIFACTS, ROOT, wait_idle
from vsdash.i18n import t
from vsdash.ui.navigation import PAGES

pytestmark = pytest.mark.browser

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_OUT = ARTIFACTS / "axe"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# Violations inside Streamlit itself that the app cannot fix, as (rule id, CSS selector of the
# element). Each needs a line in docs/toegankelijkheid.md under "Bekende afwijkingen". Empty: axe
# finds nothing serious in Streamlit's own markup with the theme in .streamlit/config.toml.
STREAMLIT_EXCEPTIONS: tuple[tuple[str, str], ...] = ()

_RUN_AXE = """async ([tags, exceptions]) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations', 'incomplete'],
  });
  const excepted = (rule, node) => exceptions.some(([id, selector]) => {
    if (id !== rule) return false;
    const el = document.querySelector(node.target[0]);
    return !!(el && el.closest(selector));
  });
  for (const v of result.violations) {
    v.excepted = v.nodes.filter(n => excepted(v.id, n)).length;
  }
  return result;
}"""


def _page_path(index: int) -> str:
    return "/" if index == 0 else f"/{PAGES[index].url_path}"


def _run_axe(page) -> dict:
    if not AXE_JS.exists():
        pytest.fail("axe-core is missing: run `npm install` in the repository root (scripts/test does)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(_RUN_AXE, [WCAG_TAGS, [list(e) for e in STREAMLIT_EXCEPTIONS]])


def _blocking(result: dict) -> list[str]:
    found = []
    for v in result["violations"]:
        if v["impact"] in BLOCKING and len(v["nodes"]) > v.get("excepted", 0):
            targets = [n["target"] for n in v["nodes"]][:5]
            found.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return found


def _open_all_tables(page, lang: str) -> int:
    """Turn on every "Toon als tabel" switch (one at a time: each one reruns the page)."""
    label = t("show_as_table", lang)
    opened = 0
    for _ in range(12):
        toggles = page.locator(f'[data-testid="stCheckbox"] label:has-text("{label}") input[type="checkbox"]')
        off = [i for i in range(toggles.count()) if not toggles.nth(i).is_checked()]
        if not off:
            break
        toggles.nth(off[0]).focus()
        page.keyboard.press("Space")  # by keyboard, as a keyboard user would
        wait_idle(page)
        opened += 1
    return opened


@pytest.mark.parametrize("query", ["", "?taal=en&gemeente=GM0344"], ids=["nl-alle", "en-utrecht"])
@pytest.mark.parametrize("index", range(len(PAGES)), ids=[p.url_path for p in PAGES])
def test_axe_finds_no_serious_wcag_violation(app_url, browser, index, query):
    lang = "en" if "taal=en" in query else "nl"
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    page.goto(app_url + _page_path(index) + query)
    wait_idle(page)
    AXE_OUT.mkdir(parents=True, exist_ok=True)
    name = f"{PAGES[index].url_path}-{'en' if lang == 'en' else 'nl'}"
    as_opened = _run_axe(page)
    (AXE_OUT / f"{name}.json").write_text(json.dumps(as_opened, indent=1, ensure_ascii=False))
    problems = _blocking(as_opened)
    opened = _open_all_tables(page, lang)
    with_tables = _run_axe(page)
    (AXE_OUT / f"{name}-tabellen.json").write_text(json.dumps(with_tables, indent=1, ensure_ascii=False))
    problems += [f"with tables: {p}" for p in _blocking(with_tables)]
    tables = page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').count()
    ctx.close()
    assert not problems, "\n".join(problems)
    assert tables >= opened, f"{opened} table switches turned on but {tables} tables shown"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_login_and_import_form_have_no_serious_wcag_violation(app_url, browser, lang):
    """Gegevens behind the login: the password field, then (logged in by keyboard) the uploader."""
    index = next(i for i, p in enumerate(PAGES) if p.file == "pages/gegevens.py")
    page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(app_url + _page_path(index) + ("?taal=en" if lang == "en" else ""))
    wait_idle(page)
    AXE_OUT.mkdir(parents=True, exist_ok=True)
    login = _run_axe(page)
    (AXE_OUT / f"gegevens-login-{lang}.json").write_text(json.dumps(login, indent=1, ensure_ascii=False))
    problems = _blocking(login)
    field = page.get_by_label(t("data_password", lang), exact=True)
    field.focus()
    page.keyboard.type(ADMIN_PASSWORD)
    page.keyboard.press("Enter")
    wait_idle(page)
    uploader = page.locator('[data-testid="stFileUploader"]')
    assert uploader.count() >= 1, "no upload field after logging in with the keyboard"
    form = _run_axe(page)
    (AXE_OUT / f"gegevens-import-{lang}.json").write_text(json.dumps(form, indent=1, ensure_ascii=False))
    problems += [f"import form: {p}" for p in _blocking(form)]
    page.context.close()
    assert not problems, "\n".join(problems)


def test_document_language_follows_the_language_switch(app_url, browser):
    page = browser.new_context().new_page()
    page.goto(app_url + "/")
    wait_idle(page)
    assert page.evaluate("document.documentElement.lang") == "nl"
    page.goto(app_url + "/?taal=en")
    wait_idle(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    # Switching back in the sidebar (by keyboard) sets Dutch again without a reload.
    radio = page.locator('[data-testid="stSidebar"] [data-testid="stRadio"] input[type="radio"]').first
    radio.focus()
    page.keyboard.press("Space")
    wait_idle(page)
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.locator("h1").first.inner_text().startswith("Overzicht")
    page.context.close()


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
      const el = document.activeElement;
      const box = el && el.closest('[data-testid="stSelectbox"]');
      return {
        tag: el ? el.tagName : null,
        inSidebar: !!(el && el.closest('[data-testid="stSidebar"]')),
        inMain: !!(el && el.closest('[data-testid="stMain"]')),
        selectbox: box ? box.querySelector('label')?.innerText : null,
        outline: el ? getComputedStyle(el).outlineStyle : '',
      };
    }"""
    )


def test_keyboard_reaches_the_filters_and_changes_the_municipality(app_url, browser):
    """Tab from the top of the page into the sidebar's municipality box, open it and pick Utrecht."""
    page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(app_url + "/")
    wait_idle(page)
    page.locator("body").focus()
    label = t("municipality", "nl")
    visited = []
    for _ in range(40):
        page.keyboard.press("Tab")
        where = _focused(page)
        visited.append(where)
        if where["selectbox"] == label:
            break
    else:
        pytest.fail(f"Tab never reached the '{label}' box; focus went {visited}")
    assert where["inSidebar"], where
    # Every stop on the way had a visible focus ring (WCAG 2.4.7).
    unmarked = [w for w in visited if w["tag"] not in (None, "BODY") and w["outline"] in ("none", "")]
    assert not unmarked, f"focus without a visible outline: {unmarked}"
    # Open with the keyboard, narrow the list by typing, choose with Enter.
    page.keyboard.press("ArrowDown")
    page.wait_for_selector('[role="listbox"]', timeout=5000)
    page.keyboard.type("Utrecht")
    page.keyboard.press("Enter")
    wait_idle(page)
    assert "Utrecht" in page.locator("h1").first.inner_text()
    assert "gemeente=GM0344" in page.url
    # Tabbing on leaves the sidebar and reaches controls on the page itself.
    for _ in range(60):
        page.keyboard.press("Tab")
        if _focused(page)["inMain"]:
            break
    else:
        pytest.fail("Tab never left the sidebar for the page's own controls")
    page.context.close()


def test_every_page_has_one_h1_and_a_title(app_url, browser):
    """Each page names itself: a window title and exactly one top-level heading (WCAG 2.4.2, 1.3.1)."""
    page = browser.new_context().new_page()
    for index in range(len(PAGES)):
        page.goto(app_url + _page_path(index))
        wait_idle(page)
        assert page.locator("h1").count() == 1, _page_path(index)
        assert re.search(t(PAGES[index].label_key, "nl"), page.title()), page.title()
    page.context.close()
