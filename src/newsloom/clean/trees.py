"""Boosted trees as flat arrays: stored in an .npz and evaluated with numpy.

scikit-learn's HistGradientBoostingClassifier learns the line model; shipping it as a pickle
would tie the resource to one scikit-learn version and run code on load. Its trees are plain
tables (feature, threshold, children, leaf value), so they are copied out into arrays once at
training time and walked level by level for all trees and rows at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Forest"]

#: the level from which walkers that reached their leaf are dropped (every other level)
_COMPACT_FROM = 3


@dataclass(frozen=True)
class Forest:
    """All trees of a binary boosted model, nodes of every tree in one table."""

    feature: np.ndarray  # int32, per node
    threshold: np.ndarray  # float64: go left when x <= threshold
    left: np.ndarray  # int32, global node index
    right: np.ndarray  # int32
    missing_left: np.ndarray  # bool: a NaN goes left
    leaf: np.ndarray  # bool
    value: np.ndarray  # float64, the leaf's raw score
    roots: np.ndarray  # int32, each tree's first node
    baseline: float
    depth: int
    # leaves point at themselves, so every row walks `depth` steps without a leaf test
    _step_left: np.ndarray = field(init=False, repr=False, compare=False)
    _step_right: np.ndarray = field(init=False, repr=False, compare=False)
    _step_feature: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        own = np.arange(len(self.leaf), dtype=np.intp)
        object.__setattr__(self, "_step_left", np.where(self.leaf, own, self.left).astype(np.intp))
        object.__setattr__(
            self, "_step_right", np.where(self.leaf, own, self.right).astype(np.intp)
        )
        object.__setattr__(
            self, "_step_feature", np.where(self.leaf, 0, self.feature).astype(np.intp)
        )

    @classmethod
    def from_sklearn(cls, model: Any) -> Forest:
        """The trees of a fitted binary HistGradientBoostingClassifier (numeric features)."""
        tables, roots, offset = [], [], 0
        for (tree,) in model._predictors:
            nodes = tree.nodes
            if nodes["is_categorical"].any():
                raise ValueError("categorical splits are not supported")
            roots.append(offset)
            tables.append((nodes, offset))
            offset += len(nodes)

        def cat(field: str) -> np.ndarray:
            return np.concatenate([n[field] for n, _ in tables])

        shift = np.concatenate([np.full(len(n), off) for n, off in tables])
        return cls(
            feature=cat("feature_idx").astype(np.int32),
            threshold=cat("num_threshold").astype(np.float64),
            left=(cat("left").astype(np.int64) + shift).astype(np.int32),
            right=(cat("right").astype(np.int64) + shift).astype(np.int32),
            missing_left=cat("missing_go_to_left").astype(bool),
            leaf=cat("is_leaf").astype(bool),
            value=cat("value").astype(np.float64),
            roots=np.array(roots, dtype=np.int32),
            baseline=float(np.ravel(model._baseline_prediction)[0]),
            depth=int(cat("depth").max()),
        )

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The summed raw score (a logit) of every row of `x`."""
        if not len(x):
            return np.zeros(0)
        rows, width = x.shape
        flat = np.ascontiguousarray(x, dtype=np.float64).ravel()
        # one walker per (tree, row): where its row starts in `flat`, and the node it is at
        start = np.tile(np.arange(rows, dtype=np.intp) * width, len(self.roots))
        node = np.repeat(self.roots.astype(np.intp), rows)
        final = node.copy()  # the leaf each walker ends at
        walker = np.arange(len(node), dtype=np.intp)  # the walkers still walking
        missing = bool(np.isnan(flat).any())
        for level in range(self.depth):
            if level >= _COMPACT_FROM and level % 2 == 1:
                # most leaves are 4 to 6 levels deep and a few trees 12: walkers that reached
                # theirs stop here, rather than stepping in place to the deepest level
                walking = ~self.leaf[node]
                if not walking.all():
                    final[walker] = node
                    walker, node, start = walker[walking], node[walking], start[walking]
                    if not len(node):
                        break
            value = flat[start + self._step_feature[node]]
            go_left = value <= self.threshold[node]
            if missing:
                go_left |= np.isnan(value) & self.missing_left[node]
            node = np.where(go_left, self._step_left[node], self._step_right[node])
        final[walker] = node
        return self.baseline + self.value[final].reshape(len(self.roots), rows).sum(axis=0)

    def prob(self, x: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-self.raw(x)))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The forest as named arrays for `np.savez_compressed`."""
        return {
            f"{prefix}_feature": self.feature.astype(np.int16),
            f"{prefix}_threshold": self.threshold,
            f"{prefix}_left": self.left,
            f"{prefix}_right": self.right,
            f"{prefix}_missing_left": self.missing_left,
            f"{prefix}_leaf": self.leaf,
            f"{prefix}_value": self.value.astype(np.float32),
            f"{prefix}_roots": self.roots,
            f"{prefix}_meta": np.array([self.baseline, self.depth], dtype=np.float64),
        }

    @classmethod
    def from_arrays(cls, data: Any, prefix: str) -> Forest:
        meta = data[f"{prefix}_meta"]
        return cls(
            feature=data[f"{prefix}_feature"].astype(np.int32),
            threshold=data[f"{prefix}_threshold"].astype(np.float64),
            left=data[f"{prefix}_left"],
            right=data[f"{prefix}_right"],
            missing_left=data[f"{prefix}_missing_left"],
            leaf=data[f"{prefix}_leaf"],
            value=data[f"{prefix}_value"].astype(np.float64),
            roots=data[f"{prefix}_roots"],
            baseline=float(meta[0]),
            depth=int(meta[1]),
        )
