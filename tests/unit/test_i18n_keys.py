"""Every label in vsdash.i18n is used: a key nothing refers to is text nobody reads or translates."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from vsdash.i18n import LABELS
from vsdash.views.reports import SPLITS

ROOT = Path(__file__).resolve().parents[2]

# Keys built at run time from a fixed prefix and a value (an f-string or "prefix" + value), each
# with where the value comes from. A prefix is listed only when the source builds keys with it.
DYNAMIC_PREFIXES = {
    "effect_tech_term_": "calendar_nl.CALENDAR_COLUMNS (effect_estimator.technical_method)",
    "effect_tech_region_": "calendar_nl.REGIONS and NATIONAL (effect_estimator.technical_method)",
    "act_status_": "activity status (schema)",
    "act_type_": "activity type (schema)",
    "cat_": "activity category (schema)",
    "channel_": "report channel kind (views/reports.py)",
    "cmp_change_": "joined or stopped (charts_compare.py)",
    "cmp_group_": "peer group (compare.py)",
    "cmp_metric_": "comparison metric (pages/vergelijken.py)",
    "counted_": "week or month of a key figure",
    "counts_title_": "export counts --by (commands/export.py)",
    "data_kind_": "import kind (ui/data_import.py)",
    "data_log_col_": "count column of the import log (publication.public_import_log)",
    "download_name_": "key of a chart or map (ui/widgets.download_name)",
    "effect_placebo_": "placebo window of the effect estimator",
    "effect_warn_holiday_overlap_": "effect estimator warnings",
    "effect_warn_level_shift_": "effect estimator warnings",
    "effect_warn_placebo_": "effect estimator warnings",
    "effect_warn_trend_change_": "effect estimator warnings",
    "fld_": "column of a template (schema)",
    "fld_help_": "column help of a template (schema)",
    "grain_": "day, week, month",
    "grain_label_": "day, week, month (pages/meldingen.py)",
    "import_gemeente_": "import messages",
    "import_header_": "import messages",
    "map_alt_trend_": "week or month, all shown or not (maps.risk_area_trend)",
    "map_area_type_": "risk area type (schema)",
    "map_fixed_gemeente_": "column mapping of an import",
    "map_fixed_kanaal_": "column mapping of an import",
    "map_measure_": "risk area measure (schema)",
    "map_trend_axis_": "week or month (maps.risk_area_trend)",
    "map_unit_hexes_r": "H3 resolution of a before/after map",
    "preset_": "period presets (ui/frame.py)",
    "prog_phase_": "programme phase (views/programme.py)",
    "prog_peers_basis_": "how a comparable group was chosen (views/programme.py)",
    "prog_source_": "source of a characteristic (characteristics.SOURCES, views/programme.py)",
    "comparable_by_": "how a comparable group was chosen (characteristics.py)",
    "reason_": "why a key figure is missing (publication.py)",
    "rep_": "report category (schema)",
    "reports_by_": "report breakdowns",
    "scale_": "campaign scale (schema)",
    "size_class_": "peer size class (peers.py)",
    "slide_": "slide kind (presentation.SLIDE_KINDS)",
    "split_": "split of the report chart (pages/meldingen.py)",
    "target_": "activity target group (schema)",
    "tpl_": "template sheet texts",
    "trend_title_": "week or month (views)",
    "undo_": "undo messages",
}
# Keys built from another key with a suffix: maps._range_label ("{key}_one", "{key}_range"), the
# before/after map's unit ("..._one"), Presenteren's builder tooltips ("{label_key}_help") and the
# slide axis (f"reports_{grain}_axis").
BUILT_KEYS = {
    "map_legend_more_one",
    "map_legend_more_range",
    "map_legend_fewer_one",
    "map_legend_fewer_range",
    "map_unit_municipalities_one",
    "compose_up_help",
    "compose_down_help",
    "compose_hide_help",
    "compose_show_help",
    "compose_remove_help",
    "reports_week_axis",
    "reports_month_axis",
    "reports_day_axis",
}


def _sources() -> str:
    """The code that may refer to labels: vsdash/ (i18n.py without its table), pages/, dashboard.py."""
    files = [*(ROOT / "vsdash").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"]
    texts = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path == ROOT / "vsdash" / "i18n.py":
            text = text.split("\n}\n", 1)[1]  # the functions after the LABELS table
        texts.append(text)
    return "\n".join(texts)


def test_every_label_key_is_used():
    source = _sources()
    literals = set(re.findall(r"[\"']([a-z][a-z0-9_-]*)[\"']", source))
    unused = [
        key
        for key in LABELS
        if key not in literals and key not in BUILT_KEYS and not key.startswith(tuple(DYNAMIC_PREFIXES))
    ]
    assert not unused, f"labels nothing refers to (remove them, or list how they are built): {unused}"


def test_the_listed_ways_of_building_keys_are_in_the_source():
    """A listed prefix or built key must still exist in the code, so the lists cannot hide dead labels."""
    source = _sources()
    stale = [
        prefix
        for prefix in DYNAMIC_PREFIXES
        if not re.search(rf"""f?["']{re.escape(prefix)}(\{{|["'] \+)""", source)
    ]
    assert not stale, f"prefixes no code builds keys with: {stale}"
    assert set(LABELS) >= BUILT_KEYS, sorted(BUILT_KEYS - set(LABELS))


# Where each drawing call takes the figure's key (0-based position).
KEY_ARGUMENT = {"show_chart": 1, "show_static_chart": 1, "show_map": 1, "table_switch": 2, "render": 1}


def _figure_keys() -> set[str]:
    """The keys pages draw charts and maps with.

    The key is the 2nd argument of show_chart, show_static_chart and show_map, the 3rd of table_switch.

    Meldingen draws its sections through its own ``render(section, key)``, whose keys are read
    instead of the variable it passes on. The split chart's key is an f-string over ``views.reports.SPLITS``; any other key that is not
    a plain string fails here, so a new way of building one is seen and listed.
    """
    keys = set()
    for path in (ROOT / "pages").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            position = KEY_ARGUMENT.get(node.func.id)
            if position is None:
                continue
            arg = node.args[position]
            if path.name == "meldingen.py" and node.func.id == "show_chart" and isinstance(arg, ast.Name):
                continue  # inside render(): its callers' keys are read
            if isinstance(arg, ast.Constant):
                keys.add(arg.value)
            elif isinstance(arg, ast.JoinedStr) and ast.unparse(arg).startswith('f"reports_by_{'):
                keys.update(f"reports_by_{split}" for split in SPLITS)
            else:
                raise AssertionError(
                    f"{path.name}: a figure key built in an unlisted way: {ast.unparse(arg)}"
                )
    return keys


def test_every_figure_on_a_page_has_a_download_name():
    """Each chart's and map's download buttons name it (smallfix item 1); a key without a name would
    fail only on the page that draws it, perhaps after a click, so every key is checked here."""
    keys = _figure_keys()
    assert len(keys) > 15, keys  # the pages draw about twenty figures: the search found them
    missing = sorted(key for key in keys if f"download_name_{key}" not in LABELS)
    assert not missing, f"figures whose downloads have no name in vsdash.i18n: {missing}"
