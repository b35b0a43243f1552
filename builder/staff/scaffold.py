"""A new, empty profile for staff to fill in: ``.venv/bin/microcare new "Business name"``.

The file has every field of the schema, so staff delete what they do not
need rather than look up what they may add. Its values are placeholders that
pass ``check`` at once (a draft may stay half-done), and every text to
replace says REPLACE. It never invents a fact: every date that records
something the council saw or did is left empty (""), with a comment saying
what to enter. The rules in ``check.placeholders`` make sure no placeholder
and no empty date is ever published.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import unicodedata
from pathlib import Path
from string import Template

from builder.check.file_rules import shortened
from builder.check.validate import check_files
from builder.load.vocab import Vocabulary
from builder.problems import Problem

_PHONE = '  phone: "01632 960000"          # REPLACE with the real number (this one is made up)'
# A live directory refuses made-up numbers, so its new profiles start without one.
_NO_PHONE = '  # phone: "REPLACE"             # the number in quotes; delete the # at the start'

_TEMPLATE = Template("""\
# yaml-language-server: $$schema=../schema/provider.schema.json
# A new profile for $name, started on $today with `.venv/bin/microcare new`.
# - Replace every value that says REPLACE, and check the dates and lists too.
# - Delete the lines marked "optional" that you do not need.
# - Keep "published: false" until the council's checks are done.
# - Then run `.venv/bin/microcare check` to see what still needs fixing.
# Each field is explained in schema/provider.schema.json (VS Code shows it as you type).
name: $quoted_name
trading_name: REPLACE with another name the business uses   # optional
# Change to true when the council's checks are done.
published: false
# Only when the provider stops being listed: delete the # and write the date.
# withdrawn: "YYYY-MM-DD"
legal_form: sole-trader          # sole-trader, partnership, limited-company or cic
staff: 0                         # people employed besides the owner, 0 to 5
summary: REPLACE with one sentence that says what the provider offers.
summary_cy: REPLACE with the summary in Welsh   # optional
description: |
  REPLACE with a few short paragraphs about the provider.
  Leave a blank line between paragraphs.

  - Start each item of a list with a dash.
description_cy: |                # optional
  REPLACE with the description in Welsh.
services: [companionship]        # REPLACE: ids from data/services.yml
areas: [all-flintshire]          # REPLACE: ids from data/areas.yml, or all-flintshire
contact:                         # a phone number, an email address, or both
$phone
  texts: false                   # true if the number takes text messages
  email: replace-me@example.org  # REPLACE with the business email address
  website: https://replace-me.example.org   # optional; REPLACE, starting https://
  best_times: REPLACE with the best times to get in touch   # optional
  best_times_cy: REPLACE with the best times in Welsh   # optional
availability:
  # taking-new-clients, waiting-list or not-taking-new-clients
  status: not-taking-new-clients
  # Empty until the provider confirms it: the date, like "2026-11-03".
  confirmed: ""
  times: [daytime]               # early-morning, daytime, evening, night, weekends
languages: [en]                  # REPLACE: en, cy for a Welsh speaker, pl and so on
funding: [self-funded]           # REPLACE: self-funded, direct-payments, council-arranged
prices:
  hourly_rate: 20.00             # REPLACE: the usual price for an hour, in pounds
  minimum_visit_minutes: 60      # REPLACE: the shortest visit, in minutes
  weekends: REPLACE with any extra charge at weekends   # optional
  weekends_cy: REPLACE with the weekend charge in Welsh   # optional
  bank_holidays: REPLACE with any extra charge on bank holidays   # optional
  bank_holidays_cy: REPLACE with the bank holiday charge in Welsh   # optional
  mileage: REPLACE with any charge for travel   # optional
  mileage_cy: REPLACE with the travel charge in Welsh   # optional
# The council's checks. Leave each date empty ("") until the council has seen
# the certificate, then write that date, like "2026-11-03". A draft may wait;
# a published profile needs every date.
checks:
  dbs:
    checked: ""                  # the date the council saw the enhanced DBS certificate
  insurance:
    checked: ""                  # the date the council saw the insurance certificate
    expires: ""                  # the date the insurance runs out, as the certificate says
  quality_framework:
    completed: ""                # the date the provider completed the quality framework
  ciw: {registered: false}       # for a provider registered with CIW, use the next line instead
  # ciw: {registered: true, number: "REPLACE"}
cover: REPLACE with what happens when the carer is ill or on holiday.
cover_cy: REPLACE with the cover arrangements in Welsh   # optional
# Optional: a photo or logo in providers/photos/. To add one, delete the # signs.
# photo:
#   file: $slug.jpg
#   alt: REPLACE with a short description of the picture
#   alt_cy: REPLACE with the description of the picture in Welsh
# Empty until the council has reviewed the whole profile with the provider: that date.
reviewed: ""
""")


def slug(name: str) -> str:
    """The file name for a business name: "Tŷ Twt" -> "ty-twt", "Alder & Ash" -> "alder-and-ash".

    A long name is cut at a hyphen, to the longest file name ``check`` accepts.
    """
    folded = unicodedata.normalize("NFKD", name.replace("&", " and "))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"['’‘`]", "", plain)  # "Connah's Quay" -> "connahs-quay"
    return shortened(re.sub(r"[^a-z0-9]+", "-", plain).strip("-"))


def new_profile(name: str, today: dt.date, *, drama_numbers: bool) -> str:
    """The text of a new draft profile for ``name``, dated ``today``.

    ``drama_numbers`` is the ``accept_drama_numbers`` setting: only while it
    is true may the placeholder phone number be one of Ofcom's made-up ones.
    """
    return _TEMPLATE.substitute(
        name=" ".join(name.split()),
        quoted_name=json.dumps(" ".join(name.split()), ensure_ascii=False),
        slug=slug(name),
        today=today.isoformat(),
        phone=_PHONE if drama_numbers else _NO_PHONE,
    )


def refusals(name: str, today: dt.date, vocab: Vocabulary) -> list[Problem]:
    """The errors ``check`` would find in the new profile for ``name``; none for a good name.

    The profile is checked exactly as it would be written, so ``new`` refuses
    the names ``check`` refuses (too long, invisible characters) with the same
    messages, and what it writes always passes ``check`` as a draft.
    """
    drama = bool(vocab.settings.get("accept_drama_numbers", False))
    with tempfile.TemporaryDirectory(prefix="microcare-new-") as folder:
        path = Path(folder) / f"{slug(name) or 'new-provider'}.yml"
        path.write_text(new_profile(name, today, drama_numbers=drama), encoding="utf-8")
        return check_files([path], root=Path(folder), today=today, vocab=vocab).errors


def write_profile(name: str, folder: Path, today: dt.date, *, drama_numbers: bool) -> Path:
    """Write a new profile into ``folder`` and return its path.

    Raises ``ValueError`` if the name has no letters or digits, and
    ``FileExistsError`` (never overwriting) if the profile already exists.
    """
    file_name = slug(name)
    if not file_name:
        raise ValueError(name)
    for suffix in (".yaml", ".yml"):  # either would take the same web address
        if (folder / f"{file_name}{suffix}").exists():
            raise FileExistsError(folder / f"{file_name}{suffix}")
    path = folder / f"{file_name}.yml"
    with path.open("x", encoding="utf-8", newline="\n") as f:  # "x": never overwrite
        f.write(new_profile(name, today, drama_numbers=drama_numbers))
    return path
