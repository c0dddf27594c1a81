"""Dutch (default) and English labels for every text the dashboard shows.

All user-facing text lives here, keyed by a short id. ``t(key, lang, **values)`` formats it,
choosing singular or plural words by a count (``{n|one|other}``, CLDR plural rules). Numbers and
dates are formatted per language by ``fmt_number``/``fmt_date`` (Dutch: 1.234,5 and 12 maart 2023)
through Babel, the CLDR library, instead of hand-written rules.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
import re

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.numbers import (
    NumberFormatError,
    format_currency,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

LABELS: dict[str, dict[str, str]] = {
    # --- frame -----------------------------------------------------------------------------
    "demo_badge": {"nl": "Demodata — fictief", "en": "Demo data — fictitious"},
    "demo_badge_help": {
        "nl": "Deze cijfers zijn door de computer gemaakt om het dashboard te tonen. Ze gaan niet over echte meldingen.",
        "en": "These figures were generated to demonstrate the dashboard. They are not real reports.",
    },
    "all_municipalities": {"nl": "Alle gemeenten", "en": "All municipalities"},
    # --- effects ---------------------------------------------------------------------------
    "effect_sentence_more": {
        "nl": "Tijdens de campagne kwamen er ongeveer {pct} meer meldingen binnen dan verwacht (tussen {low} en {high}).",
        "en": "During the campaign about {pct} more reports came in than expected (between {low} and {high}).",
    },
    "effect_sentence_more_open": {
        "nl": "Tijdens de campagne kwamen er ongeveer {pct} meer meldingen binnen dan verwacht (minstens {low}).",
        "en": "During the campaign about {pct} more reports came in than expected (at least {low}).",
    },
    "effect_sentence_less": {
        "nl": "Tijdens de campagne kwamen er ongeveer {pct} minder meldingen binnen dan verwacht (tussen {low} en {high} minder).",
        "en": "During the campaign about {pct} fewer reports came in than expected (between {low} and {high} fewer).",
    },
    "effect_sentence_more_unclear": {
        "nl": "Tijdens de campagne kwamen er ongeveer {pct} meer meldingen binnen dan verwacht ({range}); dit verschil kan ook toeval zijn.",
        "en": "During the campaign about {pct} more reports came in than expected ({range}); this difference may also be chance.",
    },
    "effect_sentence_less_unclear": {
        "nl": "Tijdens de campagne kwamen er ongeveer {pct} minder meldingen binnen dan verwacht ({range}); dit verschil kan ook toeval zijn.",
        "en": "During the campaign about {pct} fewer reports came in than expected ({range}); this difference may also be chance.",
    },
    "effect_sentence_same": {
        "nl": "Tijdens de campagne kwamen er ongeveer evenveel meldingen binnen als verwacht ({range}).",
        "en": "During the campaign about as many reports came in as expected ({range}).",
    },
    "effect_range": {"nl": "tussen {low} en {high}", "en": "between {low} and {high}"},
    "effect_willingness_note": {
        "nl": "Meer meldingen betekent meestal dat mensen eerder melden, niet per se dat er meer intimidatie is.",
        "en": "More reports usually means people are more willing to report, not necessarily that there is more harassment.",
    },
    "effect_warn_short_pre": {
        "nl": "De verwachting rust op maar {n} weken vóór de campagne (aanbevolen: minstens {min}); de uitkomst is onzeker.",
        "en": "The expectation rests on only {n} weeks before the campaign (recommended: at least {min}); the result is uncertain.",
    },
    "effect_warn_no_season": {
        "nl": "Er is minder dan een jaar aan gegevens vóór de campagne, dus met seizoenen is geen rekening gehouden.",
        "en": "There is less than a year of data before the campaign, so seasons are not taken into account.",
    },
    "effect_warn_sparse_pre": {
        "nl": "Er kwamen vóór de campagne gemiddeld maar {mean} meldingen per week binnen; bij zo weinig meldingen zegt een verschil weinig.",
        "en": "Before the campaign only {mean} reports per week came in on average; with so few reports a difference says little.",
    },
    "effect_warn_sparse_window": {
        "nl": "In de campagneperiode gaat het om weinig meldingen ({observed} gemeld, ongeveer {expected} verwacht); de uitkomst is onzeker.",
        "en": "The campaign period has few reports ({observed} reported, about {expected} expected); the result is uncertain.",
    },
    "effect_warn_overlap": {
        "nl": "Een andere campagne ({start} t/m {end}) liep gelijktijdig; het effect is niet aan één campagne toe te schrijven.",
        "en": "Another campaign ({start} to {end}) ran at the same time; the effect cannot be attributed to one campaign.",
    },
    "effect_warn_launch_window": {
        "nl": "Op {date}, tijdens de campagne, startte een nieuw meldkanaal; dat verandert het aantal meldingen op zichzelf.",
        "en": "A new reporting channel started on {date}, during the campaign; that changes the number of reports by itself.",
    },
    "effect_warn_launch_recent": {
        "nl": "Op {date}, {n} weken vóór de campagne, startte een nieuw meldkanaal; het nieuwe normale niveau is nog nauwelijks bekend.",
        "en": "A new reporting channel started on {date}, {n} weeks before the campaign; its new normal level is hardly known yet.",
    },
    "effect_warn_covid_window": {
        "nl": "De campagne viel (deels) in de coronaperiode ({start} t/m {end}); de verwachting houdt geen rekening met de maatregelen.",
        "en": "The campaign fell (partly) in the Covid-19 period ({start} to {end}); the expectation does not account for the measures.",
    },
    "effect_warn_covid_in_fit": {
        "nl": "De weken vóór de campagne vallen grotendeels in de coronaperiode en zijn toch gebruikt; de verwachting kan daardoor scheef zijn.",
        "en": "The weeks before the campaign fall largely in the Covid-19 period and were used anyway; the expectation may be skewed.",
    },
    "effect_warn_controls_incomplete": {
        "nl": "Vergelijkingsgemeenten zonder cijfers voor alle benodigde weken zijn niet gebruikt: {codes}.",
        "en": "Comparison municipalities without figures for every needed week were not used: {codes}.",
    },
    "effect_warn_controls_none": {
        "nl": "Geen van de vergelijkingsgemeenten had cijfers voor alle benodigde weken; er is zonder vergelijking gerekend.",
        "en": "None of the comparison municipalities had figures for every needed week; the estimate uses no comparison.",
    },
    "effect_warn_controls_sparse": {
        "nl": "De vergelijkingsgemeenten hebben samen weinig meldingen per week; de vergelijking maakt de uitkomst onzekerder.",
        "en": "The comparison municipalities together have few reports per week; the comparison makes the result less certain.",
    },
    "effect_note_covid_excluded": {
        "nl": "De {n} weken in de coronaperiode zijn niet gebruikt om de verwachting te berekenen.",
        "en": "The {n} weeks in the Covid-19 period were not used to compute the expectation.",
    },
    "effect_note_other_excluded": {
        "nl": "De weken van de eerdere campagne ({start} t/m {end}) zijn niet gebruikt om de verwachting te berekenen.",
        "en": "The weeks of the earlier campaign ({start} to {end}) were not used to compute the expectation.",
    },
    "effect_note_launch_step": {
        "nl": "Voor het nieuwe meldkanaal van {date} is een eigen sprong in het niveau meegerekend.",
        "en": "The new reporting channel of {date} is given its own jump in level.",
    },
    # issue 16: the Dutch calendar, known breaks, level-shift scan, placebo runs, plain method
    "effect_warn_break_window": {
        "nl": "Op {date}, tijdens de campagne, is er een bekende breuk in de reeks (een meldkanaal dat start of stopt, of een wetswijziging); die verandert het aantal meldingen op zichzelf.",
        "en": "On {date}, during the campaign, there is a known break in the series (a reporting channel that starts or stops, or a change in the law); that changes the number of reports by itself.",
    },
    "effect_warn_break_recent": {
        "nl": "Op {date}, {n} weken vóór de campagne, is er een bekende breuk in de reeks; het nieuwe normale niveau is nog nauwelijks bekend.",
        "en": "On {date}, {n} weeks before the campaign, there is a known break in the series; its new normal level is hardly known yet.",
    },
    "effect_note_break_step": {
        "nl": "Voor de breuk van {date} is een eigen sprong in het niveau meegerekend.",
        "en": "The break of {date} is given its own jump in level.",
    },
    # issue 16 (bend2): a declared trend change, modelled as a bend in the trend from its date
    "effect_note_trend_change": {
        "nl": "Deze schatting gaat ervan uit dat de trend vanaf {date} kan veranderen (opgegeven trendbreuk): hoe snel het aantal meldingen sinds die datum steeg of daalde, is doorgetrokken naar de campagneweken. Die nieuwe trend rust op minder weken, dus de marge is breder.",
        "en": "This estimate assumes that the trend may change from {date} (a declared trend change): how fast reports rose or fell since that date is extended into the campaign weeks. That new trend rests on fewer weeks, so the margin is wider.",
    },
    "effect_warn_trend_change_window": {
        "nl": "De opgegeven trendbreuk van {date} valt tijdens de campagne; een trend die pas dan verandert, valt niet te scheiden van het effect van de campagne. Er is met de trend van vóór de campagne gerekend.",
        "en": "The declared trend change of {date} falls during the campaign; a trend that changes only then cannot be told apart from the campaign's effect. The trend from before the campaign was used.",
    },
    "effect_warn_trend_change_short": {
        "nl": "De opgegeven trendbreuk van {date} is niet meegerekend: aan één kant ervan liggen maar {n} bruikbare weken vóór de campagne, en er zijn er minstens {min} nodig om een nieuwe trend te leren. Er is met één rechte trend gerekend.",
        "en": "The declared trend change of {date} was not taken into account: on one side of it there are only {n} usable weeks before the campaign, and at least {min} are needed to learn a new trend. A single straight trend was used.",
    },
    "effect_warn_level_shift_up": {
        "nl": "Rond {date} steeg het aantal meldingen plotseling met ongeveer {pct} en bleef het hoger, zonder bekende oorzaak (bijvoorbeeld een nieuw meldkanaal). De berekening rekent nu met dat hogere niveau; zonder die correctie zou de campagne meer lijken te doen dan ze deed. Het nieuwe niveau is nog maar kort bekend, dus de uitkomst is onzekerder. Geef de oorzaak op als breuk als die bekend is.",
        "en": "Around {date} the number of reports rose suddenly by about {pct} and stayed higher, with no known cause (a new reporting channel, say). The computation now uses that higher level; without this correction the campaign would seem to do more than it did. The new level is known only briefly, so the result is less certain. Enter the cause as a break if it is known.",
    },
    "effect_warn_level_shift_down": {
        "nl": "Rond {date} daalde het aantal meldingen plotseling met ongeveer {pct} en bleef het lager, zonder bekende oorzaak (bijvoorbeeld een meldkanaal dat stopte). De berekening rekent nu met dat lagere niveau; zonder die correctie zou de campagne minder lijken te doen dan ze deed. Het nieuwe niveau is nog maar kort bekend, dus de uitkomst is onzekerder. Geef de oorzaak op als breuk als die bekend is.",
        "en": "Around {date} the number of reports fell suddenly by about {pct} and stayed lower, with no known cause (a reporting channel closed, say). The computation now uses that lower level; without this correction the campaign would seem to do less than it did. The new level is known only briefly, so the result is less certain. Enter the cause as a break if it is known.",
    },
    # issue 16 (calib16): a jump the scan finds that could as well be chance is weighed, not taken whole
    "effect_warn_level_shift_unsure_up": {
        "nl": "Rond {date} lijkt het aantal meldingen plotseling met ongeveer {pct} te zijn gestegen, zonder bekende oorzaak. Zo'n sprong komt ook door toeval voor, en de cijfers zijn niet duidelijk genoeg om te zeggen welke van de twee het is. De berekening rekent daarom deels met het oude en deels met het hogere niveau; de uitkomst is onzekerder. Is er een oorzaak bekend (bijvoorbeeld een nieuw meldkanaal)? Geef die dan op als breuk.",
        "en": "Around {date} the number of reports seems to have risen suddenly by about {pct}, with no known cause. Such a jump also happens by chance, and the figures are not clear enough to say which it is. The computation therefore uses partly the old and partly the higher level; the result is less certain. Is a cause known (a new reporting channel, say)? Then enter it as a break.",
    },
    "effect_warn_level_shift_unsure_down": {
        "nl": "Rond {date} lijkt het aantal meldingen plotseling met ongeveer {pct} te zijn gedaald, zonder bekende oorzaak. Zo'n sprong komt ook door toeval voor, en de cijfers zijn niet duidelijk genoeg om te zeggen welke van de twee het is. De berekening rekent daarom deels met het oude en deels met het lagere niveau; de uitkomst is onzekerder. Is er een oorzaak bekend (bijvoorbeeld een meldkanaal dat stopte)? Geef die dan op als breuk.",
        "en": "Around {date} the number of reports seems to have fallen suddenly by about {pct}, with no known cause. Such a jump also happens by chance, and the figures are not clear enough to say which it is. The computation therefore uses partly the old and partly the lower level; the result is less certain. Is a cause known (a reporting channel that closed, say)? Then enter it as a break.",
    },
    "effect_warn_trend_change_up": {
        "nl": "Vanaf ongeveer {date} stijgt het aantal meldingen duidelijk sneller dan in de jaren ervoor (ongeveer {pct} per jaar extra). De verwachting trekt de oude trend door en is daardoor waarschijnlijk te laag; de campagne lijkt dan meer te doen dan ze deed. Weet u waarom de trend toen veranderde? Geef die datum dan op als trendbreuk (vsdash effect --trend-break JJJJ-MM-DD).",
        "en": "From about {date} the number of reports rises clearly faster than in the years before (about {pct} a year extra). The expectation extends the old trend and is therefore probably too low; the campaign then seems to do more than it did. Do you know why the trend changed then? Declare that date as a trend change (vsdash effect --trend-break YYYY-MM-DD).",
    },
    "effect_warn_trend_change_down": {
        "nl": "Vanaf ongeveer {date} daalt het aantal meldingen duidelijk sneller dan in de jaren ervoor (ongeveer {pct} per jaar). De verwachting trekt de oude trend door en is daardoor waarschijnlijk te hoog; de campagne lijkt dan minder te doen dan ze deed. Weet u waarom de trend toen veranderde? Geef die datum dan op als trendbreuk (vsdash effect --trend-break JJJJ-MM-DD).",
        "en": "From about {date} the number of reports falls clearly faster than in the years before (about {pct} a year). The expectation extends the old trend and is therefore probably too high; the campaign then seems to do less than it did. Do you know why the trend changed then? Declare that date as a trend change (vsdash effect --trend-break YYYY-MM-DD).",
    },
    # issue 16 (bendwarn): a bend of the last two years that the scan above does not single out
    "effect_warn_trend_change_recent_up": {
        "nl": "In de laatste twee jaar vóór de campagne lijkt het aantal meldingen sneller te stijgen dan in de jaren daarvoor (het sterkst vanaf ongeveer {date}, zo'n {pct} per jaar extra). De verwachting trekt één rechte trend door; klopt die versnelling, dan is de verwachting te laag en lijkt de campagne meer te doen dan ze deed. Weet u wanneer en waarom de trend veranderde (nieuw beleid, een meldpunt dat geleidelijk bekender werd)? Geef die datum dan op als trendbreuk (in de opdrachtregel: vsdash effect --trend-break JJJJ-MM-DD), of registreer een nieuw meldkanaal als breuk; dan rekent de schatting met de nieuwe trend.",
        "en": "In the last two years before the campaign, reports seem to rise faster than in the years before (most clearly from about {date}, some {pct} a year extra). The expectation extends one straight trend; if that acceleration is real, the expectation is too low and the campaign seems to do more than it did. Do you know when and why the trend changed (a new policy, a reporting point that became known gradually)? Then declare that date as a trend change (on the command line: vsdash effect --trend-break YYYY-MM-DD), or register a new reporting channel as a break; the estimate then uses the new trend.",
    },
    "effect_warn_trend_change_recent_down": {
        "nl": "In de laatste twee jaar vóór de campagne lijkt het aantal meldingen sneller te dalen (of trager te stijgen) dan in de jaren daarvoor (het sterkst vanaf ongeveer {date}, zo'n {pct} per jaar). De verwachting trekt één rechte trend door; klopt die afvlakking, dan is de verwachting te hoog en lijkt de campagne minder te doen dan ze deed. Weet u wanneer en waarom de trend veranderde (nieuw beleid, een meldkanaal dat minder werd gebruikt)? Geef die datum dan op als trendbreuk (in de opdrachtregel: vsdash effect --trend-break JJJJ-MM-DD), of registreer het einde van een meldkanaal als breuk; dan rekent de schatting met de nieuwe trend.",
        "en": "In the last two years before the campaign, reports seem to fall faster (or rise more slowly) than in the years before (most clearly from about {date}, some {pct} a year). The expectation extends one straight trend; if that slowdown is real, the expectation is too high and the campaign seems to do less than it did. Do you know when and why the trend changed (a new policy, a reporting channel used less)? Then declare that date as a trend change (on the command line: vsdash effect --trend-break YYYY-MM-DD), or register the end of a reporting channel as a break; the estimate then uses the new trend.",
    },
    "effect_warn_placebo_vorig_jaar": {
        "nl": "Controle mislukt: in dezelfde weken vorig jaar, zonder deze campagne, zou deze methode al een duidelijk verschil van {pct} hebben gevonden. De uitkomst kan dus ook door iets anders komen dan de campagne; lees haar als onzeker.",
        "en": "Check failed: in the same weeks last year, without this campaign, this method would already have found a clear difference of {pct}. The result may therefore come from something other than the campaign; read it as uncertain.",
    },
    "effect_warn_placebo_vlak_ervoor": {
        "nl": "Controle mislukt: in de weken vlak vóór de campagne zou deze methode al een duidelijk verschil van {pct} hebben gevonden. De uitkomst kan dus ook door iets anders komen dan de campagne; lees haar als onzeker.",
        "en": "Check failed: in the weeks just before the campaign this method would already have found a clear difference of {pct}. The result may therefore come from something other than the campaign; read it as uncertain.",
    },
    "effect_placebo_vorig_jaar": {
        "nl": "In dezelfde weken vorig jaar zou deze methode {pct} hebben gevonden; {tail}",
        "en": "In the same weeks last year this method would have found {pct}; {tail}",
    },
    "effect_placebo_vlak_ervoor": {
        "nl": "In de weken vlak vóór de campagne zou deze methode {pct} hebben gevonden; {tail}",
        "en": "In the weeks just before the campaign this method would have found {pct}; {tail}",
    },
    "effect_placebo_ok": {
        "nl": "daar liep geen campagne, dus zo groot is het verschil dat ook zonder campagne voorkomt.",
        "en": "no campaign ran then, so a difference of that size also occurs without a campaign.",
    },
    "effect_placebo_bad": {
        "nl": "daar liep geen campagne, dus de methode ziet hier een effect dat er niet is.",
        "en": "no campaign ran then, so the method sees an effect that is not there.",
    },
    "effect_warn_holiday_overlap_zomervakantie": {
        "nl": "De campagne valt (deels) in de zomervakantie, maar de weken vóór de campagne bevatten er maar {n}; hoeveel meldingen er in de zomervakantie normaal binnenkomen is daardoor slecht bekend en de verwachting kan ernaast zitten.",
        "en": "The campaign falls (partly) in the summer holiday, but the weeks before it contain only {n}; how many reports normally come in during the summer holiday is poorly known, so the expectation may be off.",
    },
    "effect_warn_holiday_overlap_kerstvakantie": {
        "nl": "De campagne valt (deels) in de kerstvakantie, maar de weken vóór de campagne bevatten er maar {n}; hoeveel meldingen er rond kerst en oud en nieuw normaal binnenkomen is daardoor slecht bekend en de verwachting kan ernaast zitten.",
        "en": "The campaign falls (partly) in the Christmas holiday, but the weeks before it contain only {n}; how many reports normally come in around Christmas and New Year is poorly known, so the expectation may be off.",
    },
    "effect_note_calendar_unknown": {
        "nl": "Schoolvakanties en feestdagen zijn niet meegerekend: de vakantiedata van deze periode staan (nog) niet in de kalender.",
        "en": "School holidays and public holidays are not taken into account: the holiday dates of this period are not (yet) in the calendar.",
    },
    "effect_note_calendar_weeks_excluded": {
        "nl": "{n} weken waarvan de schoolvakanties niet bekend zijn, zijn niet gebruikt om de verwachting te berekenen.",
        "en": "{n} weeks whose school holidays are not known were not used to compute the expectation.",
    },
    "effect_method_plain": {
        "nl": "Uit de meldingen van de {n} weken vóór de campagne is berekend hoeveel meldingen er in de campagneweken zonder campagne te verwachten waren, rekening houdend met de trend en het seizoen{parts}. Het verschil tussen wat er echt binnenkwam en die verwachting is het geschatte effect; de marge laat zien hoe groot zo'n verschil ook door toeval kan zijn.",
        "en": "From the reports of the {n} weeks before the campaign we computed how many reports were to be expected in the campaign weeks without a campaign, taking the trend and the season into account{parts}. The difference between what actually came in and that expectation is the estimated effect; the margin shows how large such a difference can be by chance alone.",
    },
    "effect_method_part_calendar": {
        "nl": ", met schoolvakanties en feestdagen",
        "en": ", with school holidays and public holidays",
    },
    # issue 16 (bend2): the declared trend change in the plain method
    "effect_method_part_trend_change": {
        "nl": ", met een trend die vanaf {dates} mag veranderen",
        "en": ", with a trend that may change from {dates}",
    },
    "effect_method_part_controls": {
        "nl": " en met hoe de meldingen in {k} vergelijkbare gemeenten zonder campagne op en neer gingen",
        "en": " and with how reports went up and down in {k} comparable municipalities without a campaign",
    },
    "effect_method_technical": {"nl": "Voor statistici", "en": "For statisticians"},
    "effect_alternative": {
        "nl": "Zonder vergelijkingsgemeenten zou de uitkomst {pct} zijn (tussen {low} en {high}). We raden de uitkomst mét vergelijking aan: die haalt landelijke schommelingen (nieuws, weer, vakanties) eruit.",
        "en": "Without comparison municipalities the result would be {pct} (between {low} and {high}). We recommend the result with comparison: it removes national swings (news, weather, holidays).",
    },
    "effect_alternative_gap": {
        "nl": "Het verschil tussen beide is groot; dat wijst op een landelijke gebeurtenis in deze weken, of op vergelijkingsgemeenten die anders verlopen.",
        "en": "The gap between the two is large; that points to a national event in these weeks, or to comparison municipalities that move differently.",
    },
    # --- privacy and map -------------------------------------------------------------------
    # issue 14: cell-key perturbation (docs/adr/0006-cell-key-perturbation.md)
    "perturbation_note": {
        "nl": "Om melders te beschermen zijn de aantallen licht veranderd: meestal 0 tot 2 meer of minder, "
        "en een klein aantal wordt 0 of iets groter. Daardoor tellen ze niet altijd precies op.",
        "en": "To protect the people who reported, the numbers have been changed slightly: usually by 0 to 2, "
        "and a small number becomes 0 or a little larger. They may therefore not add up exactly.",
    },
    "map_attribution": {"nl": "Bron: CBS, Kadaster (CC BY 4.0)", "en": "Source: CBS, Kadaster (CC BY 4.0)"},
    "map_boundaries_year": {
        "nl": "Gemeentegrenzen {gemeente_year}, wijkgrenzen {wijk_year} (vereenvoudigd).",
        "en": "Municipal boundaries {gemeente_year}, district boundaries {wijk_year} (simplified).",
    },
    "boundaries_unavailable": {
        "nl": "Geen grenzen beschikbaar voor {vintage}: {bestand} staat niet in {map} (instelling VSDASH_BOUNDARIES_DIR; {oorzaak}). De kaart werkt zonder grenslijnen. Zet de CBS-bestanden in die map, of haal ze bij de installatie op bij PDOK met: python -m vsdash boundaries fetch --year {jaar}",
        "en": "No boundaries available for {vintage}: {bestand} is not in {map} (setting VSDASH_BOUNDARIES_DIR; {oorzaak}). The map works without boundary lines. Put the CBS files in that folder, or fetch them from PDOK when installing: python -m vsdash boundaries fetch --year {jaar}",
    },
    # issue 18: the street basemap (PDOK BRT-Achtergrondkaart) and the names on the map picture
    "map_basemap_unavailable": {
        "nl": "Achtergrondkaart niet bereikbaar; alleen gemeentegrenzen",
        "en": "Background map not reachable; municipal boundaries only",
    },
    "map_basemap_attribution": {
        "nl": "Kaart: PDOK BRT-Achtergrondkaart (Kadaster)",
        "en": "Map: PDOK BRT-Achtergrondkaart (Kadaster)",
    },
    "map_basemap_note": {
        "nl": "Uw browser haalt de straatkaart bij PDOK. Ziet u geen straten, dan is PDOK niet bereikbaar en toont de kaart alleen gemeente- en wijkgrenzen; wat de kaart over meldingen toont, klopt dan nog steeds.",
        "en": "Your browser loads the street map from PDOK. If you see no streets, PDOK cannot be reached and the map shows municipal and district boundaries only; what the map shows about reports is still correct.",
    },
    "map_names_dropped": {
        "nl": "{n} namen van risicogebieden pasten niet op de kaart zonder andere tekst te bedekken.",
        "en": "{n} risk area names did not fit on the map without covering other text.",
    },
    "map_names_dropped_one": {
        "nl": "1 naam van een risicogebied paste niet op de kaart zonder andere tekst te bedekken.",
        "en": "1 risk area name did not fit on the map without covering other text.",
    },
    "map_no_boundaries": {
        "nl": "Grenslijnen zijn niet beschikbaar; de kaart toont de meldingen zonder gemeente- en wijkgrenzen.",
        "en": "Boundaries are not available; the map shows the reports without municipal and district boundaries.",
    },
    # --- reports and campaigns pages (Meldingen, Campagnes) --------------------------------
    "reports_title": {"nl": "Meldingen: {selectie}", "en": "Reports: {selectie}"},
    "reports_intro": {
        "nl": "Hoeveel meldingen kwamen er binnen van {start} tot en met {eind}, van welke soort, via welk kanaal en wanneer? Gearceerde banden zijn campagneperiodes, driehoekjes zijn activiteiten, stippellijnen zijn breuken in de reeks (een nieuw meldkanaal, een nieuwe wet).",
        "en": "How many reports came in from {start} to {eind}, of what kind, through which channel and when? Shaded bands are campaign periods, triangles are activities, dashed lines are breaks in the series (a new reporting channel, a new law).",
    },
    "grain": {"nl": "Tijdseenheid", "en": "Time unit"},
    "grain_label_day": {"nl": "Dag", "en": "Day"},
    "grain_label_week": {"nl": "Week", "en": "Week"},
    "grain_label_month": {"nl": "Maand", "en": "Month"},
    "grain_hint": {
        # polish: counts are perturbed, no longer withheld (ADR 0006)
        "nl": "Per dag of week zijn de aantallen klein, en elk aantal is licht veranderd om melders te beschermen; per maand is het beeld betrouwbaarder.",
        "en": "Per day or week the counts are small, and each count is changed slightly to protect the people who reported; per month the picture is more reliable.",
    },
    "trend_title_day": {
        "nl": "Meldingen per dag, met campagneperiodes",
        "en": "Reports per day, with campaign periods",
    },
    "breaks_hidden": {
        "nl": "In deze selectie startten of stopten {n} meldkanalen; kies één gemeente om die breuken in de grafiek te zien.",
        "en": "In this selection {n} reporting channels started or stopped; choose one municipality to see those breaks in the chart.",
    },
    "by_category_or_channel": {
        "nl": "Naar soort melding of meldkanaal",
        "en": "By kind of report or channel",
    },
    "split_by": {"nl": "Verdeel naar", "en": "Split by"},
    "split_categorie": {"nl": "Soort melding", "en": "Kind of report"},
    "split_kanaal": {"nl": "Meldkanaal", "en": "Reporting channel"},
    "split_monthly_note": {
        "nl": "Per week zouden er gemiddeld minder dan {k} meldingen in een vak staan; daarom per maand.",
        "en": "Per week a cell would hold fewer than {k} reports on average; hence per month.",
    },
    # Issue 14 (newer surfaces): a split or heat map of a handful of reports says what or when each was.
    "parts_withheld": {
        "nl": "Te weinig meldingen om naar soort of kanaal te verdelen: ook per maand zouden er gemiddeld minder dan {k} in een vak staan, en dan is van losse meldingen te zien wat voor melding het was. Kies een langere periode of meer gemeenten.",
        "en": "Too few reports to split by kind or channel: even per month a cell would hold fewer than {k} on average, which would show what kind of report individual reports were. Choose a longer period or more municipalities.",
    },
    "channel_meldpunt_web": {"nl": "Meldpunt (web)", "en": "Reporting point (web)"},
    "channel_app": {"nl": "App", "en": "App"},
    "channel_overig": {"nl": "Ander kanaal", "en": "Other channel"},
    "alt_stacked": {
        "nl": "Gestapeld staafdiagram van meldingen {grain}: {parts}; {campaigns} {campaigns|campagneperiode is|campagneperiodes zijn} gearceerd.",
        "en": "Stacked bar chart of reports {grain}: {parts}; {campaigns} {campaigns|campaign period is|campaign periods are} shaded.",
    },
    "rate_title": {
        "nl": "Meldingen per 10.000 inwoners per jaar",
        "en": "Reports per 10,000 inhabitants per year",
    },
    "rate_note": {
        "nl": "Per periode omgerekend naar een jaar, zoals het kerncijfer: meldingen × 10.000 / inwoners × 365,25 / dagen met een meldpunt. Inwoners van de {n} {n|gemeente|gemeenten} met een meldpunt op 1 januari {jaar} (CBS).",
        "en": "Each period scaled to a year, like the key figure: reports × 10,000 / inhabitants × 365.25 / days with a reporting point. Inhabitants of the {n} {n|municipality|municipalities} with a reporting point on 1 January {jaar} (CBS).",
    },
    "population_year": {"nl": "Inwoners per 1 januari", "en": "Inhabitants on 1 January"},
    "alt_rate": {
        "nl": "Lijngrafiek van meldingen per 10.000 inwoners per jaar, {grain}: gemiddeld {mean}, het hoogst {peak} rond {peak_date}; inwonertallen van {years}.",
        "en": "Line chart of reports per 10,000 inhabitants per year, {grain}: on average {mean}, highest {peak} around {peak_date}; population of {years}.",
    },
    "heat_title": {"nl": "Op welke dag en welk uur?", "en": "On which day and at what hour?"},
    # Issue 14 (newer surfaces): the heat map needs k reports per cell on average (168 cells).
    "heat_withheld": {
        "nl": "Te weinig meldingen om per weekdag en uur te tonen: daarvoor zijn er minstens {n} nodig ({k} per vak gemiddeld), anders is van losse meldingen te zien op welke dag en welk uur ze gebeurden. Kies een langere periode of meer gemeenten.",
        "en": "Too few reports to show by weekday and hour: at least {n} are needed ({k} per cell on average), otherwise the day and hour of individual reports would show. Choose a longer period or more municipalities.",
    },
    # Trust audit: the heat map's cells add up to another total than the key figure.
    "heat_total_differs": {
        "nl": "Samen tellen de vakken {n} meldingen, tegen {totaal} in de kerncijfers: elk vak is apart licht veranderd, en de vakken tellen de hele maanden {van} – {tot}.",
        "en": "Together the cells count {n} reports, against {totaal} in the key figures: each cell is changed slightly on its own, and the cells count the whole months {van} – {tot}.",
    },
    "heat_note": {
        "nl": "Tijdstip waarop de intimidatie gebeurde volgens de melder, over de hele maanden van de gekozen periode.",
        "en": "Time the harassment happened according to the person reporting, over the whole months of the period chosen.",
    },
    "alt_heat": {
        "nl": "Warmtekaart van {total} meldingen per weekdag en uur.{peak}",
        "en": "Heat map of {total} reports by weekday and hour.{peak}",
    },
    "alt_heat_peak": {
        "nl": " De meeste meldingen op {day} rond {hour}:00 ({n}).",
        "en": " Most reports on {day} around {hour}:00 ({n}).",
    },
    "weekday": {"nl": "Weekdag", "en": "Weekday"},
    "hour": {"nl": "Uur", "en": "Hour"},
    "wd_mon": {"nl": "maandag", "en": "Monday"},
    "wd_tue": {"nl": "dinsdag", "en": "Tuesday"},
    "wd_wed": {"nl": "woensdag", "en": "Wednesday"},
    "wd_thu": {"nl": "donderdag", "en": "Thursday"},
    "wd_fri": {"nl": "vrijdag", "en": "Friday"},
    "wd_sat": {"nl": "zaterdag", "en": "Saturday"},
    "wd_sun": {"nl": "zondag", "en": "Sunday"},
    "campaigns_title": {"nl": "Campagnes: {selectie}", "en": "Campaigns: {selectie}"},
    "campaigns_intro": {
        "nl": "Welke campagnes liepen waar, en kwamen er tijdens een campagne meer meldingen binnen dan je zonder campagne zou verwachten?",
        "en": "Which campaigns ran where, and did more reports come in during a campaign than you would expect without it?",
    },
    "timeline_title": {
        "nl": "Tijdlijn van campagnes, met de meldingen eronder",
        "en": "Timeline of campaigns, with the reports below",
    },
    "no_campaigns": {
        "nl": "Er zijn geen campagnes voor {naam} in deze periode.",
        "en": "There are no campaigns for {naam} in this period.",
    },
    "no_campaigns_elsewhere": {
        "nl": "Er zijn geen campagnes voor {naam} in deze periode. Het effect van campagnes buiten deze "
        "periode staat hieronder; kies een langere periode om ze op de tijdlijn te zien.",
        "en": "There are no campaigns for {naam} in this period. The effect of campaigns outside this "
        "period is below; choose a longer period to see them on the timeline.",
    },
    "campaign": {"nl": "Campagne", "en": "Campaign"},
    "scale": {"nl": "Schaal", "en": "Scale"},
    "scale_landelijk": {"nl": "Landelijke campagne", "en": "National campaign"},
    "scale_lokaal": {"nl": "Lokale campagne", "en": "Local campaign"},
    "start": {"nl": "Begin", "en": "Start"},
    "end": {"nl": "Einde", "en": "End"},
    "alt_timeline": {
        "nl": "Tijdlijn van {n} {n|campagne|campagnes} in {gemeenten} {gemeenten|gemeente|gemeenten} van {start} tot {end}, met daaronder de meldingen {grain} op dezelfde tijdas ({total} in totaal).",
        "en": "Timeline of {n} {n|campaign|campaigns} in {gemeenten} {gemeenten|municipality|municipalities} from {start} to {end}, with the reports {grain} below on the same time axis ({total} in total).",
    },
    "effect_title": {"nl": "Effect van een campagne", "en": "Effect of a campaign"},
    "use_controls": {  # short: the column beside the selectors cut the longer label to "campa…"
        "nl": "Met vergelijkingsgemeenten",
        "en": "With comparison municipalities",
    },
    "use_controls_help": {
        "nl": "Gemeenten met een meldpunt die in deze weken geen campagne hadden, vangen landelijke schommelingen op (nieuws, weer, feestdagen).",
        "en": "Municipalities with a reporting point and no campaign in these weeks absorb national swings (news, weather, holidays).",
    },
    "effect_unavailable": {
        "nl": "Voor deze combinatie is geen schatting mogelijk: {reason}",
        "en": "No estimate is possible for this combination: {reason}",
    },
    "effect_hidden_small": {
        "nl": "Tijdens de campagne kwamen er te weinig meldingen binnen om te tonen: meestal minder dan {k}. Om melders te beschermen tonen we dan geen aantallen en geen schatting; met zo weinig meldingen zegt een schatting ook weinig.",
        "en": "Too few reports came in during the campaign to show: usually fewer than {k}. To protect the people who reported we then show no numbers and no estimate; with so few reports an estimate says little anyway.",
    },
    "expected_reports": {"nl": "Verwacht zonder campagne", "en": "Expected without campaign"},
    # The card's metric in a column of five: the full name was cut to "Verwacht zonder campa…";
    # its help says "zonder campagne" and the sentence under it "dan verwacht".
    "expected_short": {"nl": "Verwacht", "en": "Expected"},
    "expected_help": {
        "nl": "Wat de weken vóór de campagne (trend, seizoen, inwoners) voorspellen voor dezelfde weken zonder campagne.",
        "en": "What the weeks before the campaign (trend, season, population) predict for the same weeks without a campaign.",
    },
    "observed_reports": {"nl": "Binnengekomen", "en": "Received"},
    # privacy pass 5: the chart's campaign weeks summed differ from the card's "Received"
    "effect_weeks_sum": {
        "nl": "De campagneweken in de grafiek tellen samen {som} meldingen, de kaart noemt {totaal}: om "
        "melders te beschermen is elke week apart een beetje veranderd, en het aantal van de hele "
        "campagneperiode is een getal van zichzelf. Noem dat aantal ({totaal}); tel de weken niet op.",
        "en": "The campaign weeks in the chart add up to {som} reports, the card says {totaal}: to protect "
        "those who report, each week is changed a little on its own, and the count of the whole "
        "campaign period is a number of its own. Quote that count ({totaal}); do not add up the weeks.",
    },
    # audit 2: the effect card's technical method in the page's language (was Dutch on the English page)
    "effect_tech_base": {
        "nl": "{family} GLM op {n} weken vóór de campagne: lineaire trend, {h} seizoensharmonischen",
        "en": "{family} GLM on {n} weeks before the campaign: linear trend, {h} seasonal harmonics",
    },
    "effect_tech_family_nb": {"nl": "Negatief-binomiaal", "en": "Negative binomial"},
    "effect_tech_calendar": {
        "nl": ", kalendertermen ({terms}; regio {region})",
        "en": ", calendar terms ({terms}; region {region})",
    },
    "effect_tech_term_zomervakantie": {"nl": "zomervakantie", "en": "summer holiday"},
    "effect_tech_term_kerstvakantie": {"nl": "kerstvakantie", "en": "Christmas holiday"},
    "effect_tech_term_feestdag": {"nl": "feestdag", "en": "public holiday"},
    "effect_tech_region_noord": {"nl": "noord", "en": "north"},
    "effect_tech_region_midden": {"nl": "midden", "en": "middle"},
    "effect_tech_region_zuid": {"nl": "zuid", "en": "south"},
    "effect_tech_region_landelijk": {"nl": "landelijk", "en": "national"},
    "effect_tech_known_steps": {
        "nl": ", {k} niveausprong(en) voor bekende breuken",
        "en": ", {k} level step(s) for known breaks",
    },
    "effect_tech_found_step": {
        "nl": ", een niveausprong vanaf {date} gevonden in de reeks (voorspelling gemengd met het model zonder: gewicht {weight})",
        "en": ", a level step from {date} found in the series (prediction mixed with the model without it: weight {weight})",
    },
    "effect_tech_hinges": {
        "nl": ", knik in de trend vanaf {dates} (opgegeven)",
        "en": ", bend in the trend from {dates} (declared)",
    },
    "effect_tech_population": {"nl": ", bevolking als blootstelling", "en": ", population as exposure"},
    "effect_tech_controls": {
        "nl": ", gewogen gemiddelde van {k} vergelijkingsgemeenten als blootstelling",
        "en": ", weighted mean of {k} comparison municipalities as exposure",
    },
    "effect_tech_sims": {
        "nl": "; voorspelling met {n} simulaties (parameter- en telruis).",
        "en": "; prediction from {n} simulations (parameter and count noise).",
    },
    # audit 2: a reader who subtracts the expected margin from the received count gets other bounds
    "extra_help": {
        "nl": "Binnengekomen min verwacht. De marge is niet binnengekomen min de marge van 'Verwacht': "
        "ook het aantal dat binnenkwam had door toeval iets anders kunnen zijn, en die onzekerheid telt hier mee.",
        "en": "Received minus expected. The margin is not received minus the margin of 'Expected': "
        "the number received could also have been somewhat different by chance, and that uncertainty counts here too.",
    },
    "extra_reports": {"nl": "Extra meldingen", "en": "Extra reports"},
    "relative_change": {"nl": "Verschil met verwachting", "en": "Difference from expected"},
    "relative_change_axis": {
        "nl": "Verschil met verwachting (95%-interval)",
        "en": "Difference from expected (95% interval)",
    },
    "between": {"nl": "95%: tussen {low} en {high}", "en": "95%: between {low} and {high}"},
    "p_value": {"nl": "p-waarde", "en": "p-value"},
    "p_value_help": {
        "nl": "De kans op een verschil minstens zo groot als dit als de campagne niets had gedaan. Onder 0,05 noemen we het verschil duidelijk.",
        "en": "The chance of a difference at least this large if the campaign had done nothing. Below 0.05 we call the difference clear.",
    },
    "controls_used": {"nl": "Vergeleken met: {namen}.", "en": "Compared with: {namen}."},
    "controls_none": {
        "nl": "Er was geen gemeente zonder campagne met een volledige reeks in deze weken; de schatting gebruikt alleen de eigen voorgeschiedenis.",
        "en": "No municipality without a campaign had a complete series in these weeks; the estimate uses the municipality's own history only.",
    },
    "effect_method": {"nl": "Hoe is dit berekend?", "en": "How was this computed?"},
    "expected_band": {"nl": "Verwachting: 95%-band", "en": "Expected: 95% band"},
    "expected_without": {"nl": "Verwacht zonder campagne", "en": "Expected without campaign"},
    "observed": {"nl": "Binnengekomen meldingen", "en": "Reports received"},
    "reports_per_week": {"nl": "Meldingen per week", "en": "Reports per week"},
    "week": {"nl": "Week", "en": "Week"},
    "band_low": {"nl": "Ondergrens 95%", "en": "Lower bound 95%"},
    "band_high": {"nl": "Bovengrens 95%", "en": "Upper bound 95%"},
    "alt_counterfactual": {
        "nl": "Lijngrafiek per week: in de {weeks} campagneweken kwamen {observed} meldingen binnen, tegen ongeveer {expected} verwacht zonder campagne; de grijze band is de 95%-marge van die verwachting.",
        "en": "Weekly line chart: in the {weeks} campaign weeks {observed} reports came in, against about {expected} expected without the campaign; the grey band is the 95% margin of that expectation.",
    },
    "forest_title": {"nl": "Alle campagnes vergeleken", "en": "All campaigns compared"},
    "forest_intro": {
        "nl": "Per campagne en gemeente: hoeveel meer (of minder) meldingen er binnenkwamen dan verwacht. De streep is het 95%-interval; een ruit betekent dat het interval de nul niet raakt (een duidelijk verschil).",
        "en": "Per campaign and municipality: how many more (or fewer) reports came in than expected. The line is the 95% interval; a diamond means the interval does not touch zero (a clear difference).",
    },
    "interval_95": {"nl": "95%-interval", "en": "95% interval"},
    "alt_forest": {
        "nl": "Forest plot van {n} {n|campagne|campagnes} per gemeente: bij {clear_up} duidelijk meer meldingen dan verwacht, bij {clear_down} duidelijk minder; de mediaan is {median}.",
        "en": "Forest plot of {n} {n|campaign|campaigns} per municipality: {clear_up} with clearly more reports than expected, {clear_down} with clearly fewer; the median is {median}.",
    },
    "forest_empty": {
        "nl": "Er zijn geen campagne-effecten om te tonen.",
        "en": "There are no campaign effects to show.",
    },
    "forest_left_out": {
        "nl": "{n} combinatie(s) van campagne en gemeente ontbreken: te weinig gegevens vóór de campagne, geen meldpunt, of minder dan {k} meldingen tijdens de campagne.",
        "en": "{n} combination(s) of campaign and municipality are missing: too little data before the campaign, no reporting point, or fewer than {k} reports during the campaign.",
    },
    # --- map page (Kaart) and exports of map/counts ---------------------------------------
    # --- activities and comparison pages (Activiteiten, Vergelijken) ----------------------
    "act_title": {"nl": "Activiteiten: {selectie}", "en": "Activities: {selectie}"},
    "act_intro": {
        "nl": "Het register van wat gemeenten doen, in de vier categorieën van de evaluatie: onderzoek, preventie, interventie en repressie. Elke activiteit laat zien wanneer ze is ingevoerd of gewijzigd en uit welke import ze komt, zodat de kennis blijft als een medewerker vertrekt.",
        "en": "The register of what municipalities do, in the evaluation's four categories: research, prevention, intervention and repression. Every activity shows when it was entered or changed and which import it came from, so the knowledge stays when a staff member leaves.",
    },
    "act_filters": {"nl": "Filters", "en": "Filters"},
    "act_filter_all": {"nl": "Alle", "en": "All"},
    "act_only_period": {"nl": "Alleen de gekozen periode", "en": "Only the chosen period"},
    "act_only_period_help": {
        "nl": "Toon alleen activiteiten die (deels) liepen van {start} tot en met {eind}. Uit: het hele register, alle jaren.",
        "en": "Show only activities that ran (partly) from {start} to {eind}. Off: the whole register, all years.",
    },
    # audit 2: the register download's period when it lists every year
    "act_period_all": {
        "nl": "alle jaren (het hele register, niet alleen de gekozen periode)",
        "en": "all years (the whole register, not only the chosen period)",
    },
    "act_scope_all": {
        "nl": "Aantallen over het hele register (alle jaren), met de gekozen filters.",
        "en": "Counts over the whole register (all years), with the chosen filters.",
    },
    "act_scope_period": {
        "nl": "Aantallen over activiteiten die (deels) liepen van {start} tot en met {eind}, met de gekozen filters.",
        "en": "Counts over activities that ran (partly) from {start} to {eind}, with the chosen filters.",
    },
    "act_kpi_total": {"nl": "Activiteiten", "en": "Activities"},
    "act_kpi_done": {"nl": "Uitgevoerd of lopend", "en": "Done or running"},
    # smallfix item 3: two sentences, each said only when its count is not zero (views.activities.covid_sentence)
    "act_covid_postponed": {
        "nl": "Door Covid-19 {uitgesteld_covid|werd|werden} **{uitgesteld_covid}** {uitgesteld_covid|activiteit|activiteiten} uitgesteld.",
        "en": "Covid-19 postponed **{uitgesteld_covid}** {uitgesteld_covid|activity|activities}.",
    },
    "act_covid_cancelled": {
        "nl": "**{geannuleerd}** {geannuleerd|activiteit werd|activiteiten werden} geannuleerd, waarvan {geannuleerd_covidjaren} met een start in de coronajaren 2020–2021 (het register legt de reden van annuleren niet vast).",
        "en": "**{geannuleerd}** {geannuleerd|activity was|activities were} cancelled, {geannuleerd_covidjaren} of which {geannuleerd_covidjaren|was|were} due to start in the Covid years 2020–2021 (the register does not record why an activity was cancelled).",
    },
    "act_none": {
        "nl": "Geen activiteiten met deze filters. Maak de filters ruimer of kies een andere gemeente.",
        "en": "No activities with these filters. Widen the filters or choose another municipality.",
    },
    "act_status_title": {
        "nl": "Gepland en gerealiseerd, per categorie",
        "en": "Planned and realised, by category",
    },
    "act_timeline_title": {"nl": "Tijdlijn van de activiteiten", "en": "Timeline of the activities"},
    "act_register_title": {"nl": "Register", "en": "Register"},
    "act_register_note": {
        "nl": "{n} {n|activiteit|activiteiten}. 'Gewijzigd op' en 'Bron' tonen wanneer een rij is ingevoerd of gewijzigd en uit welk bestand.",
        "en": "{n} {n|activity|activities}. 'Changed on' and 'Source' show when a row was entered or changed and from which file.",
    },
    "act_download_csv": {"nl": "Download register (CSV)", "en": "Download register (CSV)"},
    "act_download_xlsx": {"nl": "Download register (Excel)", "en": "Download register (Excel)"},
    "act_detail_title": {"nl": "Eén activiteit bekijken", "en": "View one activity"},
    "act_detail_pick": {"nl": "Activiteit", "en": "Activity"},
    "act_detail_line": {
        "nl": "{gemeente} · {categorie} · {type} · **{status}** · {start} – {eind}",
        "en": "{gemeente} · {categorie} · {type} · **{status}** · {start} – {eind}",
    },
    "act_provenance": {
        "nl": "Ingevoerd of laatst gewijzigd op {wanneer}; bron: {bron}.",
        "en": "Entered or last changed on {wanneer}; source: {bron}.",
    },
    "act_source_demo": {"nl": "demodata", "en": "demo data"},
    "act_source_unknown": {"nl": "onbekend", "en": "unknown"},
    "act_running": {"nl": "doorlopend", "en": "ongoing"},
    "act_count_axis": {"nl": "Aantal activiteiten", "en": "Number of activities"},
    "act_link_map": {"nl": "Op de kaart", "en": "On the map"},
    "act_link_campaign": {"nl": "Naar campagne", "en": "To campaign"},
    "act_col_id": {"nl": "Kenmerk", "en": "Identifier"},
    "act_col_category": {"nl": "Categorie", "en": "Category"},
    "act_col_type": {"nl": "Soort", "en": "Type"},
    "act_col_title": {"nl": "Titel", "en": "Title"},
    "act_col_targets": {"nl": "Doelgroepen", "en": "Target groups"},
    "act_col_partners": {"nl": "Partners", "en": "Partners"},
    "act_col_start": {"nl": "Begin", "en": "Start"},
    "act_col_end": {"nl": "Einde", "en": "End"},
    "act_col_status": {"nl": "Stand van zaken", "en": "Status"},
    "act_col_reach": {"nl": "Bereik (personen)", "en": "Reach (people)"},
    "act_col_budget": {"nl": "Budget", "en": "Budget"},
    "act_col_risk_area": {"nl": "Risicogebied", "en": "Risk area"},
    "act_col_map_link": {"nl": "Kaart", "en": "Map"},
    "act_col_campaign": {"nl": "Campagne", "en": "Campaign"},
    "act_col_campaign_link": {"nl": "Campagnepagina", "en": "Campaign page"},
    "act_col_changed": {"nl": "Gewijzigd op", "en": "Changed on"},
    "act_col_source": {"nl": "Bron (import)", "en": "Source (import)"},
    "act_status_gepland": {"nl": "Gepland", "en": "Planned"},
    "act_status_lopend": {"nl": "Lopend", "en": "Running"},
    "act_status_afgerond": {"nl": "Afgerond", "en": "Completed"},
    "act_status_uitgesteld_covid": {"nl": "Uitgesteld (Covid-19)", "en": "Postponed (Covid-19)"},
    "act_status_geannuleerd": {"nl": "Geannuleerd", "en": "Cancelled"},
    "act_type_bevolkingsonderzoek": {"nl": "Bevolkingsonderzoek", "en": "Population survey"},
    "act_type_gericht_onderzoek": {"nl": "Gericht onderzoek", "en": "Targeted research"},
    "act_type_gesprekken_partners": {"nl": "Gesprekken met partners", "en": "Talks with partners"},
    "act_type_meldpunt": {"nl": "Meldpunt", "en": "Reporting point"},
    "act_type_campagne": {"nl": "Publiekscampagne", "en": "Public campaign"},
    "act_type_ludieke_actie": {"nl": "Ludieke actie", "en": "Playful action"},
    "act_type_congres": {"nl": "Congres", "en": "Conference"},
    "act_type_training_professionals": {"nl": "Training professionals", "en": "Training for professionals"},
    "act_type_voorlichting_school": {"nl": "Voorlichting op school", "en": "Education at school"},
    "act_type_podcast": {"nl": "Podcast", "en": "Podcast"},
    "act_type_workshop": {"nl": "Workshop", "en": "Workshop"},
    "act_type_groepsdruktraining": {"nl": "Groepsdruktraining", "en": "Peer-pressure training"},
    "act_type_jongerenambassadeurs": {"nl": "Jongerenambassadeurs", "en": "Youth ambassadors"},
    "act_type_uitgaanspersoneel_training": {
        "nl": "Training uitgaanspersoneel",
        "en": "Nightlife staff training",
    },
    "act_type_buschauffeurs_training": {"nl": "Training buschauffeurs", "en": "Bus driver training"},
    "act_type_omstandertraining": {"nl": "Omstandertraining", "en": "Bystander training"},
    "act_type_straattheater": {"nl": "Straattheater", "en": "Street theatre"},
    "act_type_suswachters": {"nl": "Suswachters", "en": "De-escalation stewards"},
    "act_type_bespreking_veiligheidsoverleg": {
        "nl": "Bespreking in veiligheidsoverleg",
        "en": "Discussed in safety meeting",
    },
    "act_type_fysieke_maatregel": {"nl": "Fysieke maatregel", "en": "Physical measure"},
    "act_type_apv_verbod": {"nl": "Verbod in de APV", "en": "Ban in local bye-law (APV)"},
    "act_type_handhaving": {"nl": "Handhaving", "en": "Enforcement"},
    "act_type_politie_inzet": {"nl": "Inzet politie", "en": "Police deployment"},
    "target_vrouwen_meisjes": {"nl": "Vrouwen en meisjes", "en": "Women and girls"},
    "target_lhbti": {"nl": "LHBTI+", "en": "LGBTI+"},
    "target_mensen_van_kleur": {"nl": "Mensen van kleur", "en": "People of colour"},
    "target_mensen_met_beperking": {"nl": "Mensen met een beperking", "en": "People with a disability"},
    "target_migranten": {"nl": "Migranten", "en": "Migrants"},
    "target_jongens_mannen": {"nl": "Jongens en mannen", "en": "Boys and men"},
    "target_omstanders": {"nl": "Omstanders", "en": "Bystanders"},
    "target_uitgaanspersoneel": {"nl": "Uitgaanspersoneel", "en": "Nightlife staff"},
    "target_scholieren_studenten": {"nl": "Scholieren en studenten", "en": "Pupils and students"},
    "target_professionals": {"nl": "Professionals", "en": "Professionals"},
    "target_algemeen_publiek": {"nl": "Algemeen publiek", "en": "General public"},
    "alt_activity_timeline": {
        "nl": "Tijdlijn van {n} {n|activiteit|activiteiten} van {start} tot {end}, per categorie: {parts}.",
        "en": "Timeline of {n} {n|activity|activities} from {start} to {end}, by category: {parts}.",
    },
    "alt_status_by_category": {
        "nl": "Gestapeld staafdiagram van activiteiten per categorie en stand van zaken. {parts}.",
        "en": "Stacked bar chart of activities by category and status. {parts}.",
    },
    "cmp_title": {"nl": "Gemeenten vergelijken", "en": "Comparing municipalities"},
    "cmp_intro": {
        "nl": "Meldingen per 10.000 inwoners per jaar, van {start} tot en met {eind}, alleen geteld over de dagen waarop een gemeente een meldpunt had. Verschillen tussen gemeenten zeggen vaak meer over meldingsbereidheid en bekendheid van het meldpunt dan over hoeveel intimidatie er is.",
        "en": "Reports per 10,000 inhabitants per year, from {start} to {eind}, counted only over the days on which a municipality had a reporting point. Differences between municipalities often say more about willingness to report and how well-known the reporting point is than about how much harassment there is.",
    },
    "cmp_group_label": {"nl": "Vergelijk met", "en": "Compare with"},
    "cmp_group_G4": {"nl": "G4", "en": "G4"},
    "cmp_group_vs_sinds_2020": {"nl": "Deelnemers sinds 2020", "en": "Participants since 2020"},
    "cmp_group_vs_sinds_2022": {"nl": "Deelnemers sinds 2022", "en": "Participants since 2022"},
    "cmp_group_studentenstad": {"nl": "Studentensteden", "en": "Student cities"},
    "cmp_group_vergelijkbaar": {"nl": "Vergelijkbare gemeenten", "en": "Comparable municipalities"},
    "cmp_group_alle": {"nl": "Alle", "en": "All"},
    "cmp_focus_label": {"nl": "Vergelijkbaar met", "en": "Comparable to"},
    "cmp_map_title": {"nl": "Kaart van de deelnemers", "en": "Map of the participants"},
    "cmp_metric_label": {"nl": "Toon op de kaart", "en": "Show on the map"},
    "cmp_metric_meldingen": {
        "nl": "Meldingen per 10.000 inwoners per jaar",
        "en": "Reports per 10,000 inhabitants per year",
    },
    # audit 2: the catalogue's name (it counts activities that ran in the period, not all)
    "cmp_metric_activiteiten": {"nl": "Activiteiten in de periode", "en": "Activities in the period"},
    "cmp_metric_bijdrage": {"nl": "Rijksbijdrage in de periode", "en": "State funding in the period"},
    "cmp_no_funding": {"nl": "geen rijksbijdrage", "en": "no state funding"},
    "cmp_map_others": {"nl": "andere gemeenten", "en": "other municipalities"},
    "cmp_map_no_value": {
        "nl": "geen cijfer (geen meldpunt of afgeschermd)",
        "en": "no figure (no reporting point or withheld)",
    },
    "cmp_map_participant": {"nl": "deelnemer", "en": "participant"},
    "cmp_map_joined": {"nl": "later ingestroomd", "en": "joined later"},
    "cmp_map_left": {"nl": "gestopt", "en": "left"},
    "cmp_map_changes": {
        "nl": "Veilige Steden: ingestroomd {ingestroomd}; gestopt {gestopt}.",
        "en": "Safe Cities: joined {ingestroomd}; left {gestopt}.",
    },
    "cmp_map_boundaries_year": {
        "nl": "Gemeentegrenzen {jaar} (vereenvoudigd).",
        "en": "Municipal boundaries {jaar} (simplified).",
    },
    "cmp_map_centres_source": {
        "nl": "Bollen op het midden van elke gemeente.",
        "en": "Bubbles on the centre of each municipality.",
    },
    "cmp_map_no_boundaries": {
        "nl": "De gemeentegrenzen zijn niet beschikbaar, daarom toont de kaart bollen op het midden van elke gemeente in plaats van ingekleurde gemeenten. Reden: {reden}",
        "en": "The municipal boundaries are not available, so the map shows bubbles on each municipality's centre instead of coloured areas. Reason: {reden}",
    },
    "alt_comparison_map": {
        "nl": "Kaart van Nederland met {metric} voor {n} {n|gemeente|gemeenten}; het hoogst: {top}. {empty} {empty|gemeente heeft|gemeenten hebben} geen cijfer (geen meldpunt of afgeschermd).",
        "en": "Map of the Netherlands with {metric} for {n} {n|municipality|municipalities}; highest: {top}. {empty} {empty|municipality has|municipalities have} no figure (no reporting point or withheld).",
    },
    "cmp_col_membership": {"nl": "Deelname", "en": "Membership"},
    "cmp_change_ingestroomd": {"nl": "ingestroomd in {jaar}", "en": "joined in {jaar}"},
    "cmp_change_gestopt": {"nl": "gestopt in {jaar}", "en": "left in {jaar}"},
    "cmp_ranked_title": {
        "nl": "Meldingen per 10.000 inwoners per jaar: {groep}",
        "en": "Reports per 10,000 inhabitants per year: {groep}",
    },
    "cmp_rate_axis": {
        "nl": "Meldingen per 10.000 inwoners per jaar",
        "en": "Reports per 10,000 inhabitants per year",
    },
    "cmp_group_rate": {"nl": "hele groep: {rate}", "en": "whole group: {rate}"},
    "cmp_interval_note": {
        "nl": "De zwarte streep is het 95%-betrouwbaarheidsinterval (exact, Poisson): bij weinig meldingen is het cijfer onzeker. Gemeenten waarvan de strepen overlappen, verschillen niet duidelijk van elkaar.",
        "en": "The black whisker is the 95% confidence interval (exact, Poisson): with few reports the figure is uncertain. Municipalities whose whiskers overlap do not clearly differ.",
    },
    "cmp_not_ranked": {"nl": "Niet gerangschikt: {lijst}.", "en": "Not ranked: {lijst}."},
    "privacy_rate_hidden_short": {"nl": "afgeschermd", "en": "withheld"},
    "alt_ranked_rates": {
        "nl": "Staafdiagram van {n} {n|gemeente|gemeenten}, gerangschikt naar meldingen per 10.000 inwoners per jaar met 95%-interval: het hoogst {top} {top_rate}, het laagst {bottom} {bottom_rate}.",
        "en": "Bar chart of {n} {n|municipality|municipalities} ranked by reports per 10,000 inhabitants per year with 95% interval: highest {top} {top_rate}, lowest {bottom} {bottom_rate}.",
    },
    "alt_unranked_hidden": {"nl": "{n} afgeschermd", "en": "{n} withheld"},
    "alt_unranked_no_channel": {"nl": "{n} zonder meldpunt", "en": "{n} without reporting point"},
    # narrow/ranking: a published count below k (0: none, or a few reports perturbed to 0) is not ranked
    "cmp_too_few_short": {"nl": "te weinig meldingen om te rangschikken", "en": "too few reports to rank"},
    "alt_unranked_too_few": {
        "nl": "{n} met te weinig meldingen om te rangschikken",
        "en": "{n} with too few reports to rank",
    },
    "cmp_too_few": {
        "nl": "Te weinig meldingen om te rangschikken: {lijst}. Een gepubliceerd aantal van 0 kan ook een paar meldingen zijn (kleine aantallen worden beschermd), dus een plaats onderaan de ranglijst zou meer zeggen dan de cijfers toelaten.",
        "en": "Too few reports to rank: {lijst}. A published count of 0 can also be a few reports (small counts are protected), so a place at the bottom of the ranking would say more than the figures allow.",
    },
    "alt_ranked_rates_none": {
        "nl": "Geen gemeente in deze groep heeft een cijfer dat getoond kan worden.",
        "en": "No municipality in this group has a figure that can be shown.",
    },
    "cmp_col_rank": {"nl": "Rang", "en": "Rank"},
    "cmp_col_rate": {"nl": "Per 10.000 inwoners per jaar", "en": "Per 10,000 inhabitants per year"},
    "cmp_col_interval": {"nl": "95%-interval", "en": "95% interval"},
    "cmp_col_note": {"nl": "Opmerking", "en": "Note"},
    # audit 2: the days each municipality's count covers, and why they differ from the chosen ones
    "cmp_col_counted": {"nl": "Geteld over", "en": "Counted over"},
    "counts_counted_mixed": {
        "nl": "de som van de gemeenten hierboven, elk over de eigen dagen",
        "en": "the sum of the municipalities above, each over its own days",
    },
    "cmp_counted_note": {
        "nl": "Elk aantal telt over hele weken rond de gekozen periode, of over hele kalendermaanden waar de aantallen van een gemeente klein zijn (kolom Geteld over); het cijfer per 10.000 inwoners per jaar deelt door precies die dagen.",
        "en": "Each count covers whole weeks around the chosen period, or whole calendar months where a municipality's counts are small (column Counted over); the rate per 10,000 inhabitants per year divides by exactly those days.",
    },
    "cmp_trends_title": {
        "nl": "Verloop per gemeente, met campagnes",
        "en": "Trend per municipality, with campaigns",
    },
    "cmp_month_rate_axis": {"nl": "Per 10.000 inw. per jaar", "en": "Per 10,000 inh. per year"},
    # Issue 19: the willingness to report on Vergelijken
    "cmp_ratio_title": {
        "nl": "Meldingsbereidheid: meldingen per 1.000 mensen die straatintimidatie meemaakten",
        "en": "Willingness to report: reports per 1,000 people who experienced street harassment",
    },
    "cmp_ratio_axis": {
        "nl": "Meldingen per jaar per 1.000 die het meemaakten",
        "en": "Reports per year per 1,000 who experienced it",
    },
    "cmp_ratio_round": {"nl": "Enquêteronde", "en": "Survey round"},
    "cmp_ratio_no_survey": {"nl": "geen enquêtecijfer", "en": "no survey figure"},
    "cmp_ratio_note": {
        "nl": "Meldingen per jaar gedeeld door het aantal mensen dat volgens de enquête (Veiligheidsmonitor) in 12 maanden straatintimidatie meemaakte; per gemeente de laatste ronde in of vóór {jaar} (kolom Enquêteronde).",
        "en": "Reports per year divided by the number of people who, according to the survey (Safety Monitor), experienced street harassment in 12 months; per municipality the latest round in or before {jaar} (column Survey round).",
    },
    "cmp_ratio_margin_note": {
        "nl": "De streep is het 95%-interval, met de marge van de enquête en de toevalsvariatie van het aantal meldingen; de enquête is betrouwbaar voor gemeenten vanaf ongeveer 70.000 inwoners.",
        "en": "The whisker is the 95% interval, carrying the survey's margin and the chance variation of the report count; the survey is reliable for municipalities of about 70,000 inhabitants and more.",
    },
    "alt_reporting_ratio": {
        "nl": "Stippen met intervallen van de meldingsbereidheid van {n} {n|gemeente|gemeenten}; het hoogst {top}: {top_ratio}, het laagst {bottom}: {bottom_ratio} meldingen per 1.000 die het meemaakten.",
        "en": "Dots with intervals of the willingness to report of {n} {n|municipality|municipalities}; highest {top}: {top_ratio}, lowest {bottom}: {bottom_ratio} reports per 1,000 who experienced it.",
    },
    "alt_reporting_ratio_none": {
        "nl": "Geen gemeente in deze groep heeft zowel een enquêtecijfer als een meldpunt met gepubliceerde meldingen.",
        "en": "No municipality in this group has both a survey figure and a reporting point with published reports.",
    },
    # audit 2: the small multiples count whole months, also outside the chosen days; say which
    "cmp_trends_months": {
        "nl": "Hier zijn dat de maanden van {van} tot en met {tot}, dus ook dagen buiten de gekozen periode.",
        "en": "Here those are the months from {van} to {tot}, so also days outside the chosen period.",
    },
    "cmp_trends_note": {
        "nl": "Alle grafieken hebben dezelfde schaal en tellen hele kalendermaanden. ▥ en de gearceerde banen zijn campagneperiodes in die gemeente; lege stukken zijn maanden zonder meldpunt. De grijze stippellijn is de groep als geheel: de som van de getoonde aantallen van haar gemeenten.",
        "en": "All charts share the same scale and count whole calendar months. ▥ and the shaded bands are campaign periods in that municipality; gaps are months without a reporting point. The dashed grey line is the group as a whole: the sum of its municipalities' counts as shown.",
    },
    # issue 14: the peer group's monthly line on Vergelijken's small multiples
    "cmp_group_line_table": {
        "nl": "{groep} als geheel, per maand",
        "en": "{groep} as a whole, per month",
    },
    "alt_small_multiples": {
        "nl": "{n} {n|kleine lijngrafiek|kleine lijngrafieken} van meldingen per 10.000 inwoners per jaar, per maand berekend, op dezelfde schaal; het hoogste maandcijfer is {peak} in {peak_where} ({peak_when}); {campaigns} {campaigns|campagne is|campagnes zijn} gearceerd.",
        "en": "{n} {n|small line chart|small line charts} of reports per 10,000 inhabitants per year, computed month by month, on a shared scale; the highest monthly figure is {peak} in {peak_where} ({peak_when}); {campaigns} {campaigns|campaign is|campaigns are} shaded.",
    },
    "cmp_membership_title": {
        "nl": "Deelname aan programma's door de jaren",
        "en": "Programme membership over the years",
    },
    "cmp_running": {"nl": "loopt nog", "en": "ongoing"},
    "cmp_col_from": {"nl": "Vanaf", "en": "From"},
    "cmp_col_until": {"nl": "Tot en met", "en": "Until"},
    # Issue 19: the shown municipalities are part of each programme, not its size.
    "alt_memberships": {
        "nl": "Tijdbalken van deelname aan programma's per gemeente in deze vergelijking. Getoonde gemeenten per programma: {parts}.",
        "en": "Time bars of programme membership per municipality in this comparison. Municipalities shown per programme: {parts}.",
    },
    "cmp_of_total": {"nl": " van de {totaal} deelnemers ooit", "en": " of its {totaal} participants ever"},
    # Issue 19: the programme view (page Programma) and the knowledge register.
    "prog_title": {"nl": "Programma: {programma}", "en": "Programme: {programma}"},
    "prog_intro": {
        "nl": "Voor het ministerie: wie doet mee, wat kost het, wat gebeurt er en wat verspreidt zich. {start} tot en met {eind}; {selectie}.",
        "en": "For the ministry: who takes part, what it costs, what is done and what spreads. {start} to {eind}; {selectie}.",
    },
    "prog_summary": {
        "nl": "In {jaar} namen **{n}** gemeenten deel aan {programma}. Rijk en gemeenten brachten in deze periode samen **{geld}** in (selectie: {selectie}); de activiteiten die in de periode begonnen hadden **{budget}** budget.",
        "en": "In {jaar}, **{n}** municipalities took part in {programma}. State and municipalities together contributed **{geld}** in this period (selection: {selectie}); the activities begun in the period had a budget of **{budget}**.",
    },
    "prog_participants_title": {
        "nl": "Deelnemers per jaar en programma",
        "en": "Participants per year and programme",
    },
    "prog_participants_axis": {"nl": "Deelnemende gemeenten", "en": "Participating municipalities"},
    "alt_participants": {
        "nl": "Staafdiagram van het aantal deelnemende gemeenten per jaar per programma, {eerste} tot en met {laatste}. In {laatste}: {parts}.",
        "en": "Bar chart of participating municipalities per year per programme, {eerste} to {laatste}. In {laatste}: {parts}.",
    },
    "prog_phase_title": {"nl": "Deelnemers en hun fase", "en": "Participants and their phase"},
    "prog_phase_note": {
        "nl": "Fase afgeleid uit de deelname, volgens de fasen van de evaluatie (Panteia 2022): het eerste jaar is de opstartfase (plan van aanpak), daarna de uitvoeringsfase; gestopt na het laatste jaar. Borging staat nog niet als gegeven in de opslag.",
        "en": "Phase derived from membership, after the evaluation's phases (Panteia 2022): the first year is start-up (plan of approach), then execution; stopped after the last year. Consolidation is not yet recorded as data.",
    },
    "prog_phase_opstart": {"nl": "opstart", "en": "start-up"},
    "prog_phase_uitvoering": {"nl": "uitvoering", "en": "execution"},
    "prog_phase_gestopt": {"nl": "gestopt", "en": "stopped"},
    "prog_phase_nog_niet": {"nl": "nog niet begonnen", "en": "not yet started"},
    "prog_col_phase": {"nl": "Fase in {jaar}", "en": "Phase in {jaar}"},
    "prog_col_since": {"nl": "Sinds", "en": "Since"},
    "prog_col_year": {"nl": "Jaar", "en": "Year"},
    "prog_col_month": {"nl": "Maand", "en": "Month"},
    "prog_col_state": {"nl": "Rijksbijdrage per jaar", "en": "State funding per year"},
    "prog_col_own": {"nl": "Cofinanciering per jaar", "en": "Co-financing per year"},
    "prog_funding_title": {"nl": "Financiering per maand", "en": "Funding per month"},
    "prog_state": {"nl": "Rijksbijdrage", "en": "State funding"},
    "prog_own": {"nl": "Cofinanciering gemeenten", "en": "Municipal co-financing"},
    "prog_funding_axis": {"nl": "Euro per maand", "en": "Euro per month"},
    "alt_funding": {
        "nl": "Gestapelde staven van rijksbijdrage en cofinanciering per maand, {start} tot en met {eind}; samen {totaal}, waarvan {rijk} van het Rijk.",
        "en": "Stacked bars of state funding and co-financing per month, {start} to {eind}; together {totaal}, of which {rijk} from the state.",
    },
    "prog_funding_note": {
        "nl": "Naar rato per maand van deelname (een deels gedekte maand naar rato van de dagen). Bedragen per jaar uit het programma: €\u00a050.000 voor de G4, €\u00a030.000 voor de andere gemeenten; elke gemeente legt hetzelfde bedrag bij.",
        "en": "Pro rata per month of membership (a partly covered month by its days). Yearly amounts from the programme: €50,000 for the G4, €30,000 for the others; each municipality adds the same amount.",
    },
    "prog_budget_title": {
        "nl": "Activiteiten per categorie tegen het budget",
        "en": "Activities by category against the budget",
    },
    "prog_col_category": {"nl": "Categorie", "en": "Category"},
    "prog_col_activities": {"nl": "Activiteiten gestart", "en": "Activities begun"},
    "prog_col_budget": {"nl": "Budget activiteiten", "en": "Activity budget"},
    "prog_col_share": {
        "nl": "Deel van rijksbijdrage + cofinanciering",
        "en": "Share of state funding + co-financing",
    },
    "prog_budget_note": {
        "nl": "Het budget van een activiteit telt in de periode waarin zij begon; activiteiten die een gemeente buiten een programma deed (bijvoorbeeld vóór zij instroomde) tellen ook mee. Rijksbijdrage en cofinanciering in dezelfde periode: {geld}.",
        "en": "An activity's budget counts in the period it began; activities a municipality ran outside a programme (for instance before it joined) count as well. State funding and co-financing in the same period: {geld}.",
    },
    "prog_spread_title": {"nl": "Welke aanpak verspreidt zich", "en": "Which approaches spread"},
    "prog_col_kind": {"nl": "Soort activiteit", "en": "Kind of activity"},
    "prog_col_municipalities": {"nl": "Gemeenten", "en": "Municipalities"},
    "prog_col_first": {"nl": "Eerst in", "en": "First in"},
    "prog_col_path": {"nl": "Verspreiding (gemeente, startjaar)", "en": "Spread (municipality, first year)"},
    "prog_spread_note": {
        "nl": "Per soort activiteit: in hoeveel gemeenten van de selectie zij ooit liep, waar eerst, en in welke volgorde andere gemeenten volgden.",
        "en": "Per kind of activity: in how many municipalities of the selection it ever ran, where first, and in which order others followed.",
    },
    "prog_peers_title": {
        "nl": "Vergelijkbare gemeenten op kenmerken",
        "en": "Comparable municipalities by characteristics",
    },
    "prog_col_inhabitants": {"nl": "Inwoners ({jaar})", "en": "Inhabitants ({jaar})"},
    "prog_col_size": {"nl": "Grootteklasse", "en": "Size class"},
    "prog_col_g4": {"nl": "G4", "en": "G4"},
    "prog_col_student": {"nl": "Studentenstad", "en": "Student city"},
    "prog_col_peers": {"nl": "Vergelijkbaar met", "en": "Comparable with"},
    "prog_yes": {"nl": "ja", "en": "yes"},
    "prog_no": {"nl": "nee", "en": "no"},
    "prog_peers_note": {
        "nl": "Vergelijkbaar, zoals op Vergelijken en in de presentatie: de deelnemers met een meldpunt in de periode met dezelfde grootteklasse (inwoners op 1 januari {jaar}), G4 of niet, en studentenstad of niet; is er zo niemand, dan dezelfde grootteklasse, en anders de {n} dichtstbijzijnde in inwoners (tussen haakjes). De dichtstbijzijnde in inwoners eerst. Gekozen op kenmerken, nooit op het cijfer dat wordt vergeleken. Bronnen: {bronnen}.",
        "en": "Comparable, as on Compare and in the presentation: the participants with a reporting point in the period with the same size class (inhabitants on 1 January {jaar}), G4 or not, and student city or not; if there are none, the same size class, and otherwise the {n} closest in inhabitants (in brackets). Closest in inhabitants first. Chosen by characteristics, never by the figure compared. Sources: {bronnen}.",
    },
    # audit 2: the sources of the characteristics, in the page's language (English read Dutch)
    "prog_source_grootteklasse": {
        "nl": "CBS StatLine 03759NED, bevolking op 1 januari",
        "en": "CBS StatLine 03759NED, population on 1 January",
    },
    "prog_source_g4": {
        "nl": "G4: Amsterdam, Rotterdam, Den Haag en Utrecht",
        "en": "G4: Amsterdam, Rotterdam, Den Haag and Utrecht",
    },
    "prog_source_studentenstad": {
        "nl": "gemeenten met een universiteit (vsdash.reference.STUDENT_CITIES)",
        "en": "municipalities with a university (vsdash.reference.STUDENT_CITIES)",
    },
    "prog_none_peers": {
        "nl": "geen andere deelnemer met een meldpunt",
        "en": "no other participant with a reporting point",
    },
    "prog_peers_basis_grootteklasse": {"nl": "alleen grootteklasse", "en": "size class only"},
    "prog_peers_basis_inwonertal": {"nl": "dichtstbij in inwoners", "en": "closest in inhabitants"},
    "know_title": {
        "nl": "Kennisregister: wie deed wat, en wat gebeurde er?",
        "en": "Knowledge register: who did what, and what happened?",
    },
    "know_intro": {
        "nl": "Zoek in de activiteiten van alle gemeenten (titel, soort, partners, uitkomst en lessen). Per activiteit: wie het deed en wanneer, wat het opleverde, wie u kunt bellen (als functie) en de meldingen in de risicogebieden eromheen, {weken} weken vóór en vanaf de start.",
        "en": "Search the activities of all municipalities (title, kind, partners, outcome and lessons). Per activity: who ran it and when, what it led to, whom to call (as a role) and the reports in the risk areas around it, {weken} weeks before and from the start.",
    },
    "know_search": {"nl": "Zoek een aanpak", "en": "Search an approach"},
    "know_search_help": {
        "nl": "Bijvoorbeeld Safe Clubbing, suswachters, omstandertraining of Ben jij OK. Alle woorden moeten voorkomen.",
        "en": "For instance Safe Clubbing, suswachters, bystander or Ben jij OK. Every word must occur.",
    },
    "know_found": {
        "nl": "{n} activiteiten in {m} gemeenten gevonden voor ‘{zoek}’.",
        "en": "{n} activities in {m} municipalities found for ‘{zoek}’.",
    },
    "know_none": {
        "nl": "Niets gevonden voor ‘{zoek}’. Probeer één woord.",
        "en": "Nothing found for ‘{zoek}’. Try one word.",
    },
    "know_col_outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "know_col_lessons": {"nl": "Lessen", "en": "Lessons"},
    "know_col_contact": {"nl": "Contact (functie)", "en": "Contact (role)"},
    "know_col_link": {"nl": "Evaluatie", "en": "Evaluation"},
    "know_link": {"nl": "evaluatie", "en": "evaluation"},
    "know_col_areas": {"nl": "Risicogebieden", "en": "Risk areas"},
    "know_col_window": {"nl": "Vergeleken", "en": "Compared"},
    "know_col_before": {"nl": "Meldingen ervoor", "en": "Reports before"},
    "know_col_after": {"nl": "Meldingen vanaf start", "en": "Reports from start"},
    "know_col_change": {"nl": "Verschil", "en": "Change"},
    # audit 2: no before/after around an activity that did not take place on its date
    "know_not_held": {
        "nl": "Niet vergeleken: de activiteit is {status}, dus zij begon niet op die datum en de meldingen eromheen zeggen niets over haar.",
        "en": "Not compared: the activity is {status}, so it did not start on that date and the reports around it say nothing about it.",
    },
    "know_window": {
        "nl": "{weken} weken ervoor en erna, {van} – {tot}",
        "en": "{weken} weeks before and after, {van} – {tot}",
    },
    "know_no_window": {"nl": "buiten de meldingsgegevens", "en": "outside the report data"},
    "know_no_areas": {"nl": "geen risicogebieden", "en": "no risk areas"},
    "know_caveat": {
        "nl": "De meldingen rond een activiteit zeggen niet dat zij werkte: meer meldingen betekent vaak een hogere meldingsbereidheid, niet meer intimidatie, en andere activiteiten liepen tegelijk. Aantallen zijn afgeschermd zoals op de kaart.",
        "en": "Reports around an activity do not show that it worked: more reports often mean a higher willingness to report, not more harassment, and other activities ran at the same time. Counts are protected as on the map.",
    },
    # --- import and access (Gegevens) -----------------------------------------------------
    # --- map page (Kaart) and exports of map/counts ---------------------------------------
    # --- activities and comparison pages (Activiteiten, Vergelijken) ----------------------
    # --- import and access (Gegevens) -----------------------------------------------------
    "data_title": {"nl": "Gegevens", "en": "Data"},
    "data_intro": {
        "nl": "Hier ziet u welke bestanden zijn ingelezen, en kunnen beheerders meldingen, activiteiten, campagnes, risicogebieden, inwonertallen, meldkanalen en enquêtecijfers (Veiligheidsmonitor) inlezen. Een bestand met één ongeldige rij wordt in zijn geheel geweigerd, zodat er nooit half iets in staat.",
        "en": "Here you see which files were imported, and administrators can import reports, activities, campaigns, risk areas, population figures, reporting channels and survey figures (Safety Monitor). A file with one invalid row is refused as a whole, so nothing is ever half written.",
    },
    "data_log_title": {"nl": "Importlogboek", "en": "Import log"},
    "data_log_empty": {"nl": "Er is nog niets ingelezen.", "en": "Nothing has been imported yet."},
    "data_log_empty_demo": {
        "nl": "Er is nog niets ingelezen: alles wat het dashboard nu toont, is demodata (fictief). "
        "Bij de eerste import kiest een beheerder om de demodata te wissen en te vervangen.",
        "en": "Nothing has been imported yet: everything the dashboard shows now is demo data (fictitious). "
        "At the first import an administrator chooses to delete and replace the demo data.",
    },
    # audit 2: the public import log showed an exact count of reports per import
    "data_log_col_time": {"nl": "Tijdstip", "en": "Time"},
    "data_log_col_user": {"nl": "Ingelezen door", "en": "Imported by"},
    "data_log_col_file": {"nl": "Bestand", "en": "File"},
    "data_log_col_kind": {"nl": "Soort", "en": "Kind"},
    "data_log_col_aanvaard": {"nl": "Geldige rijen", "en": "Valid rows"},
    "data_log_col_geweigerd": {"nl": "Ongeldige rijen", "en": "Invalid rows"},
    "data_log_col_geschreven": {"nl": "Rijen toegevoegd", "en": "Rows added"},
    "data_log_col_dubbel": {"nl": "Rijen die al bestonden", "en": "Rows already present"},
    "data_log_col_undone": {"nl": "Ongedaan gemaakt", "en": "Undone"},
    "data_log_withheld": {
        "nl": "Bij imports van meldingen staan de aantallen rijen alleen voor ingelogde beheerders: zo'n aantal is een exact aantal meldingen (de import van een rustige week kan er 1 tot 4 hebben), en elk gepubliceerd aantal meldingen gaat door de privacystap.",
        "en": "For imports of reports the row counts are shown to signed-in administrators only: such a count is an exact number of reports (a quiet week's import can hold 1 to 4), and every published count of reports goes through the privacy step.",
    },
    "data_templates_title": {"nl": "Sjablonen", "en": "Templates"},
    "data_templates_help": {
        "nl": "Elk sjabloon heeft de kopregel en één voorbeeldrij. Datums als dd-mm-jjjj, decimalen met een komma; kolomnamen mogen ook Engels zijn.",
        "en": "Each template has the header and one example row. Dates as dd-mm-yyyy, decimals with a comma; column names may also be English.",
    },
    # polish: a template button names its kind, so a screen reader tells the rows apart
    "data_template_button": {"nl": "{soort} ({formaat})", "en": "{soort} ({formaat})"},
    "data_kind_reports": {"nl": "Meldingen", "en": "Reports"},
    "data_kind_activities": {"nl": "Activiteiten", "en": "Activities"},
    "data_kind_campaigns": {"nl": "Campagnes", "en": "Campaigns"},
    "data_kind_risk_areas": {
        "nl": "Risicogebieden (GeoJSON/GeoPackage)",
        "en": "Risk areas (GeoJSON/GeoPackage)",
    },
    "data_kind_population": {"nl": "Inwoners", "en": "Population"},
    "data_kind_channels": {
        "nl": "Meldkanalen (start- en einddatum)",
        "en": "Reporting channels (launch and end dates)",
    },
    # Issue 19: population-survey figures
    "data_kind_survey": {
        "nl": "Enquêtecijfers (Veiligheidsmonitor)",
        "en": "Survey figures (Safety Monitor)",
    },
    "data_imports_disabled": {
        "nl": "Inlezen is uitgeschakeld: er is geen login ingesteld. Een beheerder zet dit aan door een OIDC-login in te stellen ([auth] in .streamlit/secrets.toml) of door met 'python -m vsdash hash-password' een wachtwoord-hash te maken en die op te nemen als [vsdash] admin_password_hash in secrets.toml of als VSDASH_ADMIN_PASSWORD_HASH. Bekijken blijft voor iedereen open.",
        "en": "Importing is switched off: no login is configured. An administrator enables it by configuring an OIDC login ([auth] in .streamlit/secrets.toml) or by making a password hash with 'python -m vsdash hash-password' and setting it as [vsdash] admin_password_hash in secrets.toml or as VSDASH_ADMIN_PASSWORD_HASH. Viewing stays open to everyone.",
    },
    "data_login_needed": {
        "nl": "Log in om gegevens in te lezen of terug te draaien.",
        "en": "Log in to import or undo data.",
    },
    "data_login": {"nl": "Inloggen", "en": "Log in"},
    "data_logout": {"nl": "Uitloggen", "en": "Log out"},
    "data_logged_in_as": {"nl": "Ingelogd als {naam}.", "en": "Logged in as {naam}."},
    "data_admin": {"nl": "beheerder", "en": "administrator"},
    # issue 17: roles from the allow-list ([vsdash.accounts] in secrets)
    "data_reader_only": {
        "nl": "{naam} mag het dashboard bekijken, maar geen gegevens inlezen of terugdraaien. Een "
        "programmabeheerder kan dit account als redacteur voor een gemeente toevoegen.",
        "en": "{naam} may view the dashboard but not import or undo data. A programme administrator can "
        "add this account as an editor for a municipality.",
    },
    "data_editor_scope": {
        "nl": "Redacteur voor {gemeenten}: u leest alleen gegevens over deze gemeenten in en draait alleen "
        "imports daarvan terug.",
        "en": "Editor for {gemeenten}: you import, and undo imports of, data about these municipalities only.",
    },
    "data_programme_admin": {
        "nl": "Programmabeheerder: u leest gegevens in voor alle gemeenten.",
        "en": "Programme administrator: you import data for every municipality.",
    },
    "data_password": {"nl": "Beheerderswachtwoord", "en": "Administrator password"},
    "data_password_help": {
        "nl": "Na vijf mislukte pogingen wordt inloggen vijf minuten geblokkeerd.",
        "en": "After five failed attempts, logging in is blocked for five minutes.",
    },
    "data_login_refused": {"nl": "Niet ingelogd: {reden}", "en": "Not logged in: {reden}"},
    "data_import_title": {"nl": "Bestand inlezen", "en": "Import a file"},
    "data_kind": {"nl": "Soort gegevens", "en": "Kind of data"},
    "data_file": {
        "nl": "Bestand (CSV, XLSX; risicogebieden: GeoJSON of GeoPackage)",
        "en": "File (CSV, XLSX; risk areas: GeoJSON or GeoPackage)",
    },
    "data_skip_invalid": {
        "nl": "Ongeldige rijen overslaan (de geldige rijen worden geschreven; de geweigerde rijen bewaard met hun reden)",
        "en": "Skip invalid rows (valid rows are written; refused rows are kept with their reason)",
    },
    "data_dry_run": {"nl": "Alleen controleren, niets schrijven", "en": "Check only, write nothing"},
    "data_demo_store": {
        "nl": "Deze opslag bevat demodata (fictief). Echte gegevens worden er niet bij gezet; kies hieronder om de demodata eerst te wissen.",
        "en": "This store holds demo data (fictitious). Real data is not mixed in; choose below to delete the demo data first.",
    },
    "data_replace_demo": {
        "nl": "Demodata wissen (alle gemeenten) en vervangen door dit bestand; terugdraaien zet ze terug",
        "en": "Delete the demo data (all municipalities) and replace it with this file; undo puts it back",
    },
    "data_mapping_missing": {
        "nl": "Kies nog een kolom voor: {velden}.",
        "en": "Still choose a column for: {velden}.",
    },
    # --- issue 20: the mapping step in words an officer understands ------------------------------
    "map_fixed_value": {"nl": "alle rijen: {waarde}", "en": "all rows: {waarde}"},
    "map_not_used": {"nl": "niet gebruiken", "en": "do not use"},
    "fld_melding_id": {"nl": "Meldingsnummer", "en": "Report number"},
    "fld_help_melding_id": {
        "nl": "Het nummer of kenmerk van de melding in uw systeem; uniek per gemeente.",
        "en": "The report's number or reference in your system; unique per municipality.",
    },
    "fld_gemeentecode": {"nl": "Gemeente", "en": "Municipality"},
    "fld_help_gemeentecode": {
        "nl": "CBS-code (GM0268) of naam; heeft uw bestand geen gemeentekolom, kies dan 'alle rijen: …'.",
        "en": "CBS code (GM0268) or name; if your file has no municipality column, choose 'all rows: …'.",
    },
    "fld_datum": {"nl": "Datum van het voorval", "en": "Date of the incident"},
    "fld_help_datum": {
        "nl": "Wanneer het gebeurde: dd-mm-jjjj, eventueel met uu:mm (bijvoorbeeld 14-03-2024 22:30).",
        "en": "When it happened: dd-mm-yyyy, optionally with hh:mm (for example 14-03-2024 22:30).",
    },
    "fld_tijd": {"nl": "Tijdstip", "en": "Time"},
    "fld_help_tijd": {
        "nl": "Uur en minuut (uu:mm) als die in een aparte kolom staan.",
        "en": "Hour and minute (hh:mm) when they are in a separate column.",
    },
    "fld_categorie": {"nl": "Soort", "en": "Kind"},
    "fld_help_reports_categorie": {
        "nl": "Soort intimidatie: verbaal, non-verbaal, fysiek, achtervolgen of overig.",
        "en": "Kind of harassment: verbal, non-verbal, physical, following or other.",
    },
    "fld_help_activities_categorie": {
        "nl": "Onderzoek, preventie, interventie of repressie.",
        "en": "Research, prevention, intervention or repression.",
    },
    "fld_kanaal_id": {"nl": "Meldkanaal", "en": "Reporting channel"},
    "fld_help_kanaal_id": {
        "nl": "Waarlangs de melding binnenkwam (app, website, telefoon); elk kanaal wordt een meldpunt van de gemeente.",
        "en": "How the report came in (app, website, phone); each channel becomes a reporting point of the municipality.",
    },
    "fld_lat": {"nl": "Breedtegraad (WGS84)", "en": "Latitude (WGS84)"},
    "fld_help_lat": {
        "nl": "Graden noorderbreedte, zoals 51,8425; alleen voor de kaart, daarna niet bewaard.",
        "en": "Degrees north, such as 51.8425; only for the map, not kept afterwards.",
    },
    "fld_lon": {"nl": "Lengtegraad (WGS84)", "en": "Longitude (WGS84)"},
    "fld_help_lon": {
        "nl": "Graden oosterlengte, zoals 5,8528; alleen voor de kaart, daarna niet bewaard.",
        "en": "Degrees east, such as 5.8528; only for the map, not kept afterwards.",
    },
    "fld_rd_x": {"nl": "X (Rijksdriehoek)", "en": "X (Dutch RD grid)"},
    "fld_help_rd_x": {
        "nl": "RD-coördinaat X in meters (7.000 tot 300.000), zoals gemeentelijke systemen die exporteren.",
        "en": "RD coordinate X in metres (7,000 to 300,000), as municipal systems export it.",
    },
    "fld_rd_y": {"nl": "Y (Rijksdriehoek)", "en": "Y (Dutch RD grid)"},
    "fld_help_rd_y": {
        "nl": "RD-coördinaat Y in meters (289.000 tot 629.000).",
        "en": "RD coordinate Y in metres (289,000 to 629,000).",
    },
    "fld_wijkcode": {"nl": "Wijk", "en": "District"},
    "fld_help_wijkcode": {
        "nl": "CBS-wijkcode (WK026801) of de wijknaam zoals bij het CBS (Nijmegen-Centrum of Centrum); leeg: bepaald uit de coördinaten.",
        "en": "CBS district code (WK026801) or the district name as CBS writes it; empty: derived from the coordinates.",
    },
    "fld_ontvangen_op": {"nl": "Datum ontvangen", "en": "Date received"},
    "fld_help_ontvangen_op": {
        "nl": "Wanneer de melding binnenkwam, als dat later was dan het voorval (dd-mm-jjjj).",
        "en": "When the report came in, if later than the incident (dd-mm-yyyy).",
    },
    "fld_activiteit_id": {"nl": "Activiteitnummer", "en": "Activity number"},
    "fld_programma": {"nl": "Programma", "en": "Programme"},
    "fld_type": {"nl": "Soort activiteit", "en": "Kind of activity"},
    "fld_titel": {"nl": "Titel", "en": "Title"},
    "fld_doelgroepen": {"nl": "Doelgroepen", "en": "Target groups"},
    "fld_partners": {"nl": "Partners", "en": "Partners"},
    "fld_start": {"nl": "Startdatum", "en": "Start date"},
    "fld_eind": {"nl": "Einddatum", "en": "End date"},
    "fld_status": {"nl": "Status", "en": "Status"},
    "fld_bereik": {"nl": "Bereik (aantal mensen)", "en": "Reach (people)"},
    "fld_budget_eur": {"nl": "Budget (euro)", "en": "Budget (euro)"},
    "fld_risicogebied_id": {"nl": "Risicogebied", "en": "Risk area"},
    "fld_campagne_id": {"nl": "Campagne", "en": "Campaign"},
    # Issue 19: the knowledge register's fields in the import's mapping step.
    "fld_uitkomst": {"nl": "Uitkomst", "en": "Outcome"},
    "fld_lessen": {"nl": "Geleerde lessen", "en": "Lessons learned"},
    "fld_evaluatie_url": {"nl": "Link naar evaluatie", "en": "Link to an evaluation"},
    "fld_contact_rol": {
        "nl": "Contact (organisatie en functie)",
        "en": "Contact (organisation and function)",
    },
    "fld_help_evaluatie_url": {
        "nl": "Volledig webadres dat begint met http:// of https://.",
        "en": "Full web address starting with http:// or https://.",
    },
    "fld_help_contact_rol": {
        "nl": "Organisatie en functie, zoals 'Gemeente Utrecht, beleidsadviseur openbare orde en veiligheid'; geen naam, e-mailadres of telefoonnummer.",
        "en": "Organisation and function, such as 'Gemeente Utrecht, beleidsadviseur openbare orde en veiligheid'; no name, e-mail address or phone number.",
    },
    "fld_naam": {"nl": "Naam", "en": "Name"},
    "fld_schaal": {"nl": "Landelijk of lokaal", "en": "National or local"},
    "fld_kanalen": {"nl": "Middelen (posters, sociale media)", "en": "Media (posters, social media)"},
    "fld_gemeenten": {"nl": "Gemeenten", "en": "Municipalities"},
    "fld_jaar": {"nl": "Jaar", "en": "Year"},
    "fld_inwoners": {"nl": "Aantal inwoners", "en": "Inhabitants"},
    "fld_bron": {"nl": "Bron", "en": "Source"},
    "fld_soort": {"nl": "Soort meldkanaal", "en": "Kind of channel"},
    "fld_help_soort": {
        "nl": "app, meldpunt_web, telefoon of wijkteam; leeg: afgeleid uit de naam.",
        "en": "app, meldpunt_web, telefoon or wijkteam; empty: derived from the name.",
    },
    "fld_help_channels_naam": {
        "nl": "De naam van het meldkanaal zoals bij de meldingen (bijvoorbeeld App of Stop Intimidatie app).",
        "en": "The channel's name as in the reports (for example App or Stop Intimidatie app).",
    },
    "fld_help_channels_kanaal_id": {
        "nl": "Leeg laten mag: dan geldt de naam per gemeente, zoals bij het inlezen van meldingen.",
        "en": "May be left empty: the name per municipality is used, as when reports are imported.",
    },
    "fld_help_channels_start": {
        "nl": "Datum van lancering (dd-mm-jjjj): een nieuw meldkanaal is een breuk in de reeks.",
        "en": "Launch date (dd-mm-yyyy): a new channel is a break in the series.",
    },
    # Issue 19: fields of the survey import
    "fld_straatintimidatie_pct": {
        "nl": "Straatintimidatie meegemaakt (%)",
        "en": "Experienced street harassment (%)",
    },
    "fld_help_straatintimidatie_pct": {
        "nl": "Aandeel in procent (0 tot en met 100) dat in de afgelopen 12 maanden straatintimidatie meemaakte.",
        "en": "Share in percent (0 to 100) who experienced street harassment in the last 12 months.",
    },
    "fld_straatintimidatie_marge": {"nl": "Marge straatintimidatie", "en": "Margin street harassment"},
    "fld_help_straatintimidatie_marge": {
        "nl": "Halve breedte van het 95%-interval in procentpunten (0 of meer), zoals de Veiligheidsmonitor hem geeft.",
        "en": "Half-width of the 95% interval in percentage points (0 or more), as the Safety Monitor gives it.",
    },
    "fld_onveilig_buurt_pct": {
        "nl": "Voelt zich onveilig in de buurt (%)",
        "en": "Feels unsafe in the neighbourhood (%)",
    },
    "fld_onveilig_buurt_marge": {
        "nl": "Marge onveilig in de buurt",
        "en": "Margin unsafe in the neighbourhood",
    },
    "fld_onveilig_avond_pct": {"nl": "Voelt zich 's avonds onveilig (%)", "en": "Feels unsafe at night (%)"},
    "fld_onveilig_avond_marge": {"nl": "Marge 's avonds onveilig", "en": "Margin unsafe at night"},
    "fld_basis_aantal": {"nl": "Basis (aantal mensen)", "en": "Base (number of people)"},
    "fld_help_basis_aantal": {
        "nl": "Aantal mensen waarop de aandelen slaan, bijvoorbeeld de inwoners van 15 jaar en ouder.",
        "en": "Number of people the shares refer to, for example inhabitants aged 15 and over.",
    },
    "fld_basis_omschrijving": {"nl": "Omschrijving van de basis", "en": "Description of the base"},
    "fld_help_start": {"nl": "Eerste dag, dd-mm-jjjj.", "en": "First day, dd-mm-yyyy."},
    "fld_help_eind": {
        "nl": "Laatste dag, dd-mm-jjjj (leeg: loopt nog).",
        "en": "Last day, dd-mm-yyyy (empty: still running).",
    },
    "data_import_button": {"nl": "Controleren en inlezen", "en": "Check and import"},
    "data_importing": {"nl": "Bezig met inlezen…", "en": "Importing…"},
    "data_refused": {
        "nl": "Geweigerd: {n} van de {total} rijen zijn ongeldig; er is niets geschreven. Verbeter de rijen hieronder, of kies 'Ongeldige rijen overslaan'.",
        "en": "Refused: {n} of the {total} rows are invalid; nothing was written. Fix the rows below, or choose 'Skip invalid rows'.",
    },
    "data_dry_run_done": {
        "nl": "Controle klaar: {ok} rijen geldig, {bad} ongeldig, {dubbel} al aanwezig. Er is niets geschreven.",
        "en": "Check done: {ok} rows valid, {bad} invalid, {dubbel} already present. Nothing was written.",
    },
    "data_done": {
        "nl": "Ingelezen: {n} rijen geschreven, {bad} geweigerd, {dubbel} waren er al.",
        "en": "Imported: {n} rows written, {bad} refused, {dubbel} were already present.",
    },
    # --- issue 20: header row, preview, fixed values, channels, refused rows, undo ---------------
    "data_header_row": {
        "nl": "Kopregel (rij met de kolomnamen)",
        "en": "Header row (the row with the column names)",
    },
    "data_header_row_help": {
        "nl": "Staat er een titel boven de kolomnamen, dan is de kopregel een latere rij. Deze rij is automatisch gekozen; verander hem als de voorbeeldtabel er niet goed uitziet.",
        "en": "If a title sits above the column names, the header is a later row. It was chosen automatically; change it if the preview looks wrong.",
    },
    "data_header_found": {
        "nl": "Kopregel: rij {rij}. Niet ingelezen (titel, lege regel, totaal of toelichting): rij {overgeslagen}.",
        "en": "Header: row {rij}. Not imported (title, blank line, total or note): row {overgeslagen}.",
    },
    "data_preview": {
        "nl": "Zo leest het dashboard uw bestand (eerste 5 rijen):",
        "en": "This is how the dashboard reads your file (first 5 rows):",
    },
    "data_map_title": {"nl": "Kolommen koppelen", "en": "Match the columns"},
    "data_map_help": {
        "nl": "Herkende kolommen zijn al ingevuld. Kies bij elk veld de kolom uit uw bestand; * = verplicht. Uw keuze wordt onthouden voor de volgende import van deze gemeente.",
        "en": "Recognised columns are filled in. Choose the column from your file for each field; * = required. Your choice is remembered for this municipality's next import.",
    },
    "data_map_choose": {"nl": "— kies een kolom —", "en": "— choose a column —"},
    "data_map_fixed": {"nl": "dezelfde waarde voor alle rijen …", "en": "the same value for all rows …"},
    "data_gemeente_all": {"nl": "Gemeente voor alle rijen", "en": "Municipality for all rows"},
    "data_gemeente_all_help": {
        "nl": "Uw bestand heeft geen gemeentekolom (de eigen export van een gemeente). Kies de gemeente waar alle meldingen bij horen.",
        "en": "Your file has no municipality column (a municipality's own export). Choose the municipality all reports belong to.",
    },
    "data_gemeente_choose": {"nl": "Kies een gemeente", "en": "Choose a municipality"},
    "data_channel_name": {
        "nl": "Naam van het meldpunt voor alle rijen",
        "en": "Name of the reporting point for all rows",
    },
    "data_channels_new": {
        "nl": "Meldkanalen aangemaakt: {kanalen}. Ze staan bij de gemeente als meldpunt, vanaf hun eerste melding.",
        "en": "Reporting channels created: {kanalen}. They are listed as the municipality's reporting points from their first report.",
    },
    "data_channels_new_dry": {
        "nl": "Bij inlezen worden deze meldkanalen aangemaakt: {kanalen}.",
        "en": "Importing will create these reporting channels: {kanalen}.",
    },
    "data_rejections_download": {
        "nl": "Geweigerde rijen downloaden ({n}, met reden)",
        "en": "Download the refused rows ({n}, with reasons)",
    },
    # english3: the refused rows' own columns; the other columns are the import's field names
    "refused_col_row": {"nl": "rij", "en": "row"},
    "refused_col_reason": {"nl": "reden", "en": "reason"},
    "data_undo_restores_demo": {
        "nl": "Deze import heeft de demodata gewist; terugdraaien zet de demodata precies terug.",
        "en": "This import deleted the demo data; undoing it puts the demo data back exactly.",
    },
    "data_undo_done_demo": {
        "nl": "{bestand} teruggedraaid: {n} rijen verwijderd en de demodata teruggezet.",
        "en": "{bestand} undone: {n} rows deleted and the demo data restored.",
    },
    "data_col_row": {"nl": "Rij", "en": "Row"},
    "data_col_column": {"nl": "Kolom", "en": "Column"},
    "data_col_value": {"nl": "Waarde", "en": "Value"},
    "data_col_message": {"nl": "Probleem", "en": "Problem"},
    "data_undo_title": {"nl": "Laatste import terugdraaien", "en": "Undo the last import"},
    "data_undo_what": {
        "nl": "Laatste import: {bestand} op {tijd}, {n} rijen geschreven.",
        "en": "Last import: {bestand} on {tijd}, {n} rows written.",
    },
    "data_undo_confirm": {
        "nl": "Ja, verwijder de rijen van deze import",
        "en": "Yes, delete the rows of this import",
    },
    "data_undo_button": {"nl": "Terugdraaien", "en": "Undo"},
    "data_undo_done": {
        "nl": "{bestand} teruggedraaid: {n} rijen verwijderd.",
        "en": "{bestand} undone: {n} rows deleted.",
    },
    # --- map page (Kaart) and exports of map/counts ---------------------------------------
    "map_title": {"nl": "Kaart: {selectie}", "en": "Map: {selectie}"},
    "map_weeks_note": {
        "nl": "Zeshoeken en risicogebieden worden per week geteld; de kaart telt de hele weken van {start} tot en met {eind}.",
        "en": "Hexagons and risk areas are counted per week; the map counts the whole weeks from {start} to {eind}.",
    },
    # issue 13: where the map's cells do not add up to its total, say how many are not shown
    # audit 2: hexagons that add up to more than the map's total were left unexplained
    "map_cells_add_up_more": {
        "nl": "Samen tellen de zeshoeken {som} meldingen, meer dan de {totaal} die de kaart telt: elke zeshoek is per blok van weken apart licht veranderd, en een blok met 1 tot 4 meldingen wordt 0 of 5. Waar veel zeshoeken één melding hebben, telt dat op. Het totaal van de kaart is de som van de weken zelf; tel de zeshoeken dus niet op als totaal.",
        "en": "Together the hexagons count {som} reports, more than the {totaal} the map counts: each hexagon is changed slightly per block of weeks, and a block of 1 to 4 reports becomes 0 or 5. Where many hexagons hold one report, that adds up. The map's total is the sum of the weeks themselves; do not add up the hexagons as a total.",
    },
    "map_hidden_note": {
        "nl": "Van de {totaal} meldingen die de kaart telt, staan er {n} niet apart op de kaart: ze vallen in zeshoeken met zo weinig meldingen dat die niet getoond worden, of het verschil komt doordat elk getal licht veranderd is.",
        "en": "Of the {totaal} reports the map counts, {n} are not shown separately on the map: they are in hexagons with too few reports to show, or the difference comes from each number being changed slightly.",
    },
    # issue 14: hexagons only where they hold enough reports on average
    "map_hexagons_too_few": {
        "nl": "Er zijn te weinig meldingen om ze per zeshoek te tonen (gemiddeld minder dan {k} per zeshoek); kies een langere periode.",
        "en": "There are too few reports to show them per hexagon (fewer than {k} per hexagon on average); choose a longer period.",
    },
    "map_hexagons_coarse": {
        "nl": "In deze periode zijn er te weinig meldingen voor kleine zeshoeken; de kaart toont grotere zeshoeken van ongeveer 5 km², met gemiddeld minstens {k} meldingen per zeshoek.",
        "en": "There are too few reports in this period for small hexagons; the map shows larger hexagons of about 5 km², with at least {k} reports per hexagon on average.",
    },
    "map_hidden_note_national": {
        "nl": "Van de {totaal} meldingen in {selectie} staan er {n} niet apart op de kaart: ze vallen in grijze cirkels van gemeenten met minder dan {k} meldingen of een afgeschermd aantal.",
        "en": "Of the {totaal} reports in {selectie}, {n} are not shown separately on the map: they are in grey circles of municipalities with fewer than {k} reports or a withheld count.",
    },
    "map_intro": {
        "nl": "Waar komen meldingen vandaan, {start} tot en met {eind}? Zeshoeken tonen het aantal meldingen per gebied van ongeveer 0,7 km²; zwarte lijnen zijn risicogebieden.",
        "en": "Where do reports come from, {start} to {eind}? Hexagons show the number of reports per area of about 0.7 km²; black lines are risk areas.",
    },
    "map_intro_national": {
        "nl": "Meldingen per gemeente, {start} tot en met {eind}. Kies links één gemeente om de zeshoeken en risicogebieden te zien.",
        "en": "Reports per municipality, {start} to {eind}. Choose one municipality on the left to see hexagons and risk areas.",
    },
    "map_section_density": {"nl": "Meldingen op de kaart", "en": "Reports on the map"},
    "map_section_before_after": {
        "nl": "Voor en na een campagne of maatregel",
        "en": "Before and after a campaign or measure",
    },
    "map_section_area": {"nl": "Risicogebied in de tijd", "en": "Risk area over time"},
    "map_legend_title": {"nl": "Legenda", "en": "Legend"},
    "map_legend_class": {"nl": "{klasse} meldingen", "en": "{klasse} reports"},
    "map_legend_suppressed": {
        "nl": 'grijs: minder dan {k} meldingen ("<{k}") of afgeschermd ("x")',
        "en": 'grey: fewer than {k} reports ("<{k}") or withheld ("x")',
    },
    # polish: perturbed maps draw no grey cells (ADR 0006), so the legend says what they do instead
    "map_legend_zero": {
        "nl": "grijs: 0 meldingen getoond (om melders te beschermen kan dat ook een paar meldingen zijn)",
        "en": "grey: 0 reports shown (to protect the people who reported, this can also be a few reports)",
    },
    "map_legend_perturbed_hexagons": {
        "nl": "Aantallen zijn licht veranderd om melders te beschermen. Zeshoeken met te weinig meldingen zijn weggelaten, of de kaart toont grotere zeshoeken.",
        "en": "Numbers are changed slightly to protect the people who reported. Hexagons with too few reports are left out, or the map shows larger hexagons.",
    },
    "map_legend_perturbed": {
        "nl": "Aantallen zijn licht veranderd om melders te beschermen.",
        "en": "Numbers are changed slightly to protect the people who reported.",
    },
    "map_legend_circle": {
        "nl": "cirkel: hoe groter, hoe meer meldingen in de gemeente",
        "en": "circle: the larger, the more reports in the municipality",
    },
    "map_legend_risk_area": {"nl": "zwarte lijn: risicogebied", "en": "black line: risk area"},
    "map_legend_more": {"nl": "{n} of meer meldingen erbij", "en": "{n} or more additional reports"},
    "map_legend_more_range": {"nl": "{lo} tot {hi} meldingen erbij", "en": "{lo} to {hi} additional reports"},
    "map_legend_more_one": {"nl": "{n} melding(en) erbij", "en": "{n} additional report(s)"},
    "map_legend_fewer_one": {"nl": "{n} melding(en) minder", "en": "{n} fewer report(s)"},
    "map_legend_same": {"nl": "evenveel", "en": "the same"},
    "map_legend_fewer_range": {"nl": "{lo} tot {hi} meldingen minder", "en": "{lo} to {hi} fewer reports"},
    "map_legend_fewer": {"nl": "{n} of meer meldingen minder", "en": "{n} or more fewer reports"},
    "map_legend_not_comparable": {
        "nl": "grijs: niet te vergelijken (een van beide aantallen is kleiner dan {k} of afgeschermd)",
        "en": "grey: not comparable (one of the two counts is below {k} or withheld)",
    },
    "map_privacy_note": {
        # issue 14: the map's counts are perturbed, no longer hidden
        "nl": "Privacy: meldingen zijn samengevoegd in zeshoeken (H3-resolutie {res}, ongeveer 0,7 km²); losse "
        "locaties worden nooit getoond. De aantallen zijn licht veranderd om melders te beschermen: een aantal "
        "onder de {k} wordt 0 (de zeshoek blijft dan leeg) of {k}, grotere aantallen wijken hooguit 2 af.",
        "en": "Privacy: reports are grouped into hexagons (H3 resolution {res}, about 0.7 km²); individual "
        "locations are never shown. The numbers have been changed slightly to protect the people who reported: "
        "a number below {k} becomes 0 (the hexagon is then left empty) or {k}, larger numbers differ by at most 2.",
    },
    # polish: the national map shows municipality totals, not hexagons
    "map_privacy_note_national": {
        "nl": "Privacy: de kaart toont alleen het totaal per gemeente; losse locaties worden nooit getoond. De aantallen "
        "zijn licht veranderd om melders te beschermen: meestal 0 tot 2 meer of minder.",
        "en": "Privacy: the map shows only each municipality's total; individual locations are never shown. The numbers "
        "have been changed slightly to protect the people who reported: usually by 0 to 2 up or down.",
    },
    "map_tooltip_hex": {"nl": "Meldingen: {label}", "en": "Reports: {label}"},
    "map_tooltip_wijk": {"nl": "Wijk {naam}", "en": "District {naam}"},
    "map_tooltip_area_count": {"nl": "Meldingen: {label}", "en": "Reports: {label}"},
    "map_tooltip_measures": {"nl": "Maatregelen: {maatregelen}", "en": "Measures: {maatregelen}"},
    "map_tooltip_change": {
        "nl": "Voor: {voor}, na: {na}, verschil: {verschil}",
        "en": "Before: {voor}, after: {na}, change: {verschil}",
    },
    "map_no_measures": {"nl": "geen vastgelegd", "en": "none recorded"},
    "map_alt_density": {
        "nl": "Kaart van {naam} met {cells} zeshoeken waar meldingen vandaan kwamen; de drukste zeshoek telt {top} meldingen, {hidden} zeshoeken met minder dan {k} meldingen zijn grijs; {areas} risicogebieden zijn zwart omlijnd.",
        "en": "Map of {naam} with {cells} hexagons that reports came from; the busiest hexagon has {top} reports, {hidden} hexagons with fewer than {k} reports are grey; {areas} risk areas are outlined in black.",
    },
    "map_alt_density_all_shown": {
        "nl": "Kaart van {naam} met {cells} zeshoeken waar meldingen vandaan kwamen; de drukste zeshoek telt {top} meldingen; {areas} risicogebieden zijn zwart omlijnd.",
        "en": "Map of {naam} with {cells} hexagons that reports came from; the busiest hexagon has {top} reports; {areas} risk areas are outlined in black.",
    },
    "map_alt_density_withheld": {
        "nl": "Kaart van {naam} zonder zeshoeken: er zijn zo weinig meldingen dat aantallen per zeshoek (minder dan {k}) uit het totaal terug te rekenen zouden zijn; {areas} risicogebieden zijn zwart omlijnd.",
        "en": "Map of {naam} without hexagons: there are so few reports that counts per hexagon (fewer than {k}) could be worked out from the total; {areas} risk areas are outlined in black.",
    },
    "map_alt_density_empty": {
        "nl": "Kaart van {naam} zonder meldingen in deze periode; {areas} risicogebieden zijn zwart omlijnd.",
        "en": "Map of {naam} without reports in this period; {areas} risk areas are outlined in black.",
    },
    # Trust audit: "elk van de 15 gemeenten in alle gemeenten" said neither which 15 nor why 15.
    "map_alt_national": {
        "nl": "Kaart van Nederland, {selectie}: een cirkel voor {n|de|elk van de} {n} {n|gemeente|gemeenten} met meldingen; de meeste meldingen kwamen uit {top} ({top_label}).",
        "en": "Map of the Netherlands, {selectie}: a circle for {n|the|each of the} {n} {n|municipality|municipalities} with reports; most reports came from {top} ({top_label}).",
    },
    "map_alt_national_empty": {
        "nl": "Kaart van Nederland: geen meldingen in {selectie} in deze periode.",
        "en": "Map of the Netherlands: no reports in {selectie} in this period.",
    },
    "map_alt_change": {
        "nl": "Kaart van de verandering rond {event}, {weeks} weken voor tegen {weeks} weken na: {more} {what} met meer meldingen, {fewer} met minder, {grey} niet te vergelijken (grijs).",
        "en": "Map of the change around {event}, {weeks} weeks before against {weeks} weeks after: {more} {what} with more reports, {fewer} with fewer, {grey} not comparable (grey).",
    },
    "map_alt_change_all_comparable": {
        "nl": "Kaart van de verandering rond {event}, {weeks} weken voor tegen {weeks} weken na: {more} {what} met meer meldingen, {fewer} met minder.",
        "en": "Map of the change around {event}, {weeks} weeks before against {weeks} weeks after: {more} {what} with more reports, {fewer} with fewer.",
    },
    "map_alt_trend_week": {
        "nl": "Lijngrafiek van meldingen per week in {naam}, {start} tot en met {eind}; {measures} {measures|maatregel is|maatregelen zijn} als stippellijn gemarkeerd; {hidden} {hidden|week|weken} met minder dan {k} meldingen {hidden|is|zijn} weggelaten.",
        "en": "Line chart of reports per week in {naam}, {start} to {eind}; {measures} {measures|measure is|measures are} marked with a dashed line; {hidden} {hidden|week|weeks} with fewer than {k} reports {hidden|is|are} left out.",
    },
    "map_alt_trend_month": {
        "nl": "Lijngrafiek van meldingen per maand in {naam}, {start} tot en met {eind} (per week te weinig om te tonen; een maand telt de hele weken die in die maand beginnen); {measures} {measures|maatregel is|maatregelen zijn} als stippellijn gemarkeerd; {hidden} {hidden|maand|maanden} met minder dan {k} meldingen {hidden|is|zijn} weggelaten.",
        "en": "Line chart of reports per month in {naam}, {start} to {eind} (too few per week to show; a month counts the whole weeks that begin in it); {measures} {measures|measure is|measures are} marked with a dashed line; {hidden} {hidden|month|months} with fewer than {k} reports {hidden|is|are} left out.",
    },
    # polish: no "0 weeks left out" where perturbation leaves nothing out; measures outside the period
    "map_alt_trend_week_all_shown": {
        "nl": "Lijngrafiek van meldingen per week in {naam}, {start} tot en met {eind}; {measures} {measures|maatregel is|maatregelen zijn} als stippellijn gemarkeerd.",
        "en": "Line chart of reports per week in {naam}, {start} to {eind}; {measures} {measures|measure is|measures are} marked with a dashed line.",
    },
    "map_alt_trend_month_all_shown": {
        "nl": "Lijngrafiek van meldingen per maand in {naam}, {start} tot en met {eind} (per week te weinig om te tonen; een maand telt de hele weken die in die maand beginnen); {measures} {measures|maatregel is|maatregelen zijn} als stippellijn gemarkeerd.",
        "en": "Line chart of reports per month in {naam}, {start} to {eind} (too few per week to show; a month counts the whole weeks that begin in it); {measures} {measures|measure is|measures are} marked with a dashed line.",
    },
    "map_trend_measures_outside": {
        "nl": "{n|Een maatregel buiten|Maatregelen buiten} de gekozen periode ({maatregelen}) {n|staat|staan} niet in de grafiek; kies een langere periode om {n|hem|ze} te zien.",
        "en": "{n|A measure|Measures} outside the chosen period ({maatregelen}) {n|is|are} not in the chart; choose a longer period to see {n|it|them}.",
    },
    # audit 2: a period without a whole month (or week) gets a sentence, not an empty dated chart
    "map_trend_no_whole_month": {
        "nl": "Geen lijn voor {naam}: per week zijn er hier te weinig meldingen om te tonen, dus telt de grafiek hele kalendermaanden, en in {start} tot en met {eind} valt geen hele maand. Kies een periode met minstens één hele maand; het aantal hierboven telt wel de hele weken van de gekozen periode.",
        "en": "No line for {naam}: there are too few reports per week here to show, so the chart counts whole calendar months, and {start} to {eind} holds no whole month. Choose a period with at least one whole month; the count above does cover the whole weeks of the chosen period.",
    },
    "map_trend_no_whole_week": {
        "nl": "Geen lijn voor {naam}: de grafiek telt hele weken (maandag tot en met zondag), en in {start} tot en met {eind} valt geen hele week. Kies een langere periode.",
        "en": "No line for {naam}: the chart counts whole weeks (Monday to Sunday), and {start} to {eind} holds no whole week. Choose a longer period.",
    },
    "map_trend_axis_week": {"nl": "Meldingen per week", "en": "Reports per week"},
    "map_trend_axis_month": {"nl": "Meldingen per maand", "en": "Reports per month"},
    "map_unit_hexes_r8": {"nl": "zeshoeken (ongeveer 0,7 km²)", "en": "hexagons (about 0.7 km²)"},
    "map_unit_hexes_r7": {
        "nl": "grotere zeshoeken (ongeveer 5 km², omdat er per kleine zeshoek te weinig meldingen waren)",
        "en": "larger hexagons (about 5 km², because small hexagons had too few reports)",
    },
    "map_unit_municipalities": {"nl": "gemeenten", "en": "municipalities"},
    "map_unit_hexes_r8_one": {"nl": "zeshoek (ongeveer 0,7 km²)", "en": "hexagon (about 0.7 km²)"},
    "map_unit_hexes_r7_one": {
        "nl": "grotere zeshoek (ongeveer 5 km², omdat er per kleine zeshoek te weinig meldingen waren)",
        "en": "larger hexagon (about 5 km², because small hexagons had too few reports)",
    },
    "map_unit_municipalities_one": {"nl": "gemeente", "en": "municipality"},
    "map_col_hex": {"nl": "Zeshoek (H3)", "en": "Hexagon (H3)"},
    "map_col_area": {"nl": "Risicogebied", "en": "Risk area"},
    "map_col_measures": {"nl": "Maatregelen", "en": "Measures"},
    "map_col_before": {"nl": "Voor", "en": "Before"},
    "map_col_after": {"nl": "Na", "en": "After"},
    "map_col_change": {"nl": "Verschil", "en": "Change"},
    "map_measure_verlichting": {"nl": "betere verlichting", "en": "better lighting"},
    "map_measure_camera": {"nl": "camera's", "en": "cameras"},
    "map_measure_suswachters": {"nl": "suswachters", "en": "de-escalation stewards"},
    "map_measure_hangplek_verplaatst": {"nl": "hangplek verplaatst", "en": "hangout moved"},
    "map_measure_politie_inzet": {"nl": "inzet politie en boa's", "en": "police and enforcement officers"},
    "map_measure_inrichting": {"nl": "herinrichting", "en": "redesign of the space"},
    "map_area_type_uitgaansgebied": {"nl": "uitgaansgebied", "en": "nightlife area"},
    "map_area_type_station_ov": {"nl": "station of ov-knooppunt", "en": "station or transport hub"},
    "map_area_type_park": {"nl": "park", "en": "park"},
    "map_area_type_route": {"nl": "route", "en": "route"},
    "map_area_type_campus": {"nl": "campus", "en": "campus"},
    "map_area_type_winkelgebied": {"nl": "winkelgebied", "en": "shopping area"},
    "map_event": {"nl": "Campagne of maatregel", "en": "Campaign or measure"},
    "map_event_campaign": {"nl": "Campagne: {naam} (vanaf {start})", "en": "Campaign: {naam} (from {start})"},
    "map_event_measure": {
        "nl": "Maatregel: {maatregel} bij {naam} (vanaf {start})",
        "en": "Measure: {maatregel} at {naam} (from {start})",
    },
    "map_no_events": {
        "nl": "Er zijn geen campagnes of maatregelen in deze selectie om voor en na te vergelijken.",
        "en": "There are no campaigns or measures in this selection to compare before and after.",
    },
    "map_window_weeks": {"nl": "Weken voor en na", "en": "Weeks before and after"},
    "map_windows": {
        "nl": "Voor: {b_start} tot en met {b_end}. Na: {a_start} tot en met {a_end} ({weeks} weken elk; de week waarin het begon telt als na).",
        "en": "Before: {b_start} to {b_end}. After: {a_start} to {a_end} ({weeks} weeks each; the week it started counts as after).",
    },
    "map_windows_shortened": {
        "nl": "De gegevens lopen niet ver genoeg; beide periodes zijn ingekort tot {weeks} weken.",
        "en": "The data does not reach far enough; both periods were shortened to {weeks} weeks.",
    },
    # issue 18: before/after is offered only where the week before the event has data
    "map_events_left_out": {
        "nl": "{n} campagnes of maatregelen staan niet in de lijst: in de week ervoor waren er nog geen meldingen of geen meldpunt, dus er is geen 'voor' om mee te vergelijken.",
        "en": "{n} campaigns or measures are not in the list: in the week before them there were no reports on record yet or no reporting point, so there is no 'before' to compare with.",
    },
    "map_events_left_out_one": {
        "nl": "1 campagne of maatregel staat niet in de lijst: in de week ervoor waren er nog geen meldingen of geen meldpunt, dus er is geen 'voor' om mee te vergelijken.",
        "en": "1 campaign or measure is not in the list: in the week before it there were no reports on record yet or no reporting point, so there is no 'before' to compare with.",
    },
    "map_no_events_before": {
        "nl": "Voor geen enkele campagne of maatregel in deze selectie zijn er meldingen in de week ervoor (nog geen gegevens of geen meldpunt), dus er is geen 'voor' om mee te vergelijken.",
        "en": "No campaign or measure in this selection has reports in the week before it (no data yet or no reporting point), so there is no 'before' to compare with.",
    },
    "map_no_window": {
        "nl": "Er zijn geen hele weken met gegevens voor én na deze datum.",
        "en": "There are no whole weeks of data both before and after this date.",
    },
    # smallfix item 5: windows shortened below the slider's minimum are not compared
    "map_window_too_short": {
        "nl": "De gegevens reiken maar {weeks} {weeks|week|weken} voor of na deze datum; dat is te kort om te vergelijken: het verschil tussen zulke korte periodes is vooral de kleine verandering die de aantallen krijgen om melders te beschermen. Er zijn minstens {minimum} weken aan beide kanten nodig.",
        "en": "The data reach only {weeks} {weeks|week|weeks} before or after this date; that is too short to compare: the difference between such short periods is mostly the slight change the numbers get to protect the people who reported. At least {minimum} weeks on each side are needed.",
    },
    "map_area_density_table_title": {
        "nl": "Risicogebieden op de kaart: meldingen en maatregelen",
        "en": "Risk areas on the map: reports and measures",
    },
    "map_area_table_title": {
        "nl": "Risicogebieden: meldingen voor en na",
        "en": "Risk areas: reports before and after",
    },
    "map_area_select": {"nl": "Kies een risicogebied", "en": "Choose a risk area"},
    "map_area_select_help": {
        "nl": "Of klik een risicogebied aan op de kaart.",
        "en": "Or click a risk area on the map.",
    },
    "map_area_none": {"nl": "(geen gekozen)", "en": "(none chosen)"},
    "map_no_risk_areas": {
        "nl": "Voor deze selectie zijn geen risicogebieden vastgelegd.",
        "en": "No risk areas are recorded for this selection.",
    },
    "map_area_summary": {
        "nl": "**{naam}** ({soort}, {gemeente}): {label} meldingen in de gekozen periode. Maatregelen: {maatregelen}.",
        "en": "**{naam}** ({soort}, {gemeente}): {label} reports in the chosen period. Measures: {maatregelen}.",
    },
    "map_export_total": {"nl": "Totaal", "en": "Total"},
    # --- activities and comparison pages (Activiteiten, Vergelijken) ----------------------
    # --- import and access (Gegevens) -----------------------------------------------------
    # --- presentation and exports (Presenteren) -------------------------------------------
    "slide_kerncijfers": {"nl": "{selectie} in cijfers", "en": "{selectie} in figures"},
    "slide_trend": {"nl": "Meldingen door de tijd, met campagnes", "en": "Reports over time, with campaigns"},
    "slide_effect": {"nl": "Wat deed de laatste campagne?", "en": "What did the latest campaign do?"},
    "slide_kaart": {"nl": "Waar kwamen de meldingen vandaan?", "en": "Where did the reports come from?"},
    "slide_activiteiten": {"nl": "Wat er gedaan is: activiteiten", "en": "What was done: activities"},
    "slide_geleerd": {"nl": "Wat we leerden", "en": "What we learned"},
    "present_effect_one_municipality": {
        "nl": "Een campagne-effect wordt per gemeente geschat: kies één gemeente onder ‘Selectie wijzigen’.",
        "en": "A campaign effect is estimated per municipality: choose one municipality under ‘Change selection’.",
    },
    # Trust audit: the effect slide's campaign can lie before the deck's period.
    "present_effect_before_period": {
        "nl": "Deze campagne liep vóór de gekozen periode (die begint op {van}); het is de laatste campagne waarvan het effect te schatten is.",
        "en": "This campaign ran before the chosen period (which starts on {van}); it is the latest campaign whose effect can be estimated.",
    },
    "present_no_campaign": {
        "nl": "{naam} had tot het einde van de periode geen campagne.",
        "en": "{naam} had no campaign up to the end of the period.",
    },
    "present_no_estimate": {
        "nl": "Voor geen enkele campagne van {naam} is een schatting mogelijk. {reden}",
        "en": "No campaign of {naam} can be estimated. {reden}",
    },
    "caveat_willingness": {
        "nl": "Meer meldingen betekent vaak dat mensen eerder melden (meldingsbereidheid), niet per se dat er meer intimidatie is; een campagne die naar het meldpunt verwijst verhoogt juist de meldingsbereidheid.",
        "en": "More reports often means people are more willing to report, not necessarily that there is more harassment; a campaign pointing to the reporting point raises that willingness.",
    },
    # Trust audit: counts are perturbed (ADR 0006), no longer shown as "<5"; said as the pages say it.
    "caveat_small_numbers": {
        "nl": "Om melders te beschermen zijn de aantallen licht veranderd: meestal 0 tot 2 meer of minder, en een aantal onder de {k} wordt 0 of {k} of meer; bij kleine aantallen zegt een procentuele verandering weinig.",
        "en": "To protect people who report, the numbers have been changed slightly: usually by 0 to 2, and a number below {k} becomes 0 or {k} or more; with small numbers a percentage change says little.",
    },
    "caveat_covid": {
        "nl": "De periode of het vergelijkingsjaar valt (deels) in de coronatijd (maart 2020 – juni 2021): minder uitgaan en minder mensen op straat gaven minder meldingen, en veel activiteiten werden uitgesteld.",
        "en": "The period or the comparison year falls (partly) in the Covid-19 period (March 2020 – June 2021): less nightlife and fewer people outside meant fewer reports, and many activities were postponed.",
    },
    "caveat_channel": {
        "nl": "In deze periode of het vergelijkingsjaar startte een meldkanaal: {kanalen}. Een nieuw kanaal verandert het aantal meldingen op zichzelf; dat is een breuk in de reeks, geen verandering in intimidatie.",
        "en": "A reporting channel started in this period or the comparison year: {kanalen}. A new channel changes the number of reports by itself; it is a break in the series, not a change in harassment.",
    },
    "caveat_law": {
        "nl": "Sinds {datum} is seksuele intimidatie op straat strafbaar (Wet seksuele misdrijven). Meldingen van vóór en na die datum zijn niet zonder meer te vergelijken.",
        "en": "Since {datum} sexual harassment in public is a criminal offence (Sexual Offences Act). Reports from before and after that date cannot simply be compared.",
    },
    "learned_top_area": {
        "nl": "Van de risicogebieden kwamen de meeste meldingen uit {naam} ({n}).",
        "en": "Of the risk areas, most reports came from {naam} ({n}).",
    },
    "learned_activities": {
        "nl": "Er {n|liep|liepen} {n} {n|activiteit|activiteiten}, de meeste in de categorie {categorie} ({m}).",
        "en": "{n} {n|activity|activities} ran, most of them in the category {categorie} ({m}).",
    },
    "week_of": {"nl": "de week van {datum}", "en": "the week of {datum}"},
    "reports_week_axis": {"nl": "Meldingen per week", "en": "Reports per week"},
    "reports_month_axis": {"nl": "Meldingen per maand", "en": "Reports per month"},
    # issue 17: Overzicht draws its charts server-side (a short period is drawn per day) and links
    # to the pages that show them interactively
    "reports_day_axis": {"nl": "Meldingen per dag", "en": "Reports per day"},
    "overview_trend_interactive": {
        "nl": "Interactief bekijken op Meldingen",
        "en": "Explore interactively on Reports",
    },
    "overview_activities_interactive": {
        "nl": "Interactief bekijken op Activiteiten",
        "en": "Explore interactively on Activities",
    },
    "present_previous": {"nl": "Vorige periode ({periode}): {n}", "en": "Preceding period ({periode}): {n}"},
    # issue 19: the willingness to report on the key-figure slide, next to the rate
    "deck_ratio_note": {
        "nl": "meldingen per jaar per 1.000 mensen die straatintimidatie meemaakten (95%: {interval}); meegemaakt: {aandeel} (Veiligheidsmonitor {jaren}){dekking}",
        "en": "reports per year per 1,000 people who experienced street harassment (95%: {interval}); experienced: {aandeel} (Safety Monitor {jaren}){dekking}",
    },
    "deck_ratio_survey_only": {
        "nl": "meegemaakt: {aandeel} (Veiligheidsmonitor {jaren}){dekking}; geen meldingsbereidheid zonder gepubliceerde meldingen",
        "en": "experienced: {aandeel} (Safety Monitor {jaren}){dekking}; no willingness to report without published reports",
    },
    "deck_no_survey": {
        "nl": "geen enquêtecijfer (Veiligheidsmonitor) voor deze selectie",
        "en": "no survey figure (Safety Monitor) for this selection",
    },
    "deck_survey_coverage": {"nl": ", {n} van {totaal} gemeenten", "en": ", {n} of {totaal} municipalities"},
    "present_effect_numbers": {
        "nl": "Verwacht zonder campagne: {verwacht} (95%: {laag} tot {hoog}); binnengekomen: {gemeld}; verschil {pct}.",
        "en": "Expected without campaign: {verwacht} (95%: {laag} to {hoog}); received: {gemeld}; difference {pct}.",
    },
    "present_no_bands": {
        "nl": "Geen campagnes in deze periode.",
        "en": "No campaigns in this period.",
    },
    "present_bands": {"nl": "Campagnes (gearceerd): {campagnes}.", "en": "Campaigns (shaded): {campagnes}."},
    "present_map_note": {
        "nl": "Kleur: meldingen per zeshoek van ± 0,7 km²; grijs gearceerd: minder dan {k}. Oranje omlijnd: risicogebieden, met hun aantal meldingen:",
        "en": "Colour: reports per hexagon of ± 0.7 km²; grey hatched: fewer than {k}. Outlined in orange: risk areas, with their number of reports:",
    },
    # polish: the deck's map of perturbed counts has no grey hatching to explain
    "present_map_note_perturbed": {
        "nl": "Kleur: meldingen per zeshoek van ± 0,7 km² (licht veranderd om melders te beschermen; zeshoeken met te weinig meldingen zijn weggelaten). Oranje omlijnd: risicogebieden, met hun aantal meldingen:",
        "en": "Colour: reports per hexagon of ± 0.7 km² (changed slightly to protect the people who reported; hexagons with too few reports are left out). Outlined in orange: risk areas, with their number of reports:",
    },
    "present_more_areas": {"nl": "en nog {n} risicogebieden", "en": "and {n} more risk areas"},
    "present_no_areas": {"nl": "Geen risicogebieden vastgelegd.", "en": "No risk areas recorded."},
    # issue 18 (deck files): the slide kinds beyond the default six, alternative texts, speaker notes
    "present_no_peers": {
        "nl": "Voor {naam} zijn geen vergelijkbare gemeenten met gepubliceerde cijfers.",
        "en": "There are no comparable municipalities with published figures for {naam}.",
    },
    "present_no_lessons": {
        "nl": "Bij de activiteiten van deze selectie zijn nog geen uitkomsten of lessen vastgelegd.",
        "en": "No outcomes or lessons have been recorded for the activities of this selection yet.",
    },
    "present_no_activities": {
        "nl": "In deze periode zijn geen activiteiten vastgelegd.",
        "en": "No activities were recorded in this period.",
    },
    "peers_selection": {"nl": "deze selectie", "en": "this selection"},
    "deck_peers_line": {
        "nl": "{naam}: {waarde} per 10.000 inwoners per jaar (95%: {laag} tot {hoog})",
        "en": "{naam}: {waarde} per 10,000 inhabitants per year (95%: {laag} to {hoog})",
    },
    "peers_axis": {
        "nl": "Meldingen per 10.000 inwoners per jaar, met 95%-interval",
        "en": "Reports per 10,000 inhabitants per year, with 95% interval",
    },
    "peers_not_published": {"nl": "niet gepubliceerd", "en": "not published"},
    "lessons_outcome": {"nl": "Uitkomst: {uitkomst}", "en": "Outcome: {uitkomst}"},
    "deck_alt_trend": {
        "nl": "Lijngrafiek: {as_} in {selectie}, {periode}.",
        "en": "Line chart: {as_} in {selectie}, {periode}.",
    },
    "deck_alt_trend_peak": {
        "nl": "Hoogste punt: {n} meldingen in {wanneer}.",
        "en": "Highest point: {n} reports in {wanneer}.",
    },
    "deck_alt_trend_previous": {
        "nl": "Een gestippelde grijze lijn toont dezelfde periode vorig jaar.",
        "en": "A dotted grey line shows the same period last year.",
    },
    "deck_alt_effect": {
        "nl": "Staafgrafiek van de campagne {campagne}: links de meldingen die zonder campagne verwacht werden, met hun 95%-interval; rechts de meldingen die binnenkwamen.",
        "en": "Bar chart of the campaign {campagne}: left the reports expected without the campaign, with their 95% interval; right the reports received.",
    },
    "deck_alt_activities": {
        "nl": "Staafgrafiek van de activiteiten per categorie in {selectie}: {items}.",
        "en": "Bar chart of the activities per category in {selectie}: {items}.",
    },
    "deck_alt_map": {
        "nl": "Kaart van {selectie} met de dichtheid van de meldingen en de risicogebieden.",
        "en": "Map of {selectie} with the density of reports and the risk areas.",
    },
    "deck_alt_peers": {
        "nl": "Puntgrafiek met 95%-intervallen van de meldingen per 10.000 inwoners per jaar.",
        "en": "Dot chart with 95% intervals of the reports per 10,000 inhabitants per year.",
    },
    "notes_key_figures": {
        "nl": "In de periode {periode} kwamen in {selectie} {n} meldingen binnen: {rate} per 10.000 inwoners per jaar, {change} ten opzichte van de vorige periode.",
        "en": "In the period {periode}, {selectie} received {n} reports: {rate} per 10,000 inhabitants per year, {change} compared with the preceding period.",
    },
    "notes_caveats": {"nl": "Kanttekeningen:", "en": "Caveats:"},
    "notes_own": {"nl": "Eigen aantekeningen:", "en": "Own notes:"},
    "notes_lessons": {
        "nl": "Uitkomsten en lessen uit het activiteitenregister (aantal: {n}).",
        "en": "Outcomes and lessons from the activity register (number: {n}).",
    },
    "deck_document_title": {
        "nl": "Veilige Steden: {selectie}, {periode}",
        "en": "Safe Cities: {selectie}, {periode}",
    },
    "summary_title": {
        "nl": "Raadsinformatie: aanpak straatintimidatie, {selectie}",
        "en": "Council information: tackling street harassment, {selectie}",
    },
    "summary_opening": {
        "nl": "Deze brief vat samen wat er in {selectie} in de periode {periode} gebeurde in de aanpak van straatintimidatie en seksuele intimidatie in de openbare ruimte, en wat er veranderde in de meldingen.",
        "en": "This letter summarises what happened in {selectie} in the period {periode} in tackling street harassment and sexual harassment in public space, and what changed in the reports.",
    },
    "summary_activities": {
        "nl": "Er {n|liep|liepen} {n} {n|activiteit|activiteiten}: {verdeling}.",
        "en": "{n} {n|activity|activities} ran: {verdeling}.",
    },
    "summary_no_activities": {
        "nl": "Er zijn in deze periode geen activiteiten vastgelegd.",
        "en": "No activities were recorded in this period.",
    },
    "summary_campaigns": {
        "nl": "Er {n|liep|liepen} {n} {n|campagne|campagnes}{n|:|, waaronder} {namen}.",
        "en": "{n} {n|campaign|campaigns} ran{n|:|, including} {namen}.",
    },
    "summary_campaign_one": {"nl": "Er liep één campagne: {namen}.", "en": "One campaign ran: {namen}."},
    "summary_no_campaigns": {"nl": "Er liep geen campagne.", "en": "No campaign ran."},
    "summary_reports": {
        "nl": "Bij het meldpunt kwamen {n} meldingen binnen, {per10k} per 10.000 inwoners.",
        "en": "The reporting point received {n} reports, {per10k} per 10,000 inhabitants.",
    },
    "summary_too_few": {
        "nl": "Er kwamen zo weinig meldingen binnen ({n}) dat we het aantal niet noemen en niet met vorig jaar vergelijken; dat beschermt de melders (aantallen onder {k} noemen we niet).",
        "en": "So few reports came in ({n}) that we do not give the number or compare it with last year; this protects the people who reported (we do not give counts below {k}).",
    },
    "summary_more": {
        "nl": "Dat is {pct} meer dan in de vorige periode van dezelfde lengte ({vorig}).",
        "en": "That is {pct} more than in the preceding period of the same length ({vorig}).",
    },
    "summary_less": {
        "nl": "Dat is {pct} minder dan in de vorige periode van dezelfde lengte ({vorig}).",
        "en": "That is {pct} fewer than in the preceding period of the same length ({vorig}).",
    },
    "summary_effect": {
        "nl": "Voor de meest recente campagne, {naam}, is geschat hoeveel meldingen er zonder campagne verwacht werden.",
        "en": "For the most recent campaign, {naam}, we estimated how many reports were expected without the campaign.",
    },
    "summary_caveats_intro": {
        "nl": "Bij deze cijfers horen kanttekeningen.",
        "en": "These figures come with caveats.",
    },
    "summary_demo": {
        "nl": "Let op: deze samenvatting is gemaakt met demodata. De cijfers zijn fictief en gaan niet over echte meldingen.",
        "en": "Note: this summary was made with demo data. The figures are fictitious and are not about real reports.",
    },
    # smallfix item 1: each table download names its chart or map, so two buttons on one page never
    # share a name (screen readers read the label; a council member sees which table it is).
    "download_csv": {"nl": "CSV: {naam}", "en": "CSV: {naam}"},
    "download_xlsx": {"nl": "Excel: {naam}", "en": "Excel: {naam}"},
    "download_table_help": {
        "nl": "De tabel achter deze figuur, met de selectie, de periode en de bescherming van melders in een toelichting.",
        "en": "The table behind this figure, with the selection, the period and the protection of reporters in a note.",
    },
    # fpbrowser: Overzicht groups its table downloads in one expander, drawn when opened (browser work).
    "downloads_panel": {"nl": "Tabellen downloaden (CSV, Excel)", "en": "Download tables (CSV, Excel)"},
    "downloads_panel_help": {
        "nl": "De tabellen achter de kerncijfers en de figuren op deze pagina, met de selectie, de periode "
        "en de bescherming van melders in een toelichting.",
        "en": "The tables behind the key figures and the charts on this page, with the selection, the period "
        "and the protection of reporters in a note.",
    },
    "download_name_overview_key_figures": {"nl": "kerncijfers", "en": "key figures"},
    # english3: download file names and the data sheet's name in the reader's language (the file name
    # is the figure's download name, vsdash.plain_text.file_stem); Dutch names stay Dutch.
    "file_deck": {"nl": "veilige-steden", "en": "safe-cities"},
    "file_all": {"nl": "alle", "en": "all"},
    "file_summary": {"nl": "samenvatting", "en": "summary"},
    "file_council_letter": {"nl": "raadsinformatiebrief", "en": "council-letter"},
    "file_activities": {"nl": "activiteiten", "en": "activities"},
    "file_template": {"nl": "sjabloon", "en": "template"},
    "file_refused": {"nl": "geweigerd", "en": "refused"},
    "sheet_data": {"nl": "gegevens", "en": "data"},
    "download_name_overview_trend": {"nl": "meldingen in de tijd", "en": "reports over time"},
    "download_name_overview_activities": {"nl": "activiteiten per categorie", "en": "activities by category"},
    "download_name_reports_trend": {"nl": "meldingen in de tijd", "en": "reports over time"},
    "download_name_reports_by_categorie": {"nl": "meldingen per soort", "en": "reports by kind"},
    "download_name_reports_by_kanaal": {"nl": "meldingen per meldkanaal", "en": "reports by channel"},
    "download_name_reports_rate": {
        "nl": "meldingen per 10.000 inwoners",
        "en": "reports per 10,000 inhabitants",
    },
    "download_name_reports_heat": {"nl": "meldingen per dag en uur", "en": "reports by day and hour"},
    "download_name_campaign_timeline": {"nl": "tijdlijn campagnes", "en": "campaign timeline"},
    "download_name_effect_counterfactual": {"nl": "effect van de campagne", "en": "effect of the campaign"},
    "download_name_campaign_forest": {"nl": "alle campagnes vergeleken", "en": "all campaigns compared"},
    "download_name_kaart_map": {"nl": "meldingen op de kaart", "en": "reports on the map"},
    "download_name_kaart_trend": {"nl": "risicogebied in de tijd", "en": "risk area over time"},
    "download_name_kaart_voor_na": {"nl": "voor en na", "en": "before and after"},
    "download_name_cmp_map": {"nl": "kaart van de deelnemers", "en": "map of the participants"},
    "download_name_cmp_ranked": {
        "nl": "ranglijst per 10.000 inwoners",
        "en": "ranking per 10,000 inhabitants",
    },
    "download_name_cmp_ratio": {"nl": "meldingsbereidheid", "en": "willingness to report"},
    "download_name_cmp_trends": {"nl": "verloop per gemeente", "en": "trend per municipality"},
    "download_name_cmp_memberships": {"nl": "deelname aan programma's", "en": "programme membership"},
    "download_name_act_status_chart": {"nl": "gepland en gerealiseerd", "en": "planned and realised"},
    "download_name_act_timeline": {"nl": "tijdlijn activiteiten", "en": "activity timeline"},
    "download_name_prog_participants": {"nl": "deelnemers per jaar", "en": "participants per year"},
    "download_name_prog_funding": {"nl": "financiering per maand", "en": "funding per month"},
    # issue 18: spreadsheets with numbers as numbers and a "Toelichting" sheet (vsdash/spreadsheets.py)
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "sheet_low": {"nl": "laag", "en": "low"},
    "sheet_high": {"nl": "hoog", "en": "high"},
    "sheet_protection": {"nl": "Bescherming", "en": "Protection"},
    "sheet_note": {"nl": "toelichting", "en": "note"},
    "sheet_hidden": {
        "nl": "afgeschermd: te klein aantal, niet getoond",
        "en": "withheld: count too small, not shown",
    },
    "sheet_perturbed": {
        "nl": "licht veranderd om melders te beschermen",
        "en": "changed slightly to protect the people who reported",
    },
    "sheet_demo": {"nl": "Demodata", "en": "Demo data"},
    "sheet_about": {"nl": "Toelichting", "en": "About"},
    "sheet_about_title": {"nl": "Tabel", "en": "Table"},
    "key_figures_table": {"nl": "Kerncijfers", "en": "Key figures"},
    "sheet_about_selection": {"nl": "Selectie", "en": "Selection"},
    "sheet_about_source": {"nl": "Bron", "en": "Source"},
    "sheet_about_privacy": {"nl": "Privacy", "en": "Privacy"},
    "sheet_source_default": {
        "nl": "Veilige Steden-dashboard: meldpunten en apps van de gemeenten, campagnekalender en "
        "activiteitenregister (import of demodata); inwoners: CBS StatLine 03759NED.",
        "en": "Safe Cities dashboard: the municipalities' reporting points and apps, campaign calendar and "
        "activity register (import or demo data); inhabitants: CBS StatLine 03759NED.",
    },
    # audit 2: a file without counts of reports (the activity register) was said to be perturbed
    "sheet_privacy_none": {
        "nl": "Dit bestand bevat geen aantallen meldingen; de getallen erin (zoals bereik en budget) staan er zoals ze zijn ingevoerd, niet veranderd.",
        "en": "This file holds no counts of reports; its numbers (such as reach and budget) are as they were entered, not changed.",
    },
    "sheet_privacy_cells": {
        "nl": "De kolom Bescherming zegt per regel of een aantal licht veranderd of afgeschermd is; een "
        "afgeschermde cel is leeg.",
        "en": "The Protection column says per row whether a count was changed slightly or withheld; a "
        "withheld cell is empty.",
    },
    "sheet_definitions": {"nl": "Definities van de indicatoren", "en": "Definitions of the indicators"},
    "sheet_def_id": {"nl": "Indicator", "en": "Indicator"},
    "sheet_def_name": {"nl": "Naam", "en": "Name"},
    "sheet_def_definition": {"nl": "Definitie", "en": "Definition"},
    "sheet_def_unit": {"nl": "Eenheid", "en": "Unit"},
    "sheet_def_denominator": {"nl": "Noemer", "en": "Denominator"},
    "sheet_def_period": {"nl": "Periode", "en": "Period"},
    "sheet_def_privacy": {"nl": "Privacy", "en": "Privacy"},
    "sheet_def_source": {"nl": "Bron", "en": "Source"},
    "municipality_code": {"nl": "Gemeentecode", "en": "Municipality code"},
    "district_code": {"nl": "Wijkcode", "en": "District code"},
    "counts_sheet": {"nl": "meldingen", "en": "reports"},
    "counts_title_gemeente": {"nl": "Meldingen per gemeente", "en": "Reports per municipality"},
    "counts_title_wijk": {"nl": "Meldingen per wijk", "en": "Reports per district"},
    # smallfix item 4: a municipality's total in the wijk export is its key figure
    "counts_col_note": {"nl": "Toelichting", "en": "Note"},
    "counts_wijk_total_note": {
        "nl": "Het totaal van een gemeente is haar kerncijfer, zoals Overzicht het toont. De wijken tellen niet "
        "precies op tot het totaal: elk aantal is apart licht veranderd om melders te beschermen, en meldingen "
        "zonder wijk tellen alleen in het totaal.",
        "en": "A municipality's total is its key figure, as Overview shows it. The districts do not add up "
        "exactly to the total: each number was changed slightly on its own to protect the people who "
        "reported, and reports without a district count only in the total.",
    },
    "counts_title_week": {"nl": "Meldingen per week", "en": "Reports per week"},
    # wijkblocks: the week export's total is its weeks, and may differ from the key figure
    "counts_week_total_note": {
        "nl": "Het totaal is de som van de weken hierboven. Het kan afwijken van het kerncijfer op Overzicht: "
        "dat telt in hele maanden waar de periode uit hele kalendermaanden bestaat of de aantallen klein zijn, "
        "en elk aantal is apart licht veranderd om melders te beschermen.",
        "en": "The total is the sum of the weeks above. It may differ from the key figure on Overview: that "
        "counts whole months where the period consists of whole calendar months or counts are small, and "
        "each number was changed slightly on its own to protect the people who reported.",
    },
    "share_link": {"nl": "Link naar deze weergave", "en": "Link to this view"},
    # audit 3: a shared link whose period or codes are not shown as asked says so, once
    "link_period_moved": {
        "nl": "De link vroeg om {asked}, maar er zijn alleen gegevens over {data}. Getoond: {shown}.",
        "en": "The link asked for {asked}, but there are data only for {data}. Shown: {shown}.",
    },
    "link_unknown_municipality": {
        "nl": "De link noemt gemeente {code}, maar die staat niet in de gegevens. Getoond: alle gemeenten.",
        "en": "The link names municipality {code}, which is not in the data. Shown: all municipalities.",
    },
    "link_unknown_programme": {
        "nl": "De link noemt programma {code}, maar dat staat niet in de gegevens. Getoond: alle programma's.",
        "en": "The link names programme {code}, which is not in the data. Shown: all programmes.",
    },
    "share_link_help": {
        "nl": "Met deze link opent iemand anders dezelfde pagina met dezelfde selectie.",
        "en": "With this link someone else opens the same page with the same selection.",
    },
    "present_previous_slide": {"nl": "Vorige", "en": "Previous"},
    "present_next_slide": {"nl": "Volgende", "en": "Next"},
    "present_slide_of": {"nl": "Dia {n} van {totaal}", "en": "Slide {n} of {totaal}"},
    "present_keys_help": {
        "nl": "Pijltjestoetsen ← → bladeren ook.",
        "en": "Arrow keys ← → also step through the slides.",
    },
    "present_change_selection": {"nl": "Selectie wijzigen", "en": "Change selection"},
    "present_apply": {"nl": "Toepassen", "en": "Apply"},
    "present_back": {"nl": "Terug naar het dashboard", "en": "Back to the dashboard"},
    "present_downloads": {
        "nl": "Meenemen: presentatie en samenvatting",
        "en": "Take away: presentation and summary",
    },
    "present_download_pptx": {
        "nl": "PowerPoint (bewerkbare grafieken)",
        "en": "PowerPoint (editable charts)",
    },
    "present_download_pdf": {"nl": "PDF", "en": "PDF"},
    "present_download_summary": {"nl": "Samenvatting (.md)", "en": "Summary (.md)"},
    "present_download_summary_txt": {"nl": "Samenvatting (.txt)", "en": "Summary (.txt)"},
    # issue 18: the council summary as a raadsinformatiebrief (.docx, vsdash/council_letter.py)
    "present_download_letter": {"nl": "Raadsinformatiebrief (.docx)", "en": "Council letter (.docx)"},
    "letter_to": {"nl": "Aan", "en": "To"},
    "letter_to_council": {"nl": "De leden van de gemeenteraad", "en": "The members of the municipal council"},
    "letter_subject_label": {"nl": "Onderwerp", "en": "Subject"},
    "letter_subject": {
        "nl": "Aanpak straatintimidatie: activiteiten, campagnes en meldingen",
        "en": "Tackling street harassment: activities, campaigns and reports",
    },
    "letter_date": {"nl": "Datum", "en": "Date"},
    "letter_author": {"nl": "Veilige Steden-dashboard", "en": "Safe Cities dashboard"},
    # Audit 3: the English letter's document properties said "straatintimidatie; demodata".
    "letter_keywords": {"nl": "Veilige Steden; straatintimidatie", "en": "Veilige Steden; street harassment"},
    "letter_keyword_demo": {"nl": "demodata", "en": "demo data"},
    "letter_h_occasion": {"nl": "Aanleiding", "en": "Occasion"},
    "letter_h_done": {"nl": "Wat er gebeurde", "en": "What happened"},
    "letter_h_changed": {"nl": "Wat er veranderde in de meldingen", "en": "What changed in the reports"},
    "letter_h_figures": {"nl": "Kerncijfers", "en": "Key figures"},
    "letter_h_caveats": {"nl": "Kanttekeningen", "en": "Caveats"},
    "letter_h_sources": {"nl": "Bronnen", "en": "Sources"},
    "letter_col_figure": {"nl": "Cijfer", "en": "Figure"},
    "letter_col_value": {"nl": "Waarde", "en": "Value"},
    "letter_col_note": {"nl": "Toelichting", "en": "Note"},
    "letter_population_year": {
        "nl": "Inwoners op 1 januari {jaar} (CBS)",
        "en": "Inhabitants on 1 January {jaar} (CBS)",
    },
    "letter_definitions_source": {
        "nl": "Definities van de cijfers: de indicatorencatalogus van het dashboard (docs/indicatoren.md).",
        "en": "Definitions of the figures: the dashboard's indicator catalogue (docs/indicatoren.md).",
    },
    "present_summary": {"nl": "Samenvatting voor de raad", "en": "Summary for the council"},
    # --- issue 18: presentation builder (composition, peers, lessons) ---------------------
    "slide_vergelijking": {
        "nl": "{selectie} naast vergelijkbare gemeenten",
        "en": "{selectie} beside comparable municipalities",
    },
    "slide_tekst": {"nl": "Eigen dia", "en": "Own slide"},
    "slide_lessen": {"nl": "Lessen uit het kennisregister", "en": "Lessons from the knowledge register"},
    "compose_title": {"nl": "Dia's samenstellen", "en": "Compose the slides"},
    "compose_help": {
        "nl": "Zet de dia's in uw volgorde met Omhoog en Omlaag, verberg wat u niet nodig hebt en voeg een eigen tekstdia of een vergelijking toe. De link, de PowerPoint en de PDF volgen deze samenstelling.",
        "en": "Put the slides in your order with Up and Down, hide what you do not need and add an own text slide or a comparison. The link, the PowerPoint and the PDF follow this composition.",
    },
    # polish: each button names its slide, so a screen reader tells the rows apart
    "compose_up": {"nl": "Dia {n} omhoog", "en": "Slide {n} up"},
    "compose_down": {"nl": "Dia {n} omlaag", "en": "Slide {n} down"},
    "compose_hide": {"nl": "Dia {n} verbergen", "en": "Hide slide {n}"},
    "compose_show": {"nl": "Dia {n} tonen", "en": "Show slide {n}"},
    "compose_remove": {"nl": "Dia {n} verwijderen", "en": "Remove slide {n}"},
    "compose_up_help": {
        "nl": "Zet dia {n}, ‘{titel}’, een plaats eerder.",
        "en": "Move slide {n}, ‘{titel}’, one place earlier.",
    },
    "compose_down_help": {
        "nl": "Zet dia {n}, ‘{titel}’, een plaats later.",
        "en": "Move slide {n}, ‘{titel}’, one place later.",
    },
    "compose_hide_help": {
        "nl": "Verberg dia {n}, ‘{titel}’: hij blijft in de lijst, maar niet in de presentatie.",
        "en": "Hide slide {n}, ‘{titel}’: it stays in the list, but not in the presentation.",
    },
    "compose_show_help": {
        "nl": "Toon dia {n}, ‘{titel}’, weer in de presentatie.",
        "en": "Show slide {n}, ‘{titel}’, in the presentation again.",
    },
    "compose_remove_help": {
        "nl": "Haal dia {n}, ‘{titel}’, uit de presentatie.",
        "en": "Remove slide {n}, ‘{titel}’, from the presentation.",
    },
    "compose_hidden_mark": {"nl": "verborgen", "en": "hidden"},
    "compose_current_mark": {"nl": "nu getoond", "en": "shown now"},
    "compose_add_kind": {"nl": "Dia toevoegen", "en": "Add a slide"},
    "compose_add_button": {"nl": "Toevoegen", "en": "Add"},
    "compose_new_text": {"nl": "Eigen tekstdia toevoegen", "en": "Add an own text slide"},
    "compose_text_title": {"nl": "Titel", "en": "Title"},
    "compose_text_body": {"nl": "Tekst (elke regel een punt)", "en": "Text (one point per line)"},
    "compose_text_add": {"nl": "Tekstdia toevoegen", "en": "Add text slide"},
    "compose_text_needs_title": {"nl": "Geef de tekstdia een titel.", "en": "Give the text slide a title."},
    "compose_edit_current": {"nl": "Deze dia: {titel}", "en": "This slide: {titel}"},
    "compose_own_title": {
        "nl": "Eigen titel (leeg: de standaardtitel)",
        "en": "Own title (empty: the default title)",
    },
    "compose_notes": {
        "nl": "Notities voor de spreker (komen in de PowerPoint)",
        "en": "Speaker notes (go into the PowerPoint)",
    },
    "compose_reset": {"nl": "Standaardpresentatie herstellen", "en": "Restore the default presentation"},
    "compose_limit": {
        "nl": "Er kan niets meer bij: hoogstens {n} dia's en {m} eigen tekstdia's.",
        "en": "Nothing more fits: at most {n} slides and {m} own text slides.",
    },
    "compose_bad_texts": {
        "nl": "De eigen teksten en notities in de link konden niet worden gelezen (is de link afgebroken?); ze zijn weggelaten.",
        "en": "The own texts and notes in the link could not be read (was the link cut off?); they were left out.",
    },
    "compose_order_too_long": {
        "nl": "De dia-volgorde in de link is langer dan {n} tekens en is genegeerd; de standaardvolgorde wordt getoond.",
        "en": "The slide order in the link is longer than {n} characters and was ignored; the default order is shown.",
    },
    "compose_unknown_slide": {
        "nl": "Dia ‘{dia}’ in de link bestaat niet en is weggelaten; mogelijk zijn: {keuze} (een eigen tekstdia als tekst:1).",
        "en": "Slide ‘{dia}’ in the link does not exist and was left out; possible are: {keuze} (an own text slide as tekst:1).",
    },
    "compose_duplicate_slide": {
        "nl": "Dia ‘{dia}’ stond meer dan eens in de link; alleen de eerste is gebruikt.",
        "en": "Slide ‘{dia}’ was in the link more than once; only the first is used.",
    },
    "compose_too_many": {
        "nl": "Dia ‘{dia}’ is weggelaten: een presentatie heeft hoogstens {n} dia's en {m} eigen tekstdia's.",
        "en": "Slide ‘{dia}’ was left out: a presentation has at most {n} slides and {m} own text slides.",
    },
    "compose_text_missing": {
        "nl": "Tekstdia ‘{dia}’ heeft geen titel in de link en is weggelaten.",
        "en": "Text slide ‘{dia}’ has no title in the link and was left out.",
    },
    "compose_shortened": {
        "nl": "Een te lange tekst uit de link is ingekort (titels tot {titel} tekens, teksten en notities tot {tekst}).",
        "en": "A text from the link that was too long has been shortened (titles to {titel} characters, texts and notes to {tekst}).",
    },
    "compose_nothing_left": {
        "nl": "In de link stond geen enkele zichtbare dia; de standaardpresentatie wordt getoond.",
        "en": "The link held no visible slide; the default presentation is shown.",
    },
    "present_inhabitants": {"nl": "Inwoners", "en": "Inhabitants"},
    "present_population_year": {"nl": "Op 1 januari {jaar} (CBS).", "en": "On 1 January {jaar} (CBS)."},
    "peers_one_municipality": {
        "nl": "Een vergelijking met vergelijkbare gemeenten gaat over één gemeente: kies één gemeente onder ‘Selectie wijzigen’.",
        "en": "A comparison with comparable municipalities is about one municipality: choose one under ‘Change selection’.",
    },
    # issue 19: one definition of comparable municipalities (vsdash.characteristics), one sentence
    "comparable_by_kenmerken": {
        "nl": "Vergelijkbaar met {naam}: de deelnemers van {programma} met een meldpunt die net als {naam} {klasse} inwoners hadden op 1 januari {jaar} (CBS), {g4} en {student} zijn: {lijst}. Gekozen op kenmerken, niet op het aantal meldingen.",
        "en": "Comparable to {naam}: the participants of {programma} with a reporting point that, like {naam}, had {klasse} inhabitants on 1 January {jaar} (CBS), are {g4} and are {student}: {lijst}. Chosen on characteristics, not on the number of reports.",
    },
    "comparable_by_grootteklasse": {
        "nl": "Vergelijkbaar met {naam}: de deelnemers van {programma} met een meldpunt die net als {naam} {klasse} inwoners hadden op 1 januari {jaar} (CBS); geen van hen is net als {naam} {g4} en {student}: {lijst}. Gekozen op kenmerken, niet op het aantal meldingen.",
        "en": "Comparable to {naam}: the participants of {programma} with a reporting point that, like {naam}, had {klasse} inhabitants on 1 January {jaar} (CBS); none of them is, like {naam}, {g4} and {student}: {lijst}. Chosen on characteristics, not on the number of reports.",
    },
    "comparable_by_inwonertal": {
        "nl": "Vergelijkbaar met {naam}: geen andere deelnemer van {programma} met een meldpunt had {klasse} inwoners op 1 januari {jaar} (CBS), dus de deelnemers met een meldpunt die qua inwonertal het dichtst bij liggen: {lijst}. Gekozen op kenmerken, niet op het aantal meldingen.",
        "en": "Comparable to {naam}: no other participant of {programma} with a reporting point had {klasse} inhabitants on 1 January {jaar} (CBS), so the participants with a reporting point closest in population: {lijst}. Chosen on characteristics, not on the number of reports.",
    },
    "comparable_g4_yes": {"nl": "een G4-stad", "en": "a G4 city"},
    "comparable_g4_no": {"nl": "geen G4-stad", "en": "not a G4 city"},
    "comparable_student_yes": {"nl": "een studentenstad", "en": "a student city"},
    "comparable_student_no": {"nl": "geen studentenstad", "en": "not a student city"},
    "peers_not_member": {
        "nl": "{naam} deed in deze periode niet mee aan {programma}.",
        "en": "{naam} did not take part in {programma} in this period.",
    },
    "peers_none": {
        "nl": "Er zijn geen andere deelnemers van {programma} met een meldpunt om {naam} mee te vergelijken.",
        "en": "There are no other participants of {programma} with a reporting point to compare {naam} with.",
    },
    "peers_programme_row": {"nl": "{programma} (alle deelnemers)", "en": "{programma} (all participants)"},
    "peers_line": {
        "nl": "{naam}: {label} per 10.000 inwoners per jaar{interval}",
        "en": "{naam}: {label} per 10,000 inhabitants per year{interval}",
    },
    "peers_line_none": {"nl": "{naam}: geen cijfer ({reden})", "en": "{naam}: no figure ({reden})"},
    "peers_col_low": {"nl": "95%-interval van", "en": "95% interval from"},
    "peers_col_high": {"nl": "95%-interval tot", "en": "95% interval to"},
    "peers_col_shown": {"nl": "Getoond als", "en": "Shown as"},
    "alt_peer_rates": {
        "nl": "Staafdiagram van meldingen per 10.000 inwoners per jaar met 95%-interval: {lijst}. Zonder cijfer: {zonder}.",
        "en": "Bar chart of reports per 10,000 inhabitants per year with 95% interval: {lijst}. Without a figure: {zonder}.",
    },
    "peers_caveat": {
        "nl": "Verschillen tussen gemeenten zeggen vooral iets over hoe bekend het meldpunt is en hoe makkelijk mensen melden, niet per se over hoeveel intimidatie er is. Overlappen de intervallen, dan kan het verschil toeval zijn.",
        "en": "Differences between municipalities say most about how well known the reporting point is and how easily people report, not necessarily about how much harassment there is. Where the intervals overlap, the difference may be chance.",
    },
    "size_class_0": {"nl": "minder dan 20.000", "en": "fewer than 20,000"},
    "size_class_1": {"nl": "20.000 tot 50.000", "en": "20,000 to 50,000"},
    "size_class_2": {"nl": "50.000 tot 100.000", "en": "50,000 to 100,000"},
    "size_class_3": {"nl": "100.000 tot 150.000", "en": "100,000 to 150,000"},
    "size_class_4": {"nl": "150.000 tot 250.000", "en": "150,000 to 250,000"},
    "size_class_5": {"nl": "250.000 of meer", "en": "250,000 or more"},
    "lessons_register_empty": {
        "nl": "In het kennisregister staan nog geen lessen voor {selectie} in deze periode. Wat activiteiten opleverden en wat anders kan, verschijnt hier zodra het is vastgelegd.",
        "en": "The knowledge register holds no lessons for {selectie} in this period yet. What activities achieved and what could be done differently appears here once it is recorded.",
    },
    "lessons_register_item": {
        "nl": "{titel} ({gemeente}, {jaar}): {lessen}",
        "en": "{titel} ({gemeente}, {jaar}): {lessen}",
    },
    "meaning_no_channel": {
        "nl": "{naam} had in deze periode geen meldpunt. Zonder meldpunt is niet te zien hoe vaak intimidatie gemeld wordt, en ook niet of een aanpak werkt; een meldpunt of een bevolkingsonderzoek (zoals de Veiligheidsmonitor van het CBS) is de eerste stap.",
        "en": "{naam} had no reporting point in this period. Without one it cannot be seen how often harassment is reported or whether an approach works; a reporting point or a population survey (such as CBS's Veiligheidsmonitor) is the first step.",
    },
    "meaning_more": {
        "nl": "Er kwamen meer meldingen binnen dan in de vorige periode van dezelfde lengte ({pct}). Dat betekent vooral dat meer mensen de weg naar het meldpunt vinden; of er ook meer intimidatie is, laten meldingen alleen niet zien.",
        "en": "More reports came in than in the preceding period of the same length ({pct}). That mainly means more people find their way to the reporting point; whether there is more harassment, reports alone do not show.",
    },
    "meaning_less": {
        "nl": "Er kwamen minder meldingen binnen dan in de vorige periode van dezelfde lengte ({pct}). Dat kan minder intimidatie zijn, maar ook een minder bekend of minder gebruikt meldpunt: kijk of een campagne of meldkanaal stopte voordat u conclusies trekt.",
        "en": "Fewer reports came in than in the preceding period of the same length ({pct}). That may be less harassment, but also a reporting point that is less known or used: check whether a campaign or channel stopped before drawing conclusions.",
    },
    "meaning_stable": {
        "nl": "Het aantal meldingen bleef ongeveer gelijk aan de vorige periode van dezelfde lengte ({pct}): geen duidelijke verandering.",
        "en": "The number of reports stayed about the same as in the preceding period of the same length ({pct}): no clear change.",
    },
    "meaning_too_few": {
        "nl": "Er zijn te weinig meldingen (minder dan {k}) om iets over een verandering te zeggen; een bevolkingsonderzoek zegt dan meer dan meldingen.",
        "en": "There are too few reports (fewer than {k}) to say anything about a change; a population survey then says more than reports.",
    },
    "meaning_effect_up": {
        "nl": "Tijdens {naam} kwamen duidelijk meer meldingen binnen dan verwacht: de campagne heeft mensen waarschijnlijk eerder laten melden. Dat is wat een campagne die naar het meldpunt verwijst wil bereiken; het zegt niet dat er meer intimidatie was.",
        "en": "During {naam} clearly more reports came in than expected: the campaign probably made people report sooner. That is what a campaign pointing to the reporting point aims for; it does not say there was more harassment.",
    },
    "meaning_effect_unclear": {
        "nl": "Bij {naam} is geen duidelijk verschil met de verwachting te zien. Dat betekent niet dat de campagne niets deed (bijvoorbeeld aan bewustwording), alleen dat meldingen het niet laten zien.",
        "en": "For {naam} no clear difference from the expectation can be seen. That does not mean the campaign did nothing (for instance for awareness), only that reports do not show it.",
    },
    "meaning_effect_down": {
        "nl": "Tijdens {naam} kwamen minder meldingen binnen dan verwacht. Kijk eerst naar andere verklaringen (vakantie, een storing of wijziging in het meldkanaal) voordat u dit aan de campagne toeschrijft.",
        "en": "During {naam} fewer reports came in than expected. Look at other explanations first (holidays, an outage or change in the reporting channel) before attributing this to the campaign.",
    },
    "meaning_effect_hidden": {
        "nl": "Het effect van {naam} wordt niet getoond omdat er te weinig meldingen waren; met zo weinig meldingen is een effect ook niet betrouwbaar te schatten.",
        "en": "The effect of {naam} is not shown because there were too few reports; with so few reports an effect cannot be estimated reliably either.",
    },
    "meaning_top_area": {
        "nl": "De meeste meldingen kwamen uit {naam}. Daar loont gerichte inzet het meest; drukke plekken geven wel ook meer meldingen omdat er meer mensen zijn.",
        "en": "Most reports came from {naam}. Targeted effort pays most there; busy places do also give more reports because more people are there.",
    },
    "meaning_activities": {
        "nl": "Het meeste werk zat in {categorie} ({m} van de {n} activiteiten). Wat activiteiten opleveren is niet uit meldingen af te lezen: leg uitkomsten vast, zodat die kennis blijft als iemand anders het dossier overneemt.",
        "en": "Most work went into {categorie} ({m} of {n} activities). What activities achieve cannot be read from reports: record outcomes, so the knowledge stays when someone else takes over the file.",
    },
    "meaning_no_activities": {
        "nl": "Er zijn in deze periode geen activiteiten vastgelegd. Zonder vastgelegde activiteiten is achteraf niet te zeggen wat er gedaan is en wat werkte.",
        "en": "No activities were recorded in this period. Without recorded activities it cannot be said afterwards what was done and what worked.",
    },
    "map_legend_density": {
        "nl": "Meldingen per zeshoek (± 0,7 km²)",
        "en": "Reports per hexagon (± 0.7 km²)",
    },
    "map_legend_area": {"nl": "Risicogebied (aantal meldingen)", "en": "Risk area (number of reports)"},
    "map_legend_hidden": {
        "nl": "Minder dan {k} meldingen (niet getoond)",
        "en": "Fewer than {k} reports (not shown)",
    },
    # --- accessibility --------------------------------------------------------------------
    "a11y_window_title": {"nl": "{page} · Veilige Steden", "en": "{page} · Safe Cities (Veilige Steden)"},
    "a11y_events": {"nl": "Campagnes, breuken en activiteiten", "en": "Campaigns, breaks and activities"},
    "a11y_activity": {"nl": "activiteit", "en": "activity"},
    "a11y_reports_per_cell": {"nl": "Meldingen per vakje", "en": "Reports per cell"},
    "a11y_timeline_trend_table": {
        "nl": "Meldingen onder de tijdlijn",
        "en": "Reports below the timeline",
    },
    # --- pages -----------------------------------------------------------------------------
    "nav_overview": {"nl": "Overzicht", "en": "Overview"},
    "nav_reports": {"nl": "Meldingen", "en": "Reports"},
    "nav_campaigns": {"nl": "Campagnes", "en": "Campaigns"},
    "nav_map": {"nl": "Kaart", "en": "Map"},
    "nav_activities": {"nl": "Activiteiten", "en": "Activities"},
    "nav_compare": {"nl": "Vergelijken", "en": "Compare"},
    "nav_programme": {"nl": "Programma", "en": "Programme"},  # issue 19
    "nav_data": {"nl": "Gegevens", "en": "Data"},
    "nav_present": {"nl": "Presenteren", "en": "Present"},
    "filters": {"nl": "Selectie", "en": "Selection"},
    "municipality": {"nl": "Gemeente", "en": "Municipality"},
    "period": {"nl": "Periode", "en": "Period"},
    # Period presets (issue 13).
    "period_dates": {"nl": "Van – tot en met", "en": "From – to"},
    "preset_laatste_12_maanden": {"nl": "Laatste 12 maanden", "en": "Last 12 months"},
    "preset_dit_jaar": {"nl": "Dit jaar", "en": "This year"},
    "preset_vorig_jaar": {"nl": "Vorig jaar", "en": "Last year"},
    "preset_sinds_start": {"nl": "Sinds start programma", "en": "Since the programme began"},
    "preset_eigen": {"nl": "Eigen periode", "en": "Own period"},
    "programme": {"nl": "Programma", "en": "Programme"},
    "all_programmes": {"nl": "Alle programma's", "en": "All programmes"},
    "language": {"nl": "Taal", "en": "Language"},
    "building_demo": {
        "nl": "De demo-opslag bestaat nog niet en wordt nu gemaakt (eenmalig, ongeveer een halve minuut)…",
        "en": "The demo store does not exist yet and is being built (once, about half a minute)…",
    },
    "store_error": {
        "nl": "De gegevens zijn niet te openen: {error}",
        "en": "The data cannot be opened: {error}",
    },
    # issue 17: what a reader sees when a page fails (the traceback goes to the server log)
    "page_error": {
        "nl": "Er ging iets mis bij het maken van deze pagina. Probeer het opnieuw; blijft dit gebeuren, "
        "meld dan aan de beheerder de foutcode {code}.",
        "en": "Something went wrong while building this page. Please try again; if it keeps happening, "
        "give the administrator the error code {code}.",
    },
    "store_unreachable": {
        "nl": "De database is tijdelijk niet bereikbaar. Er gaat niets verloren; probeer het over een minuut "
        "opnieuw (foutcode {code}).",
        "en": "The database cannot be reached right now. Nothing is lost; please try again in a minute "
        "(error code {code}).",
    },
    "no_reports_period": {
        "nl": "Er zijn geen meldingen in deze selectie.",
        "en": "There are no reports in this selection.",
    },
    "no_channel": {
        "nl": "{naam} heeft in deze periode geen meldpunt: er zijn geen meldingen, dat is iets anders dan nul meldingen.",
        "en": "{naam} has no reporting point in this period: there are no reports, which is not the same as zero reports.",
    },
    "no_channel_short": {"nl": "geen meldpunt", "en": "no reporting point"},
    "reports": {"nl": "Meldingen", "en": "Reports"},
    "reports_per_10k": {
        "nl": "Meldingen per 10.000 inwoners per jaar",
        "en": "Reports per 10,000 inhabitants per year",
    },
    "same_period_last_year": {"nl": "Zelfde periode vorig jaar", "en": "Same period last year"},
    # Publication layer (issue 13): units and reasons shared by every surface.
    "counted_week": {
        "nl": "Geteld over hele weken: {van} – {tot}.",
        "en": "Counted over whole weeks: {van} – {tot}.",
    },
    "counted_month": {
        "nl": "Geteld over hele maanden: {van} – {tot}.",
        "en": "Counted over whole months: {van} – {tot}.",
    },
    "compared_with": {
        "nl": "Verandering t.o.v. de vorige periode van dezelfde lengte: {periode}.",
        "en": "Change against the preceding period of the same length: {periode}.",
    },
    # Audit 3: a group whose members were counted over different weeks or months, and counted
    # days that run past the data.
    "counted_mixed": {
        "nl": "Geteld per gemeente, over hele weken of (bij kleine aantallen) hele maanden rond de periode: samen {van} – {tot}, elke gemeente over de eigen dagen (Vergelijken noemt ze).",
        "en": "Counted per municipality, over whole weeks or (for small counts) whole months around the period: together {van} – {tot}, each municipality over its own days (Compare names them).",
    },
    "previous_mixed": {
        "nl": "per gemeente de even lange periode direct vóór de eigen getelde dagen, samen {van} – {tot}",
        "en": "for each municipality the period of the same length directly before its own counted days, together {van} – {tot}",
    },
    "counted_data_starts": {
        "nl": "De gegevens beginnen op {van}: eerdere dagen tellen nergens mee.",
        "en": "The data start on {van}: earlier days count in no figure.",
    },
    "counted_data_ends": {
        "nl": "De gegevens lopen tot en met {tot}: latere dagen tellen nergens mee.",
        "en": "The data run up to and including {tot}: later days count in no figure.",
    },
    "vs_previous_period": {"nl": "t.o.v. {periode}", "en": "vs {periode}"},
    "rate_interval_note": {
        "nl": "95%-interval {interval}; inwoners op 1 januari {jaar} (CBS), alleen dagen met een meldpunt.",
        "en": "95% interval {interval}; inhabitants on 1 January {jaar} (CBS), days with a reporting point only.",
    },
    # Trust audit: the trend's heading stood alone when there was no reporting point.
    "trend_no_channel": {
        "nl": "Geen grafiek: zonder meldpunt zijn er in deze periode geen meldingen om te tonen.",
        "en": "No chart: without a reporting point there are no reports to show in this period.",
    },
    "hidden_note": {
        "nl": "{n} van de {totaal} meldingen staan niet apart in de grafiek: ze vallen in gedeeltelijke weken of maanden aan het begin en einde van de getelde periode, of het verschil komt doordat elk getal apart licht veranderd is.",
        "en": "{n} of the {totaal} reports are not shown separately in the chart: they are in partial weeks or months at the start and end of the counted period, or the difference comes from each number being changed slightly on its own.",
    },
    # Trust audit: Meldingen per month over a few weeks has no whole month to draw.
    "no_whole_month": {
        "nl": "In de getelde periode valt geen hele maand; kies Week of Dag, of een langere periode.",
        "en": "The counted period holds no whole month; choose Week or Day, or a longer period.",
    },
    "no_whole_week": {
        "nl": "In de getelde periode valt geen hele week; kies Dag, of een langere periode.",
        "en": "The counted period holds no whole week; choose Day, or a longer period.",
    },
    "reason_small_count": {
        "nl": "Minder dan {k} meldingen: niet getoond om melders te beschermen.",
        "en": "Fewer than {k} reports: not shown to protect people who report.",
    },
    "reason_no_channel": {
        "nl": "Geen meldpunt in deze periode: geen meldingen, dat is iets anders dan nul.",
        "en": "No reporting point in this period: no reports, which is not the same as zero.",
    },
    "reason_no_data_before": {
        "nl": "Geen vergelijking: de vorige periode valt vóór het begin van de gegevens of had geen meldpunt.",
        "en": "No comparison: the preceding period lies before the data start or had no reporting point.",
    },
    "reason_no_population": {
        "nl": "Geen inwonertal bekend voor deze selectie.",
        "en": "No population figure known for this selection.",
    },
    # Audit 3: periods outside the data, or running past its last day.
    "reason_no_data": {
        "nl": "Geen gegevens in deze periode: de meldingen lopen van {van} tot en met {tot}. Geen gegevens is iets anders dan nul meldingen.",
        "en": "No data in this period: the reports run from {van} up to and including {tot}. No data is not the same as zero reports.",
    },
    "reason_data_ends": {
        "nl": "Geen vergelijking: de periode loopt door na de laatste dag met gegevens ({tot}) en telt dus minder dagen dan de vorige periode.",
        "en": "No comparison: the period runs past the last day with data ({tot}), so it counts fewer days than the preceding period.",
    },
    "reason_channels_changed": {
        "nl": "Geen vergelijking: tussen de twee perioden is een meldpunt geopend of gesloten, dus meer of minder meldingen zegt dan weinig.",
        "en": "No comparison: a reporting point opened or closed between the two periods, so more or fewer reports says little.",
    },
    "reason_previous_zero": {
        "nl": "Geen procentuele verandering: de vorige periode had 0 meldingen.",
        "en": "No percentage change: the preceding period had 0 reports.",
    },
    # Issue 19: survey prevalence and the willingness to report
    "reason_no_survey": {
        "nl": "Geen enquêtecijfer (Veiligheidsmonitor) in of vóór het laatste jaar van de periode; lees het in op de pagina Gegevens (soort Enquêtecijfers).",
        "en": "No survey figure (Safety Monitor) in or before the last year of the period; import it on the Data page (kind Survey figures).",
    },
    "survey_prevalence_label": {"nl": "Ervaren intimidatie", "en": "Experienced harassment"},
    "reporting_ratio_label": {"nl": "Meldingsbereidheid", "en": "Willingness to report"},
    "ratio_caption": {
        "nl": "Meldingsbereidheid: {waarde} meldingen per jaar per 1.000 mensen die straatintimidatie meemaakten (95%-interval {interval}).",
        "en": "Willingness to report: {waarde} reports per year per 1,000 people who experienced street harassment (95% interval {interval}).",
    },
    "survey_note": {
        "nl": "Veiligheidsmonitor {jaren} (de laatste ronde tot en met {eindjaar}): {aandeel} van de {wie} ({basis}) maakte in 12 maanden straatintimidatie mee (95%-interval {interval}).",
        "en": "Safety Monitor {jaren} (the latest round up to {eindjaar}): {aandeel} of the {wie} ({basis}) experienced street harassment in 12 months (95% interval {interval}).",
    },
    "ratio_note": {
        "nl": "Meldingen per jaar per 1.000 mensen die straatintimidatie meemaakten (aandeel × basis); 95%-interval {interval}, met de marge van de enquête en de toevalsvariatie van het aantal meldingen.",
        "en": "Reports per year per 1,000 people who experienced street harassment (share × base); 95% interval {interval}, carrying the survey's margin and the chance variation of the report count.",
    },
    "ratio_plain": {
        "nl": "Meer meldingen bij gelijke ervaren intimidatie betekent dat meer mensen melden: een hogere meldingsbereidheid.",
        "en": "More reports at the same experienced harassment means that more people report: a higher willingness to report.",
    },
    "ratio_no_upper": {"nl": "onbegrensd", "en": "unbounded"},
    "survey_base_15plus": {"nl": "inwoners 15 jaar en ouder", "en": "inhabitants aged 15 and over"},
    "campaign_raises_willingness": {
        "nl": "Een campagne die naar het meldpunt verwijst, verhoogt de meldingsbereidheid.",
        "en": "A campaign that points to the reporting point raises the willingness to report.",
    },
    "survey_unsafe_note": {
        "nl": "Voelt zich wel eens onveilig in de eigen buurt: {buurt}; 's avonds op straat: {avond}.",
        "en": "Sometimes feels unsafe in the own neighbourhood: {buurt}; on the street at night: {avond}.",
    },
    "survey_coverage": {
        "nl": "Enquêtecijfers voor {n} van de {totaal} gemeenten; de enquêtecijfers gelden alleen voor die gemeenten.",
        "en": "Survey figures for {n} of the {totaal} municipalities; the survey figures cover only those.",
    },
    "activities": {"nl": "Activiteiten", "en": "Activities"},
    # polish: a chart title says which activities it counts (those running in the chosen period)
    "activities_by_category": {
        "nl": "Activiteiten in de periode, per categorie",
        "en": "Activities in the period, by category",
    },
    "count": {"nl": "Aantal", "en": "Count"},
    "grain_day": {"nl": "per dag", "en": "per day"},
    "grain_week": {"nl": "per week", "en": "per week"},
    "grain_month": {"nl": "per maand", "en": "per month"},
    "show_as_table": {"nl": "Toon als tabel", "en": "Show as table"},
    "trend_title_week": {
        "nl": "Meldingen per week, met campagneperiodes",
        "en": "Reports per week, with campaign periods",
    },
    "trend_title_month": {
        "nl": "Meldingen per maand, met campagneperiodes",
        "en": "Reports per month, with campaign periods",
    },
    "willingness_caveat": {
        "nl": "Meer meldingen betekent vaak dat mensen eerder melden (meldingsbereidheid), niet per se dat er meer intimidatie is. Een campagne die naar het meldpunt verwijst, verhoogt de meldingsbereidheid.",
        "en": "More reports often means people are more willing to report, not necessarily that there is more harassment. A campaign that points to the reporting point raises the willingness to report.",
    },
    "population_note": {
        "nl": "Inwoners: {inwoners} op 1 januari {jaar} (CBS).",
        "en": "Inhabitants: {inwoners} on 1 January {jaar} (CBS).",
    },
    "local_campaigns_elsewhere": {
        "nl": "Alleen landelijke campagnes zijn gearceerd; {n} lokale campagnes staan per gemeente op de pagina Campagnes.",
        "en": "Only national campaigns are shaded; {n} local campaigns are shown per municipality on the Campaigns page.",
    },
    "whats_new": {"nl": "Wat is nieuw", "en": "What is new"},
    "new_campaign": {
        "nl": "Campagne ‘{naam}’ ({start} – {eind})",
        "en": "Campaign ‘{naam}’ ({start} – {eind})",
    },
    "new_activity": {
        "nl": "Activiteit ‘{titel}’ ({gemeente}, {start})",
        "en": "Activity ‘{titel}’ ({gemeente}, {start})",
    },
    "new_import": {
        "nl": "Import ‘{bestand}’ op {tijd}: {n} rijen",
        "en": "Import ‘{bestand}’ on {tijd}: {n} rows",
    },
    # Trust audit: a report import's size is an exact count, so it is not named.
    "new_import_reports": {
        "nl": "Nieuwe meldingen ingelezen uit ‘{bestand}’ op {tijd}",
        "en": "New reports read from ‘{bestand}’ on {tijd}",
    },
    "nothing_new": {
        "nl": "Niets nieuws in de laatste drie maanden van de periode.",
        "en": "Nothing new in the last three months of the period.",
    },
    "break_launch": {"nl": "start {naam}", "en": "launch {naam}"},
    "break_law": {"nl": "straatintimidatie strafbaar", "en": "street harassment an offence"},
    "break_end": {"nl": "einde {naam}", "en": "end {naam}"},
    "overview_title": {"nl": "Overzicht: {selectie}", "en": "Overview: {selectie}"},
    "overview_intro": {
        "nl": "Meldingen van straatintimidatie en seksuele intimidatie, campagnes en activiteiten voor {selectie}, {start} tot en met {eind}.",
        "en": "Reports of street harassment and sexual harassment, campaigns and activities for {selectie}, {start} to {eind}.",
    },
    # polish: a count of zero in a sentence (fmt_count)
    "count_none": {"nl": "geen", "en": "no"},
    "alt_trend": {
        "nl": "Lijngrafiek van meldingen {grain} van {start} tot en met {end}: samen {total} meldingen, het hoogst {peak} rond {peak_date}; {campaigns} {campaigns|campagneperiode is|campagneperiodes zijn} gearceerd.",
        "en": "Line chart of reports {grain} from {start} to {end}: {total} reports in total, highest {peak} around {peak_date}; {campaigns} {campaigns|campaign period is|campaign periods are} shaded.",
    },
    "alt_bars": {"nl": "Staafdiagram {title}: {parts}.", "en": "Bar chart {title}: {parts}."},
    "cat_onderzoek": {"nl": "Onderzoek", "en": "Research"},
    "cat_preventie": {"nl": "Preventie", "en": "Prevention"},
    "cat_interventie": {"nl": "Interventie", "en": "Intervention"},
    "cat_repressie": {"nl": "Repressie", "en": "Repression"},
    "rep_verbaal": {"nl": "Verbaal", "en": "Verbal"},
    "rep_non-verbaal": {"nl": "Non-verbaal", "en": "Non-verbal"},
    "rep_fysiek": {"nl": "Fysiek", "en": "Physical"},
    "rep_achtervolgen": {"nl": "Achtervolgen", "en": "Being followed"},  # "Following" read as "the next ones"
    "rep_overig": {"nl": "Overig", "en": "Other"},
    # issue 15: an unexpected error in one part of a page, without details for readers
    "error_generic": {
        "nl": "Er ging iets mis bij het maken van dit onderdeel. De rest van de pagina werkt nog. Melding voor de beheerder: {kind}.",
        "en": "Something went wrong building this part. The rest of the page still works. Note for the administrator: {kind}.",
    },
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the label ``key`` in ``lang`` (falling back to Dutch), formatted with ``values``.

    A label may choose words by a count with ``{name|one|other}`` (issue 18): the form is picked
    by the plural rule of ``lang`` (CLDR, through Babel) for the value passed as ``name``, so
    "{n} {n|maatregel is|maatregelen zijn}" reads "1 maatregel is" and "3 maatregelen zijn". The
    value may be a number or a number already formatted for ``lang`` ("1.234").
    """
    entry = LABELS.get(key)
    if entry is None:
        raise KeyError(f"no label {key!r} in vsdash.i18n.LABELS")
    text = entry.get(lang) or entry[DEFAULT_LANG]
    if not values:
        return text
    if "|" in text:
        text = _PLURAL_CHOICE.sub(lambda m: _choose_form(m, values, lang, key), text)
    return text.format(**values)


def tn(key: str, n: float, lang: str = DEFAULT_LANG, **values: object) -> str:
    """``t`` for a label about ``n`` things: ``{n}`` is ``n`` formatted for ``lang``, forms chosen by ``n``."""
    return t(key, lang, n=fmt_number(n, lang), _count=n, **values)


# {name|one form|other form}: the forms hold no braces or bars.
_PLURAL_CHOICE = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def plural_form(n: float, lang: str = DEFAULT_LANG) -> str:
    """The CLDR plural category of ``n`` in ``lang`` ("one" or "other" for Dutch and English)."""
    return _locale(lang).plural_form(abs(n))


def _choose_form(match: re.Match, values: dict, lang: str, key: str) -> str:
    name, one, other = match.groups()
    if name == "n" and "_count" in values:
        count = values["_count"]
    elif name in values:
        count = _as_count(values[name], lang)
    else:
        raise KeyError(f"label {key!r} chooses a form by {name!r}, which was not given")
    if count is None:  # "<5", "–": not a number, so no singular
        return other
    return one if plural_form(count, lang) == "one" else other


def _as_count(value: object, lang: str) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None if isinstance(value, float) and math.isnan(value) else value
    try:
        return float(parse_decimal(str(value).strip().replace(MINUS_SIGN, "-"), locale=_locale(lang)))
    except (NumberFormatError, ValueError):
        return None


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES.get(lang, _LOCALES[DEFAULT_LANG]))


@functools.cache
def _symbols(lang: str) -> tuple[str, str]:
    """The group and decimal symbols of ``lang`` in CLDR (nl: "." and ",")."""
    locale = _locale(lang)
    return get_group_symbol(locale), get_decimal_symbol(locale)


# Babel (CLDR) locales of the dashboard's languages: Dutch as written in the Netherlands.
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}

MONTHS_NL = list(get_month_names("wide", locale=_LOCALES["nl"]).values())
MONTHS_EN = list(get_month_names("wide", locale=_LOCALES["en"]).values())


#: The minus sign of every number the formatters write for readers (U+2212, not the hyphen-minus).
MINUS_SIGN = "\u2212"


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """Format a number the way readers of ``lang`` expect (nl: 1.234,5; en: 1,234.5), via Babel."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # Plain Python numbers (numpy and pandas scalars too); floats rounded the way Python rounds
    # (half to even on the binary value), so every surface writes the same digits as before.
    if isinstance(value, (int, float)):
        number = value if isinstance(value, int) else round(value, decimals)
    else:
        number = int(value) if isinstance(value, numbers.Integral) else round(float(value), decimals)
    if isinstance(number, float) and math.isnan(number):
        return "–"
    # Python lays out the digits (groups of three, as CLDR's "#,##0" for nl and en), the symbols
    # come from CLDR; Babel's own formatter is about 50 times slower, and tables format every cell.
    if number == 0:
        number = abs(number)  # -0.04 rounded is "-0" in Python; a reader sees a plain 0
    text = f"{number:,.{decimals}f}"
    group, decimal = _symbols(lang)
    if (group, decimal) != (",", "."):
        text = text.replace(",", "\0").replace(".", decimal).replace("\0", group)
    # Display text: the true minus sign (Dutch typesetting, and what screen readers read as
    # "min"). CLDR's nl and en keep the hyphen-minus, which is right for data, so the downloads
    # read labels back as numbers (``spreadsheets``) and write plain numbers.
    return text.replace("-", MINUS_SIGN)


def in_sentence(selection: str, lang: str = DEFAULT_LANG) -> str:
    """A selection's label as it reads inside a sentence: "alle gemeenten", a municipality's name as is.

    Titles start with "Alle gemeenten"; "voor Alle gemeenten" mid-sentence looks like a typo.
    """
    everything = t("all_municipalities", lang)
    if selection.startswith(everything):
        return everything[0].lower() + selection[1:]
    return selection


def fmt_count(n: int, lang: str = DEFAULT_LANG) -> str:
    """A count of things in a sentence: "geen" (en: "no") for 0, else the number as ``fmt_number`` writes it.

    For labels that choose their words by the count ("{n} {n|campagne is|campagnes zijn}"): "geen
    campagnes zijn gearceerd" instead of "0 campagnes zijn gearceerd".
    """
    return t("count_none", lang) if n == 0 else fmt_number(n, lang)


def fmt_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0, sign: bool = False) -> str:
    """Format a fraction (0.4) as a percentage (nl: 40%, en: 40%), optionally with a sign."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    prefix = "+" if sign and value > 0 else ""
    return f"{prefix}{fmt_number(value * 100, lang, decimals)}%"


def fmt_euro(value: float | int | None, lang: str = DEFAULT_LANG) -> str:
    """Format an amount in whole euros as readers of ``lang`` write it (nl: € 150.000; en: €150,000).

    CLDR's currency pattern of the language (via Babel), without cents: the server writes the
    amount, so a Dutch page does not show "€150,000.00" because the reader's browser is English.
    Dutch keeps CLDR's no-break space, so "€" never ends a line apart from its amount.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = round(float(value))
    text = format_currency(
        number or 0, "EUR", _euro_pattern(lang), locale=_locale(lang), currency_digits=False
    )
    return text.replace("-", MINUS_SIGN)


@functools.cache
def _euro_pattern(lang: str) -> str:
    """The language's CLDR currency pattern in whole units ("¤ #,##0.00" -> "¤ #,##0")."""
    return _locale(lang).currency_formats["standard"].pattern.replace(".00", "")


def fmt_date(value: dt.date, lang: str = DEFAULT_LANG) -> str:
    """Format a date in full (nl: 12 maart 2023; en: 12 March 2023), via Babel."""
    return format_date(value, "d MMMM y", locale=_locale(lang))


def fmt_month(value: dt.date, lang: str = DEFAULT_LANG, year: bool = True) -> str:
    """A short month for a date axis (nl: mrt 2025; en: Sep 2025), via Babel.

    English is CLDR's plain "en" here, not en_GB, whose "Sept" is four letters where the web
    pages' plotly axes (``charts.MONTHS_SHORT``) write three.
    """
    return format_date(value, "LLL yyyy" if year else "LLL", locale="nl" if lang == "nl" else "en")
