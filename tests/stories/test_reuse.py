"""Narrative reuse: independent reports share what was quoted, copies share the reporter's words.

Each row below is our own wording of a construction found in the data:

* independent reports quoting one statement: wtop.com (d059) and coloradoan.com (d060) both
  carry Jeff Bezos's press-release quotes in their own narrative; d018/d019/d020 share only
  Puigdemont's quote; ECB+ reports of one event quote the same police spokesman;
* partial rewrites and other versions of a wire: latimes.com (d064) repeats two AP sentences
  inside its own brief; interiordesignfuture.com (d015) keeps one long sentence of the report
  on thewest.com.au (d013); newshour.media (d012) and europediplomatic.com (d014) rewrite one
  Reuters report; wbtw.com, wkrg.com and wjtv.com (d061-d063) print one AP brief, cut and framed
  differently; the seeds' 000 is a spun copy ("Russian Federation", "USA").
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from newsloom.article import Quote
from newsloom.stories.copies import SHINGLE, find_copy_pairs, shingled
from newsloom.stories.reuse import (
    CopyModel,
    Shingled,
    default_copy_model,
    evidence,
    longest_run,
)

_QUOTED = re.compile(r"“([^”]{20,})”")


def article(make_article, id: str, text: str, **kw):
    """An article whose “...” stretches are marked as direct quotes (as the quote stage does)."""
    quotes = tuple(
        Quote(m.group(1), m.start(1), m.end(1), "direct") for m in _QUOTED.finditer(text)
    )
    return make_article(id, text, quotes=quotes, **kw)


# ---- one event per block: the first text is the wire or the first report ----

MERGER = (
    "Harbourline Foods agreed on Monday to buy the regional grocer Greenleaf Markets for $4.2 "
    "billion in cash, the companies said, the largest deal in the sector this year. Harbourline "
    "will pay $31 a share, a premium of 22 percent to Greenleaf's closing price on Friday. The "
    "deal is expected to close in the first half of next year, subject to shareholder and "
    "regulatory approval. Greenleaf's founder, Ada Morven, will stay on as chief executive. "
    "“Greenleaf has spent thirty years earning the trust of families who care about what they "
    "eat, and we intend to keep every promise it has made to them,” Harbourline's chief "
    "executive Tomas Reyes said in the statement."
)
STRIKE = (
    "Dock workers at the port of Valmora walked off the job on Tuesday, halting the loading of "
    "about forty ships and leaving thousands of containers stranded on the quays, after talks "
    "on a new wage agreement collapsed overnight. The union wants a raise of nine percent over "
    "two years and an end to twelve-hour shifts; the port authority has offered four percent. "
    "“We have waited two years for an offer that respects the people who keep this port "
    "running, and we will not go back until we get one,” the union's leader Marta Quell told a "
    "rally at the main gate."
)
SPEECH = (
    "The regional president, Iker Salvat, told parliament on Thursday that the region would "
    "hold its own vote on independence in the spring, defying a court ruling that bars it. "
    "Opposition deputies walked out of the chamber before he finished. "
    "“No court and no government in the capital can take from the people of this region the "
    "right to decide their own future, and we will not ask anyone for permission to vote,” "
    "Salvat said to loud applause from his benches."
)

INDEPENDENT = {
    # like wtop.com d059 / coloradoan.com d060: the statement's quote, each outlet's own report
    "merger, press-release quote shared": (MERGER, (
        "Shoppers in the north will soon fill their carts at a grocer owned by Harbourline, "
        "which struck a cash deal worth $4.2 billion for Greenleaf Markets. Analysts said the "
        "price looked steep for a chain whose sales have been flat for two years. “Greenleaf has "
        "spent thirty years earning the trust of families who care about what they eat, and we "
        "intend to keep every promise it has made to them,” Tomas Reyes said. Greenleaf stock "
        "jumped in early trading while Harbourline's slipped."
    )),
    "merger, quote and names shared": (MERGER, (
        "Ada Morven built Greenleaf Markets from one shop into a chain of three hundred; on "
        "Monday she sold it to Harbourline Foods. Tomas Reyes, who runs the buyer, promised "
        "continuity. “Greenleaf has spent thirty years earning the trust of families who care "
        "about what they eat, and we intend to keep every promise it has made to them,” he said. "
        "Competition lawyers expect a long review."
    )),
    # like d018/d019/d020: only the leader's quote in common
    "speech, the leader's quote shared": (SPEECH, (
        "Defiance in the regional chamber: Iker Salvat promised a spring referendum that the "
        "constitutional court has already declared illegal, and half the deputies left in "
        "protest. “No court and no government in the capital can take from the people of this "
        "region the right to decide their own future, and we will not ask anyone for permission "
        "to vote,” he declared. Ministers in the capital said they would appeal at once."
    )),
    # like ECB+ reports of one event: the union leader's words quoted by all
    "strike, the union leader's quote shared": (STRIKE, (
        "Valmora's container terminal stood silent on Tuesday as a walkout by port staff began "
        "over pay. Shipping lines warned of week-long delays. “We have waited two years for an "
        "offer that respects the people who keep this port running, and we will not go back "
        "until we get one,” Marta Quell, who leads the union, said outside the gates, where "
        "hundreds of strikers had gathered."
    )),
    "strike, names and numbers only": (STRIKE, (
        "A strike closed the port of Valmora, where forty ships wait to be loaded. The union "
        "asks for nine percent over two years; the port authority says four percent is all it "
        "can afford. Exporters of fruit fear their cargo will spoil before the ships can sail."
    )),
}

COPIES = {
    # like latimes.com d064: two wire sentences repeated inside the outlet's own brief
    "merger, two wire sentences in a brief": (MERGER, (
        "Harbourline said Monday it is buying Greenleaf Markets in a cash deal. Harbourline will "
        "pay $31 a share, a premium of 22 percent to Greenleaf's closing price on Friday. The "
        "deal is expected to close in the first half of next year, subject to shareholder and "
        "regulatory approval. Investors in both companies reacted calmly."
    )),
    # like interiordesignfuture.com d015 / thewest.com.au d013: one long sentence kept
    "strike, one long sentence kept in a rewrite": (STRIKE, (
        "Trouble at sea: shipping firms are counting the cost of a port closure. Dock workers at "
        "the port of Valmora walked off the job on Tuesday, halting the loading of about forty "
        "ships and leaving thousands of containers stranded on the quays, after talks on a new "
        "wage agreement collapsed overnight. Exporters of fruit fear spoiled cargo, and the "
        "transport ministry has called both sides to a meeting next week to look for a deal."
    )),
    # like wbtw.com / wkrg.com / wjtv.com d061-d063: the wire cut short, another site's framing
    "speech, the wire cut short and framed": (SPEECH, (
        "Skip to content\nPolitics\nThe regional president, Iker Salvat, told parliament on "
        "Thursday that the region would hold its own vote on independence in the spring, "
        "defying a court ruling that bars it. Opposition deputies walked out of the chamber "
        "before he finished.\nShare this story"
    )),
    # like newshour.media d012 / europediplomatic.com d014: a report rewritten in part
    "strike, the wire lightly rewritten": (STRIKE, (
        "Dock workers at the port of Valmora walked off the job on Tuesday, halting the loading "
        "of about forty ships, after talks on a new wage agreement collapsed overnight. The "
        "union wants a raise of nine percent over two years and an end to twelve-hour shifts; "
        "the port authority has offered four percent, sources said."
    )),
}


@pytest.mark.parametrize("name", sorted(INDEPENDENT))
def test_independent_reports_sharing_quotes_are_not_copies(make_article, name: str) -> None:
    wire, report = INDEPENDENT[name]
    pair = [article(make_article, "a", wire), article(make_article, "b", report)]
    assert find_copy_pairs(pair) == []


@pytest.mark.parametrize("name", sorted(COPIES))
def test_texts_sharing_narrative_are_copies(make_article, name: str) -> None:
    wire, copy = COPIES[name]
    pair = [article(make_article, "a", wire), article(make_article, "b", copy)]
    assert [(p.a, p.b) for p in find_copy_pairs(pair)] == [("a", "b")]


def test_the_quote_is_what_the_independent_reports_share(make_article) -> None:
    """Without the quote marked, the shared statement would count as shared narrative."""
    wire, report = INDEPENDENT["speech, the leader's quote shared"]
    marked = evidence(shingled(article(make_article, "a", wire)),
                      shingled(article(make_article, "b", report)), SHINGLE)  # fmt: skip
    unmarked = evidence(shingled(make_article("a", wire)), shingled(make_article("b", report)),
                        SHINGLE)  # fmt: skip
    assert unmarked.passage > 30 > marked.passage
    assert unmarked.containment > marked.containment


def test_a_spun_copy_shares_its_passages_once_names_are_put_back(make_article) -> None:
    wire = MERGER.replace("Harbourline Foods agreed", "U.S. grocer Harbourline Foods agreed")
    spun_text = wire.replace("U.S. grocer", "USA grocer")
    spun = make_article("b", spun_text, spun=(("USA", "U.S."),))
    ev = evidence(shingled(make_article("a", wire)), shingled(spun), SHINGLE)
    assert ev.containment == 1.0 and ev.passage >= 80


@pytest.mark.parametrize(
    ("flags", "run"),
    [([], 0), ([0, 0], 0), ([1], 1), ([1, 1, 0, 1], 2), ([0, 1, 1, 1], 3), ([1, 0, 1, 1, 1, 0], 3)],
)
def test_longest_run(flags: list[int], run: int) -> None:
    assert longest_run(np.array(flags, dtype=bool)) == run


def test_evidence_counts_the_longest_shared_passage_in_words() -> None:
    a = Shingled.of([1, 2, 3, 4, 5, 6, 7, 8])
    b = Shingled.of([9, 3, 4, 5, 10, 7, 8, 11, 12, 13])
    ev = evidence(a, b, shingle=3)
    assert ev.passage == 3 + 3 - 1  # shingles 3, 4, 5 in a row: five words
    assert ev.containment == 5 / 8
    assert ev.resemblance == 5 / (8 + 10 - 5)
    assert evidence(a, b, 3) == evidence(b, a, 3)
    assert evidence(a, Shingled.of([]), 3).passage == 0


def test_the_shipped_model_names_its_training_and_weighs_narrative_reuse() -> None:
    model = default_copy_model()
    assert model.meta["trained_by"] == "training/copy_model.py"
    assert 0 < model.threshold < 1
    # more of the same evidence never makes a pair less of a copy
    assert all(w > 0 for k, w in model.weights.items() if k != "resemblance")


def test_a_model_reads_back_what_it_wrote() -> None:
    model = CopyModel({"containment": 1.0, "resemblance": 0.5, "passage": 2.0}, -3.0, 0.4)
    assert CopyModel.from_json(model.to_json()) == model
    with pytest.raises(ValueError, match="passage"):
        CopyModel.from_json('{"weights": {"containment": 1, "resemblance": 1}, "bias": 0}')
