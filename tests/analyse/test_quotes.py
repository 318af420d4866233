"""Quotes with their speakers: table tests on our own sentences, the seeds, and the stages."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

import newsloom.analyse  # noqa: F401  (registers the stages)
from newsloom.article import Article, Document, Quote
from newsloom.evaluation.gold import load_gold
from newsloom.evaluation.quotes import names_match
from newsloom.evaluation.runner import gold_document
from newsloom.hashing import content_hash
from newsloom.pipeline import Pipeline

from .quoting import QuotesOf

CHAIN = ("extract", "clean", "published", "nlp", "entities", "quotes")


def only(quotes: tuple[Quote, ...]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


SAID = '"We will not sign this agreement,"'
FAILED = '"The talks have failed completely,"'


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (f"{SAID} Anna Kowalski said on Monday.", "Anna Kowalski", "say"),
        (f"{SAID} said Anna Kowalski, the trade minister.", "Anna Kowalski", "say"),
        (f"Finnish Foreign Minister Jukka Lahti told reporters: {FAILED}", "Jukka Lahti", "tell"),
        (f"{FAILED} Lahti concluded after the meeting in Oslo.", "Lahti", "conclude"),
        ("Kowalski called the proposal “a complete waste of everyone's time”.", "Kowalski", "call"),
        ('Lahti warned that the border would "stay closed for a very long time".', "Lahti", "warn"),
        ('"It is a useful initiative," Lahti said of the plan, adding: "We will study it."',
         "Lahti", "say"),
    ],
)  # fmt: skip
def test_cue_and_named_speaker(quotes_of: QuotesOf, text: str, speaker: str, cue: str) -> None:
    q = quotes_of(text)[0]
    assert (q.speaker, q.cue) == (speaker, cue)
    assert q.confidence > 0


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a pronoun: the most recent fitting person, by gender when the text gives it
        ('Ms Kowalski spoke after Peter Lindgren. "We are ready to talk," she added.', "Kowalski"),
        ('Peter Lindgren met Anna Kowalski in Riga. "We are ready to talk," he tweeted.',
         "Peter Lindgren"),
        # a description matched to the titles given earlier
        ("Finnish Deputy Foreign Minister Jukka Lahti visited Riga on Monday. The Finnish "
         'diplomat warned: "Nobody should expect a quick deal here."', "Jukka Lahti"),
        ('Prime Minister Anna Kowalski met Peter Lindgren, the Swedish ambassador. "We have '
         'agreed on nothing yet," the prime minister said.', "Anna Kowalski"),
        # institutions, directly, through their voice, or through a document
        ('"We will keep the plant open for years," the energy ministry said.', "energy ministry"),
        ('"We are watching the situation very closely," a Kremlin spokesman said.', "Kremlin"),
        ('The leaders "agreed to meet again before the end of the year", according to a '
         "White House statement.", "White House"),
        # the full name of a short name, within the article
        ('Jukka Lahti arrived on Monday. "The talks have failed," Lahti said.', "Jukka Lahti"),
    ],
)  # fmt: skip
def test_speaker_resolution(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    assert quotes_of(text)[-1].speaker == speaker


def test_a_leaders_office_speaks_from_its_seat(quotes_of: QuotesOf) -> None:
    text = '"The two presidents discussed trade and security," Macron\'s office said.'
    q = only(quotes_of(text, year=2018))
    assert q.speaker == "Élysée Palace"
    assert q.speaker_mention == "Macron's office"


def test_the_statement_speaks_for_the_institution_that_issued_it(quotes_of: QuotesOf) -> None:
    text = (
        'The leaders "agreed to meet again before the end of the year", according to a White '
        'House statement. "They also discussed the crisis in the region", the statement said.'
    )
    first, second = quotes_of(text)
    assert (first.speaker, first.cue, first.kind) == ("White House", "according to", "partial")
    assert (second.speaker, second.speaker_mention, second.kind) == (
        "White House",
        "the statement",
        "direct",
    )


def test_a_description_of_a_company_is_no_person(quotes_of: QuotesOf) -> None:
    text = (
        "Peter Lindgren runs the Riga office. The Swedish software giant said it would "
        '"deliver a fix within eight days".'
    )
    q = only(quotes_of(text))
    assert q.speaker != "Peter Lindgren"


def test_an_unnamed_source_leaves_the_speaker_unknown(quotes_of: QuotesOf) -> None:
    q = only(quotes_of('"Nobody here expected the vote to go this way," one official said.'))
    assert q.speaker is None and q.speaker_mention is None and q.confidence == 0


def test_a_quote_without_a_cue_continues_the_previous_speaker(quotes_of: QuotesOf) -> None:
    text = (
        '"We want a deal that works for every family in the country," Lahti said.\n\n'
        '"Without it the border stays closed and the factories stay shut."'
    )
    first, second = quotes_of(text)
    assert first.speaker == second.speaker == "Lahti"
    assert second.cue is None
    assert second.confidence < first.confidence


def test_a_quote_without_a_cue_after_unrelated_text_has_no_speaker(quotes_of: QuotesOf) -> None:
    text = (
        '"We want a deal," Lahti said.\n\nThe markets fell sharply on the news.\n\n'
        '"But now I have decided that the only way forward is a new vote".'
    )
    assert quotes_of(text)[-1].speaker is None


def test_offsets_and_text(quotes_of: QuotesOf) -> None:
    text = 'Intro line.\n\n"We are ready to talk," Lahti said.'
    q = only(quotes_of(text))
    assert text[q.start : q.end] == q.text == "We are ready to talk,"


def test_no_quotes(quotes_of: QuotesOf) -> None:
    assert quotes_of("Nothing is quoted in this sentence.") == ()
    assert quotes_of("") == ()


def test_names_of_the_seed_speakers_match_the_gold(seeds: Path) -> None:
    """The issue's done-when: all 14 seed quotes with the right speaker and `via`."""
    gold = load_gold(seeds)
    pipeline = Pipeline(CHAIN)
    rows = gold.by_article("quotes")
    assert sum(len(r) for r in rows.values()) == 14
    for g in gold.articles:
        article = pipeline(gold_document(g))
        assert isinstance(article, Article)
        for row in rows[g.id]:
            start = row["start"]
            found = [
                q for q in article.quotes
                if article.source_offset(q.start) <= start < article.source_offset(q.end - 1)
            ]  # fmt: skip
            assert len(found) == 1, row["quote"]
            q = found[0]
            assert row["quote"] in q.text or q.text in row["quote"], (row["quote"], q.text)
            assert names_match(q.speaker, row["speaker"]), (row["quote"], q.speaker)
            assert (q.via or None) == row["via"], (row["quote"], q.via)


def test_stages_keep_the_article_picklable_and_the_contract_plain() -> None:
    text = (
        "Talks in Riga\n\nAnna Kowalski arrived in Riga on Monday for the talks with the "
        'Baltic states.\n\n"We are ready to talk," Kowalski said after the first meeting.'
    )
    doc = Document("t1", "t1", "text", text, content_hash(text))
    article = Pipeline(CHAIN)(doc)
    assert isinstance(article, Article)
    assert "Anna Kowalski arrived" in article.text
    assert article.parse is not None and article.parse.text == article.text
    again = pickle.loads(pickle.dumps(article))
    assert again == article and again.parse == article.parse
    out = article.to_dict()
    assert "parse" not in out
    assert out["quotes"][0]["speaker"] == "Anna Kowalski"
    assert {e["canonical"] for e in out["entities"]} >= {"Anna Kowalski"}
    # equality ignores the parse: it is derived data
    assert replace(article, parse=None) == article


def test_non_english_articles_are_skipped_not_rejected() -> None:
    text = "Le président a dit « nous partons » hier soir à Paris, devant les journalistes."
    doc = Document("fr", "fr", "text", text, content_hash(text))
    article = Pipeline(CHAIN)(doc)
    assert isinstance(article, Article) and article.lang != "en"
    assert article.quotes == () and article.parse is None
    assert {s.stage for s in article.skipped} >= {"nlp", "entities", "quotes"}


def test_the_quotes_stage_parses_again_when_the_parse_is_missing_or_stale() -> None:
    text = '"We are ready to talk," Anna Kowalski said.'
    doc = Document("t2", "t2", "text", text, content_hash(text))
    pipeline = Pipeline(("extract", "clean", "nlp", "quotes"))
    article = pipeline(doc)
    assert isinstance(article, Article) and article.quotes
    quotes_stage = pipeline.stages[-1].func
    assert (
        quotes_stage(replace(article, parse=None, quotes=()), pipeline.ctx).quotes == article.quotes
    )
    other = pipeline(Document("t3", "t3", "text", "Nothing quoted here.", content_hash("x")))
    assert isinstance(other, Article)
    stale = replace(article, parse=other.parse, quotes=())
    assert quotes_stage(stale, pipeline.ctx).quotes == article.quotes
