"""Scoring date expressions: the scorer's rules, the dev-set floor, MEANTIME, and the TimeML /
CAT reader behind SemEval-2015 Task 4."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsloom.article import Article, DateExpression
from newsloom.errors import EvalError
from newsloom.evaluation.dates import (
    COMPARISON,
    TIMELINE_SECTION,
    VALUE_ACCURACY_FLOOR,
    Timex,
    TimexDocument,
    _timex_figures,
    dated_articles,
    is_timeline_dir,
    match_spans,
    meantime_files,
    read_cat,
    read_meantime,
    read_timeline,
    read_timeml,
    read_timex_file,
    score_dates,
    score_timex_meantime,
    score_timex_timeline,
    timeline_files,
)
from newsloom.evaluation.figures import Figure
from newsloom.evaluation.gold import GoldArticle, GoldSet, load_gold
from newsloom.evaluation.runner import run_eval


def by_name(figures: list[Figure], system: str = "newsloom") -> dict[str, Figure]:
    return {f.name.split(" (")[0]: f for f in figures if f.system == system}


def test_match_spans_is_one_to_one_by_largest_overlap() -> None:
    gold = [(0, 10), (20, 30), (40, 45)]
    predicted = [(5, 25), (22, 28), (50, 60)]
    assert match_spans(gold, predicted) == {0: 0, 1: 1}


def _article(article_id: str, dates: list[tuple[int, int, str | None]]) -> Article:
    return Article(
        id=article_id, source=article_id, format="text", content_hash="", raw="",
        dates=tuple(DateExpression("x" * (e - s), s, e, v, "day") for s, e, v in dates),
    )  # fmt: skip


def test_score_dates_rules() -> None:
    rows: list[dict[str, Any]] = [
        {"id": "a", "expression": "Friday", "value": "2017-10-27", "start": 0},
        {"id": "a", "expression": "Dec. 14", "value": "XXXX-12-14", "start": 20,
         "alt": ["2017-12-14"]},
        {"id": "a", "expression": "today", "value": None, "start": 40},
        {"id": "a", "expression": "2017", "value": "2017", "start": 60, "in_boilerplate": True},
        {"id": "b", "expression": "Monday", "value": "2018-07-16", "start": 0},
    ]  # fmt: skip
    gold = GoldSet(
        Path("."),
        [GoldArticle(i, "text", None, None, None, "en", {"id": i}) for i in ("a", "b", "c")],
        {"dates": rows},
    )
    articles = {
        # right, right through `alt`, a null found as a date, a boilerplate year found
        "a": _article("a", [(0, 6, "2017-10-27"), (20, 27, "2017-12-14"), (40, 45, "2017-10-27"),
                            (60, 64, "2017"), (80, 84, "2016")]),
        "b": _article("b", []),
        "c": _article("c", [(0, 4, "2017")]),  # not annotated: not counted in precision
    }  # fmt: skip
    figures = by_name(score_dates(gold, articles))
    recall = figures["expression recall"]
    assert (recall.numerator, recall.denominator) == (3, 4)  # the boilerplate row is left out
    precision = figures["expression precision"]
    assert (precision.numerator, precision.denominator) == (4, 5)
    accuracy = figures["value accuracy on matched expressions"]
    assert (accuracy.numerator, accuracy.denominator) == (3, 4)
    assert accuracy.floor == VALUE_ACCURACY_FLOOR
    over_all = figures["value right over all gold rows"]
    assert (over_all.numerator, over_all.denominator) == (2, 4)


@pytest.fixture(scope="module")
def dev_figures(dev_set: Path) -> dict[str, dict[str, Figure]]:
    gold = load_gold(dev_set)
    predicted = score_dates(gold, dated_articles(gold))
    declared = score_dates(gold, dated_articles(gold, declare_published=True))
    return {"predicted": by_name(predicted), "declared": by_name(declared)}


def test_dev_set_floor(dev_figures: dict[str, dict[str, Figure]]) -> None:
    """Issue 5 asks for value accuracy >= 0.90 on the dev set; we hold what we reach."""
    for anchor in ("predicted", "declared"):
        figures = dev_figures[anchor]
        accuracy = figures["value accuracy on matched expressions"].value
        assert accuracy is not None and accuracy >= max(VALUE_ACCURACY_FLOOR, 0.95)
        assert figures["expression recall"].value >= 0.95  # type: ignore[operator]
        assert figures["expression precision"].value >= 0.95  # type: ignore[operator]
        assert figures["value right over all gold rows"].value >= 0.93  # type: ignore[operator]



def test_read_meantime_document(meantime: Path) -> None:
    files = meantime_files(meantime)
    assert len(files) == 120
    docs = [d for f in files if (d := read_meantime(f)) is not None]
    assert len(docs) == 120
    doc = next(d for d in docs if d.name.startswith("1007169_"))
    assert doc.creation_time == "2013-12-10"
    assert doc.title == "Mary Barra appointed as General Motors chief"
    assert doc.text.startswith("December 10, 2013\nThe United States's largest car manufacturer")
    today = next(t for t in doc.scored if doc.text[t.start : t.end] == "today")
    assert today.value == "2013-12-10"
    assert all(not t.creation for t in doc.scored)


@pytest.mark.slow
def test_meantime_newsloom_beats_dateparser_on_spacy(meantime: Path) -> None:
    figures = score_timex_meantime(meantime)
    ours, theirs = by_name(figures), by_name(figures, COMPARISON)
    for name in ("value right over all gold", "value accuracy on found"):
        assert ours[name].value >= theirs[name].value, name  # type: ignore[operator]
    assert ours["value accuracy on found"].value >= 0.90  # type: ignore[operator]
    assert ours["value right over all gold"].value >= 0.78  # type: ignore[operator]
    assert ours["precision"].value >= 0.95  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------
# TimeML and CAT (SemEval-2015 Task 4)

#: one short article in CAT: headline (sentence 0), date line (1), body; the creation time and
#: two in-text TIMEX3 ("last Tuesday", a DATE; "two weeks", a DURATION)
CAT = """<?xml version="1.0" ?>
<Document doc_id="901" doc_name="901_Harbour_reopens.txt">
<token t_id="1" sentence="0" number="0">Harbour</token>
<token t_id="2" sentence="0" number="1">reopens</token>
<token t_id="3" sentence="1" number="2">May</token>
<token t_id="4" sentence="1" number="3">14</token>
<token t_id="5" sentence="1" number="4">,</token>
<token t_id="6" sentence="1" number="5">2009</token>
<token t_id="7" sentence="2" number="6">The</token>
<token t_id="8" sentence="2" number="7">harbour</token>
<token t_id="9" sentence="2" number="8">reopened</token>
<token t_id="10" sentence="2" number="9">last</token>
<token t_id="11" sentence="2" number="10">Tuesday</token>
<token t_id="12" sentence="2" number="11">after</token>
<token t_id="13" sentence="2" number="12">two</token>
<token t_id="14" sentence="2" number="13">weeks</token>
<token t_id="15" sentence="2" number="14">.</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2009-05-14" functionInDocument="CREATION_TIME"/>
<TIMEX3 m_id="2" type="DATE" value="2009-05-12" anchorTimeID="1">
<token_anchor t_id="10"/><token_anchor t_id="11"/>
</TIMEX3>
<TIMEX3 m_id="3" type="DURATION" value="P2W"><token_anchor t_id="13"/><token_anchor t_id="14"/>
</TIMEX3>
</Markables>
</Document>
"""

#: the same article in TimeML, its headline left to EXTRAINFO, its creation time day first
TIMEML = """<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>901</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="14-05-2009">
14-05-2009</TIMEX3></DCT>
<EXTRAINFO>Harbour reopens</EXTRAINFO>
<TEXT><s id="1">May 14 , 2009</s><s id="2">The harbour <EVENT eid="e1">reopened</EVENT>
<TIMEX3 tid="t1" type="DATE" value="2009-05-12">last Tuesday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> .</s></TEXT>
</TimeML>
"""

#: an article SemEval-2015 Task 4 style: only the creation time is a TIMEX3
TIMEML_DCT_ONLY = """<TimeML><DOCID>901</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2009-05-14">
2009-05-14</TIMEX3></DCT>
<TEXT><s id="0">Harbour reopens</s><s id="1">May 14 , 2009</s>
<s id="2">The harbour reopened last Tuesday after two weeks .</s></TEXT>
</TimeML>
"""

FIXTURE_TEXT = "May 14, 2009\nThe harbour reopened last Tuesday after two weeks."


def _write(folder: Path, name: str, content: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def _spans(doc: TimexDocument) -> list[tuple[str, str, str, bool]]:
    return [(doc.text[t.start : t.end], t.type, t.value, t.creation) for t in doc.timexes]


@pytest.mark.parametrize(
    ("name", "content", "reader"),
    [("901.txt.xml", CAT, read_cat), ("901.tml", TIMEML, read_timeml)],
)
def test_read_cat_and_timeml_alike(tmp_path: Path, name: str, content: str, reader: Any) -> None:
    doc = reader(_write(tmp_path, name, content))
    assert doc is not None
    assert doc.doc_id == "901"
    assert doc.title == "Harbour reopens"
    assert doc.text == FIXTURE_TEXT
    assert doc.creation_time == "2009-05-14"
    assert _spans(doc) == [
        ("last Tuesday", "DATE", "2009-05-12", False),
        ("two weeks", "DURATION", "P2W", False),
    ]
    assert [t.value for t in doc.scored] == ["2009-05-12"]  # the duration is not scored
    assert doc.annotated_end == len(doc.text)  # the whole text is annotated
    assert read_timex_file(tmp_path / name) == doc  # told apart by the root element


def test_read_timeml_with_only_the_creation_time(tmp_path: Path) -> None:
    doc = read_timeml(_write(tmp_path, "901.tml", TIMEML_DCT_ONLY))
    assert doc is not None
    assert doc.title == "Harbour reopens"  # sentence 0 in the text
    assert doc.text == FIXTURE_TEXT
    assert doc.timexes == () and doc.scored == []
    assert doc.annotated_end == 0  # nothing in the text was annotated for time


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (TIMEML.replace('value="14-05-2009"', 'value=""'), None),  # no creation time
        (TIMEML.replace("<DCT>", "<DCX>").replace("</DCT>", "</DCX>"), None),
        (CAT.replace('functionInDocument="CREATION_TIME"', ""), "2009-05-14"),  # anchor found
        (CAT.replace('m_id="1" type="DATE" value="2009-05-14"', 'm_id="1" type="DATE"'), None),
    ],
)
def test_creation_time_or_skip(tmp_path: Path, content: str, expected: str | None) -> None:
    doc = read_timex_file(_write(tmp_path, "doc.xml", content))
    assert (doc.creation_time if doc else None) == expected


def test_malformed_file_is_an_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not XML"):
        read_timex_file(_write(tmp_path, "bad.tml", "<TimeML><TEXT>"))


def test_read_timeline_reads_each_document_once(tmp_path: Path) -> None:
    root = tmp_path / "semeval"
    _write(root / "SemEval_Task4_data" / "corpus_1" / "corpus_trackA_TimeML", "901.tml",
           TIMEML_DCT_ONLY)  # fmt: skip
    _write(root / "SemEval_Task4_data" / "corpus_1" / "corpus_trackB_CAT", "901.txt.xml", CAT)
    _write(root / "Corpus-trial-data_task4_TimeML", "902.tml", TIMEML.replace(">901<", ">902<"))
    assert len(timeline_files(root)) == 3
    docs = {d.doc_id: d for d in read_timeline(root)}
    assert sorted(docs) == ["901", "902"]
    assert len(docs["901"].scored) == 1  # the annotated reading is kept over the bare one
    with pytest.raises(EvalError, match="TimeML"):
        timeline_files(tmp_path / "semeval" / "SemEval_Task4_data" / "corpus_1" / "empty")


@pytest.mark.parametrize(
    ("folders", "probe", "expected"),
    [
        (["sem/SemEval_Task4_data/corpus_1"], "sem", True),
        (["sem/SemEval_Task4_data/corpus_1"], "sem/SemEval_Task4_data/corpus_1", True),
        (["sem/Corpus-trial-data_task4_TimeML"], "sem", True),
        (["sem/Corpus-trial-data_task4_TimeML"], "sem/Corpus-trial-data_task4_TimeML", True),
        (["data/sem/SemEval_Task4_data"], "data", False),  # a folder of data sets
        (["meantime/intra-doc_annotation/corpus_airbus"], "meantime", False),
        (["sem"], "sem/absent", False),
    ],
)
def test_is_timeline_dir(tmp_path: Path, folders: list[str], probe: str, expected: bool) -> None:
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    assert is_timeline_dir(tmp_path / probe) is expected


def _doc(text: str, timexes: list[Timex], annotated_end: int) -> TimexDocument:
    return TimexDocument("d", "", text, "2009-05-14", tuple(timexes), annotated_end)


def test_timex_figures_rules() -> None:
    text = "May 14, 2009\nIt opened last Tuesday, in 2008 and on Friday; it lasted two weeks."
    at = {w: (text.index(w), text.index(w) + len(w)) for w in
          ("May 14, 2009", "opened", "last Tuesday", "2008", "Friday", "two weeks")}  # fmt: skip
    gold = [
        Timex(*at["May 14, 2009"], "DATE", "2009-05-14", creation=True),
        Timex(*at["last Tuesday"], "DATE", "2009-05-12"),
        Timex(*at["2008"], "DATE", "2008"),
        Timex(*at["Friday"], "DATE", "2009-05-08"),
        Timex(*at["two weeks"], "DURATION", "P2W"),
    ]
    # the date line (not counted), a right value, a wrong one, a duration found (counts for
    # precision), a word that is no timex; "Friday" is missed
    ours = [(at["May 14, 2009"], "2009-05-14"), (at["last Tuesday"], "2009-05-12"),
            (at["2008"], "2009"), (at["two weeks"], None), (at["opened"], "2009-05")]  # fmt: skip
    figures = by_name(_timex_figures([_doc(text, gold, len(text))], [ours], "newsloom",
                                     TIMELINE_SECTION, "test"))  # fmt: skip
    assert all(f.section == TIMELINE_SECTION for f in figures.values())
    found = figures["expressions found"]
    assert (found.numerator, found.denominator) == (2, 3)
    accuracy = figures["value accuracy on found"]
    assert (accuracy.numerator, accuracy.denominator) == (1, 2)
    over_all = figures["value right over all gold"]
    assert (over_all.numerator, over_all.denominator) == (1, 3)
    precision = figures["precision"]
    assert (precision.numerator, precision.denominator) == (3, 4)
    # a document not annotated for time adds nothing to precision
    bare = by_name(_timex_figures([_doc(text, gold[:1], 0)], [ours], "newsloom",
                                  TIMELINE_SECTION, "test"))  # fmt: skip
    assert bare["precision"].denominator == 0 and bare["precision"].value is None


def test_score_timex_timeline_on_a_fixture_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Corpus-trial-data_task4_TimeML"
    _write(folder, "901.tml", TIMEML)
    _write(tmp_path / "Corpus-trial-data_task4", "901.txt.xml", CAT)
    counts = {f.name: f.value for f in score_timex_timeline(tmp_path, comparison=False)
              if f.unit == "count"}  # fmt: skip
    assert counts == {
        "documents": 1,
        "documents with a TIMEX3 in the text (creation time aside)": 1,
        "gold DATE timexes with a calendar value": 1,
        "gold DATE timexes left out (other TimeML values)": 0,
    }


@pytest.fixture(scope="module")
def timeline(shared: Path) -> Path:
    path = shared / "data" / "semeval2015_task4_timeline"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


def test_read_timeline_folder(timeline: Path) -> None:
    """Each of the 120 articles comes in four folders and is read once; the reader finds every
    TIMEX3 each file holds (counted here apart, from the raw XML)."""
    files = timeline_files(timeline)
    readings = [read_timex_file(f) for f in files]
    assert all(r is not None for r in readings)
    for file, reading in zip(files, readings, strict=True):
        assert reading is not None
        raw = file.read_text(encoding="utf-8")
        tags = len(re.findall(r"<TIMEX3\b", raw))
        in_text = tags - len(re.findall(r'functionInDocument="CREATION_TIME"', raw))
        assert sum(not t.creation for t in reading.timexes) == in_text, file
        assert reading.text.split("\n")[0].endswith(reading.creation_time[:4]), file
    docs = read_timeline(timeline)
    assert len(docs) == 120
    assert len({d.doc_id for d in docs}) == len(docs)
    # CAT and TimeML readings of one article agree
    by_id: dict[str, set[tuple[str, str]]] = {}
    for reading in readings:
        assert reading is not None
        by_id.setdefault(reading.doc_id, set()).add((reading.creation_time, reading.title[:8]))
    assert all(len(v) == 1 for v in by_id.values())
    doc = next(d for d in docs if d.doc_id == "120578")
    assert doc.creation_time == "2009-02-03"  # "03-02-2009", day first as its date line says
    assert doc.text.startswith("February 03, 2009\n")


def test_eval_dispatches_the_timeline_folder(timeline: Path) -> None:
    figures = run_eval(timeline)
    assert {f.section for f in figures} == {TIMELINE_SECTION}
    counts = {f.name: f.value for f in figures if f.unit == "count"}
    assert counts["documents"] == 120
    scored = counts["gold DATE timexes with a calendar value"]
    accuracy = by_name(figures)["value accuracy on found"]
    # SemEval-2015 Task 4 annotates only the creation time: nothing in the text to score
    assert scored == 0 and accuracy.value is None
    assert {f.system for f in figures} == {"newsloom", COMPARISON}
    inner = run_eval(timeline / "SemEval_Task4_data" / "corpus_1")
    assert {f.name: f.value for f in inner}["documents"] == 30


def test_eval_names_the_kinds_of_gold_folder(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"MEANTIME.*SemEval-2015 Task 4.*PETRARCH"):
        run_eval(tmp_path)
