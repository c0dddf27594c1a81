"""Campaign effect estimation: how many reports came in during a campaign, against what was expected.

The expectation (the counterfactual: the same weeks without the campaign) comes from a negative
binomial count model fitted on the weeks *before* the campaign only: linear trend, yearly
seasonality (Fourier terms on the day of the year), population as exposure and, when comparison
municipalities are given, their weekly report total as a second exposure (a multiplicative
difference-in-differences). The model is projected into the campaign window and simulated with
parameter *and* count noise, which gives a predictive distribution of the window total; observed
minus that distribution is the estimated extra reports, with a 95% interval and a p-value.

Why these choices is recorded in ``docs/adr/0003-campaign-effect-estimator.md``.

This module is the estimator only: a weekly series in, an estimate out, no store and no privacy.
``vsdash.campaign_effects`` builds the series from the store and publishes the estimate (the
window's count perturbed, ADR 0006); ``vsdash.views.campaigns`` turns it into the effect card.

More reports during a campaign usually means a higher willingness to report (meldingsbereidheid),
not necessarily more harassment; the dashboard says so next to every estimate.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import warnings as _pywarnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa
import statsmodels.api as sm
from scipy.optimize import brentq
from scipy.special import gammaln

from vsdash.calendar_nl import CALENDAR_COLUMNS, NATIONAL, weekly_calendar
from vsdash.i18n import DEFAULT_LANG, fmt_date, fmt_number, fmt_percent, t

COVID_PERIOD = (dt.date(2020, 3, 15), dt.date(2021, 6, 30))

# A channel launch this close before the campaign leaves too few weeks to learn the new level.
LAUNCH_WARNING_WEEKS = 13
# Weeks needed on each side of a launch in the fit before its level shift is estimated.
LAUNCH_MIN_SIDE_WEEKS = 4
# A declared trend change needs this many fit weeks on each side before its bend is estimated:
# the new slope is extrapolated into the window, and from fewer weeks it is mostly noise.
TREND_CHANGE_MIN_SIDE_WEEKS = 13
# Pre-period weeks shown (with the fitted band) before the window in the weekly chart data.
PRE_TAIL_WEEKS = 26
SPARSE_WEEKLY_MEAN = 3.0
SPARSE_WINDOW_TOTAL = 10
# Comparison totals below this per week are so noisy that they add more noise than they remove.
SPARSE_CONTROL_WEEKLY_MEAN = 10.0
# Level-shift scan: candidate steps and bends in the last SCAN_WEEKS fit weeks, each with at least
# SCAN_MIN_AFTER fit weeks after it; one is reported when the scan's p-value (corrected for
# trying every week) is below SCAN_ALPHA and the change is at least SCAN_MIN_SHIFT (a step) or
# SCAN_MIN_BEND a year (a bend). A reported step is modelled in proportion to its posterior weight
# (``_step_weight``), so a false alarm on 4-5% of clean series costs little.
SCAN_WEEKS = 78
SCAN_MIN_AFTER = 4
SCAN_ALPHA = 0.05
SCAN_MIN_SHIFT = 0.05
SCAN_MIN_BEND = 0.10  # per year
SCAN_NULL_DRAWS = 1000
# Recent-bend test (issue 16): one score test of the average of hinges placed at every fit week
# BEND_NEAREST..BEND_FARTHEST weeks before the campaign, each with at least BEND_MIN_BEFORE fit
# weeks before it. A slow bend of the last year or two is what the scan above misses most often,
# and it leaves the expectation too low (or high) by 5-20%: so it is warned about at a lower bar
# of evidence (|z| > BEND_Z, and a best single bend of at least SCAN_MIN_BEND a year) than the
# scan's: 1.5 warns in 91% of series with a bend of +30% a year since a year before the campaign
# and in 7-12% of clean series (600 runs, ADR 0003); 1.3 would warn in 93% and 10-18%, 1.7 in 88%
# and 4-8%. No threshold gives both >= 90% and <= 7%: the counts do not hold that information.
BEND_NEAREST = 13
BEND_FARTHEST = 104
BEND_MIN_BEFORE = 52
BEND_Z = 1.5
# A placebo run "finds" an effect when its p-value is below this; two placebos at 0.01 keep false
# warnings on clean series near 2%, while a real break shows up with p far below it.
PLACEBO_ALPHA = 0.01
PLACEBO_N_SIM = 500
# Above this gap (in relative change) between the estimates with and without comparison, say so.
ALTERNATIVE_GAP = 0.15
# Short codes for the JSON next to the sentences; keys not listed lose their ``effect_warn_`` prefix.
WARNING_CODES = {
    "effect_warn_sparse_pre": "sparse",
    "effect_warn_sparse_window": "sparse",
    "effect_warn_launch_window": "break_in_window",
    "effect_warn_break_window": "break_in_window",
    "effect_warn_launch_recent": "break_recent",
    "effect_warn_break_recent": "break_recent",
    "effect_warn_trend_change_window": "break_in_window",
    "effect_warn_trend_change_short": "break_recent",
    "effect_warn_level_shift_up": "level_shift",
    "effect_warn_level_shift_down": "level_shift",
    "effect_warn_level_shift_unsure_up": "level_shift",
    "effect_warn_level_shift_unsure_down": "level_shift",
    "effect_warn_trend_change_up": "trend_change",
    "effect_warn_trend_change_down": "trend_change",
    "effect_warn_trend_change_recent_up": "trend_change",
    "effect_warn_trend_change_recent_down": "trend_change",
    "effect_warn_placebo_vorig_jaar": "placebo_effect",
    "effect_warn_placebo_vlak_ervoor": "placebo_effect",
    "effect_warn_holiday_overlap_zomervakantie": "holiday_overlap",
    "effect_warn_holiday_overlap_kerstvakantie": "holiday_overlap",
}


@dataclass(frozen=True)
class Diagnostic:
    """One caveat about an estimate: an i18n key (``effect_warn_*``) and the values it needs."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def render(self, lang: str = DEFAULT_LANG) -> str:
        """Return the caveat as a sentence in ``lang``, its values written as readers of ``lang`` do.

        Dates and numbers are formatted here, not when the caveat is made, so one caveat reads
        right in both languages ("1,3 meldingen" and "1.3 reports"); a value named ``pct`` is a
        fraction written as a percentage.
        """
        return t(
            self.key, lang, **{name: _fmt_value(name, value, lang) for name, value in self.values.items()}
        )

    @property
    def code(self) -> str:
        """A short, stable code for machines (``level_shift``, ``placebo_effect``, ``sparse`` ...)."""
        return WARNING_CODES.get(self.key, self.key.removeprefix("effect_warn_").removeprefix("effect_note_"))


def _fmt_value(name: str, value: object, lang: str) -> object:
    """One value of a caveat in ``lang``: a date, a percentage (``pct``), a count or a decimal."""
    if isinstance(value, dt.date):
        return fmt_date(value, lang)
    if name == "pct" and isinstance(value, numbers.Real):
        return fmt_percent(float(value), lang)
    if isinstance(value, numbers.Integral):
        return fmt_number(int(value), lang)
    if isinstance(value, numbers.Real):
        return fmt_number(float(value), lang, 0 if float(value).is_integer() else 1)
    return value


@dataclass(frozen=True)
class PlaceboRun:
    """The estimator applied to weeks without the campaign: a check that it finds nothing there.

    ``kind`` is ``vorig_jaar`` (the same weeks one year earlier) or ``vlak_ervoor`` (the weeks
    just before the campaign, as many as the campaign lasted).
    """

    kind: str
    start: dt.date
    end: dt.date
    relative_change: float
    relative_low: float | None
    relative_high: float | None
    p_value: float

    @property
    def found_effect(self) -> bool:
        """True when the method would have reported a clear effect in weeks without the campaign."""
        return self.p_value < PLACEBO_ALPHA

    def to_dict(self) -> dict[str, object]:
        """JSON-serialisable form."""
        return {
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "relative_change": _round(self.relative_change, 3),
            "relative_low": _round(self.relative_low, 3),
            "relative_high": _round(self.relative_high, 3),
            "p_value": _round(self.p_value, 4),
            "found_effect": self.found_effect,
        }


@dataclass(frozen=True)
class EffectEstimate:
    """Estimated effect of one campaign on the number of reports in its window.

    Counts are window totals. ``expected`` is the fitted mean of the total without campaign;
    ``expected_low``/``expected_high`` are the 2.5% and 97.5% quantiles of its predictive
    distribution (parameter and count noise included). ``extra`` = observed − expected;
    ``relative_change`` = observed / expected − 1. Their intervals follow from the same simulation
    with count noise at the observed level (see ``_effect_bounds``); ``relative_high`` is ``None``
    when the lower bound is 0 (the rise is then unbounded). ``weekly`` has one row per week of the
    pre-period tail (``period == "pre"``) and the window (``period == "window"``) with columns
    ``week, period, observed, expected, low, high`` for charting.
    """

    start: dt.date
    end: dt.date
    observed: int
    expected: float
    expected_low: float
    expected_high: float
    extra: float
    extra_low: float
    extra_high: float
    relative_change: float
    relative_low: float | None
    relative_high: float | None
    p_value: float
    diagnostics: tuple[Diagnostic, ...]
    notes: tuple[Diagnostic, ...]
    controls_used: list[str]
    method: str
    n_fit_weeks: int
    n_window_weeks: int
    dispersion: float
    weekly: pd.DataFrame
    calendar_terms: tuple[str, ...] = ()
    placebos: tuple[PlaceboRun, ...] = ()
    # Declared trend changes the model bends at (Mondays); a declared one it could not use is not here.
    trend_changes: tuple[dt.date, ...] = ()
    # What ``method`` says, as values, so the technical text can be written in either language.
    method_facts: dict = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        """Caveats that weaken the estimate, in plain Dutch."""
        return [d.render("nl") for d in self.diagnostics]

    @property
    def is_clear(self) -> bool:
        """True when the 95% interval of the relative change excludes zero."""
        low, high = self.relative_low, self.relative_high
        return (low is not None and low > 0) or (high is not None and high < 0)

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, object]:
        """Return a JSON-serialisable dict; counts to 0.1, fractions to 0.001, p to 4 decimals."""
        weekly = [
            {
                "week": row.week.date().isoformat(),
                "period": row.period,
                "observed": int(row.observed),
                "expected": _round(row.expected, 1),
                "low": _round(row.low, 1),
                "high": _round(row.high, 1),
            }
            for row in self.weekly.itertuples(index=False)
        ]
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "observed": int(self.observed),
            "expected": _round(self.expected, 1),
            "expected_low": _round(self.expected_low, 1),
            "expected_high": _round(self.expected_high, 1),
            "extra": _round(self.extra, 1),
            "extra_low": _round(self.extra_low, 1),
            "extra_high": _round(self.extra_high, 1),
            "relative_change": _round(self.relative_change, 3),
            "relative_low": _round(self.relative_low, 3),
            "relative_high": _round(self.relative_high, 3),
            "p_value": _round(self.p_value, 4),
            "summary": describe_effect(self, lang),
            "warnings": [d.render(lang) for d in self.diagnostics],
            "warning_codes": [d.code for d in self.diagnostics],
            "notes": [d.render(lang) for d in self.notes],
            "controls_used": list(self.controls_used),
            "method": self.method,
            "method_plain": describe_method(self, lang),
            "calendar_terms": list(self.calendar_terms),
            "trend_changes": [day.isoformat() for day in self.trend_changes],
            "placebos": [run.to_dict() for run in self.placebos],
            "placebo_sentences": [describe_placebo(run, lang) for run in self.placebos],
            "n_fit_weeks": self.n_fit_weeks,
            "n_window_weeks": self.n_window_weeks,
            "dispersion": _round(self.dispersion, 4),
            "weekly": weekly,
        }


def _round(value: float | None, decimals: int) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), decimals)


# --- validation -------------------------------------------------------------------------------

_INTEGER_CHECK = pa.Check(lambda s: s == np.floor(s), name="geheel_getal", error="geheel_getal")
_MONDAY_CHECK = pa.Check(lambda s: s.dt.dayofweek == 0, name="maandag", error="maandag")

SERIES_SCHEMA = pa.DataFrameSchema(
    {
        "week": pa.Column("datetime64[ns]", _MONDAY_CHECK, coerce=True, unique=True),
        "reports": pa.Column(float, [pa.Check.ge(0), _INTEGER_CHECK], coerce=True),
        "population": pa.Column(float, pa.Check.gt(0), coerce=True, required=False),
    },
    strict=False,
)
CONTROLS_SCHEMA = pa.DataFrameSchema(
    {
        "gemeente": pa.Column(str, coerce=True),
        "week": pa.Column("datetime64[ns]", _MONDAY_CHECK, coerce=True),
        "reports": pa.Column(float, [pa.Check.ge(0), _INTEGER_CHECK], coerce=True),
        "population": pa.Column(float, pa.Check.gt(0), coerce=True, required=False),
    },
    strict=False,
    unique=["gemeente", "week"],
)

_CHECK_TEXT = {
    "greater_than_or_equal_to(0)": "mag niet negatief zijn",
    "greater_than(0)": "moet groter dan 0 zijn",
    "geheel_getal": "moet een geheel getal zijn",
    "maandag": "moet een maandag zijn (het begin van de week)",
    "not_nullable": "is leeg",
    "field_uniqueness": "komt dubbel voor",
    "multiple_fields_uniqueness": "komt dubbel voor (zelfde gemeente en week)",
    "column_in_dataframe": "ontbreekt",
}


def validate_weekly_reports(
    frame: pd.DataFrame, *, source: str = "reeks", controls: bool = False, row_offset: int | None = None
) -> pd.DataFrame:
    """Check a weekly report table and return it typed (``week`` as datetime, ``reports`` as int).

    ``source`` names the table in messages (a file name, say). ``row_offset`` turns the frame's
    index into the row number people see (2 for a CSV read with a header line); without it the
    message names the index. Raises ``ValueError`` with a Dutch message naming column, row and value.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"verwacht een pandas DataFrame voor {source}, kreeg {type(frame).__name__}")
    schema = CONTROLS_SCHEMA if controls else SERIES_SCHEMA
    missing = [name for name, col in schema.columns.items() if col.required and name not in frame.columns]
    if missing:
        raise ValueError(
            f"{source}: kolom {', '.join(repr(m) for m in missing)} ontbreekt; "
            f"aanwezig zijn {', '.join(repr(str(c)) for c in frame.columns) or 'geen kolommen'}."
        )
    if frame.empty:
        raise ValueError(f"{source}: de tabel bevat geen rijen.")
    try:
        with _pywarnings.catch_warnings():
            _pywarnings.simplefilter("ignore")
            typed = schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise ValueError(_describe_schema_errors(exc.failure_cases, source, row_offset)) from None
    typed = typed.copy()
    typed["reports"] = typed["reports"].astype("int64")
    return typed


def _describe_schema_errors(cases: pd.DataFrame, source: str, row_offset: int | None) -> str:
    # A value that cannot be converted also fails the later checks, without a row; report it once.
    cases = cases[cases["index"].notna()] if cases["index"].notna().any() else cases
    cases = cases.drop_duplicates(subset=["column", "index"])
    lines = []
    for case in cases.head(5).itertuples(index=False):
        check = str(case.check)
        if check.startswith(("coerce_dtype", "dtype(")):
            what = "is geen datum (verwacht JJJJ-MM-DD)" if case.column == "week" else "is geen getal"
        else:
            what = _CHECK_TEXT.get(check, f"voldoet niet aan {check}")
        where = ""
        if case.index is not None and not pd.isna(case.index):
            row = int(case.index) + row_offset if row_offset is not None else case.index
            where = f", regel {row}" if row_offset is not None else f", index {row}"
        lines.append(f"{source}, kolom {case.column!r}{where}{_shown_value(case.failure_case)} {what}")
    more = len(cases) - 5
    tail = f" (en nog {more} fout(en))" if more > 0 else ""
    return "; ".join(lines) + tail + "."


def _shown_value(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f": waarde {value.date().isoformat()}"
    if isinstance(value, float) and value.is_integer():
        return f": waarde {int(value)}"
    return f": waarde {value!r}" if isinstance(value, str) else f": waarde {value}"


# --- the estimator ----------------------------------------------------------------------------


def estimate_campaign_effect(
    series: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    controls: pd.DataFrame | None = None,
    *,
    channel_launches: Iterable[dt.date] = (),
    breaks: Iterable[dt.date] = (),
    trend_changes: Iterable[dt.date] = (),
    other_campaigns: Iterable[tuple[dt.date, dt.date]] = (),
    calendar: str | None = NATIONAL,
    covid_period: tuple[dt.date, dt.date] | None = COVID_PERIOD,
    min_pre_weeks: int = 26,
    checks: bool = True,
    n_sim: int = 2000,
    seed: int = 0,
    validated: bool = False,
    observed_total: int | None = None,
    placebo_observed: Callable[[dt.date, dt.date], int] | None = None,
) -> EffectEstimate:
    """Estimate how many more (or fewer) reports came in during a campaign than expected.

    ``series`` has ``week`` (Mondays) and ``reports`` (counts), optionally ``population``. The window
    is every week whose Monday lies from the Monday of ``start`` to the Monday of ``end``; the
    pre-period is every earlier week. ``controls`` (``gemeente, week, reports[, population]``) are
    municipalities without a campaign in the window; their pooled weekly rate enters the model as
    an exposure so that shocks shared with them (news, weather, holidays) are not credited to the
    campaign. Weeks of the Covid period and of ``other_campaigns`` are left out of the fit when at
    least ``min_pre_weeks`` remain. ``channel_launches`` and ``breaks`` (other known level changes:
    a channel that closed, the 1 July 2024 criminalisation) inside the fit get their own level
    shift. ``trend_changes`` are known dates from which the trend may bend (a new policy, a
    reorganisation, a reporting point promoted slowly): the model gets a hinge there (years since
    the date, zero before), learnt from the fit weeks after it and extended into the window, when
    at least ``TREND_CHANGE_MIN_SIDE_WEEKS`` fit weeks lie on each side; nothing declared leaves
    the model as it was. ``calendar`` is the school-holiday region (``noord``, ``midden``, ``zuid``, or
    ``landelijk`` for their average; ``None`` leaves the Dutch calendar out). With ``checks`` the
    pre-period is scanned for unexplained level shifts and the method is run on two placebo
    windows (see :class:`PlaceboRun`); both add warnings when they find something. ``validated``
    skips the input checks for frames that ``validate_weekly_reports`` already returned or that
    ``vsdash.campaign_effects`` built (typed ``week``, ``reports`` and ``population`` columns).
    ``observed_total`` replaces the window's exact total in every figure that compares it with
    the prediction (observed, extra, relative change, their intervals, the p-value): the store's
    effect card passes the window's *published* count (ADR 0006), so that expected + extra or the
    p-value give back nothing beyond it. The fit and the prediction always use the exact weeks.
    ``placebo_observed(first Monday, last Monday)`` does the same for each placebo window (its
    published count), so the placebo sentences and warnings tell nothing beyond published counts.
    Returns an :class:`EffectEstimate`; raises ``ValueError`` (Dutch) when the window is empty or
    lies outside the series, or when too few weeks precede it.
    """
    # Validation is most of the cost of one estimate; the placebo runs and the forest plot skip it.
    typed = series if validated else validate_weekly_reports(series, source="reeks")
    if isinstance(controls, pd.DataFrame):
        if not validated:
            controls = validate_weekly_reports(controls, source="vergelijkingsgemeenten", controls=True)
        controls = _WideControls.from_long(controls)
    typed = typed.sort_values("week").reset_index(drop=True)
    weeks = typed["week"]
    y_all = typed["reports"].to_numpy(dtype=float)
    start, end = _as_date(start, "start"), _as_date(end, "end")
    if end < start:
        raise ValueError(f"De campagne eindigt ({end.isoformat()}) vóór ze begint ({start.isoformat()}).")
    window_first = pd.Timestamp(_monday(start))
    window_last = pd.Timestamp(_monday(end))
    first_week, last_week = weeks.iloc[0], weeks.iloc[-1]
    if window_last < first_week or window_first > last_week:
        raise ValueError(
            f"De campagneperiode {start.isoformat()} t/m {end.isoformat()} valt buiten de reeks "
            f"(weken {first_week.date().isoformat()} t/m {last_week.date().isoformat()})."
        )
    if window_last > last_week:
        raise ValueError(
            f"De campagne loopt tot {end.isoformat()}, maar de reeks stopt bij de week van "
            f"{last_week.date().isoformat()}; kies een kortere periode of vul de reeks aan."
        )
    expected_window = pd.date_range(window_first, window_last, freq="7D")
    missing_weeks = expected_window.difference(pd.DatetimeIndex(weeks))
    if len(missing_weeks):
        listed = ", ".join(w.date().isoformat() for w in missing_weeks[:5])
        raise ValueError(f"In de campagneperiode ontbreken weken in de reeks: {listed}.")

    in_window = ((weeks >= window_first) & (weeks <= window_last)).to_numpy()
    in_pre = (weeks < window_first).to_numpy()
    diagnostics: list[Diagnostic] = []
    notes: list[Diagnostic] = []

    # Which pre-period weeks the model learns from.
    fit_mask = in_pre.copy()
    if covid_period is not None:
        covid_lo, covid_hi = pd.Timestamp(_monday(covid_period[0])), pd.Timestamp(covid_period[1])
        in_covid = ((weeks >= covid_lo) & (weeks <= covid_hi)).to_numpy()
        if (fit_mask & in_covid).any():
            if (fit_mask & ~in_covid).sum() >= min_pre_weeks:
                fit_mask &= ~in_covid
                notes.append(Diagnostic("effect_note_covid_excluded", {"n": int((in_pre & in_covid).sum())}))
            else:
                diagnostics.append(Diagnostic("effect_warn_covid_in_fit"))
        if window_first <= covid_hi and window_last >= covid_lo:
            diagnostics.append(
                Diagnostic("effect_warn_covid_window", {"start": covid_period[0], "end": covid_period[1]})
            )
    other_campaigns = [
        (_as_date(lo, "other_campaigns"), _as_date(hi, "other_campaigns")) for lo, hi in other_campaigns
    ]
    for other_start, other_end in other_campaigns:
        lo, hi = pd.Timestamp(_monday(other_start)), pd.Timestamp(_monday(other_end))
        if lo <= window_last and hi >= window_first:
            diagnostics.append(Diagnostic("effect_warn_overlap", {"start": other_start, "end": other_end}))
        in_other = ((weeks >= lo) & (weeks <= hi)).to_numpy()
        if (fit_mask & in_other).any() and (fit_mask & ~in_other).sum() >= min_pre_weeks:
            fit_mask &= ~in_other
            notes.append(Diagnostic("effect_note_other_excluded", {"start": other_start, "end": other_end}))

    calendar_frame, calendar_terms = None, []
    if calendar is not None:
        calendar_frame, fit_mask, calendar_terms = _calendar_terms(
            weeks, calendar, fit_mask, in_window, min_pre_weeks, diagnostics, notes
        )

    launches = [_as_date(day, "channel_launches") for day in channel_launches]
    other_breaks = [_as_date(day, "breaks") for day in breaks]
    steps: list[pd.Timestamp] = []
    for day, kind in sorted({(d, "launch") for d in launches} | {(d, "break") for d in other_breaks}):
        step = _break_step(
            day, kind, weeks, fit_mask, window_first, window_last, first_week, diagnostics, notes
        )
        if step is not None and step not in steps:
            steps.append(step)
    declared_bends = sorted({_as_date(day, "trend_changes") for day in trend_changes})
    hinges: list[pd.Timestamp] = []
    for day in declared_bends:
        hinge = _trend_change_hinge(day, weeks, fit_mask, window_first, window_last, diagnostics, notes)
        if hinge is not None and hinge not in hinges:
            hinges.append(hinge)

    n_fit = int(fit_mask.sum())
    if n_fit < min_pre_weeks:
        diagnostics.append(Diagnostic("effect_warn_short_pre", {"n": n_fit, "min": min_pre_weeks}))
    n_harmonics = 2 if n_fit >= 78 else 1 if n_fit >= 52 else 0
    if n_harmonics == 0:
        diagnostics.append(Diagnostic("effect_warn_no_season"))

    # Rows we predict for: the tail of the pre-period (for the chart) and the window.
    pre_idx = np.flatnonzero(in_pre)
    tail_idx = pre_idx[-PRE_TAIL_WEEKS:]
    window_idx = np.flatnonzero(in_window)
    pred_idx = np.concatenate([tail_idx, window_idx])

    offset = np.zeros(len(typed))
    if "population" in typed.columns and typed["population"].notna().any():
        population = typed["population"].ffill().bfill().to_numpy(dtype=float)
        offset += np.log(population)
    controls_used: list[str] = []
    if controls is not None:
        control_offset, controls_used, control_diags = _control_exposure(
            controls, weeks, np.flatnonzero(fit_mask | in_window | np.isin(np.arange(len(weeks)), tail_idx))
        )
        diagnostics.extend(control_diags)
        if controls_used:
            offset += control_offset

    extra = calendar_frame[calendar_terms].to_numpy(dtype=float) if calendar_terms else None
    design = _design_matrix(
        weeks, origin=window_first, n_harmonics=n_harmonics, steps=steps, hinges=hinges, extra=extra
    )
    n_params = design.shape[1]
    if n_fit < n_params + 4:
        raise ValueError(
            f"Te weinig weken vóór de campagne om een verwachting te berekenen: {n_fit} bruikbare "
            f"weken, er zijn er minstens {n_params + 4} nodig."
        )
    y_fit = y_all[fit_mask]
    fit = _fit_count_model(y_fit, design[fit_mask], offset[fit_mask])
    # The models the prediction mixes, with their weights: one, unless the scan finds a jump.
    models: list[tuple[_CountFit, np.ndarray, float]] = [(fit, design, 1.0)]
    step_weight = None  # the posterior weight of a jump the scan found, when it found one
    found = _scan_level_shift(fit, y_fit, design[fit_mask], offset[fit_mask], weeks[fit_mask])
    if found is not None:
        diagnostic, kind, week, n_candidates = found
        diagnostics.append(diagnostic)
        if kind == "step" and n_fit >= n_params + 5:
            # An unexplained jump that lasts is most often a new channel nobody entered; modelling
            # it removes most of its bias at the price of a wider interval (ADR 0003). But the scan
            # chose this week *because* the weeks after it are extreme, so on a series without a
            # jump the step model alone predicts that extreme level with too much confidence. The
            # prediction mixes the models with and without the step by their posterior weight.
            step_design = np.column_stack([design, (weeks >= week).to_numpy(dtype=float)])
            step_fit = _fit_count_model(y_fit, step_design[fit_mask], offset[fit_mask])
            weight = _step_weight(
                fit, step_fit, y_fit, design[fit_mask], step_design[fit_mask], offset[fit_mask], n_candidates
            )
            steps.append(week)
            models = [(fit, design, 1.0 - weight), (step_fit, step_design, weight)]
            models = [model for model in models if round(model[2] * n_sim) > 0] or [models[1]]
            step_weight = weight
            if weight < 0.5:
                # The warning must not say the computation uses the new level when it mostly does not.
                diagnostics[-1] = Diagnostic(
                    diagnostic.key.replace("level_shift_", "level_shift_unsure_"), diagnostic.values
                )
    elif not hinges:
        # Nothing striking, and no bend declared: a slow bend of the last year or two is the one
        # change the straight trend misses without a sign (ADR 0003), so it gets its own test.
        bend = _test_recent_bend(
            fit, y_fit, design[fit_mask], offset[fit_mask], weeks[fit_mask], window_first
        )
        if bend is not None and abs(bend[0]) > BEND_Z and abs(bend[2]) >= SCAN_MIN_BEND:
            z, week, change = bend
            diagnostics.append(
                Diagnostic(
                    f"effect_warn_trend_change_recent_{'up' if z > 0 else 'down'}",
                    {"date": week.date(), "pct": abs(float(change))},
                )
            )
    pre_mean = float(y_fit.mean())
    if pre_mean < SPARSE_WEEKLY_MEAN:
        diagnostics.append(Diagnostic("effect_warn_sparse_pre", {"mean": round(pre_mean, 1)}))

    sims_mu, sims_y, draw_alpha, fitted = _simulate_mixture(
        models, offset[pred_idx], pred_idx, n_sim=n_sim, seed=seed
    )
    fit = max(models, key=lambda model: model[2])[0]  # the method text and dispersion: the main model
    n_tail = len(tail_idx)
    total_sim = sims_y[n_tail:].sum(axis=0)
    observed = int(y_all[window_idx].sum()) if observed_total is None else int(observed_total)
    expected = float(fitted[n_tail:].sum())
    low, high = (float(q) for q in np.quantile(total_sim, [0.025, 0.975]))
    if observed < SPARSE_WINDOW_TOTAL or expected < SPARSE_WINDOW_TOTAL:
        diagnostics.append(
            Diagnostic("effect_warn_sparse_window", {"observed": observed, "expected": round(expected)})
        )
    p_upper = (np.count_nonzero(total_sim >= observed) + 1) / (total_sim.size + 1)
    p_lower = (np.count_nonzero(total_sim <= observed) + 1) / (total_sim.size + 1)
    p_value = min(1.0, 2 * min(p_upper, p_lower))
    effect_low, effect_high = _effect_bounds(sims_mu[n_tail:], draw_alpha, observed, expected, seed)

    placebos: tuple[PlaceboRun, ...] = ()
    if checks:
        placebos = _placebo_runs(
            typed,
            window_first,
            len(window_idx),
            controls=controls,
            channel_launches=launches,
            breaks=other_breaks,
            trend_changes=declared_bends,
            other_campaigns=other_campaigns,
            calendar=calendar,
            covid_period=covid_period,
            min_pre_weeks=min_pre_weeks,
            seed=seed,
            observed_of=placebo_observed,
        )
        for run in placebos:
            if run.found_effect:
                diagnostics.append(
                    Diagnostic(
                        f"effect_warn_placebo_{run.kind}",
                        {"pct": fmt_percent(run.relative_change, sign=True)},
                    )
                )

    weekly = pd.DataFrame(
        {
            "week": weeks.iloc[pred_idx].to_numpy(),
            "period": ["pre"] * n_tail + ["window"] * len(window_idx),
            "observed": y_all[pred_idx].astype(int),
            "expected": fitted,
            "low": np.quantile(sims_y, 0.025, axis=1),
            "high": np.quantile(sims_y, 0.975, axis=1),
        }
    )
    method_facts = {
        "family": str(fit.family),
        "n_fit": int(n_fit),
        "harmonics": int(n_harmonics),
        "calendar_terms": tuple(calendar_terms),
        "region": str(calendar) if calendar_terms else "",
        "known_steps": len(steps) - (step_weight is not None),
        "found_step": steps[-1].date() if step_weight is not None else None,
        "step_weight": float(step_weight) if step_weight is not None else None,
        "hinges": tuple(h.date() for h in hinges),
        "population": "population" in typed.columns,
        "controls": len(controls_used),
        "n_sim": int(n_sim),
    }
    method = technical_method(method_facts, "nl")
    return EffectEstimate(
        start=start,
        end=end,
        observed=observed,
        expected=expected,
        expected_low=low,
        expected_high=high,
        extra=observed - expected,
        extra_low=observed - effect_high,
        extra_high=observed - effect_low,
        relative_change=observed / expected - 1,
        relative_low=observed / effect_high - 1 if effect_high > 0 else None,
        relative_high=observed / effect_low - 1 if effect_low > 0 else None,
        p_value=float(p_value),
        diagnostics=tuple(diagnostics),
        notes=tuple(notes),
        controls_used=controls_used,
        method=method,
        method_facts=method_facts,
        n_fit_weeks=n_fit,
        n_window_weeks=len(window_idx),
        dispersion=fit.alpha,
        weekly=weekly,
        calendar_terms=tuple(calendar_terms),
        placebos=placebos,
        trend_changes=tuple(h.date() for h in hinges),
    )


def _break_step(
    day: dt.date,
    kind: str,
    weeks: pd.Series,
    fit_mask: np.ndarray,
    window_first: pd.Timestamp,
    window_last: pd.Timestamp,
    first_week: pd.Timestamp,
    diagnostics: list[Diagnostic],
    notes: list[Diagnostic],
) -> pd.Timestamp | None:
    """The week from which a known break gets its own level, or None (with a warning where due)."""
    prefix = "effect_warn_launch" if kind == "launch" else "effect_warn_break"
    step_week = pd.Timestamp(_monday(day))
    if window_first <= step_week <= window_last:
        diagnostics.append(Diagnostic(f"{prefix}_window", {"date": day}))
        return None
    if step_week > window_last or step_week <= first_week:
        return None
    weeks_before_start = (window_first - step_week).days // 7
    if weeks_before_start <= LAUNCH_WARNING_WEEKS:
        diagnostics.append(Diagnostic(f"{prefix}_recent", {"date": day, "n": weeks_before_start}))
    after = fit_mask & (weeks >= step_week).to_numpy()
    before = fit_mask & (weeks < step_week).to_numpy()
    if after.sum() >= LAUNCH_MIN_SIDE_WEEKS and before.sum() >= LAUNCH_MIN_SIDE_WEEKS:
        # The break's own level shift is learnt, so it is not credited to the campaign.
        note = "effect_note_launch_step" if kind == "launch" else "effect_note_break_step"
        notes.append(Diagnostic(note, {"date": day}))
        return step_week
    if weeks_before_start > LAUNCH_WARNING_WEEKS:
        diagnostics.append(Diagnostic(f"{prefix}_recent", {"date": day, "n": weeks_before_start}))
    return None


def _trend_change_hinge(
    day: dt.date,
    weeks: pd.Series,
    fit_mask: np.ndarray,
    window_first: pd.Timestamp,
    window_last: pd.Timestamp,
    diagnostics: list[Diagnostic],
    notes: list[Diagnostic],
) -> pd.Timestamp | None:
    """The week from which a declared trend change bends the trend, or None (with a warning where due).

    A date in the window cannot be learnt before it (warned); one after the window or at the
    series' start changes nothing the straight trend does not already do (ignored); one with fewer
    than ``TREND_CHANGE_MIN_SIDE_WEEKS`` fit weeks on either side is warned about and not modelled.
    """
    hinge_week = pd.Timestamp(_monday(day))
    if window_first <= hinge_week <= window_last:
        diagnostics.append(Diagnostic("effect_warn_trend_change_window", {"date": day}))
        return None
    if hinge_week > window_last:
        return None
    after = int((fit_mask & (weeks >= hinge_week).to_numpy()).sum())
    before = int((fit_mask & (weeks < hinge_week).to_numpy()).sum())
    if before == 0:
        return None
    if min(after, before) < TREND_CHANGE_MIN_SIDE_WEEKS:
        diagnostics.append(
            Diagnostic(
                "effect_warn_trend_change_short",
                {"date": day, "n": min(after, before), "min": TREND_CHANGE_MIN_SIDE_WEEKS},
            )
        )
        return None
    notes.append(Diagnostic("effect_note_trend_change", {"date": day}))
    return hinge_week


def _calendar_terms(
    weeks: pd.Series,
    region: str,
    fit_mask: np.ndarray,
    in_window: np.ndarray,
    min_pre_weeks: int,
    diagnostics: list[Diagnostic],
    notes: list[Diagnostic],
) -> tuple[pd.DataFrame | None, np.ndarray, list[str]]:
    """Calendar covariates the fit can learn, and the fit mask without weeks whose calendar is unknown.

    A term enters the model only when the fit holds at least two weeks with it; a holiday in the
    window that the fit saw in fewer than two earlier years is warned about, because its dip (or
    rise) is then learnt from one season or not at all.
    """
    try:
        frame = weekly_calendar(weeks, region)
    except ValueError:
        notes.append(Diagnostic("effect_note_calendar_unknown"))
        return None, fit_mask, []
    known = frame["bekend"].to_numpy()
    if not known[in_window].all():
        notes.append(Diagnostic("effect_note_calendar_unknown"))
        return None, fit_mask, []
    if (fit_mask & ~known).any():
        if (fit_mask & known).sum() >= min_pre_weeks:
            notes.append(
                Diagnostic("effect_note_calendar_weeks_excluded", {"n": int((fit_mask & ~known).sum())})
            )
            fit_mask = fit_mask & known
        else:
            notes.append(Diagnostic("effect_note_calendar_unknown"))
            return None, fit_mask, []
    terms = []
    years = weeks.dt.year.to_numpy()
    for name in CALENDAR_COLUMNS:
        values = frame[name].to_numpy()
        fit_weeks = np.count_nonzero(values[fit_mask] > 0)
        if fit_weeks >= 2 and np.ptp(values[fit_mask]) > 0:
            terms.append(name)
        if name == "feestdag" or not (values[in_window] > 0).any():
            continue
        # Christmas spans New Year; count a season by the year of its December.
        season_years = years - ((weeks.dt.month == 1).to_numpy() & (name == "kerstvakantie")).astype(int)
        # The window's own holiday, begun a few days before it, is no earlier season to learn from.
        own = set(season_years[in_window & (values > 0)])
        seasons = len(set(season_years[fit_mask & (values > 0)]) - own)
        if seasons < 2:
            diagnostics.append(Diagnostic(f"effect_warn_holiday_overlap_{name}", {"n": seasons}))
    return frame, fit_mask, terms


def _project_out(design: np.ndarray, columns: np.ndarray, weight: np.ndarray):
    """Candidate ``columns`` with the model's own ``design`` projected out, in the NB working metric.

    Returns the weighted columns, what is left of them (whose cross-products are the score
    tests' covariance under "no change") and each one's variance; None when the weighted design
    is singular. Shared by the level-shift scan and the recent-bend test.
    """
    root_w = np.sqrt(weight)[:, None]
    weighted_design, weighted_columns = root_w * design, root_w * columns
    try:
        coef = np.linalg.solve(weighted_design.T @ weighted_design, weighted_design.T @ weighted_columns)
    except np.linalg.LinAlgError:
        return None
    residual_columns = weighted_columns - weighted_design @ coef
    return weighted_columns, residual_columns, np.einsum("ij,ij->j", residual_columns, residual_columns)


def _scan_level_shift(
    fit: _CountFit, y: np.ndarray, design: np.ndarray, offset: np.ndarray, weeks: pd.Series
) -> tuple[Diagnostic, str, pd.Timestamp, int] | None:
    """Look for a change in the last fit weeks that the model does not know: a jump or a bend.

    Candidates are, for every week in the last ``SCAN_WEEKS`` fit weeks, a step (the level jumps
    from that week on: a new channel nobody entered) and a hinge (the trend bends from that week
    on: a pre-trend the straight line misses). Each gets the score test computed from the fitted
    model without refitting: with NB working weights w = mu / (1 + alpha mu), the score of a
    column s is sum(s (y - mu) / (1 + alpha mu)) and its variance the part of s'Ws that the
    model's own columns do not explain. The largest |z| over all candidates is compared with its
    own null distribution (the z's are correlated), simulated with a fixed seed, so trying a hundred candidates does not raise the false-alarm rate above ``SCAN_ALPHA``.
    Returns the warning, ``"step"`` or ``"hinge"``, the candidate's week and how many candidates
    of that kind were tried; or None.
    """
    n = len(y)
    candidates = np.arange(max(1, n - SCAN_WEEKS), n - SCAN_MIN_AFTER + 1)
    if len(candidates) < 2:
        return None
    mu = np.exp(np.clip(design @ fit.params + offset, -30, 20))
    denom = 1 + fit.alpha * mu
    weight = mu / denom
    resid = (y - mu) / denom
    years = ((weeks - weeks.iloc[0]).dt.days / 365.25).to_numpy()
    since = years[:, None] - years[candidates][None, :]
    columns = np.hstack([(since >= 0).astype(float), np.clip(since, 0, None)])
    kinds = np.array(["step"] * len(candidates) + ["hinge"] * len(candidates))
    at = np.concatenate([candidates, candidates])
    # Candidate columns with the model's own columns projected out, in the weighted metric: their
    # cross-products are the scores' covariance, and standard-normal pseudo-residuals through them
    # give draws of the scores under "no change" (cheaper and steadier than an eigendecomposition).
    projected = _project_out(design, columns, weight)
    if projected is None:
        return None
    weighted_columns, residual_columns, variance = projected
    # A candidate the model already explains (a known break's own week) has no variance left.
    usable = variance > 1e-6 * np.maximum(np.einsum("ij,ij->j", weighted_columns, weighted_columns), 1e-12)
    if usable.sum() < 2:
        return None
    residual_columns, variance = residual_columns[:, usable], variance[usable]
    kinds, at = kinds[usable], at[usable]
    score = columns[:, usable].T @ resid
    z = score / np.sqrt(variance)
    best = int(np.argmax(np.abs(z)))
    draws = np.random.default_rng(20240701).standard_normal((SCAN_NULL_DRAWS, n)) @ residual_columns
    null_max = np.abs(draws / np.sqrt(variance)).max(axis=1)
    p_value = (np.count_nonzero(null_max >= abs(z[best])) + 1) / (SCAN_NULL_DRAWS + 1)
    # One Newton step from zero: the size of the jump (or of the bend per year) on the rate scale.
    change = math.exp(float(np.clip(score[best] / variance[best], -5, 5))) - 1
    minimum = SCAN_MIN_SHIFT if kinds[best] == "step" else SCAN_MIN_BEND
    if p_value >= SCAN_ALPHA or abs(change) < minimum:
        return None
    week = weeks.iloc[at[best]]
    direction = "up" if change > 0 else "down"
    key = (
        f"effect_warn_level_shift_{direction}"
        if kinds[best] == "step"
        else f"effect_warn_trend_change_{direction}"
    )
    n_of_kind = int(np.count_nonzero(kinds == kinds[best]))
    return (
        Diagnostic(key, {"date": week.date(), "pct": abs(float(change))}),
        str(kinds[best]),
        week,
        n_of_kind,
    )


def _test_recent_bend(
    fit: _CountFit,
    y: np.ndarray,
    design: np.ndarray,
    offset: np.ndarray,
    weeks: pd.Series,
    window_first: pd.Timestamp,
) -> tuple[float, pd.Timestamp, float] | None:
    """Test whether the trend bent in the last two years before the campaign; (z, week, change) or None.

    The scan (``_scan_level_shift``) looks for the single most striking jump or bend and corrects
    for trying about 150 of them, so a slow bend of the last year, which shifts the expectation
    by 5-20%, passes it in most series. This is one test instead: the score test, from the fitted
    model without refitting, of the *average* of the hinges at every fit week ``BEND_NEAREST`` to
    ``BEND_FARTHEST`` weeks before the window (each with at least ``BEND_MIN_BEFORE`` fit weeks
    before it). A bend anywhere in that span loads on it, so no correction for the search is
    needed and z is standard normal when the trend is straight. Returns that z, the week of the
    single hinge that fits best in the same direction (for the sentence) and its change per year
    on the rate scale (one Newton step from zero); None when the fit has too few weeks for it.
    """
    back = ((window_first - weeks).dt.days // 7).to_numpy()
    order = np.arange(len(weeks))
    candidates = np.flatnonzero((back >= BEND_NEAREST) & (back <= BEND_FARTHEST) & (order >= BEND_MIN_BEFORE))
    if len(candidates) < 4 or len(weeks) - candidates[-1] < BEND_NEAREST:
        return None
    mu = np.exp(np.clip(design @ fit.params + offset, -30, 20))
    denom = 1 + fit.alpha * mu
    resid = (y - mu) / denom
    years = ((weeks - weeks.iloc[0]).dt.days / 365.25).to_numpy()
    hinges = np.clip(years[:, None] - years[candidates][None, :], 0, None)
    columns = np.column_stack([hinges.mean(axis=1), hinges])
    # Each column's variance under "no bend" is the part of it, in the NB working metric, that the
    # model's own columns (trend, season, calendar, steps) do not already explain.
    projected = _project_out(design, columns, mu / denom)
    if projected is None:
        return None
    weighted_columns, _residual_columns, variance = projected
    if variance[0] <= 1e-9 * max(float(weighted_columns[:, 0] @ weighted_columns[:, 0]), 1e-12):
        return None  # a declared hinge or a step already carries the whole span
    score = columns.T @ resid
    z_each = score / np.sqrt(np.maximum(variance, 1e-12))
    z = float(z_each[0])
    best = 1 + int(np.argmax(np.sign(z) * z_each[1:]))
    change = math.exp(float(np.clip(score[best] / max(variance[best], 1e-12), -5, 5))) - 1
    return z, weeks.iloc[candidates[best - 1]], change


def _placebo_runs(
    typed: pd.DataFrame,
    window_first: pd.Timestamp,
    n_window: int,
    **kwargs: object,
) -> tuple[PlaceboRun, ...]:
    """The method on the same weeks one year earlier and on the weeks just before the campaign.

    Each placebo uses only data before its own window end, so the campaign's weeks never enter it.
    A placebo that cannot be computed (too little data before it) or whose weeks hold another
    campaign of the municipality is left out.
    """
    runs = []
    seed = int(kwargs.pop("seed"))
    # The placebo window's published count (ADR 0006), like the campaign window's observed_total.
    observed_of = kwargs.pop("observed_of", None)
    for kind, first in (
        ("vorig_jaar", window_first - pd.Timedelta(weeks=52)),
        ("vlak_ervoor", window_first - pd.Timedelta(weeks=n_window)),
    ):
        last = first + pd.Timedelta(weeks=n_window - 1)
        if last >= window_first:
            continue  # a campaign of more than a year: last year's weeks would be its own
        # Weeks with another campaign of the municipality are no placebo: an effect there is real.
        if any(
            pd.Timestamp(_monday(lo)) <= last and pd.Timestamp(_monday(hi)) >= first
            for lo, hi in kwargs.get("other_campaigns", ())
        ):
            continue
        before = typed[typed["week"] <= last]
        if before.empty or before["week"].iloc[0] > first:
            continue
        try:
            est = estimate_campaign_effect(
                before,
                first.date(),
                (last + pd.Timedelta(days=6)).date(),
                checks=False,
                n_sim=PLACEBO_N_SIM,
                seed=seed + 1,
                validated=True,
                observed_total=None if observed_of is None else observed_of(first.date(), last.date()),
                **kwargs,
            )
        except ValueError:
            continue
        runs.append(
            PlaceboRun(
                kind=kind,
                start=first.date(),
                end=(last + pd.Timedelta(days=6)).date(),
                relative_change=est.relative_change,
                relative_low=est.relative_low,
                relative_high=est.relative_high,
                p_value=est.p_value,
            )
        )
    return tuple(runs)


@dataclass(frozen=True)
class _CountFit:
    params: np.ndarray
    cov: np.ndarray
    alpha: float  # NB2 dispersion: Var = mu + alpha * mu**2; 0 means Poisson
    family: str


def _fit_count_model(y: np.ndarray, design: np.ndarray, offset: np.ndarray) -> _CountFit:
    """Fit a negative binomial GLM with its dispersion from the Pearson moment equation.

    Full NB maximum likelihood (statsmodels' discrete NegativeBinomial) costs ~10x more and moves
    the dispersion little on a few hundred weeks; alternating a GLM fit at fixed alpha with the
    moment equation sum((y - mu)^2 / (mu + alpha mu^2)) = n - p converges in two rounds.
    """
    with _pywarnings.catch_warnings():
        _pywarnings.simplefilter("ignore")
        result = sm.GLM(y, design, family=sm.families.Poisson(), offset=offset).fit()
        alpha = 0.0
        for _ in range(2):
            alpha = _pearson_alpha(y, result.mu, design.shape[1])
            if alpha <= 1e-8:
                alpha = 0.0
                break
            result = sm.GLM(y, design, family=sm.families.NegativeBinomial(alpha=alpha), offset=offset).fit(
                start_params=result.params
            )
    return _CountFit(
        params=np.asarray(result.params),
        cov=np.asarray(result.cov_params()),
        alpha=float(alpha),
        family="Negatief-binomiaal" if alpha > 0 else "Poisson",
    )


def _pearson_alpha(y: np.ndarray, mu: np.ndarray, n_params: int) -> float:
    dof = max(len(y) - n_params, 1)
    resid2 = (y - mu) ** 2

    def excess(alpha: float) -> float:
        return float(np.sum(resid2 / (mu + alpha * mu**2)) - dof)

    if excess(0.0) <= 0:
        return 0.0  # no overdispersion; Poisson is already as wide as the data
    upper = 1.0
    while excess(upper) > 0 and upper < 1e4:
        upper *= 10
    return float(brentq(excess, 0.0, upper, xtol=1e-6))


def _nb_loglik(y: np.ndarray, mu: np.ndarray, alpha: float) -> float:
    """Log-likelihood of counts ``y`` under NB2 with means ``mu`` and dispersion ``alpha`` (0: Poisson)."""
    if alpha <= 0:
        return float(np.sum(y * np.log(mu) - mu - gammaln(y + 1)))
    shape = 1.0 / alpha
    return float(
        np.sum(
            gammaln(y + shape)
            - gammaln(shape)
            - gammaln(y + 1)
            + shape * np.log(shape / (shape + mu))
            + y * np.log(mu / (shape + mu))
        )
    )


def _step_weight(
    null_fit: _CountFit,
    step_fit: _CountFit,
    y: np.ndarray,
    design: np.ndarray,
    step_design: np.ndarray,
    offset: np.ndarray,
    n_candidates: int,
) -> float:
    """Posterior weight of "a jump at the scan's week" against "no jump", for mixing their predictions.

    Bayes factor by the BIC approximation (the likelihood ratio, less half log n for the extra
    parameter), prior 1/2 for "no jump" and 1/2 spread evenly over the ``n_candidates`` weeks the
    scan tried. So a jump the scan only just finds (|z| about 3.3, as on 5% of series without one)
    gets a weight of 0.1-0.2 and the prediction stays near the model without it, while a jump as
    large as a new reporting app's (|z| of 5 or more) gets a weight near 1. Because the week was
    chosen as the most extreme of many, a prediction from the step model alone covered the truth
    in only about half of the clean series where the scan fired (ADR 0003).
    """

    def loglik(fit: _CountFit, columns: np.ndarray) -> float:
        mu = np.exp(np.clip(columns @ fit.params + offset, -30, 20))
        return _nb_loglik(y, mu, fit.alpha)

    gain = loglik(step_fit, step_design) - loglik(null_fit, design)
    log_odds = gain - 0.5 * math.log(len(y)) - math.log(max(n_candidates, 1))
    return float(1.0 / (1.0 + math.exp(-np.clip(log_odds, -50, 50))))


def _simulate_mixture(
    models: Sequence[tuple[_CountFit, np.ndarray, float]],
    offset: np.ndarray,
    rows: np.ndarray,
    *,
    n_sim: int,
    seed: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | float, np.ndarray]:
    """Predictive draws from a mixture of fitted models, each given draws in proportion to its weight.

    ``models`` holds (fit, full design, weight) with weights summing to 1; ``rows`` selects the
    design rows to predict. Returns the simulated means and counts (rows x draws), the dispersion
    of each draw (a float for one model) and the fitted mean per row (the weighted mean of the
    models' fitted means; not the mean of exp() over parameter draws, which would add
    exp(var / 2) - 1 on top: +11% at 2 reports a week).
    """
    if len(models) == 1:
        fit, design, _ = models[0]
        sims_mu, sims_y = _simulate(fit, design[rows], offset, n_sim=n_sim, seed=seed)
        fitted = np.exp(np.clip(design[rows] @ fit.params + offset, -30, 20))
        return sims_mu, sims_y, fit.alpha, fitted
    mus, ys, alphas = [], [], []
    fitted = np.zeros(len(rows))
    for k, (fit, design, weight) in enumerate(models):
        n_draws = max(int(round(weight * n_sim)), 1)
        sims_mu, sims_y = _simulate(fit, design[rows], offset, n_sim=n_draws, seed=seed + 7919 * k)
        mus.append(sims_mu)
        ys.append(sims_y)
        alphas.append(np.full(n_draws, fit.alpha))
        fitted += weight * np.exp(np.clip(design[rows] @ fit.params + offset, -30, 20))
    return np.hstack(mus), np.hstack(ys), np.concatenate(alphas), fitted


def _simulate(
    fit: _CountFit, design: np.ndarray, offset: np.ndarray, *, n_sim: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Draw parameters from their sampling distribution, then counts around each draw.

    Returns (mu, y), both shaped (rows, n_sim): the simulated means and the simulated counts.
    """
    rng = np.random.default_rng(seed)
    betas = rng.multivariate_normal(fit.params, fit.cov, size=n_sim, method="eigh")
    eta = np.clip(design @ betas.T + offset[:, None], -30, 20)
    mu = np.exp(eta)
    if fit.alpha > 0:
        shape = 1.0 / fit.alpha
        lam = mu * rng.gamma(shape, 1.0 / shape, size=mu.shape)
    else:
        lam = mu
    return mu, rng.poisson(lam).astype(float)


def _effect_bounds(
    window_mu: np.ndarray, alpha: float | np.ndarray, observed: int, expected: float, seed: int
) -> tuple[float, float]:
    """2.5% and 97.5% bounds for "the total without campaign" to subtract from the observed total.

    The p-value asks how likely the observed total is without a campaign, so it uses the count
    noise at the expected level. The interval of the extra reports asks how far the observed total
    lies from its own mean, and that total was drawn at the campaign's level: with a +35% campaign
    its count noise is larger. Each parameter draw's window mean (``window_mu``, weeks x draws)
    gets count noise drawn at the observed level (mean scaled by observed / expected) and centred
    again, so the spread is parameter noise plus count noise as large as the observed total's.
    Without this the interval of a real effect is too narrow (simulated coverage 90% at +35%).
    ``alpha`` is one dispersion, or one per draw when the draws come from a mixture of models.
    """
    ratio = max(observed, 0.5) / max(expected, 1e-9)
    rng = np.random.default_rng(seed + 1_000_003)
    lifted = window_mu * ratio
    if np.ndim(alpha) == 1:
        alphas = np.asarray(alpha, dtype=float)
        shape = 1.0 / np.maximum(alphas, 1e-12)
        gamma = rng.gamma(np.broadcast_to(shape, lifted.shape), 1.0 / shape)
        lam = np.where(alphas > 0, lifted * gamma, lifted)
    elif alpha > 0:
        shape = 1.0 / alpha
        lam = lifted * rng.gamma(shape, 1.0 / shape, size=lifted.shape)
    else:
        lam = lifted
    totals = window_mu.sum(axis=0) + (rng.poisson(lam) - lifted).sum(axis=0)
    low, high = np.quantile(totals, [0.025, 0.975])
    return max(float(low), 0.0), max(float(high), 0.0)


def _design_matrix(
    weeks: pd.Series,
    *,
    origin: pd.Timestamp,
    n_harmonics: int,
    steps: Sequence[pd.Timestamp],
    hinges: Sequence[pd.Timestamp] = (),
    extra: np.ndarray | None = None,
) -> np.ndarray:
    """Columns: intercept (level at the window start), trend in years, Fourier pairs, level steps, hinges, calendar.

    A hinge is the years since its week, zero before: the trend's extra slope from that week on.
    """
    years = ((weeks - origin).dt.days / 365.25).to_numpy()
    angle = 2 * np.pi * (weeks.dt.dayofyear.to_numpy() - 1) / 365.25
    columns = [np.ones(len(weeks)), years]
    for k in range(1, n_harmonics + 1):
        columns += [np.sin(k * angle), np.cos(k * angle)]
    columns += [(weeks >= step).to_numpy(dtype=float) for step in steps]
    columns += [np.clip((weeks - hinge).dt.days.to_numpy() / 365.25, 0, None) for hinge in hinges]
    if extra is not None:
        columns += list(extra.T)
    return np.column_stack(columns)


@dataclass(frozen=True)
class _WideControls:
    """Comparison municipalities as weeks x municipalities tables, pivoted once per estimate."""

    counts: pd.DataFrame
    population: pd.DataFrame | None

    @classmethod
    def from_long(cls, typed: pd.DataFrame) -> _WideControls:
        counts = typed.pivot(index="week", columns="gemeente", values="reports")
        population = None
        if "population" in typed.columns and typed["population"].notna().any():
            population = typed.pivot(index="week", columns="gemeente", values="population")
        return cls(counts=counts, population=population)


def _control_exposure(
    controls: _WideControls, weeks: pd.Series, needed_idx: np.ndarray
) -> tuple[np.ndarray, list[str], list[Diagnostic]]:
    """Log of the comparison municipalities' pooled weekly rate (see ``_pooled_rate``), aligned on ``weeks``.

    Only municipalities with a value in every needed week are pooled, so the series means the same
    thing in every week. Weeks outside ``needed_idx`` may be NaN.
    """
    diagnostics: list[Diagnostic] = []
    needed_weeks = pd.DatetimeIndex(weeks.iloc[needed_idx])
    counts = controls.counts.reindex(weeks)
    complete = counts.loc[needed_weeks].notna().all()
    used = sorted(str(code) for code in complete.index[complete])
    dropped = sorted(str(code) for code in complete.index[~complete])
    if dropped:
        diagnostics.append(Diagnostic("effect_warn_controls_incomplete", {"codes": ", ".join(dropped)}))
    if not used:
        diagnostics.append(Diagnostic("effect_warn_controls_none"))
        return np.zeros(len(weeks)), [], diagnostics
    if np.nanmean(counts[used].sum(axis=1).to_numpy(dtype=float)[needed_idx]) < SPARSE_CONTROL_WEEKLY_MEAN:
        diagnostics.append(Diagnostic("effect_warn_controls_sparse"))
    rates = counts[used].to_numpy(dtype=float)
    if controls.population is not None:
        population = controls.population.reindex(weeks)[used]
        rates = rates / population.ffill().bfill().to_numpy(dtype=float)
    exposure = np.log(_pooled_rate(counts[used].to_numpy(dtype=float), rates, needed_idx))
    return exposure, used, diagnostics


def _pooled_rate(counts: np.ndarray, rates: np.ndarray, needed_idx: np.ndarray) -> np.ndarray:
    """Combine the comparison municipalities' weekly rates (weeks x municipalities) into one series.

    Each rate is scaled to its own mean over the needed weeks, so a large municipality does not
    dominate as it would in a plain sum, and weighted by the inverse of its week-to-week noise
    (half the variance of the week-on-week change of its log rate; a smooth season hardly adds to
    it). Shocks shared by all pass through whole, while each municipality's own noise is averaged.
    """
    mean_rates = np.nanmean(rates[needed_idx], axis=0)
    mean_counts = np.nanmean(counts[needed_idx], axis=0)
    scaled = rates / np.where(mean_rates > 0, mean_rates, 1.0)
    # A week without any report would be log(0); half a report keeps it finite, as in a plain total.
    scaled = np.maximum(scaled, 0.5 / np.maximum(mean_counts, 0.5))
    if len(needed_idx) > 2:
        noise = np.nanvar(np.diff(np.log(scaled[needed_idx]), axis=0), axis=0) / 2
    else:
        noise = np.ones(scaled.shape[1])
    weights = 1.0 / np.maximum(noise, 1e-6)
    return scaled @ (weights / weights.sum())


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _as_date(value: object, name: str) -> dt.date:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: {value!r} is geen datum (verwacht JJJJ-MM-DD).") from None
    if pd.isna(stamp):
        raise ValueError(f"{name}: {value!r} is geen datum (verwacht JJJJ-MM-DD).")
    return stamp.date()


# --- in words ---------------------------------------------------------------------------------


def describe_effect(est: EffectEstimate, lang: str = DEFAULT_LANG) -> str:
    """Say in one plain sentence what the estimate means, for a council member.

    For example: "Tijdens de campagne kwamen er ongeveer 40% meer meldingen binnen dan verwacht
    (tussen 15% en 70%)." When the 95% interval includes zero the sentence ends by saying the
    difference may be chance.
    """
    change = est.relative_change
    low, high = est.relative_low, est.relative_high
    if est.is_clear and change > 0:
        if high is None:
            return t(
                "effect_sentence_more_open", lang, pct=fmt_percent(change, lang), low=fmt_percent(low, lang)
            )
        return t(
            "effect_sentence_more",
            lang,
            pct=fmt_percent(change, lang),
            low=fmt_percent(low, lang),
            high=fmt_percent(high, lang),
        )
    if est.is_clear:
        return t(
            "effect_sentence_less",
            lang,
            pct=fmt_percent(-change, lang),
            low=fmt_percent(-high, lang),
            high=fmt_percent(-low, lang) if low is not None else "–",
        )
    rng_text = t(
        "effect_range",
        lang,
        low=fmt_percent(low, lang, sign=True),
        high=fmt_percent(high, lang, sign=True) if high is not None else "…",
    )
    if round(change * 100) == 0:
        return t("effect_sentence_same", lang, range=rng_text)
    key = "effect_sentence_more_unclear" if change > 0 else "effect_sentence_less_unclear"
    return t(key, lang, pct=fmt_percent(abs(change), lang), range=rng_text)


def technical_method(facts: dict, lang: str = DEFAULT_LANG) -> str:
    """The model in one technical sentence (the card's "voor statistici"; ``EffectEstimate.method``)."""
    family = t("effect_tech_family_nb", lang) if facts["family"] == "Negatief-binomiaal" else facts["family"]
    text = t("effect_tech_base", lang, family=family, n=facts["n_fit"], h=facts["harmonics"])
    if facts["calendar_terms"]:
        terms = ", ".join(t(f"effect_tech_term_{term}", lang) for term in facts["calendar_terms"])
        text += t(
            "effect_tech_calendar", lang, terms=terms, region=t(f"effect_tech_region_{facts['region']}", lang)
        )
    if facts["known_steps"]:
        text += t("effect_tech_known_steps", lang, k=facts["known_steps"])
    if facts["found_step"] is not None:
        text += t(
            "effect_tech_found_step",
            lang,
            date=facts["found_step"].isoformat(),
            weight=f"{facts['step_weight']:.0%}",
        )
    if facts["hinges"]:
        text += t("effect_tech_hinges", lang, dates=", ".join(day.isoformat() for day in facts["hinges"]))
    if facts["population"]:
        text += t("effect_tech_population", lang)
    if facts["controls"]:
        text += t("effect_tech_controls", lang, k=facts["controls"])
    return text + t("effect_tech_sims", lang, n=facts["n_sim"])


def describe_method(est: EffectEstimate, lang: str = DEFAULT_LANG) -> str:
    """The method in two plain sentences for a council member; the technical detail is ``est.method``."""
    parts = ""
    if est.calendar_terms:
        parts += t("effect_method_part_calendar", lang)
    if est.trend_changes:
        dates = ", ".join(fmt_date(day, lang) for day in est.trend_changes)
        parts += t("effect_method_part_trend_change", lang, dates=dates)
    if est.controls_used:
        parts += t("effect_method_part_controls", lang, k=len(est.controls_used))
    return t("effect_method_plain", lang, n=est.n_fit_weeks, parts=parts)


def describe_placebo(run: PlaceboRun, lang: str = DEFAULT_LANG) -> str:
    """What the method finds in weeks without the campaign, e.g. "In dezelfde weken vorig jaar ... +3% ..."."""
    tail = "effect_placebo_bad" if run.found_effect else "effect_placebo_ok"
    return t(
        f"effect_placebo_{run.kind}",
        lang,
        pct=fmt_percent(run.relative_change, lang, sign=True),
        tail=t(tail, lang),
    )


def describe_alternative(
    recommended: EffectEstimate, alternative: EffectEstimate, lang: str = DEFAULT_LANG
) -> str:
    """Explain the estimate the card does not recommend: the one without comparison municipalities.

    ``recommended`` uses comparison municipalities, ``alternative`` the municipality's own history
    only. A large gap between them is pointed out, because it means a national event or comparison
    municipalities that move differently.
    """
    high = alternative.relative_high
    text = t(
        "effect_alternative",
        lang,
        pct=fmt_percent(alternative.relative_change, lang, sign=True),
        low=fmt_percent(alternative.relative_low, lang, sign=True),
        high=fmt_percent(high, lang, sign=True) if high is not None else "…",
    )
    if abs(alternative.relative_change - recommended.relative_change) > ALTERNATIVE_GAP:
        text += " " + t("effect_alternative_gap", lang)
    return text


@dataclass(frozen=True)
class EffectCardText:
    """Every sentence the effect card shows for one estimate, in one language."""

    summary: str
    placebos: tuple[str, ...]
    alternative: str | None
    warnings: tuple[str, ...]
    method_plain: str
    method_technical: str
    notes: tuple[str, ...]


def effect_card_text(
    est: EffectEstimate, alternative: EffectEstimate | None = None, lang: str = DEFAULT_LANG
) -> EffectCardText:
    """The card's sentences: the result, the placebo outcomes, the alternative, warnings and method.

    ``alternative`` is the estimate without comparison municipalities when ``est`` used them
    (the recommended one); it is explained in one or two sentences.
    """
    return EffectCardText(
        summary=describe_effect(est, lang),
        placebos=tuple(describe_placebo(run, lang) for run in est.placebos),
        alternative=describe_alternative(est, alternative, lang)
        if alternative is not None and est.controls_used
        else None,
        warnings=tuple(d.render(lang) for d in est.diagnostics),
        method_plain=describe_method(est, lang),
        method_technical=technical_method(est.method_facts, lang) if est.method_facts else est.method,
        notes=tuple(n.render(lang) for n in est.notes),
    )
