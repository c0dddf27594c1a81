"""The indicator catalogue: every published figure defined once.

Each :class:`Indicator` says what a number means (Dutch and English name and definition), its
unit, its denominator and which population year, which period it covers, how it is protected and
where it comes from. ``vsdash.publication`` computes the figures by these definitions; pages,
slides, downloads, the command line and the API read them from there. ``docs/indicatoren.md`` is
generated from this module (``python -m vsdash docs``) and a test keeps it in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    """One published figure, defined once."""

    id: str
    name_nl: str
    name_en: str
    definition_nl: str
    definition_en: str
    unit: str
    denominator: str
    period_rule: str
    privacy_rule: str
    source: str
    # The source in English, for English documents that name it (the council letter's Sources).
    source_en: str = ""
    # English unit, denominator, period and privacy texts, for the English downloads' definitions
    # (``vsdash.spreadsheets.definitions_rows``) and the key-figures table; a test requires them.
    unit_en: str = ""
    denominator_en: str = ""
    period_rule_en: str = ""
    privacy_rule_en: str = ""
    # The label where space is short (a metric tile, a slide, the command line's table), "" where the
    # name itself is the label. Defined here, and shown beside the name in the definitions (sheet,
    # docs/indicatoren.md, a metric's help), so a reader can look up the label a slide shows.
    short_name_nl: str = ""
    short_name_en: str = ""

    def name(self, lang: str) -> str:
        """The indicator's name in ``lang`` ("nl" or "en")."""
        return self.name_en if lang == "en" else self.name_nl

    def short_name(self, lang: str) -> str:
        """The indicator's label where space is short, in ``lang``; its name where it has none."""
        short = self.short_name_en if lang == "en" else self.short_name_nl
        return short or self.name(lang)

    def glossed_name(self, lang: str) -> str:
        """The short label and the name together, as the definitions show them.

        "Ervaren intimidatie: Straatintimidatie meegemaakt (enquête)"; the name alone where the
        indicator has no short label.
        """
        short, name = self.short_name(lang), self.name(lang)
        return name if short == name else f"{short}: {name}"

    def definition(self, lang: str) -> str:
        """The indicator's definition in ``lang`` ("nl" or "en")."""
        return self.definition_en if lang == "en" else self.definition_nl

    def source_in(self, lang: str) -> str:
        """The indicator's source in ``lang`` ("nl" or "en"); Dutch where no English text is given."""
        return self.source_en if lang == "en" and self.source_en else self.source

    def unit_in(self, lang: str) -> str:
        """The indicator's unit in ``lang`` ("nl" or "en"); Dutch where no English text is given."""
        return self.unit_en if lang == "en" and self.unit_en else self.unit

    def denominator_in(self, lang: str) -> str:
        """The indicator's denominator in ``lang`` ("nl" or "en"); Dutch where no English text is given."""
        return self.denominator_en if lang == "en" and self.denominator_en else self.denominator

    def period_rule_in(self, lang: str) -> str:
        """The indicator's period rule in ``lang`` ("nl" or "en"); Dutch where no English text is given."""
        return self.period_rule_en if lang == "en" and self.period_rule_en else self.period_rule

    def privacy_rule_in(self, lang: str) -> str:
        """The indicator's privacy rule in ``lang`` ("nl" or "en"); Dutch where no English text is given."""
        return self.privacy_rule_en if lang == "en" and self.privacy_rule_en else self.privacy_rule

    @property
    def perturbed(self) -> bool:
        """Whether the figure is a count protected by cell-key perturbation (``vsdash.privacy``)."""
        return self.privacy_rule == _PROTECTED


_PROTECTED = (
    "Gepubliceerd via vsdash.privacy met cell-key-perturbatie (ADR 0006): elke week of maand van een "
    "gemeente krijgt een vaste kleine verandering (meestal 0 tot 2), een aantal van 1 tot en met 4 "
    "wordt 0 of 5; het totaal is de som van de gepubliceerde weken of maanden, een groep de som van "
    "haar gemeenten. Afgeleide cijfers (tarief, verandering) komen uit de gepubliceerde aantallen."
)
_PROTECTED_EN = (
    "Published through vsdash.privacy with cell-key perturbation (ADR 0006): every week or month of a "
    "municipality gets a fixed small change (usually 0 to 2), a count of 1 to 4 becomes 0 or 5; the "
    "total is the sum of the published weeks or months, a group the sum of its municipalities. Derived "
    "figures (rate, change) come from the published counts."
)
_REPORTS_SOURCE = "Meldpunten en apps van de gemeenten (import of demodata), tabel reports"
_REPORTS_SOURCE_EN = "The municipalities' reporting points and apps (import or demo data), table reports"


def _feeling_unsafe(
    id_: str,
    *,
    name_nl: str,
    name_en: str,
    short_name_nl: str,
    short_name_en: str,
    feeling_nl: str,
    feeling_en: str,
) -> Indicator:
    """A feeling of unsafety from the survey: defined as survey_prevalence is, but for ``feeling``."""
    return Indicator(
        id=id_,
        name_nl=name_nl,
        name_en=name_en,
        short_name_nl=short_name_nl,
        short_name_en=short_name_en,
        definition_nl=f"Aandeel van de basis (meestal inwoners van 15 jaar en ouder) dat zich {feeling_nl}, "
        "volgens dezelfde enquête en dezelfde ronde als Straatintimidatie meegemaakt (enquête), met het "
        "95%-interval (aandeel ± marge). Voor een groep: het gemiddelde van de gemeenten met dit cijfer, "
        "gewogen naar hun basis.",
        definition_en=f"Share of the base (usually inhabitants aged 15 and over) who {feeling_en}, from the "
        "same survey and round as Experienced street harassment (survey), with its 95% interval (share "
        "± margin). For a group: the average over the municipalities with this figure, weighted by "
        "their base.",
        unit="procent",
        unit_en="percent",
        denominator="De basis van de enquête (bijvoorbeeld inwoners van 15 jaar en ouder), uit het "
        "enquêtebestand",
        denominator_en="The survey's base (for example inhabitants aged 15 and over), from the survey file",
        period_rule="Dezelfde enquêteronde als Straatintimidatie meegemaakt (enquête): de laatste in of "
        "vóór het laatste jaar van de gekozen periode.",
        period_rule_en="The same survey round as Experienced street harassment (survey): the last one in "
        "or before the last year of the chosen period.",
        privacy_rule="Openbaar cijfer over een steekproef, niet over personen; niet afgeschermd.",
        privacy_rule_en="Public figure about a sample, not about people; not protected.",
        source="Enquêtecijfers (import soort survey, of demodata), tabel survey_indicators; in de stijl "
        "van de CBS Veiligheidsmonitor",
        source_en="Survey figures (import of kind survey, or demo data), table survey_indicators; in the "
        "style of the CBS Safety Monitor",
    )


CATALOGUE: tuple[Indicator, ...] = (
    Indicator(
        id="reports",
        name_nl="Meldingen",
        name_en="Reports",
        definition_nl="Aantal meldingen met een pleegdatum in de hele weken (maandag tot en met "
        "zondag) rond de gekozen periode, of in haar hele maanden als de periode uit hele maanden "
        "bestaat of de aantallen klein zijn; per gemeente bepaald en opgeteld over de gemeenten in "
        "de selectie (elke gemeente over de eigen weken of maanden).",
        definition_en="Number of reports whose incident date lies in the whole weeks (Monday to "
        "Sunday) around the chosen period, or in its whole months when the period consists of whole "
        "months or counts are small; decided per municipality and summed over the municipalities in "
        "the selection (each municipality over its own weeks or months).",
        unit="meldingen",
        unit_en="reports",
        denominator="geen",
        denominator_en="none",
        period_rule="Hele weken of hele maanden rond de gekozen periode; de pagina noemt welke. Een "
        "dag verschuiven verandert het getal dus niet.",
        period_rule_en="Whole weeks or whole months around the chosen period; the page says which. "
        "Moving a day therefore does not change the number.",
        privacy_rule=_PROTECTED,
        privacy_rule_en=_PROTECTED_EN,
        source=_REPORTS_SOURCE,
        source_en=_REPORTS_SOURCE_EN,
    ),
    Indicator(
        id="inhabitants",
        name_nl="Inwoners",
        name_en="Inhabitants",
        definition_nl="Inwoners op 1 januari van het populatiejaar, opgeteld over de gemeenten in de "
        "selectie die in de periode een meldpunt hadden.",
        definition_en="Inhabitants on 1 January of the population year, summed over the "
        "municipalities in the selection that had a reporting point in the period.",
        unit="inwoners",
        unit_en="inhabitants",
        denominator="geen",
        denominator_en="none",
        period_rule="Populatiejaar: het laatste jaar van de periode waarvoor CBS een cijfer heeft "
        "(anders het vroegste beschikbare jaar).",
        period_rule_en="Population year: the last year of the period for which CBS has a figure "
        "(otherwise the earliest available year).",
        privacy_rule="Openbaar cijfer, niet afgeschermd.",
        privacy_rule_en="Public figure, not protected.",
        source="CBS StatLine 03759NED, bevolking op 1 januari",
        source_en="CBS StatLine 03759NED, population on 1 January",
    ),
    Indicator(
        id="rate_per_10k_per_year",
        name_nl="Meldingen per 10.000 inwoners per jaar",
        name_en="Reports per 10,000 inhabitants per year",
        short_name_nl="Per 10.000 inwoners per jaar",
        short_name_en="Per 10,000 inhabitants per year",
        definition_nl="Meldingen × 10.000 / inwoners × 365,25 / dagen. Inwoners en dagen per gemeente: "
        "de getelde dagen (van de eerste tot de laatste dag met gegevens) waarop de gemeente een "
        "meldpunt had; voor een groep tellen de inwonerjaren van de leden op (leden zoals ze in die "
        "periode waren). Met een exact 95%-interval (Poisson, Garwood).",
        definition_en="Reports × 10,000 / inhabitants × 365.25 / days. Inhabitants and days per "
        "municipality: the counted days (from the first to the last day with data) on which it had a "
        "reporting point; for a group the inhabitant-years of the members are summed (members as "
        "they were in the period). With an exact 95% interval (Poisson, Garwood).",
        unit="meldingen per 10.000 inwoners per jaar",
        unit_en="reports per 10,000 inhabitants per year",
        denominator="Inwoners op 1 januari van het populatiejaar × dagen met meldpunt / 365,25",
        denominator_en="Inhabitants on 1 January of the population year × days with a reporting point / "
        "365.25",
        period_rule="De getelde periode (hele weken of maanden rond de gekozen periode, zoals de "
        "meldingen); omgerekend naar een jaar, zodat perioden van verschillende lengte vergelijkbaar zijn.",
        period_rule_en="The counted period (whole weeks or months around the chosen period, as the "
        "reports); converted to a year, so that periods of different length can be compared.",
        privacy_rule=_PROTECTED,
        privacy_rule_en=_PROTECTED_EN,
        source=_REPORTS_SOURCE + "; CBS StatLine 03759NED",
        source_en=_REPORTS_SOURCE_EN + "; CBS StatLine 03759NED",
    ),
    Indicator(
        id="previous_reports",
        name_nl="Meldingen in de vorige periode",
        name_en="Reports in the preceding period",
        definition_nl="Aantal meldingen in de periode van dezelfde lengte direct vóór de getelde periode "
        "(bij hele kalendermaanden: evenveel maanden eerder; bij een kalenderjaar: het vorige "
        "kalenderjaar; bij hele weken: evenveel weken eerder). De perioden overlappen nooit.",
        definition_en="Number of reports in the period of the same length directly before the counted "
        "period (for whole calendar months: as many months earlier; for a calendar year: the previous "
        "calendar year; for whole weeks: as many weeks earlier). The periods never overlap.",
        unit="meldingen",
        unit_en="reports",
        denominator="geen",
        denominator_en="none",
        period_rule="De voorgaande periode van dezelfde lengte; ligt die (deels) vóór het begin van de "
        "gegevens, dan is er geen vergelijking.",
        period_rule_en="The preceding period of the same length; if it lies (partly) before the start of "
        "the data, there is no comparison.",
        privacy_rule=_PROTECTED,
        privacy_rule_en=_PROTECTED_EN,
        source=_REPORTS_SOURCE,
        source_en=_REPORTS_SOURCE_EN,
    ),
    Indicator(
        id="change",
        name_nl="Verandering t.o.v. de vorige periode",
        name_en="Change against the preceding period",
        short_name_nl="t.o.v. vorige periode",
        short_name_en="vs preceding period",
        definition_nl="(meldingen − meldingen vorige periode) / meldingen vorige periode, uit de "
        "gepubliceerde aantallen. Leeg als de vorige periode geen gegevens heeft, een aantal is "
        "afgeschermd, of de inwonerjaren met een meldpunt meer dan 5% verschillen (een meldpunt "
        "ging open of dicht).",
        definition_en="(reports − reports in the preceding period) / reports in the preceding period, "
        "from the published counts. Empty when the preceding period has no data, a count is hidden, or "
        "the inhabitant-years with a reporting point differ by more than 5% (a reporting point opened "
        "or closed).",
        unit="fractie (weergegeven als procent)",
        unit_en="fraction (shown as a percentage)",
        denominator="Meldingen in de vorige periode",
        denominator_en="Reports in the preceding period",
        period_rule="De getelde periode tegen de voorgaande periode van dezelfde lengte, per gemeente.",
        period_rule_en="The counted period against the preceding period of the same length, per "
        "municipality.",
        privacy_rule=_PROTECTED,
        privacy_rule_en=_PROTECTED_EN,
        source=_REPORTS_SOURCE,
        source_en=_REPORTS_SOURCE_EN,
    ),
    Indicator(
        id="campaigns",
        name_nl="Campagnes in de periode",
        name_en="Campaigns in the period",
        definition_nl="Aantal campagnes dat (deels) in de periode liep en waaraan minstens één gemeente "
        "uit de selectie deelnam.",
        definition_en="Number of campaigns that ran (at least partly) in the period with at least one "
        "municipality of the selection taking part.",
        unit="campagnes",
        unit_en="campaigns",
        denominator="geen",
        denominator_en="none",
        period_rule="Overlap met de gekozen periode.",
        period_rule_en="Overlap with the chosen period.",
        privacy_rule="Niet over personen; niet afgeschermd.",
        privacy_rule_en="Not about people; not protected.",
        source="Campagnekalender (import of demodata), tabel campaigns",
        source_en="Campaign calendar (import or demo data), table campaigns",
    ),
    Indicator(
        id="activities",
        name_nl="Activiteiten in de periode",
        name_en="Activities in the period",
        definition_nl="Aantal activiteiten van de gemeenten in de selectie dat (deels) in de periode "
        "liep: begonnen op of vóór het einde en niet geëindigd vóór het begin. Alle statussen "
        "(gepland, lopend, afgerond, uitgesteld) tellen mee.",
        definition_en="Number of activities of the municipalities in the selection that ran (at least "
        "partly) in the period: started on or before its end and not ended before its start. Every "
        "status (planned, running, done, postponed) counts.",
        unit="activiteiten",
        unit_en="activities",
        denominator="geen",
        denominator_en="none",
        period_rule="Overlap met de gekozen periode.",
        period_rule_en="Overlap with the chosen period.",
        privacy_rule="Niet over personen; niet afgeschermd.",
        privacy_rule_en="Not about people; not protected.",
        source="Activiteitenregister (import of demodata), tabel activities",
        source_en="Activity register (import or demo data), table activities",
    ),
    Indicator(
        id="hidden",
        name_nl="Meldingen niet apart getoond",
        name_en="Reports not shown separately",
        definition_nl="Het gepubliceerde totaal min de som van de getoonde cellen van de trend (per week "
        "of per maand, zoals de pagina hem toont). Bij de eenheid van de telling is dit 0; anders komt "
        "het verschil door gedeeltelijke weken aan de randen en de perturbatie van elke cel.",
        definition_en="The published total minus the sum of the trend's visible cells (per week or per "
        "month, as the page shows it). At the unit of the count it is 0; otherwise the difference "
        "comes from partial weeks at the edges and each cell's own perturbation.",
        unit="meldingen",
        unit_en="reports",
        denominator="geen",
        denominator_en="none",
        period_rule="De gekozen periode.",
        period_rule_en="The chosen period.",
        privacy_rule="Alleen uit gepubliceerde cijfers afgeleid; onthult niets wat een lezer niet zelf "
        "kan uitrekenen.",
        privacy_rule_en="Derived from published figures only; reveals nothing a reader cannot work out.",
        source=_REPORTS_SOURCE,
        source_en=_REPORTS_SOURCE_EN,
    ),
    # Issue 19: prevalence from the population survey and the willingness to report.
    Indicator(
        id="survey_prevalence",
        name_nl="Straatintimidatie meegemaakt (enquête)",
        name_en="Experienced street harassment (survey)",
        short_name_nl="Ervaren intimidatie",
        short_name_en="Experienced harassment",
        definition_nl="Aandeel van de basis (meestal inwoners van 15 jaar en ouder) dat in de 12 "
        "maanden vóór het veldwerk straatintimidatie meemaakte, volgens een enquête in de stijl van de "
        "CBS Veiligheidsmonitor, met het 95%-interval (aandeel ± marge). Voor een groep: het "
        "gemiddelde van de gemeenten met een enquêtecijfer, gewogen naar hun basis; de marge als van "
        "onafhankelijke steekproeven. De gevoelens van onveiligheid (in de buurt, 's avonds op straat) "
        "staan er op dezelfde manier bij.",
        definition_en="Share of the base (usually inhabitants aged 15 and over) who experienced street "
        "harassment in the 12 months before the fieldwork, from a survey in the style of the CBS Safety "
        "Monitor, with its 95% interval (share ± margin). For a group: the average over the "
        "municipalities with a survey figure, weighted by their base; the margin as of independent "
        "samples. Feelings of unsafety (in the neighbourhood, on the street at night) come alongside "
        "in the same way.",
        unit="procent",
        unit_en="percent",
        denominator="De basis van de enquête (bijvoorbeeld inwoners van 15 jaar en ouder), uit het "
        "enquêtebestand",
        denominator_en="The survey's base (for example inhabitants aged 15 and over), from the survey file",
        period_rule="De laatste enquêteronde in of vóór het laatste jaar van de gekozen periode (de "
        "Veiligheidsmonitor is tweejaarlijks); de pagina en de JSON noemen het jaar. Zonder zo'n ronde: "
        "geen cijfer, met de reden.",
        period_rule_en="The last survey round in or before the last year of the chosen period (the "
        "Safety Monitor is held every two years); the page and the JSON name the year. "
        "Without such a round: no figure, with the reason.",
        privacy_rule="Openbaar cijfer over een steekproef, niet over personen; niet afgeschermd. "
        "Betrouwbaar voor gemeenten vanaf ongeveer 70.000 inwoners (CBS).",
        privacy_rule_en="Public figure about a sample, not about people; not protected. Reliable for "
        "municipalities from about 70,000 inhabitants (CBS).",
        source="Enquêtecijfers (import soort survey, of demodata), tabel survey_indicators; in de stijl "
        "van de CBS Veiligheidsmonitor",
        source_en="Survey figures (import of kind survey, or demo data), table survey_indicators; in the "
        "style of the CBS Safety Monitor",
    ),
    _feeling_unsafe(
        "survey_unsafe_neighbourhood",
        name_nl="Voelt zich weleens onveilig in de eigen buurt (enquête)",
        name_en="Sometimes feels unsafe in their own neighbourhood (survey)",
        short_name_nl="Onveilig in de buurt",
        short_name_en="Unsafe in the neighbourhood",
        feeling_nl="weleens onveilig voelt in de eigen buurt",
        feeling_en="sometimes feel unsafe in their own neighbourhood",
    ),
    _feeling_unsafe(
        "survey_unsafe_night",
        name_nl="Voelt zich 's avonds op straat weleens onveilig (enquête)",
        name_en="Sometimes feels unsafe on the street at night (survey)",
        short_name_nl="'s Avonds onveilig",
        short_name_en="Unsafe at night",
        feeling_nl="'s avonds op straat weleens onveilig voelt",
        feeling_en="sometimes feel unsafe on the street at night",
    ),
    Indicator(
        id="reporting_ratio",
        name_nl="Meldingsbereidheid: meldingen per 1.000 mensen die straatintimidatie meemaakten",
        name_en="Willingness to report: reports per 1,000 people who experienced street harassment",
        # With its unit: "50,2" alone reads as a percentage or a score.
        short_name_nl="Meldingsbereidheid (per 1.000)",
        short_name_en="Willingness to report (per 1,000)",
        definition_nl="Meldingen per jaar / (aandeel dat straatintimidatie meemaakte × basis). Per "
        "gemeente: de gepubliceerde meldingen over de getelde dagen met een meldpunt, gedeeld door "
        "aandeel × basis × die dagen / 365,25; voor een groep tellen tellers en noemers op over de "
        "gemeenten met een enquêtecijfer en een meldpunt. Met een 95%-interval dat de marge van de "
        "enquête en de Poisson-onzekerheid van het aantal meldingen draagt (exact interval van het "
        "aantal en normaal interval van de noemer, gecombineerd op logschaal, MOVER). Meer meldingen "
        "bij gelijke ervaren intimidatie betekent dat meer mensen melden.",
        definition_en="Reports per year / (share who experienced street harassment × base). Per "
        "municipality: the published reports over the counted days with a reporting point, divided by "
        "share × base × those days / 365.25; for a group numerators and denominators are summed over "
        "the municipalities with a survey figure and a reporting point. With a 95% interval carrying "
        "the survey's margin and the Poisson uncertainty of the count (exact interval of the count and "
        "normal interval of the denominator, combined on the log scale, MOVER). More reports at the "
        "same experienced harassment means that more people report.",
        unit="fractie (weergegeven per 1.000 mensen die het meemaakten)",
        unit_en="fraction (shown per 1,000 people who experienced it)",
        denominator="Aandeel dat straatintimidatie meemaakte × basis van de enquête × jaren met meldpunt",
        denominator_en="Share who experienced street harassment × the survey's base × years with a "
        "reporting point",
        period_rule="De gekozen periode (hele weken of maanden, zoals de meldingen); de enquêteronde: de "
        "laatste in of vóór het laatste jaar van de periode, en welke staat erbij.",
        period_rule_en="The chosen period (whole weeks or months, like the reports); the survey round: "
        "the last one in or before the last year of the period, and which one is stated.",
        privacy_rule="Berekend uit het gepubliceerde (verstoorde) aantal meldingen; onthult niets wat "
        "de gepubliceerde meldingen en het openbare enquêtecijfer niet al zeggen.",
        privacy_rule_en="Computed from the published (perturbed) number of reports; reveals nothing the "
        "published reports and the public survey figure do not already say.",
        source=_REPORTS_SOURCE + "; enquêtecijfers, tabel survey_indicators",
        source_en=_REPORTS_SOURCE_EN + "; survey figures, table survey_indicators",
    ),
    Indicator(
        id="funding_eur",
        name_nl="Rijksbijdrage in de periode",
        name_en="State funding in the period",
        definition_nl="Bijdrage van het Rijk per jaar / 12 × de maanden van deelname in de periode "
        "(een deels gedekte maand telt naar rato van de dagen), opgeteld over de gemeenten in de "
        "selectie.",
        definition_en="State contribution per year / 12 × the months of membership in the period (a "
        "partly covered month counts pro rata by its days), summed over the municipalities in the "
        "selection.",
        unit="euro",
        unit_en="euro",
        denominator="geen",
        denominator_en="none",
        period_rule="Maanden van deelname die in de gekozen periode vallen.",
        period_rule_en="Months of membership that fall in the chosen period.",
        privacy_rule="Openbare programmagegevens; niet afgeschermd.",
        privacy_rule_en="Public programme data; not protected.",
        source="Programma Veilige Steden (OCW): EUR 50.000 per jaar voor de G4, EUR 30.000 voor de "
        "andere gemeenten; tabel memberships",
        source_en="Programme Veilige Steden (OCW): EUR 50,000 a year for the G4, EUR 30,000 for the "
        "other municipalities; table memberships",
    ),
    # Issue 19: the programme view for the ministry (page Programma).
    Indicator(
        id="participants",
        name_nl="Deelnemende gemeenten",
        name_en="Participating municipalities",
        definition_nl="Aantal gemeenten dat in een jaar aan een programma deelnam: van het eerste tot en "
        "met het laatste jaar van deelname.",
        definition_en="Number of municipalities taking part in a programme in a year: from the first "
        "to the last year of membership.",
        unit="gemeenten",
        unit_en="municipalities",
        denominator="geen",
        denominator_en="none",
        period_rule="Per kalenderjaar; de kerncijfers noemen het laatste jaar van de gekozen periode.",
        period_rule_en="Per calendar year; the key figures name the last year of the chosen period.",
        privacy_rule="Openbare programmagegevens; niet afgeschermd.",
        privacy_rule_en="Public programme data; not protected.",
        source="Panteia, Evaluatie Programma Veilige Steden (2022); leercirkel Leefbaarheid en "
        "Veiligheid (BZK, 2021); City Deal Zorg voor Veiligheid in de stad (2017-2019); tabel memberships",
        source_en="Panteia, Evaluation of the Programme Veilige Steden (2022); learning circle Leefbaarheid "
        "en Veiligheid (BZK, 2021); City Deal Zorg voor Veiligheid in de stad (2017-2019); table memberships",
    ),
    Indicator(
        id="cofinancing_eur",
        name_nl="Cofinanciering in de periode",
        name_en="Co-financing in the period",
        definition_nl="Verplichte eigen bijdrage van de gemeente per jaar (geld of inzet, even groot als "
        "de rijksbijdrage) / 12 × de maanden van deelname in de periode, naar rato zoals de "
        "rijksbijdrage; opgeteld over de gemeenten in de selectie.",
        definition_en="The municipality's required own contribution per year (money or staff time, "
        "equal to the state funding) / 12 × the months of membership in the period, pro rata as the "
        "state funding; summed over the municipalities in the selection.",
        unit="euro",
        unit_en="euro",
        denominator="geen",
        denominator_en="none",
        period_rule="Maanden van deelname die in de gekozen periode vallen.",
        period_rule_en="Months of membership that fall in the chosen period.",
        privacy_rule="Openbare programmagegevens; niet afgeschermd.",
        privacy_rule_en="Public programme data; not protected.",
        source="Programma Veilige Steden (OCW): elke gemeente legt hetzelfde bedrag bij als zij van "
        "het Rijk krijgt; tabel memberships",
        source_en="Programme Veilige Steden (OCW): every municipality adds the amount it receives from "
        "the state; table memberships",
    ),
    Indicator(
        id="activity_budget_eur",
        name_nl="Budget gestarte activiteiten",
        name_en="Budget of activities begun",
        definition_nl="Som van het budget van de activiteiten van de gemeenten in de selectie die in de "
        "periode begonnen, per categorie (onderzoek, preventie, interventie, repressie); het hele "
        "budget telt in de periode waarin de activiteit begon.",
        definition_en="Sum of the budgets of the activities of the municipalities in the selection "
        "that began in the period, per category; an activity's whole budget counts in the period it "
        "began in.",
        unit="euro",
        unit_en="euro",
        denominator="geen",
        denominator_en="none",
        period_rule="Begindatum in de gekozen periode.",
        period_rule_en="Start date in the chosen period.",
        privacy_rule="Niet over personen; niet afgeschermd.",
        privacy_rule_en="Not about people; not protected.",
        source="Activiteitenregister (import of demodata), tabel activities, kolom budget_eur",
        source_en="Activity register (import or demo data), table activities, column budget_eur",
    ),
    Indicator(
        id="intervention_spread",
        name_nl="Gemeenten per soort activiteit",
        name_en="Municipalities per kind of activity",
        definition_nl="Aantal gemeenten in de selectie dat een soort activiteit (zoals training voor "
        "uitgaanspersoneel) ooit uitvoerde, met de eerste gemeente en het jaar waarin elke gemeente "
        "ermee begon.",
        definition_en="Number of municipalities of the selection that ever ran a kind of activity "
        "(such as nightlife staff training), with the first municipality and the year each began.",
        unit="gemeenten",
        unit_en="municipalities",
        denominator="geen",
        denominator_en="none",
        period_rule="Alle jaren in het register tot het einde van de gekozen periode.",
        period_rule_en="All years in the register up to the end of the chosen period.",
        privacy_rule="Niet over personen; niet afgeschermd.",
        privacy_rule_en="Not about people; not protected.",
        source="Activiteitenregister (import of demodata), tabel activities",
        source_en="Activity register (import or demo data), table activities",
    ),
)

BY_ID: dict[str, Indicator] = {ind.id: ind for ind in CATALOGUE}


def indicator(indicator_id: str) -> Indicator:
    """Return the catalogue entry ``indicator_id`` (raises ``KeyError`` naming the known ids)."""
    try:
        return BY_ID[indicator_id]
    except KeyError:
        raise KeyError(f"unknown indicator {indicator_id!r}; known: {sorted(BY_ID)}") from None


def catalogue_markdown() -> str:
    """The catalogue as Markdown (``docs/indicatoren.md``)."""
    lines = [
        "# Indicatoren",
        "",
        "Gegenereerd uit `vsdash/indicators.py` met `python -m vsdash docs`; niet met de hand bewerken.",
        "",
        "Elk cijfer dat het dashboard toont (pagina's, dia's, downloads, opdrachtregel en API) komt uit "
        "één definitie hieronder en gaat door één privacystap (`vsdash/privacy.py`). Omdat kleine "
        "aantallen worden afgeschermd, tellen onderdelen niet altijd precies op tot het totaal; de "
        "pagina zegt dan hoeveel meldingen niet apart worden getoond.",
        "",
        "Waar weinig ruimte is (een tegel op een pagina, een dia, de opdrachtregel) staat de korte naam; "
        "de tabel en elke definitie noemen hem naast de volledige naam.",
        "",
        "| id | naam | korte naam | eenheid |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| `{ind.id}` | {ind.name_nl} | {ind.short_name_nl or '–'} | {ind.unit} |" for ind in CATALOGUE
    ]
    for ind in CATALOGUE:
        lines += [
            "",
            f"## {ind.name_nl} (`{ind.id}`)",
            "",
            f"*English: {ind.name_en}"
            + (f" (short: {ind.short_name_en})" if ind.short_name_en else "")
            + f".* {ind.definition_en}",
            "",
            f"*Unit:* {ind.unit_en}. *Denominator:* {ind.denominator_en}. *Period:* {ind.period_rule_en} "
            f"*Privacy:* {ind.privacy_rule_en} *Source:* {ind.source_en}",
            "",
            *([f"- **Korte naam** (tegels, dia's): {ind.short_name_nl}"] if ind.short_name_nl else []),
            f"- **Definitie:** {ind.definition_nl}",
            f"- **Eenheid:** {ind.unit}",
            f"- **Noemer:** {ind.denominator}",
            f"- **Periode:** {ind.period_rule}",
            f"- **Privacy:** {ind.privacy_rule}",
            f"- **Bron:** {ind.source}",
        ]
    return "\n".join(lines)
