"""Enhanced two-step floating catchment area (E2SFCA) on plain numpy arrays.

No Django, no database: coordinates are metres in one projected system (the atlas uses
EPSG:25833), distances are straight lines. See docs/coverage.md for the formulas and sources.

    W(d)  = w_r for the first zone r with d <= b_r, 0 beyond the last bound   (step function)
    R_j   = S_j / sum_k P_k W(d_kj)                  supply-to-demand ratio of supply point j
    A_i   = sum_j R_j W(d_ij)                        accessibility of demand point i

Supply whose catchment holds no demand gets R_j = 0 (its supply reaches nobody).

Two implementations of the same sums:

* ``e2sfca_dense`` builds the full points x supply weight matrix; short and obviously right, used as
  the reference in tests and for small cases.
* ``e2sfca`` works on the sparse list of (demand, supply) pairs within the catchment, found tile by
  tile, so a Berlin-sized case (15,000 demand x 50,000 supply points) never materialises a dense
  matrix. Same result up to floating-point summation order.

Both are deterministic: the same inputs give bit-identical outputs on every run.
"""

from dataclasses import dataclass

import numpy as np

# Luo & Qi (2009): three travel-time zones weighted 1.00, 0.68 and 0.22 (from a Gaussian decay);
# here the zones end at d0/2, 3d0/4 and d0 of the walking catchment.
LUO_QI_FRACTIONS = (0.5, 0.75, 1.0)
LUO_QI_WEIGHTS = (1.0, 0.68, 0.22)

# Dense distance blocks above this many cells are split up (8 bytes each, a few arrays at once).
DENSE_CELL_LIMIT = 2_000_000


@dataclass(frozen=True)
class Zones:
    """Upper bounds (metres, ascending, inclusive) of the distance zones and their weights."""

    bounds: tuple
    weights: tuple

    def __post_init__(self):
        if len(self.bounds) != len(self.weights) or not self.bounds:
            raise ValueError("zones need as many weights as bounds, at least one")
        bounds, weights = self.bounds, self.weights
        if any(b <= 0 for b in bounds) or any(b2 <= b1 for b1, b2 in zip(bounds, bounds[1:], strict=False)):
            raise ValueError("zone bounds must be positive and strictly ascending")
        if any(not 0 <= w <= 1 for w in weights) or any(w2 > w1 for w1, w2 in zip(weights, weights[1:], strict=False)):
            raise ValueError("zone weights must lie in [0, 1] and must not increase with distance")

    @property
    def radius(self):
        return self.bounds[-1]

    @classmethod
    def e2sfca(cls, catchment, fractions=LUO_QI_FRACTIONS, weights=LUO_QI_WEIGHTS):
        """Zones ending at the given fractions of the catchment radius (default d0/2, 3d0/4, d0)."""
        return cls(tuple(float(catchment) * f for f in fractions), tuple(float(w) for w in weights))

    @classmethod
    def two_step(cls, catchment):
        """Classic 2SFCA (Luo & Wang 2003): weight 1 inside the catchment, 0 outside."""
        return cls((float(catchment),), (1.0,))

    def weight(self, distance):
        """W(d) for an array of distances; d exactly on a bound belongs to the inner zone."""
        table = np.append(np.asarray(self.weights, dtype=float), 0.0)
        return table[np.searchsorted(np.asarray(self.bounds, dtype=float), distance, side="left")]


@dataclass
class Pairs:
    """Demand-supply pairs within the catchment radius: indices and straight-line distance."""

    demand: np.ndarray  # int64, index into the demand points
    supply: np.ndarray  # int64, index into the supply points
    distance: np.ndarray  # float64, metres

    def __len__(self):
        return len(self.demand)

    def concat(self, other, supply_offset=0):
        """These pairs followed by ``other``, whose supply indices are shifted by ``supply_offset``."""
        return Pairs(
            np.concatenate([self.demand, other.demand]),
            np.concatenate([self.supply, other.supply + supply_offset]),
            np.concatenate([self.distance, other.distance]),
        )


@dataclass
class Result:
    ratio: np.ndarray  # R_j per supply point
    access: np.ndarray  # A_i per demand point
    weighted_demand: np.ndarray  # sum_k P_k W(d_kj) per supply point


def _as_xy(points):
    array = np.asarray(points, dtype=float).reshape(-1, 2)
    if not np.isfinite(array).all():
        raise ValueError("coordinates must be finite")
    return array


def _dense_block(demand_xy, supply_xy, radius):
    """Pairs of a small block by a full distance matrix, in row-major (demand, supply) order."""
    dx = demand_xy[:, 0, None] - supply_xy[None, :, 0]
    dy = demand_xy[:, 1, None] - supply_xy[None, :, 1]
    distance = np.sqrt(dx * dx + dy * dy)
    rows, cols = np.nonzero(distance <= radius)
    return rows, cols, distance[rows, cols]


def find_pairs(demand_xy, supply_xy, radius, tile=None):
    """All (i, j) with distance(demand_i, supply_j) <= radius.

    Small cases take one dense block. Larger ones sort the supply by x and walk square tiles of
    demand points (side ``tile``, default the radius): each tile compares its points only with the
    supply inside the tile's box grown by the radius, found by a binary search on x and a mask on y.
    """
    demand_xy, supply_xy = _as_xy(demand_xy), _as_xy(supply_xy)
    n, m = len(demand_xy), len(supply_xy)
    empty = Pairs(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, float))
    if n == 0 or m == 0:
        return empty
    if n * m <= DENSE_CELL_LIMIT:
        rows, cols, distance = _dense_block(demand_xy, supply_xy, radius)
        return Pairs(rows.astype(np.int64), cols.astype(np.int64), distance)

    tile = float(tile or radius)
    by_x = np.argsort(supply_xy[:, 0], kind="stable")
    sx, sy = supply_xy[by_x, 0], supply_xy[by_x, 1]
    cell = np.floor(demand_xy / tile).astype(np.int64)
    order = np.lexsort((cell[:, 1], cell[:, 0]))  # tiles column by column, points by index inside
    cell = cell[order]
    starts = np.flatnonzero(np.r_[True, (np.diff(cell, axis=0) != 0).any(axis=1)])
    ends = np.r_[starts[1:], n]
    parts = []
    for start, end in zip(starts, ends, strict=True):
        members = order[start:end]
        points = demand_xy[members]
        (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
        lo = np.searchsorted(sx, x0 - radius, side="left")
        hi = np.searchsorted(sx, x1 + radius, side="right")
        if hi <= lo:
            continue
        candidates = np.arange(lo, hi)[(sy[lo:hi] >= y0 - radius) & (sy[lo:hi] <= y1 + radius)]
        if candidates.size == 0:
            continue
        # Keep each block under the cell limit (only matters for very dense supply).
        step = max(1, DENSE_CELL_LIMIT // max(1, len(members)))
        for c in range(0, candidates.size, step):
            chunk = candidates[c:c + step]
            rows, cols, distance = _dense_block(points, np.column_stack((sx[chunk], sy[chunk])), radius)
            parts.append((members[rows], by_x[chunk[cols]], distance))
    if not parts:
        return empty
    return Pairs(*(np.concatenate(column) for column in zip(*parts, strict=True)))


def e2sfca_pairs(pairs, demand, supply, zones, n_demand=None):
    """R_j and A_i from precomputed pairs (pairs beyond the last zone bound weigh 0)."""
    demand = np.asarray(demand, dtype=float)
    supply = np.asarray(supply, dtype=float)
    n = len(demand) if n_demand is None else n_demand
    weight = zones.weight(pairs.distance)
    weighted_demand = np.bincount(pairs.supply, weights=demand[pairs.demand] * weight, minlength=len(supply))
    ratio = np.zeros(len(supply))
    np.divide(supply, weighted_demand, out=ratio, where=weighted_demand > 0)
    access = np.bincount(pairs.demand, weights=ratio[pairs.supply] * weight, minlength=n)
    return Result(ratio=ratio, access=access, weighted_demand=weighted_demand)


def e2sfca(demand_xy, demand, supply_xy, supply, zones, tile=None):
    """E2SFCA by sparse pairs: returns Result(ratio, access, weighted_demand)."""
    pairs = find_pairs(demand_xy, supply_xy, zones.radius, tile=tile)
    return e2sfca_pairs(pairs, demand, supply, zones, n_demand=len(_as_xy(demand_xy)))


def e2sfca_dense(demand_xy, demand, supply_xy, supply, zones):
    """Reference implementation with the full weight matrix W (points x supply)."""
    demand_xy, supply_xy = _as_xy(demand_xy), _as_xy(supply_xy)
    demand = np.asarray(demand, dtype=float)
    supply = np.asarray(supply, dtype=float)
    distance = np.hypot(demand_xy[:, 0, None] - supply_xy[None, :, 0], demand_xy[:, 1, None] - supply_xy[None, :, 1])
    weights = zones.weight(distance)
    weighted_demand = demand @ weights
    ratio = np.zeros(len(supply))
    np.divide(supply, weighted_demand, out=ratio, where=weighted_demand > 0)
    return Result(ratio=ratio, access=weights @ ratio, weighted_demand=weighted_demand)


def group_mean(values, weights, groups, n_groups):
    """Weighted mean of ``values`` per group (0..n_groups-1); the plain mean where a group's weights
    sum to 0; NaN for a group without members."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    total = np.bincount(groups, weights=weights * values, minlength=n_groups)
    weight_sum = np.bincount(groups, weights=weights, minlength=n_groups)
    plain = np.bincount(groups, weights=values, minlength=n_groups)
    count = np.bincount(groups, minlength=n_groups)
    mean = np.full(n_groups, np.nan)
    weighted = weight_sum > 0
    mean[weighted] = total[weighted] / weight_sum[weighted]
    unweighted = ~weighted & (count > 0)
    mean[unweighted] = plain[unweighted] / count[unweighted]
    return mean


def gap_scores(need, access, reference):
    """Gap score per unit: high need and low access give a high score.

        relative_access = access / reference            (1 = the need-weighted district average)
        gap             = (need / max need) x exp(-relative_access)      in [0, 1]

    Strictly decreasing in access and increasing in need (the other held fixed); unchanged when
    all demand is scaled (access and reference scale alike). An area with average access keeps
    e^-1 = 37 % of its need share, one with no access all of it. Returns (relative_access, gap).
    """
    need = np.asarray(need, dtype=float)
    access = np.nan_to_num(np.asarray(access, dtype=float))
    relative = np.zeros_like(access)
    if reference > 0:
        relative = access / reference
    top = need.max() if need.size else 0.0
    need_share = need / top if top > 0 else np.zeros_like(need)
    return relative, need_share * np.exp(-relative)


def rank_and_class(gap, need, keys, classes=5):
    """Rank 1 = largest gap (ties: more need first, then key); class ``classes`` = the top fifth of
    ranks, 1 = the bottom fifth (quantile classes of the rank)."""
    n = len(gap)
    order = sorted(range(n), key=lambda i: (-gap[i], -need[i], keys[i]))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    gap_class = classes - ((rank - 1) * classes) // max(n, 1)
    return rank, gap_class


def spearman(a, b):
    """Spearman rank correlation of two score arrays (average ranks for ties)."""
    def ranks(values):
        values = np.asarray(values, dtype=float)
        order = np.argsort(values, kind="stable")
        result = np.empty(len(values))
        sorted_values = values[order]
        start = 0
        while start < len(values):
            end = start
            while end + 1 < len(values) and sorted_values[end + 1] == sorted_values[start]:
                end += 1
            result[order[start:end + 1]] = (start + end) / 2 + 1
            start = end + 1
        return result

    ra, rb = ranks(a), ranks(b)
    ra -= ra.mean()
    rb -= rb.mean()
    denominator = np.sqrt((ra * ra).sum() * (rb * rb).sum())
    return float((ra * rb).sum() / denominator) if denominator else float("nan")
