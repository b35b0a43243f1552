"""The council's contact details: where families report mistakes, and check's warnings.

The links are ``mailto:`` addresses with a subject and a body, built by
``escape.mailto`` from untrusted provider names; the details live in
data/directory.yml, fill the hand-written pages, and ``check`` warns while
any is still a placeholder.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from builder.check.council import council_problems
from builder.check.report import format_problems
from builder.load.vocab import load_vocabulary
from builder.paths import DATA_DIR
from builder.site import council, escape
from builder.site.mistakes import mistake_link

SITE = "https://microcare.example.org/"


def message(link: str) -> tuple[str, dict[str, str]]:
    """The address of a mailto: link, and its fields decoded."""
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    fields = {
        name: values[0] for name, values in parse_qs(parts.query, strict_parsing=True).items()
    }
    return unquote(parts.path), fields


@pytest.mark.parametrize(
    ("lang", "site", "subject", "body"),
    [
        (
            "en",
            SITE,
            "Mistake in the Flintshire Micro-care Directory: Bryn Care",
            "Provider: Bryn Care\r\nPage: https://microcare.example.org/providers/bryn-care/\r\n\r\n"
            "What is wrong on the page, and what should it say?\r\n\r\n",
        ),
        (
            "cy",
            SITE + "cy/",
            "Camgymeriad yn y Cyfeiriadur Micro-ofal Sir y Fflint: Bryn Care",
            "Darparwr: Bryn Care\r\nTudalen: https://microcare.example.org/cy/providers/bryn-care/"
            "\r\n\r\nBeth sy'n anghywir ar y dudalen, a beth ddylai ei ddweud?\r\n\r\n",
        ),
    ],
)
def test_the_mistake_link_names_the_provider_and_the_page_in_the_pages_language(
    lang: str, site: str, subject: str, body: str
) -> None:
    link = mistake_link(load_vocabulary(), lang, site, "Bryn Care", "providers/bryn-care/")
    assert message(link) == ("microcare@example.org", {"subject": subject, "body": body})


def test_a_hostile_name_cannot_add_a_recipient_or_a_header() -> None:
    name = "Evil & Co?cc=spy@example.com&bcc=x\r\nBcc: y <b>"
    link = mistake_link(load_vocabulary(), "en", SITE, name, "providers/evil/")
    assert link.startswith("mailto:microcare@example.org?subject=")
    assert set(urlsplit(link).query.split("&")) == {
        "subject=" + link.split("subject=")[1].split("&")[0],
        "body=" + link.split("body=")[1],
    }
    address, fields = message(link)
    assert address == "microcare@example.org"
    assert set(fields) == {"subject", "body"}
    assert fields["subject"].endswith(": " + name)
    assert not any(c in link for c in " <>\"'\r\n")


def test_mailto_without_a_message_is_just_the_address() -> None:
    assert escape.mailto("hello@example.org") == "mailto:hello@example.org"
    assert escape.mailto("a@example.org", subject="Hi there") == (
        "mailto:a@example.org?subject=Hi%20there"
    )


#: What checking the whole sample directory says first: its council details are placeholders.
SAMPLE_WARNINGS = [
    "data/directory.yml:17:15: [warning] the Micro-care team's email address is still a "
    "placeholder (microcare@example.org); put in the council's real address, where families "
    "report mistakes (council_contacts.team_email)",
    "data/directory.yml:18:15: [warning] the Micro-care team's phone number is still a made-up "
    "one (01632 960999); put in the council's real number (council_contacts.team_phone)",
    *(
        f'data/directory.yml:{line}: [warning] "{page}" is still a placeholder or the '
        "council's home page (https://www.flintshire.gov.uk/); put in the address of the "
        "council's own page for it, in English and in Welsh "
        f"(council_contacts.{page}.en)"
        for line, page in [
            ("20:22", "safeguarding"),
            ("22:18", "concerns"),
            ("24:20", "assessment"),
            ("26:25", "direct_payments"),
        ]
    ),
]


def test_the_sample_settings_warn_about_each_placeholder_with_its_line() -> None:
    problems = council_problems(DATA_DIR / "directory.yml", "data/directory.yml")
    assert format_problems(problems, "text", "en").splitlines() == SAMPLE_WARNINGS


REAL = """\
council_contacts:
  team_email: microcare@flintshire.gov.uk
  team_phone: "01352 702020"
  safeguarding: {en: "https://www.flintshire.gov.uk/en/safeguarding", cy: "https://www.siryfflint.gov.uk/cy/diogelu"}
  concerns: {en: "https://www.flintshire.gov.uk/en/complaints", cy: "https://www.siryfflint.gov.uk/cy/cwynion"}
  assessment: {en: "https://www.flintshire.gov.uk/en/assessment", cy: "https://www.siryfflint.gov.uk/cy/asesiad"}
  direct_payments:
    en: "https://www.flintshire.gov.uk/en/direct-payments"
    cy: "https://example.org/taliadau"
"""


def test_real_details_pass_and_each_placeholder_is_named(tmp_path: Path) -> None:
    settings = tmp_path / "directory.yml"
    settings.write_text(REAL, encoding="utf-8")
    assert [(p.line, p.field) for p in council_problems(settings, "directory.yml")] == [
        (9, "council_contacts.direct_payments.cy")
    ]
    settings.write_text(REAL.replace('  team_phone: "01352 702020"\n', ""), encoding="utf-8")
    [missing, _] = council_problems(settings, "directory.yml")
    assert (missing.line, missing.text()) == (
        1,
        'the council\'s "team_phone" is missing; add it, so that families can reach the council',
    )


@pytest.mark.parametrize(
    ("lang", "page"),
    [("en", "https://www.flintshire.gov.uk/"), ("cy", "https://www.siryfflint.gov.uk/")],
)
def test_the_hand_written_pages_get_the_details_in_their_language(lang: str, page: str) -> None:
    text = (
        "Email {{ council.team_email }}, phone {{council.team_phone}}: [x]({{ council.concerns }})"
    )
    assert council.fill(text, load_vocabulary(), lang) == (
        "Email [microcare&#64;example&#46;org](mailto:microcare@example.org), "
        f"phone [01632 960999](tel:+441632960999): [x]({page})"
    )


def test_an_unknown_detail_names_itself_and_the_known_ones() -> None:
    with pytest.raises(council.UnknownDetail) as unknown:
        council.fill("{{ council.fax }}", load_vocabulary(), "en")
    assert str(unknown.value) == (
        "{{ council.fax }} is not a council detail; use one of: council.team_email, "
        "council.team_phone, council.safeguarding, council.concerns, council.assessment, "
        "council.direct_payments"
    )
