"""Putting a faster component in the place of one of the spaCy model's own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["replace_component"]

Component = Callable[[Any], Any]


def replace_component(
    nlp: Any, old: str, new: str, make: Callable[[Any], Component | None]
) -> bool:
    """Put `make(<component old>)` in `old`'s place in `nlp`, registered as factory `new`.

    False, and the pipeline unchanged, when `nlp` has no `old` or `make` declines it (returns
    None). The new component keeps what it needs of the old one, which leaves the pipeline.
    """
    from spacy.language import Language

    if old not in nlp.pipe_names or make(nlp.get_pipe(old)) is None:
        return False
    if not Language.has_factory(new):

        @Language.factory(new, default_config={"replaces": old})
        def _create(nlp: Any, name: str, replaces: str) -> Component:
            made = make(nlp.get_pipe(replaces))
            if made is None:  # checked before the component is added
                raise ValueError(f"{new}: cannot stand in for {replaces!r}")
            return made

    nlp.add_pipe(new, after=old, config={"replaces": old})
    nlp.remove_pipe(old)
    return True
