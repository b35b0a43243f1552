"""The "Report a mistake on this page" link: an email to the council, addressed and explained.

Every provider page links to a ``mailto:`` address: the council's Micro-care
team (``council_contacts.team_email`` in data/directory.yml), with the
provider's name and the page's address already in the subject and the body,
in the page's language. It needs no form service and no other website: the
family's own email program sends it. The provider's name is untrusted text,
so ``escape.mailto`` percent-encodes all of it.
"""

from __future__ import annotations

from builder import i18n
from builder.check.council import EMAIL, SECTION
from builder.i18n import N_
from builder.load.vocab import Vocabulary
from builder.site import escape

SUBJECT = N_("Mistake in the %(directory)s: %(name)s")
BODY = (
    N_("Provider: %(name)s"),
    N_("Page: %(url)s"),
    "",
    N_("What is wrong on the page, and what should it say?"),
    "",
    "",
)


def mistake_link(vocab: Vocabulary, lang: str, site_url: str, name: str, page: str) -> str:
    """The ``mailto:`` link reporting a mistake on the page at site path ``page``.

    ``site_url`` is this language's published address; without it the body
    gives the page's path in the site.
    """
    gettext = i18n.translator(lang)
    values = {
        "name": name,
        "url": site_url + page,
        "directory": vocab.text("directory_name").get(lang),
    }
    subject = gettext(SUBJECT) % values
    body = "\n".join(gettext(line) % values if line else "" for line in BODY)
    return escape.mailto(vocab.settings[SECTION][EMAIL[-1]], subject, body)
