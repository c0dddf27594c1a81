"""Dutch (default) and English labels for every text the dashboard shows.

All user-facing text lives here, keyed by a short id. ``t(key, lang, **values)`` formats it.
Numbers and dates are formatted per language by ``fmt_number``/``fmt_date`` (Dutch: 1.234,5 and
12 maart 2023).
"""

from __future__ import annotations

import datetime as dt
import math

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

LABELS: dict[str, dict[str, str]] = {
    # --- frame -----------------------------------------------------------------------------
    "app_title": {"nl": "Veilige Steden: dashboard", "en": "Safe Cities: dashboard"},
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
    # --- privacy and map -------------------------------------------------------------------
    "privacy_suppressed_legend": {
        "nl": "<{k}: minder dan {k} meldingen; het precieze aantal wordt niet getoond om melders te beschermen.",
        "en": "<{k}: fewer than {k} reports; the exact number is not shown to protect the people who reported.",
    },
    "privacy_secondary_legend": {
        "nl": "x: afgeschermd, zodat een klein aantal niet uit het totaal terug te rekenen is.",
        "en": "x: withheld, so that a small number cannot be worked out from the total.",
    },
    "privacy_rate_hidden": {
        "nl": "Geen cijfer per inwoner waar het aantal meldingen is afgeschermd.",
        "en": "No per-resident figure where the number of reports is withheld.",
    },
    "map_attribution": {"nl": "Bron: CBS, Kadaster (CC BY 4.0)", "en": "Source: CBS, Kadaster (CC BY 4.0)"},
    "map_boundaries_year": {
        "nl": "Gemeentegrenzen {gemeente_year}, wijkgrenzen {wijk_year} (vereenvoudigd).",
        "en": "Municipal boundaries {gemeente_year}, district boundaries {wijk_year} (simplified).",
    },
    "map_no_boundaries": {
        "nl": "Grenslijnen zijn niet beschikbaar; de kaart toont alleen de hexagonen.",
        "en": "Boundaries are not available; the map shows the hexagons only.",
    },
    "map_h3_resolution_note": {
        "nl": "Meldingen zijn samengevoegd in zeshoeken (H3-resolutie {res}); losse locaties worden nooit getoond.",
        "en": "Reports are grouped into hexagons (H3 resolution {res}); individual locations are never shown.",
    },
    # --- reports and campaigns pages (Meldingen, Campagnes) --------------------------------
    # --- map page (Kaart) and exports of map/counts ---------------------------------------
    "map_title": {"nl": "Kaart: {selectie}", "en": "Map: {selectie}"},
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
        "nl": 'Privacy: meldingen zijn samengevoegd in zeshoeken (H3-resolutie {res}, ongeveer 0,7 km²); losse locaties worden nooit getoond. Aantallen van 1 tot {k} staan er als "<{k}"; een "x" is afgeschermd zodat een klein aantal niet uit het totaal terug te rekenen is.',
        "en": 'Privacy: reports are grouped into hexagons (H3 resolution {res}, about 0.7 km²); individual locations are never shown. Counts from 1 to {k} appear as "<{k}"; an "x" is withheld so that a small number cannot be worked out from the total.',
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
    "map_alt_density_empty": {
        "nl": "Kaart van {naam} zonder meldingen in deze periode; {areas} risicogebieden zijn zwart omlijnd.",
        "en": "Map of {naam} without reports in this period; {areas} risk areas are outlined in black.",
    },
    "map_alt_national": {
        "nl": "Kaart van Nederland met een cirkel voor elk van {n} gemeenten in {selectie}; de meeste meldingen kwamen uit {top} ({top_label}).",
        "en": "Map of the Netherlands with a circle for each of {n} municipalities in {selectie}; most reports came from {top} ({top_label}).",
    },
    "map_alt_national_empty": {
        "nl": "Kaart van Nederland: geen meldingen in {selectie} in deze periode.",
        "en": "Map of the Netherlands: no reports in {selectie} in this period.",
    },
    "map_alt_change": {
        "nl": "Kaart van de verandering rond {event}, {weeks} weken voor tegen {weeks} weken na: {more} {what} met meer meldingen, {fewer} met minder, {grey} niet te vergelijken (grijs).",
        "en": "Map of the change around {event}, {weeks} weeks before against {weeks} weeks after: {more} {what} with more reports, {fewer} with fewer, {grey} not comparable (grey).",
    },
    "map_alt_trend_week": {
        "nl": "Lijngrafiek van meldingen per week in {naam}, {start} tot en met {eind}; {measures} maatregelen zijn als stippellijn gemarkeerd; {hidden} weken met minder dan {k} meldingen zijn weggelaten.",
        "en": "Line chart of reports per week in {naam}, {start} to {eind}; {measures} measures are marked with a dashed line; {hidden} weeks with fewer than {k} reports are left out.",
    },
    "map_alt_trend_month": {
        "nl": "Lijngrafiek van meldingen per maand in {naam}, {start} tot en met {eind} (per week te weinig om te tonen); {measures} maatregelen zijn als stippellijn gemarkeerd; {hidden} maanden met minder dan {k} meldingen zijn weggelaten.",
        "en": "Line chart of reports per month in {naam}, {start} to {eind} (too few per week to show); {measures} measures are marked with a dashed line; {hidden} months with fewer than {k} reports are left out.",
    },
    "map_unit_hexes_r8": {"nl": "zeshoeken (ongeveer 0,7 km²)", "en": "hexagons (about 0.7 km²)"},
    "map_unit_hexes_r7": {
        "nl": "grotere zeshoeken (ongeveer 5 km², omdat er per kleine zeshoek te weinig meldingen waren)",
        "en": "larger hexagons (about 5 km², because small hexagons had too few reports)",
    },
    "map_unit_municipalities": {"nl": "gemeenten", "en": "municipalities"},
    "map_col_hex": {"nl": "Zeshoek (H3)", "en": "Hexagon (H3)"},
    "map_col_area": {"nl": "Risicogebied", "en": "Risk area"},
    "map_col_type": {"nl": "Soort gebied", "en": "Kind of area"},
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
    "map_no_window": {
        "nl": "Er zijn geen hele weken met gegevens voor én na deze datum.",
        "en": "There are no whole weeks of data both before and after this date.",
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
    "map_risk_areas_title": {"nl": "Risicogebieden in de periode", "en": "Risk areas in the period"},
    "map_export_total": {"nl": "Totaal", "en": "Total"},
    # --- activities and comparison pages (Activiteiten, Vergelijken) ----------------------
    # --- import and access (Gegevens) -----------------------------------------------------
    # --- presentation and exports (Presenteren) -------------------------------------------
    # --- accessibility --------------------------------------------------------------------
    # --- pages -----------------------------------------------------------------------------
    "nav_overview": {"nl": "Overzicht", "en": "Overview"},
    "nav_reports": {"nl": "Meldingen", "en": "Reports"},
    "nav_campaigns": {"nl": "Campagnes", "en": "Campaigns"},
    "nav_map": {"nl": "Kaart", "en": "Map"},
    "nav_activities": {"nl": "Activiteiten", "en": "Activities"},
    "nav_compare": {"nl": "Vergelijken", "en": "Compare"},
    "nav_data": {"nl": "Gegevens", "en": "Data"},
    "nav_present": {"nl": "Presenteren", "en": "Present"},
    "filters": {"nl": "Selectie", "en": "Selection"},
    "municipality": {"nl": "Gemeente", "en": "Municipality"},
    "period": {"nl": "Periode", "en": "Period"},
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
    "no_reports_period": {
        "nl": "Er zijn geen meldingen in deze selectie.",
        "en": "There are no reports in this selection.",
    },
    "no_channel": {
        "nl": "{naam} heeft in deze periode geen meldpunt: er zijn geen meldingen, dat is iets anders dan nul meldingen.",
        "en": "{naam} has no reporting channel in this period: there are no reports, which is not the same as zero reports.",
    },
    "no_channel_short": {"nl": "geen meldpunt", "en": "no reporting channel"},
    "reports": {"nl": "Meldingen", "en": "Reports"},
    "reports_per_10k": {"nl": "Meldingen per 10.000 inwoners", "en": "Reports per 10,000 inhabitants"},
    "per_10k_short": {"nl": "Per 10.000 inwoners", "en": "Per 10,000 inhabitants"},
    "vs_last_year": {"nl": "t.o.v. zelfde periode vorig jaar", "en": "vs same period last year"},
    "same_period_last_year": {"nl": "Zelfde periode vorig jaar", "en": "Same period last year"},
    "campaigns_running": {"nl": "Campagnes in de periode", "en": "Campaigns in the period"},
    "activities": {"nl": "Activiteiten", "en": "Activities"},
    "activities_by_category": {"nl": "Activiteiten per categorie", "en": "Activities by category"},
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
    "whats_new": {"nl": "Wat is nieuw", "en": "What is new"},
    "new_campaign": {
        "nl": "Campagne **{naam}** ({start} – {eind})",
        "en": "Campaign **{naam}** ({start} – {eind})",
    },
    "new_activity": {
        "nl": "Activiteit **{titel}** ({gemeente}, {start})",
        "en": "Activity **{titel}** ({gemeente}, {start})",
    },
    "new_import": {
        "nl": "Import **{bestand}** op {tijd}: {n} rijen",
        "en": "Import **{bestand}** on {tijd}: {n} rows",
    },
    "nothing_new": {
        "nl": "Niets nieuws in de laatste drie maanden van de periode.",
        "en": "Nothing new in the last three months of the period.",
    },
    "break_launch": {"nl": "start {naam}", "en": "launch {naam}"},
    "break_end": {"nl": "einde {naam}", "en": "end {naam}"},
    "overview_title": {"nl": "Overzicht: {selectie}", "en": "Overview: {selectie}"},
    "overview_intro": {
        "nl": "Meldingen van straatintimidatie en seksuele intimidatie, campagnes en activiteiten voor {selectie}, {start} tot en met {eind}.",
        "en": "Reports of street harassment and sexual harassment, campaigns and activities for {selectie}, {start} to {eind}.",
    },
    "alt_trend": {
        "nl": "Lijngrafiek van meldingen {grain} van {start} tot {end}: samen {total} meldingen, het hoogst {peak} rond {peak_date}; {campaigns} campagneperiodes zijn gearceerd.",
        "en": "Line chart of reports {grain} from {start} to {end}: {total} reports in total, highest {peak} around {peak_date}; {campaigns} campaign periods are shaded.",
    },
    "alt_bars": {"nl": "Staafdiagram {title}: {parts}.", "en": "Bar chart {title}: {parts}."},
    "cat_onderzoek": {"nl": "Onderzoek", "en": "Research"},
    "cat_preventie": {"nl": "Preventie", "en": "Prevention"},
    "cat_interventie": {"nl": "Interventie", "en": "Intervention"},
    "cat_repressie": {"nl": "Repressie", "en": "Repression"},
    "rep_verbaal": {"nl": "Verbaal", "en": "Verbal"},
    "rep_non-verbaal": {"nl": "Non-verbaal", "en": "Non-verbal"},
    "rep_fysiek": {"nl": "Fysiek", "en": "Physical"},
    "rep_achtervolgen": {"nl": "Achtervolgen", "en": "Following"},
    "rep_overig": {"nl": "Overig", "en": "Other"},
    "suppressed_note": {
        "nl": 'Aantallen van 1 tot {k} worden niet getoond ("<{k}") om melders te beschermen.',
        "en": 'Counts from 1 to {k} are not shown ("<{k}") to protect people who report.',
    },
    "error_generic": {
        "nl": "Er ging iets mis bij het maken van dit onderdeel. De rest van de pagina werkt nog. Melding voor de beheerder: {kind}.",
        "en": "Something went wrong building this part. The rest of the page still works. Note for the administrator: {kind}.",
    },
}


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the label ``key`` in ``lang`` (falling back to Dutch), formatted with ``values``."""
    entry = LABELS.get(key)
    if entry is None:
        raise KeyError(f"no label {key!r} in vsdash.i18n.LABELS")
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """Format a number the way readers of ``lang`` expect (nl: 1.234,5; en: 1,234.5)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 0, sign: bool = False) -> str:
    """Format a fraction (0.4) as a percentage (nl: 40%, en: 40%), optionally with a sign."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    prefix = "+" if sign and value > 0 else ""
    return f"{prefix}{fmt_number(value * 100, lang, decimals)}%"


def fmt_date(value: dt.date, lang: str = DEFAULT_LANG) -> str:
    """Format a date in full (nl: 12 maart 2023; en: 12 March 2023)."""
    months = MONTHS_NL if lang == "nl" else MONTHS_EN
    return f"{value.day} {months[value.month - 1]} {value.year}"
