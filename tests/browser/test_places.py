"""The place box: a village, a community in either language, or a postcode.

Names come from data/areas.yml and postcode districts from
data/postcodes.yml, read here directly; a second site, built from a copy of
the project after importing the synthetic ONS Postcode Directory in
tests/fixtures/postcodes, shows whole postcodes narrowing to one community.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests import expected
from tests.browser.conftest import foreign_requests, served
from tests.browser.site import (
    LANGS,
    OTHER,
    PLACE_BOX,
    PLACE_OPTIONS,
    community_name,
    shown_slugs,
    t,
    tab_to,
    url,
    village_label,
    wait_for_results,
)
from tests.test_cli_build import ENV, copy_project

pytestmark = pytest.mark.browser

AREAS = yaml.safe_load((expected.ROOT / "data" / "areas.yml").read_text(encoding="utf-8"))
DISTRICTS = yaml.safe_load((expected.ROOT / "data" / "postcodes.yml").read_text("utf-8"))
FIXTURES = expected.ROOT / "tests" / "fixtures" / "postcodes"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def options(page: Page) -> list[str]:
    return page.locator(PLACE_OPTIONS).all_inner_texts()


def type_place(page: Page, typed: str) -> None:
    page.locator(PLACE_BOX).fill(typed)


def alias_label(name: str, community: str) -> str:
    """A community's name in the other language: "Treffynnon (Holywell)", the same in Welsh."""
    return f"{name} ({community})"


def open_finder(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/"))
    wait_for_results(page, lang, len(expected.matching()))


# -- Names ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_typing_each_village_or_its_welsh_name_offers_it_in_its_community(
    page: Page, lang: str
) -> None:
    open_finder(page, lang)
    villages = [(v, c[lang]) for c in AREAS["communities"] for v in c["villages"]]
    assert len(villages) > 30 and any("cy" in v for v, _ in villages)
    for village, community in villages:
        for name in dict.fromkeys((village["en"], village.get("cy", village["en"]))):
            type_place(page, name)
            assert village_label(name, community, lang) in options(page), name


@pytest.mark.parametrize("lang", LANGS)
def test_typing_each_community_in_either_language_offers_it(page: Page, lang: str) -> None:
    open_finder(page, lang)
    for c in AREAS["communities"]:
        own, other = c[lang], c[OTHER[lang]]
        type_place(page, own)
        assert own in options(page)
        type_place(page, other)
        assert (own if other == own else alias_label(other, own)) in options(page)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("myn", {"en": ["Mynydd Isa (in Argoed)"], "cy": ["Mynydd Isa (yng nghymuned Argoed)"]}),
        ("caergw", {"en": ["Caergwrle (in Hope)"], "cy": ["Caergwrle (yng nghymuned Yr Hôb)"]}),
        ("Treffynnon", {"en": ["Treffynnon (Holywell)"], "cy": ["Treffynnon"]}),
        ("Yr Wyddgrug", {"en": ["Yr Wyddgrug (Mold)"], "cy": ["Yr Wyddgrug"]}),
        ("mold", {"en": ["Mold"], "cy": ["Mold (Yr Wyddgrug)"]}),
        # Case and accents do not matter: Hôb is Hob.
        ("hob", {"en": ["Yr Hôb (Hope)"], "cy": ["Yr Hôb"]}),
        ("HÔB", {"en": ["Yr Hôb (Hope)"], "cy": ["Yr Hôb"]}),
        ("connahs", {"en": ["Connah's Quay"], "cy": ["Connah's Quay (Cei Connah)"]}),
    ],
)
def test_what_people_type_offers_exactly_the_places_it_names(
    page: Page, lang: str, typed: str, offered: dict[str, list[str]]
) -> None:
    open_finder(page, lang)
    type_place(page, typed)
    assert options(page) == offered[lang]


# -- With the keyboard alone, as a screen reader hears it ---------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_village_is_chosen_with_the_keyboard_alone_and_stays_a_village(
    page: Page, lang: str
) -> None:
    open_finder(page, lang)
    box = page.get_by_role("combobox", name=t(lang, "Village, community or postcode"))
    expect(box).to_have_attribute("aria-expanded", "false")
    tab_to(page, PLACE_BOX)
    expect(box).to_be_focused()
    page.keyboard.type("myn")
    listbox = page.get_by_role("listbox", name=t(lang, "Matching places"))
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    mynydd_isa = village_label("Mynydd Isa", "Argoed", lang)
    expect(page.locator("#mc-place-status")).to_have_text(
        t(lang, "1 place matches. Use the up and down arrow keys to choose.")
    )

    page.keyboard.press("ArrowDown")
    option = listbox.get_by_role("option", name=mynydd_isa)
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id") or "")
    page.keyboard.press("Enter")

    expect(box).to_have_value(mynydd_isa)
    expect(box).to_be_focused()
    expect(listbox).to_be_hidden()
    want = expected.matching(area="argoed")
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    assert page.url.endswith(url(lang, "find/?place=mynydd-isa"))


@pytest.mark.parametrize("lang", LANGS)
def test_escape_closes_the_list_and_a_name_typed_in_full_is_taken_on_leaving(
    page: Page, lang: str
) -> None:
    open_finder(page, lang)
    tab_to(page, PLACE_BOX)
    page.keyboard.type("ca")
    listbox = page.locator("#mc-place-list")
    expect(listbox).to_be_visible()
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(page.locator(PLACE_BOX)).to_have_attribute("aria-expanded", "false")

    # A name typed in full needs no choosing: leaving the box takes it.
    page.locator(PLACE_BOX).fill("")
    page.keyboard.type(community_name("flint", lang))
    page.keyboard.press("Tab")
    expect(page.locator(PLACE_BOX)).to_have_value(community_name("flint", lang))
    wait_for_results(page, lang, len(expected.matching(area="flint")))
    assert page.url.endswith(url(lang, "find/?area=flint"))


# -- Links -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_village_link_shows_the_village_in_both_languages(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/?place=mynydd-isa"))
    want = expected.matching(area="argoed")
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    expect(page.locator(PLACE_BOX)).to_have_value(village_label("Mynydd Isa", "Argoed", lang))

    page.locator("a.mc-lang-switch").click()
    other = OTHER[lang]
    page.wait_for_url(f"**/{url(other, 'find/?place=mynydd-isa')}")
    wait_for_results(page, other, len(want))
    expect(page.locator(PLACE_BOX)).to_have_value(village_label("Mynydd Isa", "Argoed", other))


@pytest.mark.parametrize("lang", LANGS)
def test_an_old_area_link_still_finds_its_community(page: Page, lang: str) -> None:
    page.goto(url(lang, "find/?area=holywell"))
    want = expected.matching(area="holywell")
    wait_for_results(page, lang, len(want))
    assert shown_slugs(page) == want
    expect(page.locator(PLACE_BOX)).to_have_value(community_name("holywell", lang))
    assert page.url.endswith(url(lang, "find/?area=holywell"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("place=nowhere", ("We don't know the place '%(place)s'.", {"place": "nowhere"})),
        ("area=nowhere", ("We don't know the place '%(place)s'.", {"place": "nowhere"})),
        (
            "area=mold&service=gardening",
            ("We don't know the service '%(service)s'.", {"service": "gardening"}),
        ),
    ],
)
def test_a_link_to_a_place_or_service_we_do_not_know_says_so(
    page: Page, lang: str, query: str, message: tuple[str, dict[str, str]]
) -> None:
    page.goto(url(lang, f"find/?{query}"))
    english, values = message
    expect(page.locator("#mc-count")).to_have_text(t(lang, english) % values)
    expect(page.locator("#mc-results > li")).to_have_count(0)
    # The address keeps what was asked, so the message stays true on reload.
    assert page.url.endswith(url(lang, f"find/?{query}"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_typed_place_we_do_not_know_says_so(page: Page, lang: str) -> None:
    open_finder(page, lang)
    tab_to(page, PLACE_BOX)
    page.keyboard.type("Nowhere")
    expect(page.locator("#mc-place-message")).to_have_text(
        t(
            lang,
            "No place in Flintshire matches '%(text)s'. Check the spelling, or type a postcode.",
        )
        % {"text": "Nowhere"}
    )
    page.keyboard.press("Tab")
    expect(page.locator("#mc-place-message")).to_have_text(
        t(lang, "We don't know the place '%(place)s'.") % {"place": "Nowhere"}
        + " "
        + t(lang, "Choose a place from the list, or type a postcode.")
    )


# -- Postcodes, with the sample district table --------------------------------------------


def district_communities(district: str, lang: str) -> set[str]:
    return {community_name(c, lang) for c in DISTRICTS["districts"][district]}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("typed", ["CH7", "ch7 1ab", "ch71ab", "CH7 1"])
def test_a_postcode_whole_or_in_part_offers_the_communities_of_its_district(
    page: Page, lang: str, typed: str
) -> None:
    open_finder(page, lang)
    type_place(page, typed)
    message = page.locator("#mc-place-message")
    expect(message).to_have_text(
        t(lang, "Postcodes starting %(district)s are in these communities. Choose yours:")
        % {"district": "CH7"}
    )
    assert set(options(page)) == district_communities("CH7", lang)
    assert len(options(page)) == len(DISTRICTS["districts"]["CH7"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_postcode_loads_its_table_only_when_typed_and_a_community_is_chosen_from_it(
    page: Page, lang: str
) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_finder(page, lang)
    assert not [u for u in asked if "/find/postcodes/" in u]
    tab_to(page, PLACE_BOX)
    page.keyboard.type("CH7 1AB")
    mold = community_name("mold", lang)
    expect(page.locator(PLACE_OPTIONS).filter(has_text=mold)).to_be_visible()
    assert [u for u in asked if "/find/postcodes/" in u] == [
        page.url.split("/find/")[0] + "/find/postcodes/index.json"
    ]
    labels = options(page)
    for _ in range(labels.index(mold) + 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator(PLACE_BOX)).to_have_value(mold)
    wait_for_results(page, lang, len(expected.matching(area="mold")))
    assert page.url.endswith(url(lang, "find/?area=mold"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_district_across_the_border_says_some_of_it_is_a_neighbours(
    page: Page, lang: str
) -> None:
    open_finder(page, lang)
    type_place(page, "LL12 9AA")
    expect(page.locator("#mc-place-message p").nth(1)).to_have_text(
        t(lang, "Some postcodes starting %(district)s are outside Flintshire. For those, try:")
        % {"district": "LL12"}
    )
    assert set(options(page)) == district_communities("LL12", lang)
    links = page.locator("#mc-place-message a")
    expect(links).to_have_count(2)
    expect(links.first).to_have_attribute(
        "href", {"en": "https://www.wrexham.gov.uk/", "cy": "https://www.wrecsam.gov.uk/"}[lang]
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("typed", "councils"),
    [("CH1 2AB", ["https://www.cheshirewestandchester.gov.uk/"]), ("SW1A 1AA", [])],
)
def test_a_postcode_outside_the_county_says_so_and_where_to_look(
    page: Page, lang: str, typed: str, councils: list[str]
) -> None:
    open_finder(page, lang)
    type_place(page, typed)
    words = t(
        lang,
        "%(postcode)s is not a Flintshire postcode. To find care where the person lives, try:",
    ) % {"postcode": typed}
    expect(page.locator("#mc-place-message p")).to_have_text(words)
    dewis = {"en": "https://www.dewis.wales/", "cy": "https://www.dewis.cymru/"}[lang]
    links = page.locator("#mc-place-message a")
    expect(links).to_have_count(len(councils) + 1)
    assert [a.get_attribute("href") for a in links.all()] == [*councils, dewis]
    expect(links.last).to_have_text("Dewis Cymru")
    assert options(page) == []
    expect(page.locator(PLACE_BOX)).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_no_violations_with_the_list_open_or_a_postcode_message(
    page_at: Callable[..., Page], lang: str, width: int
) -> None:
    page = page_at(width)
    open_finder(page, lang)
    page.evaluate(Axe().axe_script)
    for typed, shown in (
        ("myn", PLACE_OPTIONS),
        ("CH4", PLACE_OPTIONS),
        ("CH1 2AB", "#mc-place-message a"),
    ):
        type_place(page, typed)
        expect(page.locator(shown).first).to_be_visible()
        results = page.evaluate("options => axe.run(options)", AXE_OPTIONS)
        assert results["violations"] == [], (typed, results["violations"])


# -- Whole postcodes, after importing the (synthetic) ONS Postcode Directory ----------------


@pytest.fixture(scope="module")
def imported_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site built from a copy of the project after `python -m builder postcodes`."""
    project = copy_project(tmp_path_factory.mktemp("imported"))
    for args in (
        ["postcodes", str(FIXTURES / "onspd.csv"), "--codes", str(FIXTURES / "codes.yml")],
        ["build", "--site-dir", str(project / "site"), "--today", "2026-11-22"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "builder", *args],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    with served(project / "site") as address:
        yield address


@pytest.fixture
def imported(browser: Browser, imported_site: str) -> Iterator[Page]:
    """A page of the imported site, in a browser of its own; nothing may leave the machine."""
    requests: list[str] = []
    context: BrowserContext = browser.new_context(
        base_url=imported_site, viewport={"width": 1280, "height": 800}
    )
    context.on("request", lambda request: requests.append(request.url))
    yield context.new_page()
    assert foreign_requests(requests, imported_site) == []
    assert context.cookies() == []
    context.close()


# Each live Flintshire postcode in onspd.csv, as someone might type it, and its
# community as codes.yml names it.
FIXTURE_POSTCODES = [
    ("CH7 1AB", "CH7 1AB", "mold"),
    ("ch7 1ad", "CH7 1AD", "mold"),
    ("CH72AA", "CH7 2AA", "buckley"),
    ("CH7  3AA", "CH7 3AA", "buckley"),
    ("CH7 6AA", "CH7 6AA", "argoed"),
    ("CH5 4AA", "CH5 4AA", "connahs-quay"),
    ("CH6 5AA", "CH6 5AA", "flint"),
    ("ch8 7aa", "CH8 7AA", "holywell"),
    ("LL129AA", "LL12 9AA", "hope"),
]


@pytest.mark.parametrize("lang", LANGS)
def test_an_imported_postcode_narrows_to_exactly_its_community(imported: Page, lang: str) -> None:
    page = imported
    open_finder(page, lang)
    for typed, postcode, community in FIXTURE_POSTCODES:
        type_place(page, typed)
        expect(page.locator("#mc-place-message")).to_have_text(
            t(lang, "%(postcode)s is in this community:") % {"postcode": postcode}
        )
        assert options(page) == [community_name(community, lang)], typed


@pytest.mark.parametrize("lang", LANGS)
def test_an_imported_postcode_that_is_not_listed_offers_its_district(
    imported: Page, lang: str
) -> None:
    page = imported
    open_finder(page, lang)
    type_place(page, "CH7 9ZZ")
    expect(page.locator("#mc-place-message p").first).to_have_text(
        t(
            lang,
            "We can't find %(postcode)s among Flintshire's postcodes. Check it, or choose "
            "from the communities that postcodes starting %(district)s are in:",
        )
        % {"postcode": "CH7 9ZZ", "district": "CH7"}
    )
    assert set(options(page)) == {community_name(c, lang) for c in ("argoed", "buckley", "mold")}
    type_place(page, "CH7 1")  # a sector: only Mold's postcodes start CH7 1
    expect(page.locator(PLACE_OPTIONS)).to_have_text([community_name("mold", lang)])


@pytest.mark.parametrize("lang", LANGS)
def test_the_finder_carries_the_ons_attribution_once_its_data_is_used(
    imported: Page, page: Page, lang: str
) -> None:
    imported.goto(url(lang, "find/"))
    credit = imported.locator(".mc-credit")
    for line in (
        "Contains OS data © Crown copyright and database right %(year)s.",
        "Contains Royal Mail data © Royal Mail copyright and database right %(year)s.",
    ):
        expect(credit).to_contain_text(t(lang, line) % {"year": 2025})
    expect(credit).to_contain_text(
        t(
            lang,
            "Source: Office for National Statistics licensed under the Open Government "
            "Licence v.3.0.",
        )
    )
    # The sample site says its table is a sample, and claims no ONS data.
    page.goto(url(lang, "find/"))
    expect(page.locator(".mc-credit")).to_have_text(
        t(
            lang,
            "The postcode search uses a sample list of which communities each postcode "
            "district touches. It has not been checked yet.",
        )
    )
