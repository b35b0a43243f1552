"""The place box's data: places and their keys, the place list, and the postcode files."""

from __future__ import annotations

import dataclasses
import json

import pytest

from builder.load.postcodes import Council, Elsewhere, PostcodeTable, load_elsewhere, load_table
from builder.load.vocab import Bilingual, load_vocabulary
from builder.model import Directory
from builder.site.finder import place_lookup, place_options, places
from builder.site.places import postcode_files
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory(providers=(), vocab=load_vocabulary(), today=TODAY)


def test_a_village_is_keyed_by_its_english_name_and_a_community_by_its_id() -> None:
    keys = {p.key: p.community.id for p in places(load_vocabulary())}
    assert keys["mynydd-isa"] == "argoed"
    assert keys["greenfield"] == "holywell"
    assert keys["argoed"] == "argoed"
    assert "maes-glas" not in keys  # Greenfield's Welsh name is a name, not another place


def test_two_places_with_one_key_stop_the_build() -> None:
    vocab = load_vocabulary()
    argoed = vocab.communities[0]
    twin = dataclasses.replace(argoed, villages=(*argoed.villages, Bilingual("Argoed", "Argoed")))
    broken = dataclasses.replace(vocab, communities=(twin, *vocab.communities[1:]))
    with pytest.raises(ValueError, match=r"\?place=argoed"):
        places(broken)


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        (
            "en",
            {
                "Holywell": ("holywell", True),
                "Treffynnon (Holywell)": ("holywell", False),
                "Greenfield (in Holywell)": ("greenfield", True),
                "Maes-glas (in Holywell)": ("greenfield", False),
            },
        ),
        (
            "cy",
            {
                "Treffynnon": ("holywell", True),
                "Holywell (Treffynnon)": ("holywell", False),
                "Maes-glas (yng nghymuned Treffynnon)": ("greenfield", True),
                "Greenfield (yng nghymuned Treffynnon)": ("greenfield", False),
            },
        ),
    ],
)
def test_the_place_list_offers_every_name_of_a_place_in_either_language(
    directory: Directory, lang: str, labels: dict[str, tuple[str, bool]]
) -> None:
    options = {o.label: (o.place.key, o.own) for o in place_options(directory, lang)}
    assert {label: found for label, found in options.items() if label in labels} == labels
    # One own-language name for each place: the one shown once it is chosen.
    own = [o.place.key for o in place_options(directory, lang) if o.own]
    assert len(own) == len(set(own)) == len(places(directory.vocab))


def test_any_name_in_either_language_finds_its_place(directory: Directory) -> None:
    lookup = place_lookup(directory)
    assert lookup["treffynnon"] == "holywell"
    assert lookup["maes-glas"] == "greenfield"
    assert lookup["mynydd-isa"] == "mynydd-isa"
    assert lookup["yr-hob"] == "hope"
    assert lookup["connahs-quay"] == lookup["cei-connah"] == "connahs-quay"


def test_the_sample_table_makes_one_small_index_and_no_district_files() -> None:
    files = postcode_files(load_table(), load_elsewhere(), "cy")
    assert list(files) == ["find/postcodes/index.json"]
    index = json.loads(files["find/postcodes/index.json"])
    assert index["districts"]["LL12"] == ["hope", "llanfynydd"]
    assert index["units"] == []
    assert index["everywhere"] == {
        "name": "Dewis Cymru",
        "url": "https://www.dewis.cymru/",
        "districts": [],
    }
    assert len(files["find/postcodes/index.json"].encode()) < 2000


def test_an_imported_table_makes_one_file_per_district_in_the_councils_language() -> None:
    table = PostcodeTable(
        verified=True,
        source="onspd",
        districts={"CH7": ("buckley", "mold")},
        postcodes={"CH7": {"1AB": "mold", "1AD": "mold", "2AA": "buckley"}},
        attribution_year=2025,
    )
    elsewhere = Elsewhere(
        neighbours=(
            Council(
                Bilingual("Wrexham County Borough Council", "Cyngor Bwrdeistref Sirol Wrecsam"),
                Bilingual("https://www.wrexham.gov.uk/", "https://www.wrecsam.gov.uk/"),
                ("LL11",),
            ),
        ),
        everywhere=Council(
            Bilingual("Dewis Cymru", "Dewis Cymru"),
            Bilingual("https://www.dewis.wales/", "https://www.dewis.cymru/"),
        ),
    )
    assert postcode_files(table, elsewhere, "en") == {
        "find/postcodes/index.json": (
            '{"districts":{"CH7":["buckley","mold"]},"units":["CH7"],"neighbours":'
            '[{"name":"Wrexham County Borough Council","url":"https://www.wrexham.gov.uk/",'
            '"districts":["LL11"]}],"everywhere":{"name":"Dewis Cymru",'
            '"url":"https://www.dewis.wales/","districts":[]}}'
        ),
        "find/postcodes/CH7.json": '{"buckley":["2AA"],"mold":["1AB","1AD"]}',
    }
