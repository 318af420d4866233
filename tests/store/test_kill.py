"""A writer killed with SIGKILL mid-loop: committed articles are whole, and writing resumes."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsloom.store import Store

BATCH = 40
TOTAL = 100_000  # the child never gets there: it is killed long before

# Article n has n % 4 quotes, n % 7 + 1 entities, n % 3 dates, n % 2 events, n % 5 removed.
WRITER = """
import sys
from newsloom.article import (Article, DateExpression, Entity, Event, Quote, Removed)
from newsloom.hashing import content_hash
from newsloom.store import Store

BATCH, TOTAL = int(sys.argv[2]), int(sys.argv[3])
FILLER = " The talks continued late into the night in Geneva." * 60

def make(n):
    text = f"Article {n}." + FILLER
    return Article(
        id=f"k{n:06d}", source=f"gen:{n}", format="text", content_hash=content_hash(text),
        raw=text, text=text, source_text=text, declared={"n": n},
        quotes=tuple(Quote(f"q{j}", j, j + 2, "direct", confidence=0.5) for j in range(n % 4)),
        entities=tuple(Entity(f"e{j}", j, j + 2, "GPE") for j in range(n % 7 + 1)),
        dates=tuple(DateExpression(f"d{j}", j, j + 2, None, "day") for j in range(n % 3)),
        events=tuple(Event(f"s{j}", j, None, None, "010") for j in range(n % 2)),
        removed=tuple(Removed(f"r{j}", "boilerplate", j, j + 2) for j in range(n % 5)),
    )

with Store(sys.argv[1]) as store:
    for start in range(0, TOTAL, BATCH):
        batch = [make(n) for n in range(start, min(start + BATCH, TOTAL))]
        known = store.known_hashes(a.content_hash for a in batch)  # what a resume skips
        store.write([a for a in batch if a.content_hash not in known])
        print(start // BATCH + 1, len(known), flush=True)
"""

EXPECTED = {
    "quotes": lambda n: n % 4,
    "entities": lambda n: n % 7 + 1,
    "dates": lambda n: n % 3,
    "events": lambda n: n % 2,
    "removed": lambda n: n % 5,
}


def _start(script: Path, db: Path, total: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(script), str(db), str(BATCH), str(total)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_whole(store: Store) -> list[int]:
    """Every stored article has exactly its annotation rows; return the stored article numbers."""
    con = store.connection
    numbers = sorted(
        int(n) for (n,) in con.execute("SELECT declared->>'n' FROM articles").fetchall()
    )
    for table, expected in EXPECTED.items():
        counts = dict(
            con.execute(
                f"SELECT a.id, count(t.article_id) FROM articles a "
                f"LEFT JOIN {table} t ON t.article_id = a.id GROUP BY a.id"
            ).fetchall()
        )
        assert counts == {f"k{n:06d}": expected(n) for n in numbers}, table
        orphans = con.execute(
            f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()
        assert orphans == (0,), table
        seqs = con.execute(
            f"SELECT count(*) FROM (SELECT article_id, max(seq) + 1 AS m, count(*) AS c "
            f"FROM {table} GROUP BY article_id) WHERE m <> c"
        ).fetchone()
        assert seqs == (0,), table
    for article in store.iter_articles(limit=25):
        n = int(article.declared["n"])
        assert article.text.startswith(f"Article {n}.")
        assert len(article.quotes) == EXPECTED["quotes"](n)
        assert len(article.removed) == EXPECTED["removed"](n)
    return numbers


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_a_write_loop_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    db = tmp_path / "killed.duckdb"
    proc = _start(script, db, TOTAL)
    assert proc.stdout is not None
    reported = 0
    while reported < 6:  # wait until six batches are committed, then kill without warning
        line = proc.stdout.readline()
        if not line:
            pytest.fail(f"writer ended early: {proc.stderr.read() if proc.stderr else ''}")
        reported = int(line.split()[0])
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with Store(db) as store:
        numbers = _check_whole(store)
        # batches are atomic: whole batches only, at least every batch reported committed
        assert len(numbers) % BATCH == 0 and len(numbers) >= reported * BATCH
        assert numbers == list(range(len(numbers)))
        committed = len(numbers)
        hashes_before = store.known_hashes(
            h for (h,) in store.connection.execute("SELECT content_hash FROM articles").fetchall()
        )
        assert len(hashes_before) == committed

    # resume: the same writer skips what is stored and finishes the job
    total = committed + 3 * BATCH
    resumed = _start(script, db, total)
    out, err = resumed.communicate()
    assert resumed.returncode == 0, err
    skipped = sum(int(line.split()[1]) for line in out.splitlines())
    assert skipped == committed
    with Store(db, read_only=True) as store:
        assert store.count() == total
        assert _check_whole(store) == list(range(total))
