"""PolNeAR scoring: reading brat attributions, the gold derived from them, the speaker rule,
and the floors newsloom keeps on PolNeAR dev, with textacy measured in the same run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.evaluation.figures import Figure
from newsloom.evaluation.polnear import evaluate_polnear, gold_quotes, gold_reported, speaker_right
from newsloom.evaluation.polnear_gold import (
    is_polnear_dir,
    load_annotations,
    load_polnear,
    quoted_stretches,
    scored_source,
)

#: what newsloom reaches on PolNeAR dev (the issue asks 0.95, 0.88, and 0.80 indirect precision);
#: reported speech (regression, content tagger and ranker, `training/reported_model.py`:
#: held-out train outlets 0.811 precision, 0.379 recall) reaches 0.818 and 0.440 on dev
DEV_QUOTE_F1 = 0.96
DEV_QUOTE_SPEAKER_F1 = 0.88
DEV_INDIRECT_PRECISION = 0.81
DEV_INDIRECT_RECALL = 0.43

TEXT = (
    'Talks stall.\n\n"We will not sign this agreement today," Anna Berg said. '
    "Peter Lindgren said the talks would resume next week.\n"
)


def write_set(root: Path) -> Path:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\tpublisher\n"
        "dev\tpaper_2016-01-01_talks\t1\tab\tpaper\n",
        encoding="utf-8",
    )
    (root / "dev" / "text" / "paper_2016-01-01_talks.txt").write_text(TEXT, encoding="utf-8")
    quote = TEXT.index('"We')
    quote_end = TEXT.index('," Anna') + 2
    berg = TEXT.index("Anna Berg")
    said = TEXT.index("said.")
    lindgren = TEXT.index("Peter Lindgren")
    said2 = TEXT.index("said the")
    content = TEXT.index("the talks would")
    lines = [
        f"T1\tSource {berg} {berg + 9}\tAnna Berg",
        f"T2\tCue {said} {said + 4}\tsaid",
        f"T3\tContent {quote} {quote_end}\t{TEXT[quote:quote_end]}",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        f"T4\tSource {lindgren} {lindgren + 14}\tPeter Lindgren",
        f"T5\tCue {said2} {said2 + 4}\tsaid",
        f"T6\tContent {content} {content + 32}\t{TEXT[content:content + 32]}",
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
    ]  # fmt: skip
    ann = root / "dev" / "attributions" / "paper_2016-01-01_talks_ab.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_reading_a_polnear_folder(tmp_path: Path) -> None:
    root = write_set(tmp_path)
    assert is_polnear_dir(root) and not is_polnear_dir(tmp_path / "dev")
    (article,) = load_polnear(root)
    assert article.publisher == "paper"
    assert [a.source_text for a in article.attributions] == ["Anna Berg", "Peter Lindgren"]
    (quote,) = gold_quotes(article)
    assert TEXT[quote.start : quote.end] == "We will not sign this agreement today,"
    assert (quote.source, quote.cue, quote.scored) == ("Anna Berg", "said", True)
    (reported,) = gold_reported(article)
    assert TEXT[reported.start : reported.end] == "the talks would resume next week"


def test_every_annotators_reading(tmp_path: Path) -> None:
    root = write_set(tmp_path)
    assert load_annotations(root, "dev") == {}  # annotated once: no second reading
    first = root / "dev" / "attributions" / "paper_2016-01-01_talks_ab.ann"
    lines = first.read_text(encoding="utf-8").splitlines()
    second = first.with_name("paper_2016-01-01_talks_cd.ann")
    second.write_text("\n".join(lines[4:]) + "\n", encoding="utf-8")  # only Lindgren's
    readings = load_annotations(root, "dev")["paper_2016-01-01_talks"]
    assert sorted(readings) == ["ab", "cd"]
    assert [a.source_text for a in readings["cd"].attributions] == ["Peter Lindgren"]
    assert len(readings["ab"].attributions) == 2
    (article,) = load_polnear(root)  # the split itself still counts the article once
    assert len(article.attributions) == 2


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        ('He said "one two" and "three".', ["one two", "three"]),
        ("“Curly quotes here,” she said.", ["Curly quotes here,"]),
        ("''New York Times style,'' he said.", ["New York Times style,"]),
        ("”Marks the wrong way round.” ― A reader", ["Marks the wrong way round."]),
        ("“A quote that goes on\n“in the next paragraph.”", ["A quote that goes on",
                                                              "in the next paragraph."]),
        ("No quotes at all.", []),
    ],
)  # fmt: skip
def test_quoted_stretches(text: str, stretches: list[str]) -> None:
    assert [text[a:b] for a, b in quoted_stretches(text)] == stretches


@pytest.mark.parametrize(
    ("source", "scored"),
    [
        ("Donald Trump", True),
        ("Rep. Jim Clyburn (D-S.C.), the assistant leader", True),
        ("the Republican nominee", True),
        ("the president", True),
        ("The New York Times", True),
        ("he", False),
        ("They", False),
        ("a source", False),
        ("officials", False),
        ("", False),
    ],
)
def test_scored_sources(source: str, scored: bool) -> None:
    assert scored_source(source) is scored


@pytest.mark.parametrize(
    ("speaker", "mention", "source", "right"),
    [
        ("Ryan Ellis", "Ryan Ellis", "Ryan Ellis, a Republican tax consultant", True),
        ("Donald Trump", "he", "Republican nominee Donald Trump", True),
        ("Hillary Clinton", "Clinton", "Clinton, the former secretary of State,", True),
        ("Kamin", "Mr. Kamin", "Mr. Kamin", True),
        ("Donald Trump", "the Republican nominee", "the Republican nominee", True),
        ("Gwen Moore", "Rep. Gwen Moore", "Rep. Jim Clyburn (D-S.C.)", False),
        ("Donald Trump", "he", "Retired Lt. Gen. Michael Flynn", False),
        (None, None, "Donald Trump", False),
        # a name apposed to a description names the source; a clause after it does not
        ("Alan Garten", "Trump's attorney", "Trump's attorney, Alan Garten,", True),
        ("Rich Beeson", "Rich Beeson", "Rubio's deputy campaign manager, Rich Beeson, who "
         "oversaw Mitt Romney's 2012 ground game", True),
        ("Jake Sullivan", "Jake Sullivan", "her senior policy adviser, Jake Sullivan,", True),
        ("Marco Rubio", "Marco Rubio", "Levine, who has given money to Marco Rubio,", False),
        ("Anna Berg", "Anna Berg", "Trump's attorney, Alan Garten,", False),
    ],
)  # fmt: skip
def test_speaker_right(speaker: str | None, mention: str | None, source: str, right: bool) -> None:
    assert speaker_right(speaker, mention, source) is right


@pytest.fixture(scope="module")
def dev_figures(shared: Path) -> dict[tuple[str, str], Figure]:
    path = shared / "data" / "polnear"
    if not is_polnear_dir(path):
        pytest.skip(f"{path} is absent")
    return {(f.system, f.name): f for f in evaluate_polnear(path)}


def value(figures: dict[tuple[str, str], Figure], name: str, system: str = "newsloom") -> float:
    got = figures[(system, name)].value
    assert got is not None
    return got


def test_polnear_dev_floors(dev_figures: dict[tuple[str, str], Figure]) -> None:
    assert value(dev_figures, "quote F1") >= DEV_QUOTE_F1
    assert value(dev_figures, "quote-and-speaker F1") >= DEV_QUOTE_SPEAKER_F1
    assert value(dev_figures, "indirect precision") >= DEV_INDIRECT_PRECISION
    assert value(dev_figures, "indirect recall") >= DEV_INDIRECT_RECALL


@pytest.mark.parametrize("name", ["quote F1", "quote-and-speaker F1", "quote recall"])
def test_polnear_dev_above_textacy(dev_figures: dict[tuple[str, str], Figure], name: str) -> None:
    assert value(dev_figures, name) > value(dev_figures, name, "textacy")
