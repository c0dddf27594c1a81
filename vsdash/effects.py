"""Campaign effect estimation: how many reports came in during a campaign, against what was expected.

The expectation (the counterfactual: the same weeks without the campaign) comes from a negative
binomial count model fitted on the weeks *before* the campaign only: linear trend, yearly
seasonality (Fourier terms on the day of the year), population as exposure and, when comparison
municipalities are given, their weekly report total as a second exposure (a multiplicative
difference-in-differences). The model is projected into the campaign window and simulated with
parameter *and* count noise, which gives a predictive distribution of the window total; observed
minus that distribution is the estimated extra reports, with a 95% interval and a p-value.

Why these choices is recorded in ``docs/adr/0003-campaign-effect-estimator.md``.

More reports during a campaign usually means a higher willingness to report (meldingsbereidheid),
not necessarily more harassment; the dashboard says so next to every estimate.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings as _pywarnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa
import statsmodels.api as sm
from scipy.optimize import brentq

from vsdash.i18n import DEFAULT_LANG, fmt_date, fmt_percent, t

COVID_PERIOD = (dt.date(2020, 3, 15), dt.date(2021, 6, 30))

# A channel launch this close before the campaign leaves too few weeks to learn the new level.
LAUNCH_WARNING_WEEKS = 13
# Weeks needed on each side of a launch in the fit before its level shift is estimated.
LAUNCH_MIN_SIDE_WEEKS = 4
# Pre-period weeks shown (with the fitted band) before the window in the weekly chart data.
PRE_TAIL_WEEKS = 26
SPARSE_WEEKLY_MEAN = 3.0
SPARSE_WINDOW_TOTAL = 10
# Comparison totals below this per week are so noisy that they add more noise than they remove.
SPARSE_CONTROL_WEEKLY_MEAN = 10.0


@dataclass(frozen=True)
class Diagnostic:
    """One caveat about an estimate: an i18n key (``effect_warn_*``) and the values it needs."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def render(self, lang: str = DEFAULT_LANG) -> str:
        """Return the caveat as a sentence in ``lang``; dates are formatted for that language."""
        values = {
            name: fmt_date(value, lang) if isinstance(value, dt.date) else value
            for name, value in self.values.items()
        }
        return t(self.key, lang, **values)


@dataclass(frozen=True)
class EffectEstimate:
    """Estimated effect of one campaign on the number of reports in its window.

    Counts are window totals. ``expected`` is the mean of the predictive distribution of the total
    without campaign; ``expected_low``/``expected_high`` its 2.5% and 97.5% quantiles (count noise
    included). ``extra`` = observed − expected; ``relative_change`` = observed / expected − 1. Their
    intervals follow from the predictive quantiles; ``relative_high`` is ``None`` when the lower
    predictive bound is 0 (the rise is then unbounded). ``weekly`` has one row per week of the
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
            "warning_codes": [d.key for d in self.diagnostics],
            "notes": [d.render(lang) for d in self.notes],
            "controls_used": list(self.controls_used),
            "method": self.method,
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
    other_campaigns: Iterable[tuple[dt.date, dt.date]] = (),
    covid_period: tuple[dt.date, dt.date] | None = COVID_PERIOD,
    min_pre_weeks: int = 26,
    n_sim: int = 2000,
    seed: int = 0,
) -> EffectEstimate:
    """Estimate how many more (or fewer) reports came in during a campaign than expected.

    ``series`` has ``week`` (Mondays) and ``reports`` (counts), optionally ``population``. The window
    is every week whose Monday lies from the Monday of ``start`` to the Monday of ``end``; the
    pre-period is every earlier week. ``controls`` (``gemeente, week, reports[, population]``) are
    municipalities without a campaign in the window; their weekly total enters the model as an
    exposure so that shocks shared with them (news, weather, holidays) are not credited to the
    campaign. Weeks of the Covid period and of ``other_campaigns`` are left out of the fit when at
    least ``min_pre_weeks`` remain; a channel launch inside the fit gets its own level shift.
    Returns an :class:`EffectEstimate`; raises ``ValueError`` (Dutch) when the window is empty or
    lies outside the series, or when too few weeks precede it.
    """
    typed = validate_weekly_reports(series, source="reeks")
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
    for other_start, other_end in other_campaigns:
        other_start, other_end = (
            _as_date(other_start, "other_campaigns"),
            _as_date(other_end, "other_campaigns"),
        )
        lo, hi = pd.Timestamp(_monday(other_start)), pd.Timestamp(_monday(other_end))
        if lo <= window_last and hi >= window_first:
            diagnostics.append(Diagnostic("effect_warn_overlap", {"start": other_start, "end": other_end}))
        in_other = ((weeks >= lo) & (weeks <= hi)).to_numpy()
        if (fit_mask & in_other).any() and (fit_mask & ~in_other).sum() >= min_pre_weeks:
            fit_mask &= ~in_other
            notes.append(Diagnostic("effect_note_other_excluded", {"start": other_start, "end": other_end}))

    steps: list[pd.Timestamp] = []
    for launch in channel_launches:
        launch = _as_date(launch, "channel_launches")
        launch_week = pd.Timestamp(_monday(launch))
        if window_first <= launch_week <= window_last:
            diagnostics.append(Diagnostic("effect_warn_launch_window", {"date": launch}))
            continue
        if launch_week > window_last or launch_week <= first_week:
            continue
        weeks_before_start = (window_first - launch_week).days // 7
        if weeks_before_start <= LAUNCH_WARNING_WEEKS:
            diagnostics.append(
                Diagnostic("effect_warn_launch_recent", {"date": launch, "n": weeks_before_start})
            )
        after = fit_mask & (weeks >= launch_week).to_numpy()
        before = fit_mask & (weeks < launch_week).to_numpy()
        if after.sum() >= LAUNCH_MIN_SIDE_WEEKS and before.sum() >= LAUNCH_MIN_SIDE_WEEKS:
            # The launch's own level shift is learnt, so it is not credited to the campaign.
            steps.append(launch_week)
            notes.append(Diagnostic("effect_note_launch_step", {"date": launch}))
        elif weeks_before_start > LAUNCH_WARNING_WEEKS:
            diagnostics.append(
                Diagnostic("effect_warn_launch_recent", {"date": launch, "n": weeks_before_start})
            )

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

    design = _design_matrix(weeks, origin=window_first, n_harmonics=n_harmonics, steps=steps)
    n_params = design.shape[1]
    if n_fit < n_params + 4:
        raise ValueError(
            f"Te weinig weken vóór de campagne om een verwachting te berekenen: {n_fit} bruikbare "
            f"weken, er zijn er minstens {n_params + 4} nodig."
        )
    y_fit = y_all[fit_mask]
    fit = _fit_count_model(y_fit, design[fit_mask], offset[fit_mask])
    pre_mean = float(y_fit.mean())
    if pre_mean < SPARSE_WEEKLY_MEAN:
        diagnostics.append(Diagnostic("effect_warn_sparse_pre", {"mean": round(pre_mean, 1)}))

    sims_mu, sims_y = _simulate(fit, design[pred_idx], offset[pred_idx], n_sim=n_sim, seed=seed)
    n_tail = len(tail_idx)
    window_mu, window_y = sims_mu[n_tail:], sims_y[n_tail:]
    total_sim = window_y.sum(axis=0)
    observed = int(y_all[window_idx].sum())
    expected = float(window_mu.sum(axis=0).mean())
    low, high = (float(q) for q in np.quantile(total_sim, [0.025, 0.975]))
    if observed < SPARSE_WINDOW_TOTAL or expected < SPARSE_WINDOW_TOTAL:
        diagnostics.append(
            Diagnostic("effect_warn_sparse_window", {"observed": observed, "expected": round(expected)})
        )
    p_upper = (np.count_nonzero(total_sim >= observed) + 1) / (n_sim + 1)
    p_lower = (np.count_nonzero(total_sim <= observed) + 1) / (n_sim + 1)
    p_value = min(1.0, 2 * min(p_upper, p_lower))

    weekly = pd.DataFrame(
        {
            "week": weeks.iloc[pred_idx].to_numpy(),
            "period": ["pre"] * n_tail + ["window"] * len(window_idx),
            "observed": y_all[pred_idx].astype(int),
            "expected": sims_mu.mean(axis=1),
            "low": np.quantile(sims_y, 0.025, axis=1),
            "high": np.quantile(sims_y, 0.975, axis=1),
        }
    )
    method = (
        f"{fit.family} GLM op {n_fit} weken vóór de campagne: lineaire trend, "
        f"{n_harmonics} seizoensharmonischen"
        + (f", {len(steps)} niveausprong(en) voor nieuwe meldkanalen" if steps else "")
        + (", bevolking als blootstelling" if "population" in typed.columns else "")
        + (
            f", totaal van {len(controls_used)} vergelijkingsgemeenten als blootstelling"
            if controls_used
            else ""
        )
        + f"; voorspelling met {n_sim} simulaties (parameter- en telruis)."
    )
    return EffectEstimate(
        start=start,
        end=end,
        observed=observed,
        expected=expected,
        expected_low=low,
        expected_high=high,
        extra=observed - expected,
        extra_low=observed - high,
        extra_high=observed - low,
        relative_change=observed / expected - 1,
        relative_low=observed / high - 1 if high > 0 else None,
        relative_high=observed / low - 1 if low > 0 else None,
        p_value=float(p_value),
        diagnostics=tuple(diagnostics),
        notes=tuple(notes),
        controls_used=controls_used,
        method=method,
        n_fit_weeks=n_fit,
        n_window_weeks=len(window_idx),
        dispersion=fit.alpha,
        weekly=weekly,
    )


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


def _design_matrix(
    weeks: pd.Series, *, origin: pd.Timestamp, n_harmonics: int, steps: Sequence[pd.Timestamp]
) -> np.ndarray:
    """Columns: intercept (level at the window start), trend in years, Fourier pairs, level steps."""
    years = ((weeks - origin).dt.days / 365.25).to_numpy()
    angle = 2 * np.pi * (weeks.dt.dayofyear.to_numpy() - 1) / 365.25
    columns = [np.ones(len(weeks)), years]
    for k in range(1, n_harmonics + 1):
        columns += [np.sin(k * angle), np.cos(k * angle)]
    columns += [(weeks >= step).to_numpy(dtype=float) for step in steps]
    return np.column_stack(columns)


def _control_exposure(
    controls: pd.DataFrame, weeks: pd.Series, needed_idx: np.ndarray
) -> tuple[np.ndarray, list[str], list[Diagnostic]]:
    """Log weekly total (or rate) of the comparison municipalities, aligned on ``weeks``.

    Only municipalities with a value in every needed week are summed, so the total means the same
    thing in every week. Weeks outside ``needed_idx`` may be NaN.
    """
    typed = validate_weekly_reports(controls, source="vergelijkingsgemeenten", controls=True)
    diagnostics: list[Diagnostic] = []
    needed_weeks = pd.DatetimeIndex(weeks.iloc[needed_idx])
    counts = typed.pivot(index="week", columns="gemeente", values="reports").reindex(weeks)
    complete = counts.loc[needed_weeks].notna().all()
    used = sorted(str(code) for code in complete.index[complete])
    dropped = sorted(str(code) for code in complete.index[~complete])
    if dropped:
        diagnostics.append(Diagnostic("effect_warn_controls_incomplete", {"codes": ", ".join(dropped)}))
    if not used:
        diagnostics.append(Diagnostic("effect_warn_controls_none"))
        return np.zeros(len(weeks)), [], diagnostics
    total = counts[used].sum(axis=1, min_count=len(used)).to_numpy(dtype=float)
    if np.nanmean(total[needed_idx]) < SPARSE_CONTROL_WEEKLY_MEAN:
        diagnostics.append(Diagnostic("effect_warn_controls_sparse"))
    # A week in which no comparison report came in would be log(0); half a report keeps it finite.
    exposure = np.log(np.maximum(total, 0.5))
    if "population" in typed.columns and typed["population"].notna().any():
        population = typed.pivot(index="week", columns="gemeente", values="population").reindex(weeks)[used]
        population = population.ffill().bfill().sum(axis=1).to_numpy(dtype=float)
        exposure -= np.log(population)
    return exposure, used, diagnostics


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
