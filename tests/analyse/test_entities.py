"""Entities corrected for news, and canonical names of people within an article."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.entities import analyse_entities, canonical_name, roles_compatible
from newsloom.analyse.parse import Parse

Parsed = Callable[[str], Parse]


def people_of(parsed: Parsed, text: str) -> dict[str, str]:
    """Each person mention's text -> its canonical name."""
    entities, _ = analyse_entities(parsed(text))
    return {e.text: e.canonical for e in entities if e.label == "PERSON"}


@pytest.mark.parametrize(
    ("text", "mention", "canonical"),
    [
        # the fullest form used in the article
        ("Russian President Vladimir Putin spoke. Later Putin left.", "Putin", "Vladimir Putin"),
        # a title or a country glued to the name is not part of it
        ("A Russian diplomat called on U.S. Donald Trump to talk.", "Donald Trump",
         "Donald Trump"),
        ("Pres. Trump said of the deal that it was good.", "Trump", "Trump"),
        # a month that is a surname
        ("Theresa May has triggered Article 50. May wrote: “We are leaving.”", "May",
         "Theresa May"),
        # a hyphenated surname tagged as something else where the full name is a person
        ("Water Minister Dramane Kaboré-Sana spoke. Kaboré-Sana said no.", "Kaboré-Sana",
         "Dramane Kaboré-Sana"),
        # a name the model does not know, titled as a person
        ("Ghana’s water resources minister, Akosua Nyarko-Dei, said it was a first.",
         "Akosua Nyarko-Dei", "Akosua Nyarko-Dei"),
    ],
)  # fmt: skip
def test_people(parsed: Parsed, text: str, mention: str, canonical: str) -> None:
    assert people_of(parsed, text).get(mention) == canonical


def test_a_surname_tagged_as_an_organisation_is_the_person(parsed: Parsed) -> None:
    text = (
        "Donald Trump met the Russian president in Helsinki on Monday.\n\n"
        "Trump will say the deal is fair, the document said."
    )
    entities, people = analyse_entities(parsed(text))
    trump = [e for e in entities if e.text == "Trump"]
    assert trump and all(e.label == "PERSON" and e.canonical == "Donald Trump" for e in trump)
    assert [p.canonical for p in people.people] == ["Donald Trump"]


def test_a_month_stays_a_date(parsed: Parsed) -> None:
    entities, people = analyse_entities(parsed("Theresa May spoke in late May and on 8 May."))
    assert [p.canonical for p in people.people] == ["Theresa May"]
    assert all(e.label != "PERSON" for e in entities if e.text.endswith("May") and e.start > 12)


def test_a_hashtag_is_no_person(parsed: Parsed) -> None:
    _, people = analyse_entities(parsed("Mr Tusk tweeted: #Brexit. Later Tusk left."))
    assert "Brexit" not in {p.canonical for p in people.people}


def test_a_later_namesake_with_other_titles_stays_apart(parsed: Parsed) -> None:
    text = (
        "President Trump spoke first. Putin gave Trump a ball, which the President tossed to "
        "First Lady Melania Trump."
    )
    mentions = people_of(parsed, text)
    assert mentions["Melania Trump"] == "Melania Trump"
    assert mentions["Trump"] == "Trump"


def test_titles_gender_and_nationality_are_recorded(parsed: Parsed) -> None:
    text = (
        "Russian Deputy Foreign Minister Sergei Ryabkov spoke. Mrs May listened. Donald Tusk, "
        "the president of the European Council, left."
    )
    _, people = analyse_entities(parsed(text))
    by_name = {p.canonical: p for p in people.people}
    assert {"deputy", "foreign", "minister"} <= by_name["Sergei Ryabkov"].titles
    assert "russian" in by_name["Sergei Ryabkov"].nationality
    assert by_name["May"].gender == "f"
    assert "president" in by_name["Donald Tusk"].roles()


def test_organisations_take_their_full_name(parsed: Parsed) -> None:
    text = (
        "Denmark's Agency for Digital Defence opened an inquiry. The Agency said it was "
        "supporting the company's investigation."
    )
    _, people = analyse_entities(parsed(text))
    assert people.organisation("the Agency") == "Agency for Digital Defence"
    assert people.organisation("Unknown Body") == "Unknown Body"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the Kremlin's", "Kremlin"), ("The White House", "White House"), ("Reuters", "Reuters")],
)
def test_canonical_name(text: str, expected: str) -> None:
    assert canonical_name(text) == expected


def test_roles_compatible() -> None:
    assert roles_compatible({"chairman"}, {"leader"})
    assert roles_compatible(set(), {"president"})
    assert not roles_compatible({"president"}, {"lady"})
