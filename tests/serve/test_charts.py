"""SVG geometry for the timeline and the actor network."""

from __future__ import annotations

from newsloom.serve.charts import network, parse_day, timeline


def _entry(n: int, date: str | None, sources: int = 1) -> dict:
    return {"n": n, "date": date, "event": f"e{n}", "independent_sources": sources,
            "background": False}  # fmt: skip


def test_parse_day() -> None:
    assert str(parse_day("2026-02-13")) == "2026-02-13"
    assert str(parse_day("2026-02")) == "2026-02-01"
    assert str(parse_day("2026")) == "2026-01-01"
    assert parse_day("XXXX-03-29") is None
    assert parse_day(None) is None
    assert parse_day("2026-W08") is None or parse_day("2026-W08").year == 2026


def test_timeline_places_dates_left_to_right_without_overlap() -> None:
    chart = timeline([_entry(1, "2026-02-10"), _entry(2, "2026-02-10", 3),
                      _entry(3, "2026-02-20"), _entry(4, None)])  # fmt: skip
    assert chart is not None
    xs = {p["n"]: p for p in chart.points}
    assert 4 not in xs  # undated entries stay in the table only
    assert xs[1]["x"] < xs[3]["x"]
    assert xs[1]["y"] != xs[2]["y"]  # same day: stacked, not drawn on top of each other
    assert xs[2]["r"] > xs[1]["r"]  # more independent sources, bigger dot
    assert all(0 <= p["x"] <= chart.width for p in chart.points)


def test_timeline_without_dates_is_none() -> None:
    assert timeline([_entry(1, None)]) is None


def test_network_nodes_and_edges() -> None:
    chart = network([("Ghana", "Burkina Faso", "acts", "accuse"),
                     ("Ghana", "Burkina Faso", "acts", "protest"),
                     ("Mahama", "Ghana", "speaks", "a quote"),
                     ("Self", "Self", "acts", "ignored")])  # fmt: skip
    assert chart is not None
    assert {n["name"] for n in chart.nodes} == {"Ghana", "Burkina Faso", "Mahama"}
    acts = next(e for e in chart.edges if e["kind"] == "acts")
    assert acts["count"] == 2 and "accuse" in acts["label"]
    assert all(0 <= n["x"] <= chart.width and 0 <= n["y"] <= chart.height for n in chart.nodes)
    assert network([]) is None
