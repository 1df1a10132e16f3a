"""The site's own words: every phrase the render code writes, by message id, per language.

A message is text, never markup: `Messages.__call__` escapes it before it fills in the values,
so a message (a translator's text, once there are tables other than English) cannot add an
element or an attribute. The values are HTML, escaped by the caller as data always is
(markup.text, markup.link); `Messages.text` gives the plain text, for places that escape what
they are given (front matter, link labels, attributes via markup.attr).

ENGLISH holds every id; a language's table (data/i18n/<lang>/ui.yaml) may lack some, which
then read in English. An id that is not in ENGLISH is a bug in the render code: KeyError.
Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from .languages import LANGUAGES

ENGLISH: Mapping[str, str] = {
    # Plurals: Messages.count picks `.one` for 1 and `.other` for any other number.
    "count.event.one": "{n} event",
    "count.event.other": "{n} events",
    "count.phase.one": "{n} phase",
    "count.phase.other": "{n} phases",
    "count.error.one": "{n} error",
    "count.error.other": "{n} errors",
    "count.page.one": "{n} page",
    "count.page.other": "{n} pages",
    "count.figure.one": "{n} figure",
    "count.figure.other": "{n} figures",
    # The site's languages (languages.py), then others the public record is written in.
    **{f"language.{language.code}": language.english for language in LANGUAGES},
    "language.zh": "Chinese",
    "language.fr": "French",
    "language.de": "German",
    "source.line": "{outlet}, {title}, {date}",
    "events.count-heading": "Events ({count})",
    # Event pages (events.py)
    "event.weekday": " ({weekday})",
    "event.meta": "{date}{weekday} · Phase: {phase}",
    "event.record.heading": "From the public record",
    "event.sources.heading": "What the sources say",
    "event.sources.none": "None of the news articles this chronology quotes reports this event: "
                          "it rests on the public record.",
    "event.corrections.heading": "Errors in the sources",
    "event.corrections.see-also": "See also {corrections}.",
    "event.corrections.all": "all corrections",
    "event.basis.summary": "How the date is known: {headline}",
    "event.in-force.summary": "In force from {date}: {headline}",
    "event.editions": "Also in {links}",
    "event.tags.who": "Who",
    "event.tags.topics": "Topics",
    "event.tags.aliases": "Also called",
    "event.neighbours.label": "Previous and next event",
    "event.neighbours.previous": "Previous",
    "event.neighbours.next": "Next",
    "event.neighbours.link": "{which}: {title} ({date})",
    "event.copy-link": "Copy link",
    "heading.permalink": "Link to this part of the page",
    # Citing and sharing (render/citing.py; cite.py writes the formats)
    "cite.heading": "Cite this event",
    "cite.permalink": "Permanent link: {link}",
    "cite.copy": "Copy citation",
    "cite.copy.format": "Copy {format}",
    "cite.changed.exact": "Last changed on {date}.",
    "cite.changed.before": "Last changed on or before {date}: this copy of the chronology does "
                           "not have its full history.",
    "cite.changed.unknown": "When this event last changed is not known for this copy of the "
                            "chronology.",
    "cite.changes": "What changed: {changes}.",
    "cite.version": "The version cited is that of {date}.",
    "cite.accessed-note": "The day of access is filled in by your browser, from your device's "
                          "clock: a published page cannot know when it is read. Without "
                          "JavaScript it is left out; add it yourself.",
    "cite.import-note": "BibTeX, RIS and CSL-JSON can be pasted into a reference manager (in "
                        "Zotero: File, Import from Clipboard). An event is cited as a web page, "
                        "the whole chronology as a data set: {whole}.",
    "cite.whole": "how to cite the chronology",
    "cite.no-date": "n.d.",
    "cite.apa.entry": "{title}. ({date}). In {site}. {accessed}{url}",
    "cite.apa.dataset": "{title}{version} [Data set]. ({year}). {accessed}{url}",
    "cite.apa.version": "(Version {version})",
    "cite.apa.accessed": "Retrieved {date}, from",
    "cite.chicago.entry": "“{title}.” {site}. {when}{url}.",
    "cite.chicago.dataset": "{title}.{version} Dataset. {accessed}{url}.",
    "cite.chicago.version": "Version {version}.",
    "cite.chicago.modified": "Last modified {date}.",
    "cite.chicago.accessed": "Accessed {date}.",
    "cite.chronology.intro": "The chronology as a whole is a data set: a compiled collection of "
                             "dated events, each with its sources, published with its data and "
                             "changed from version to version. This is the version of {date}; to "
                             "cite one event, use the box at the foot of its page.",
    "cite.chronology.unversioned": "The chronology as a whole is a data set: a compiled "
                                   "collection of dated events, each with its sources, published "
                                   "with its data. This copy does not say which version it is. To "
                                   "cite one event, use the box at the foot of its page.",
    # Reporting an error (render/citing.py)
    "report.event": "Found an error in this event? {link}: it opens a report in the chronology's "
                    "public repository, with the event named.",
    "report.event.link": "Report it",
    "report.event.title": "Error in “{title}” ({id})",
    "report.event.body": "Event: {title}\nPage: {url}\n\nWhat is wrong, and where can the correct "
                         "fact be read?\n",
    "report.about": "{link}: it opens a report in the chronology's public repository.",
    "report.about.link": "Report an error",
    "report.about.title": "Error in the chronology",
    "report.about.body": "Page: {url}\n\nWhat is wrong, and where can the correct fact be read?\n",
    "report.none": "This copy of the chronology does not name a repository that takes reports.",
    # Phase pages, the phase list and the list of all events (events.py)
    "phase.dates": "{start} to {end} · {events}",
    "phase.timeline": "Timeline",
    "phase.events": "The events",
    "events.title": "All events",
    "events.description": "Every event of the Japan–South Korea trade dispute, 2018–2023, by "
                          "phase, with its date.",
    "events.intro": "{events} in {phases}, each with the news articles it rests on. The {home} "
                    "shows them with a chart of the measures in force.",
    "events.home-link": "home page",
    "events.by-phase": "By phase",
    # Shared pieces (fragments.py)
    "record.translation": "(our translation: “{translation}”)",
    "quote.translation": "Our translation: “{translation}”",
    # Whose words a quote gives (said): the speaker's own, or a report in another language,
    # which our rendering gives as reported speech, in no quotation marks (render/fragments.py).
    "quote.original": "{speaker}'s own words.",
    "quote.report": "As {outlet} reported in {language}: {speaker}'s words were in {spoken}.",
    "quote.not-found": "The original words were looked for and not found: {reason}",
    "quote.rendering": "Our rendering of the report, in reported speech (not the speaker's "
                       "words): {rendering}",
    "record.rendering": "(our rendering of the report, in reported speech: {rendering})",
    "quote.machine": "Machine translation by {by}.",
    "event.context.heading": "Background from these reports",
    "event.context.intro": "These sentences of the articles give an outcome or the background "
                           "of this event; they do not report the event itself.",
    "record.entry.label": "{outlet} in the list of the public record",
    "record.entry": "[record]",
    "basis.record": "Record: {record}.",
    "basis.not-found": "The record for this date was not found: {reason}",
    "basis.kind.record-sentence": "From the public record.",
    "basis.kind.record": "From the public record",
    "basis.kind.stated": "Stated",
    "basis.kind.derived": "Worked out",
    "basis.record-and-source": "{kind}; {source} says {phrase}.",
    "basis.stated": "{kind} in {source}: {phrase}.",
    "basis.derived": "{kind} from {phrase} in {source}, published {published}.",
    "basis.headline.kind.stated": "stated",
    "basis.headline.kind.derived": "worked out",
    "basis.headline.kind.record": "from the public record",
    "basis.headline.stated": "{kind} in {source}",
    "basis.headline.derived": "{kind} from {source}",
    "basis.headline.not-found": "{kind} (not found)",
    "timeline.takes-effect": "Takes effect",
    "timeline.decided": "(decided {date})",
    "timeline.empty": "No events yet.",
    "flag.label": "Error:",
    "flag.link": "see correction",
    # The link's name for screen readers: which correction it opens.
    "flag.link.label": "See the correction: {title}",
    "correction.kind": "Error: {kind}",
    "correction.kind.misattribution": "misattribution",
    "correction.kind.company": "company",
    "correction.kind.measure": "measure",
    "correction.kind.relative-date": "relative date",
    "correction.kind.duration": "duration",
    "correction.kind.contradiction": "contradiction",
    "correction.kind.fact": "fact",
    "correction.kind.wording": "wording",
    "correction.correct": "What is correct:",
    "correction.evidence": "How we know:",
    # The corrections page (corrections.py)
    "corrections.overview.heading": "The errors by source",
    "corrections.overview.error": "Error",
    "corrections.overview.kind": "Kind",
    "corrections.overview.event": "Event",
    "corrections.overview.source": "{source}: {errors}",
    "corrections.affected": "Events affected:",
    "corrections.title": "Corrections",
    "corrections.description": "Errors in the news articles this chronology quotes: the words, "
                               "what is correct and how we know.",
    "corrections.intro": "The articles this chronology quotes contain {count} errors that we have "
                         "found: misattributed speakers, wrong descriptions of companies and "
                         "measures, relative dates that point to the wrong year, imprecise "
                         "durations and contradictions between articles. Each is shown here and "
                         "on the events it affects, where the words quoted are marked “Error: see "
                         "correction”.",
    "corrections.changes": "The chronology's own corrections, of its dates, facts and wording, "
                           "are listed on {changes}.",
    "corrections.changes-link": "the Changes page",
    # The Changes page and its feed (changes.py)
    "changes.title": "Changes",
    "changes.description": "What the chronology itself has corrected or added, when, and why.",
    "changes.intro": "What the chronology itself has corrected or added, newest first, each with "
                     "its reason. The errors of the news articles it quotes are on {corrections}; "
                     "each event says when it last changed. A feed reader can follow these "
                     "changes: {feed}.",
    "changes.corrections-link": "the corrections page",
    "changes.feed-link": "the changes feed (Atom)",
    "changes.kind.correction": "Correction",
    "changes.kind.addition": "Addition",
    "changes.kind.wording": "Wording",
    "changes.kind.sources": "Sources",
    "changes.events": "Events:",
    "changes.empty": "No changes recorded yet.",
    "changes.feed.title": "{site}: changes",
    # People (people.py)
    "actor.name": "Name",
    "actor.native": "In Korean or Japanese",
    "actor.romanised": "Romanisation",
    "actor.family-name": "Family name",
    "actor.written-in": "As {language} writes it",
    "actor.aliases": "Also written",
    "actor.role": "Role at the time",
    "actor.country": "Country",
    "actor.kind": "Kind",
    "actor.kind.person": "person",
    "actor.kind.government": "government",
    "actor.kind.ministry": "ministry",
    "actor.kind.office": "office",
    "actor.kind.court": "court",
    "actor.kind.company": "company",
    "actor.kind.organisation": "organisation",
    "actor.kind.country": "country",
    "actor.kind.media": "news organisation",
    "country.south-korea": "South Korea",
    "country.japan": "Japan",
    "country.united-states": "United States",
    "actor.description": "{name}: {role}, and the events of the dispute they took part in.",
    "actors.no-country": "International and other",
    "actors.people": "People",
    "actors.institutions": "Institutions",
    "actors.title": "Who’s who",
    "actors.description": "The people and institutions in the dispute, by country.",
    "actors.intro": "The people and institutions in the dispute, by country. People are listed "
                    "by family name, shown in {small_capitals}: Korean names are written family "
                    "name first, Japanese and Western names given name first.",
    "actors.intro.small-capitals": "small capitals",
    # Reference pages (reference.py)
    "source.outlet": "Outlet",
    "source.title": "Title",
    "source.published": "Published",
    "source.agency": "Wire agency",
    "source.author": "Author",
    "source.address": "Address",
    "source.description": "Source: {outlet}, {title}, {date}.",
    "source.errors": "Errors we found in it ({count})",
    "source.errors.none": "None recorded.",
    "source.evidence": "Quoted as evidence against other sources ({count})",
    "source.cited-by": "Events citing this source ({count})",
    "source.cited-by.none": "None yet.",
    "sources.item": "{date}; cited by {events}",
    "sources.title": "Sources",
    "sources.description": "The news articles this chronology is built from.",
    "sources.intro": "The five news articles the chronology began with, quoted word for word. "
                     "They are not a balanced set: RT is funded by the Russian state; Xinhua is "
                     "China’s state news agency (here as republished by IOL); Al Mayadeen is a "
                     "Beirut-based channel; The Caspian Times republishes an Associated Press "
                     "report and another site a Bloomberg story. Each page below says what is "
                     "known of the copy we quote, and the errors of each are on {corrections}. "
                     "Dates and facts these articles do not establish rest on {record}, cited "
                     "page by page.",
    "sources.corrections-link": "the corrections page",
    "sources.record-link": "the public record",
    "topics.title": "Topics",
    "topics.description": "The dispute's threads, each with its events.",
    "context.date": "Date: {basis}",
    "context.title": "Background",
    "context.description": "The history behind the dispute (colonial rule, the 1965 treaty, "
                           "earlier meetings) and related events outside its four phases.",
    "context.intro": "What happened before the dispute and is referred to in it, and related "
                     "events that fall between or after the four phases. These entries are not "
                     "part of the timeline.",
    "glossary.also": "Also: {aliases}",
    "glossary.also.between": ", ",  # between two of those other names
    "glossary.title": "Glossary",
    "glossary.description": "Terms used in the chronology of the Japan–South Korea trade "
                            "dispute: white list, GSOMIA, photoresist and more.",
    "glossary.intro": "Where one of these terms first appears on a page of the chronology, "
                      "pointing at it, tapping it or reaching it with the Tab key shows its "
                      "definition; every definition is also here.",
    "glossary.naming": "How the chronology names the victims of forced labour, the white lists, "
                       "GSOMIA and the two countries, and why, in each edition: {page}.",
    "glossary.naming-page": "How the chronology names things",
    "record.official": "Official documents",
    "record.press": "Press and wire reports",
    "record.archived": "archived copy",
    "record.line": "{author}{outlet}, {date} · in {language}{archive}",
    "record.author": "{author}, ",
    "record.cited-on": "Cited on:",
    "record.not-cited": "Not cited yet.",
    "record.title": "The public record",
    "record.description": "The official documents and press reports that establish the "
                          "chronology's dates and facts, each with its address.",
    "record.intro": "{pages} of the public record — official documents (ministries, presidential "
                    "offices, courts, the WTO) and wire and press reports — establish the dates "
                    "and facts that the five news articles do not. Each is listed with the "
                    "address where it was read, in its own language; quotes from it are copied "
                    "as read, and translations are marked as ours.",
    # The chart and the At a glance page (chart.py, measures.py)
    "chart.measure": "{title}: in force from {start}",
    "chart.measure.ended": "{title}: in force from {start} until {end} ({days} days)",
    "chart.event": "{date}: {title}",
    "chart.description": "One lane per track of the dispute, from {start} to {end}. Bars show "
                         "how long each measure was in force; dots mark events. Numbered bands "
                         "are the phases. The table below gives the same facts.",
    "chart.empty": "No tracks yet: see data/tracks.yaml.",
    "chart.key.bar": "a measure in force, from the day it took effect; measures that follow one "
                     "another on a lane alternate in shade",
    "chart.key.mark": "an event, on a row of its own where events fall close together",
    "chart.key.phases": "the phases:",
    "chart.select": "Select a bar or a dot to open its event.",
    "tracks.title": "The dispute at a glance",
    "tracks.description": "Each measure of the Japan–South Korea trade dispute as a bar for as "
                          "long as it was in force, with its events.",
    "tracks.intro": "Each lane follows one thread of the dispute. A bar runs from the day a "
                    "measure took effect to the day it was lifted; a dot marks an event, often "
                    "the decision that came before.",
    "tracks.measures": "Measures in force",
    "picker.legend": "Which measures were in force on",
    "picker.day": "Day",
    "picker.month": "Month",
    "picker.year": "Year",
    "measures.ended": "from {start} until {end} {length}",
    "measures.length": "({days} days)",
    "measures.open": "from {start}, still in force",
    "measures.caption": "Measures and how long they were in force, from the day each took effect "
                        "to the day it was lifted, by lane of the chart",
    "measures.measure": "Measure",
    "measures.in-force": "In force",
    # The figures: on event pages and on their own page (figures.py)
    "event.figures.heading": "In figures",
    "event.figures.intro": "{count} from the public record follow this event; each opens to the "
                           "words that state it. All of them, with charts: {page}.",
    "event.figures.page": "the economic impact, in figures",
    "event.figures.entry": "This figure among all the figures",
    "figure.line": "{value}: {measures}, {period}",
    "figure.against": "{period}, against {against}",
    "figure.differs": "Another report gives another number: {figures}.",
    "figure.follows": "It follows: {events}.",
    "figure.unit.tonnes": "{n} tonnes",
    "figure.unit.JPY": "¥{n}",
    "figure.unit.USD": "US${n}",
    "figure.unit.KRW": "{n} won",
    "figure.unit.people": "{n} people",
    "figure.unit.vehicles": "{n} vehicles",
    "figure.unit.stores": "{n} stores",
    "figure.unit.percent": "{n}%",
    "figure.unit.points": "{n} percentage points",
    "figures.area.chemicals": "Japan’s exports of the three chemicals",
    "figures.area.sourcing": "South Korea’s sourcing elsewhere and at home",
    "figures.area.beer": "Japanese beer",
    "figures.area.cars": "Japanese cars",
    "figures.area.clothing": "Clothing: Uniqlo",
    "figures.area.travel": "Travel to Japan",
    "figures.title": "The economic impact, in figures",
    "figures.description": "What the measures did, in figures from the public record: Japan’s "
                           "exports of the three chemicals, South Korea’s sourcing elsewhere and "
                           "at home, and the boycott’s effect on Japanese beer, cars, clothing "
                           "and travel.",
    "figures.intro": "{figures} from {pages} of the public record: the trade statistics of "
                     "Japan’s Ministry of Finance and of the Korea Customs Service, the Japan "
                     "National Tourism Organization’s estimates, car registrations and company "
                     "accounts, as news agencies and papers reported them. Each figure is given "
                     "as its report states it, with the report’s words, and names the events it "
                     "follows. Where two reports give different numbers for one thing, both are "
                     "shown, each naming the other. Changes are given from the period they are "
                     "measured against; no number here is rounded or worked out by us.",
    "figures.empty": "No figures yet: see data/figures.yaml.",
    "figures.chart.heading": "Over time",
    "figures.chart.intro": "Each chart draws one measure over the periods the reports give; the "
                           "periods are not evenly spaced. The table after the charts gives the "
                           "same numbers.",
    "figures.chart.description": "{count} bars, from {start} to {end}. The table below the charts "
                                 "gives the same numbers.",
    "figures.chart.bar": "{period}: {value}",
    "figures.table.caption": "The numbers the charts draw, by chart",
    "figures.table.period": "Period",
    "figures.table.value": "Figure",
    "figures.table.source": "Reported by",
    "figures.all.heading": "Every figure",
    "figures.all.intro": "By what they measure, each with the words of the report that states it.",
    # The timeline's filters (filters.py)
    "filters.title": "Show only some of the events",
    "filters.topic": "Topic",
    "filters.topic.all": "All topics",
    "filters.actor": "Who",
    "filters.actor.all": "Anyone",
    "filters.actor.elsewhere": "Elsewhere",
    "filters.country": "Country",
    "filters.country.all": "Any country",
    "filters.country.japan": "What Japan did",
    "filters.country.south-korea": "What South Korea did",
    "filters.country.others": "What others did",
    "filters.kind": "Kind",
    "filters.kind.all": "Every kind",
    "filters.kind.decision": "Decisions",
    "filters.kind.in-force": "Measures taking effect",
    "filters.kind.talks": "Talks and summits",
    "filters.kind.ruling": "Court rulings",
    "filters.count": "{shown} of {total} events",
    "filters.reset": "Show all",
    # An edition's notes about its translation, on every page (__init__.py)
    "edition.note.untranslated": "Parts of this page are not translated yet: they are shown in "
                                 "English.",
    "edition.note.stale": "Parts of this page (marked) were translated from an earlier version "
                          "of the English and may be out of date.",
    "edition.note.stale-page": "This page was translated from an earlier version of the English "
                               "page and may be out of date.",
    # What kind of translation a page is (model.HOW; `.reviewed`: a person has reviewed it), under
    # its heading and in its credit. Never name a tool or the process: the kind of work, and
    # people by name.
    "edition.made.machine": "Machine translation of the English, not yet reviewed by a person.",
    "edition.made.machine.reviewed": "Machine translation of the English, reviewed by "
                                     "{reviewed}.",
    "edition.made.machine-checked": "Machine translation of the English, checked by a second "
                                    "machine pass, not yet reviewed by a person.",
    "edition.made.machine-checked.reviewed": "Machine translation of the English, checked by a "
                                             "second machine pass and reviewed by {reviewed}.",
    "edition.made.person": "Translated from the English by {by}, not yet reviewed by a second "
                           "person.",
    "edition.made.person.reviewed": "Translated from the English by {by}, reviewed by "
                                    "{reviewed}.",
    "edition.made.machine-partly-checked": "Machine translation of the English, part of it "
                                           "checked by a second machine pass, not yet reviewed "
                                           "by a person.",
    "edition.made.none": "Nothing on this page is translated yet.",
    "edition.credit": "{made} The English is the original; see {coverage}.",
    "edition.coverage-link": "what each edition has translated",
    # The translations page (translated.py)
    "translations.title": "Translations",
    "translations.description": "What the Korean and Japanese editions have translated, and "
                                "how.",
    "translations.intro": "The chronology is published in English, Korean and Japanese from the "
                          "same data; the English is the original, and the translations follow "
                          "it. Quotes stay in the language they were written in, with our "
                          "translation beside them. Text not yet translated is shown in English "
                          "and marked, and each page says, under its title, what kind of "
                          "translation it is and whether a person has reviewed it.",
    "translations.edition": "{language} edition",
    "translations.summary": "{done} of {total} texts translated ({percent} %): {machine} by "
                            "machine ({checked} of them checked by a second machine pass), "
                            "{people} by a person; {reviewed} reviewed by a person.",
    "translations.caption": "Translated texts in the {language} edition, by kind",
    "translations.column.kind": "Text",
    "translations.column.translated": "Translated",
    "translations.column.total": "Of",
    "translations.column.stale": "Out of date",
    "translations.kind.events": "Events: titles, summaries and date notes",
    "translations.kind.quotes": "Quotes from the articles (our translations)",
    "translations.kind.record-quotes": "Quotes from the public record (our translations)",
    "translations.kind.notes": "Notes under quotes",
    "translations.kind.phases": "Phases",
    "translations.kind.topics": "Topics",
    "translations.kind.actors": "People and institutions: roles and notes",
    "translations.kind.glossary": "Glossary",
    "translations.kind.context": "Background",
    "translations.kind.corrections": "Corrections",
    "translations.kind.changes": "Changes",
    "translations.kind.tracks": "At a glance: its lanes",
    "translations.kind.measures": "At a glance: the measures",
    "translations.kind.figures": "The figures: what each measures",
    "translations.kind.sources": "The five articles: outlets and notes",
    "translations.kind.records": "The public record: outlets and notes",
    "translations.kind.ui": "The site's own words",
    "translations.events.all": "Every event's title and summary is translated.",
    "translations.events.missing": "Not yet translated: {count}.",
    # The theme's templates (hooks/theme/: t("id")) and the scripts (docs/assets/*.js: say("id"),
    # given the edition's table by main.html)
    "notfound.title": "Page not found",
    "notfound.lead": "There is no page at this address: it may be mistyped, or cut short where a "
                     "link was copied.",
    "notfound.form": "Search the chronology",
    "notfound.label": "Search the chronology for",
    "notfound.button": "Search",
    "notfound.start": "Or start from",
    # Each way in: the link's words, and where the link stands in its line ({link}).
    "notfound.timeline": "the timeline of every event",
    "notfound.timeline.item": "{link}, on the home page;",
    "notfound.events": "all events",
    "notfound.events.item": "{link}, by phase;",
    "notfound.tracks": "the dispute at a glance",
    "notfound.tracks.item": "{link}: the measures in force over time;",
    "notfound.corrections": "the corrections",
    "notfound.corrections.item": "{link}: the errors in the articles.",
    "search.idle": "Type to start searching",
    "search.instead": "Search instead for",
    "search.filters": "Filter by phase, topic or person",
    "search.filter.phase": "Phase",
    "search.filter.phase.all": "All phases",
    "search.filter.topic": "Topic",
    "search.filter.topic.all": "All topics",
    "search.filter.actor": "Who",
    "search.filter.actor.all": "Anyone",
    "search.results": "Results",
    "search.more": "More results",
    "search.kind.actor": "Who’s who",
    "search.kind.topic": "Topic",
    "search.kind.phase": "Phase",
    "search.kind.source": "Source",
    "search.kind.record": "Public record",
    "search.kind.page": "Page",
    "search.count.none": "No results",
    "search.count.one": "1 result",
    "search.count.other": "{n} results",
    "search.failed": "Search could not be loaded. Try again later.",
    # The status line: the count, then what else is true of the results, each a part of its
    # own, joined by search.separator (query.js statusOf).
    "search.partial": "none has all the words",
    "search.missing": "no page has {words}",
    "search.word": "“{word}”",
    "search.words": ", ",
    "search.filtered": "filtered",
    "search.corrected": "results for “{word}”",
    "search.separator": " · ",
    "search.others": "results for the other words",
    "search.in-force": "{date} · in force {day}",
    "search.date.none": "No event is dated {date}",
    "search.date.both": "the nearest are of {before} and {after}",
    "search.date.last": "the chronology ends earlier; its last events are of {before}",
    "search.date.first": "the chronology begins later; its first events are of {after}",
    "script.copied": "Copied",
    "script.copied.link": "Link copied",
    "script.link-field": "Link to copy",
    "script.copy.manual": "Your browser did not let the page copy it: the text is selected, for "
                          "you to copy.",
    "script.asof.when": "{day} {month} {year}",
    "script.asof.one": "On {when}, 1 measure was in force (marked in the table below, and by the "
                       "dashed line on the chart): {measures}.",
    "script.asof.other": "On {when}, {n} measures were in force (marked in the table below, and "
                         "by the dashed line on the chart): {measures}.",
    "script.asof.none": "On {when}, none of these measures was in force (the dashed line on the "
                        "chart).",
    "script.list": "; ",
    # Redirects and the preview's problem banner (__init__.py)
    "redirect.title": "Moved: {title}",
    "redirect.body": "This page has moved: {link}.",
    "problems.lead": "The data has problems, so this preview shows the last data that checked.",
    "problems.fix": "Fix them and save: the page reloads.",
}

# A value's place in a message: {name}. Not str.format, whose {name.attribute} and {name[0]}
# would let a message reach into its values.
PLACE = re.compile(r"\{([a-z_]+)\}")

def message(table: Mapping[str, str], message_id: str) -> str:
    """The message's text in a language's table, or in English where the table lacks it."""
    found = table.get(message_id)
    if found is not None:
        return found
    if message_id not in ENGLISH:
        raise KeyError(f"no message '{message_id}': add it to ENGLISH in messages.py")
    return ENGLISH[message_id]


# The messages the scripts use, given to them in each page (hooks/theme/main.html).
SCRIPT_PREFIXES = ("search.", "script.")
SCRIPT_IDS = ("filters.count",)


def script_messages(table: Mapping[str, str]) -> dict[str, str]:
    """The scripts' messages in a language: its table's, English where it lacks one."""
    return {id_: message(table, id_) for id_ in ENGLISH
            if id_.startswith(SCRIPT_PREFIXES) or id_ in SCRIPT_IDS}


def _fill(template: str, values: Mapping[str, object]) -> str:
    """The template with each {name} replaced by its value; KeyError names a missing one."""
    return PLACE.sub(lambda place: str(values[place.group(1)]), template)


class Messages:
    """The site's words in one language."""

    def __init__(self, lang: str = "en", table: Mapping[str, str] | None = None) -> None:
        """`table`: the language's messages by id (translations/localize.messages); English
        where it has none."""
        self.lang = lang
        self.table = ENGLISH if table is None else table

    def __call__(self, message_id: str, /, **values: object) -> str:
        """The message as HTML: its own text escaped, the values (HTML) put in as given."""
        return _fill(html.escape(message(self.table, message_id)), values)

    def text(self, message_id: str, /, **values: object) -> str:
        """The message as plain text, with plain-text values, for a place that escapes it."""
        return _fill(message(self.table, message_id), values)

    def count(self, number: int, noun: str) -> str:
        """ "1 event", "2 events": `noun` names the messages `<noun>.one` and `<noun>.other`."""
        return self(_plural(number, noun), n=number)

    def count_text(self, number: int, noun: str) -> str:
        """The count as plain text (Messages.text)."""
        return self.text(_plural(number, noun), n=number)


def _plural(number: int, noun: str) -> str:
    return f"{noun}.one" if number == 1 else f"{noun}.other"


EN = Messages("en")
