"""Story pages rendered ahead of the first visit, newest stories first.

Rendering a story page reads seven tables and lays out a few hundred elements: some 20 ms of
one core. Fifty readers opening fifty different stories at once would queue behind each other
for a second. Since a page only changes when the store does, and the serve process is the one
writer, a background thread renders the pages once after start-up and again after each write
(`Database.changed`), into the page cache, newest stories first, until the cache's budget is
used. A visit while it runs renders its page itself, as without it.
"""

from __future__ import annotations

import threading
from typing import Any

from newsloom.errors import NewsloomError
from newsloom.serve.cache import PageCache
from newsloom.serve.database import Database

#: stop before the budget is full, so pages asked for outside the newest still fit
SHARE = 0.75


class Prerenderer:
    def __init__(self, db: Database, cache: PageCache) -> None:
        self.db = db
        self.cache = cache
        self.rendered = 0
        self.done = threading.Event()
        self._wake = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="prerender", daemon=True)

    def start(self) -> None:
        self._wake.set()
        self._thread.start()

    def changed(self) -> None:
        """The store was written: render again."""
        self.done.clear()
        self._wake.set()

    def stop(self) -> None:
        self._stop = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join()

    def status(self) -> dict[str, Any]:
        return {"rendered": self.rendered, "done": self.done.is_set()}

    def _run(self) -> None:
        from newsloom.serve.pages import story_html

        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stop:
                return
            generation = self.db.generation
            self.rendered = 0
            with self.db.read() as store:
                ids = [row["id"] for row in store.story_list()]
            for story_id in ids:
                if self._stop or self._wake.is_set() or self.db.generation != generation:
                    break
                if self.cache.size > SHARE * self.cache.budget:
                    break
                if self.cache.get(("story", story_id), generation) is not None:
                    continue
                try:
                    with self.db.read() as store:
                        html = story_html(store, story_id)
                except NewsloomError:
                    continue  # gone since the list was read; a visit will say so
                self.cache.put(("story", story_id), generation, html.encode("utf-8"))
                self.rendered += 1
            if not (self._stop or self._wake.is_set() or self.db.generation != generation):
                self.done.set()
