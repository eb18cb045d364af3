"""The E2SFCA core on plain arrays: a hand-computed case, properties, and pysal's `access` package."""

import numpy as np
import pytest

from planning.coverage import method
from planning.coverage.method import Zones

ZONES = Zones.e2sfca(1000)  # bounds 500, 750, 1000 m; weights 1.00, 0.68, 0.22


def test_zone_weights_are_luo_and_qi_steps_with_inclusive_bounds():
    assert ZONES.bounds == (500.0, 750.0, 1000.0)
    distances = np.array([0, 499.9, 500, 500.1, 750, 750.1, 1000, 1000.1, 5000])
    assert ZONES.weight(distances).tolist() == [1.0, 1.0, 1.0, 0.68, 0.68, 0.22, 0.22, 0.0, 0.0]
    assert Zones.two_step(800).weight(np.array([800, 800.5])).tolist() == [1.0, 0.0]
    with pytest.raises(ValueError):
        Zones((500.0, 400.0), (1.0, 0.5))
    with pytest.raises(ValueError):
        Zones((500.0, 1000.0), (0.5, 1.0))


def test_hand_computed_example():
    """Three demand points and two supply points on the x axis (metres), zones 500/750/1000 m.

        demand  k1 (0, 0) P=100    k2 (600, 0) P=200    k3 (1400, 0) P=100
        supply  j1 (0, 0) S=2      j2 (1000, 0) S=1

        distances      j1      j2            weights W(d)   j1     j2
            k1          0    1000 (bound)        k1        1.00   0.22
            k2        600     400                k2        0.68   1.00
            k3       1400     400                k3        0      1.00

        step 1: D1 = 100*1 + 200*0.68 + 100*0   = 236     R1 = 2/236 = 1/118 = 0.00847457627118644
                D2 = 100*0.22 + 200*1 + 100*1   = 322     R2 = 1/322         = 0.003105590062111801
        step 2: A1 = R1*1    + R2*0.22 = 8699/949900  = 0.009157806084851037
                A2 = R1*0.68 + R2*1    = 2106/237475  = 0.008868301926518581
                A3 = R1*0    + R2*1    = 1/322        = 0.003105590062111801
        check:  sum_k P_k A_k = 0.9157806 + 1.7736604 + 0.3105590 = 3 = S1 + S2 (all supply is absorbed)
    """
    demand_xy = [(0, 0), (600, 0), (1400, 0)]
    population = [100, 200, 100]
    supply_xy = [(0, 0), (1000, 0)]
    supply = [2, 1]
    for result in (method.e2sfca(demand_xy, population, supply_xy, supply, ZONES),
                   method.e2sfca_dense(demand_xy, population, supply_xy, supply, ZONES)):
        assert result.weighted_demand.tolist() == pytest.approx([236.0, 322.0], abs=1e-12)
        assert result.ratio[0] == pytest.approx(0.00847457627118644, rel=1e-15)
        assert result.ratio[1] == pytest.approx(0.003105590062111801, rel=1e-15)
        assert result.access[0] == pytest.approx(0.009157806084851037, rel=1e-15)
        assert result.access[1] == pytest.approx(0.008868301926518581, rel=1e-15)
        assert result.access[2] == pytest.approx(0.003105590062111801, rel=1e-15)
        assert float(np.dot(population, result.access)) == pytest.approx(3.0, rel=1e-14)


def random_case(seed, n=400, m=60, extent=8000):
    rng = np.random.default_rng(seed)
    return (rng.uniform(0, extent, (n, 2)), rng.integers(0, 500, n).astype(float),
            rng.uniform(0, extent, (m, 2)), rng.uniform(0.5, 3, m))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_adding_supply_never_lowers_access(seed):
    demand_xy, population, supply_xy, supply = random_case(seed)
    before = method.e2sfca(demand_xy, population, supply_xy, supply, ZONES).access
    extra = np.random.default_rng(seed + 100).uniform(0, 8000, (5, 2))
    after = method.e2sfca(demand_xy, population, np.vstack([supply_xy, extra]), np.r_[supply, np.ones(5)],
                          ZONES).access
    assert (after >= before - 1e-15).all()
    assert (after > before).any()


def test_no_supply_means_zero_access():
    demand_xy, population, supply_xy, supply = random_case(4)
    assert not method.e2sfca(demand_xy, population, np.empty((0, 2)), np.empty(0), ZONES).access.any()
    assert not method.e2sfca(demand_xy, population, supply_xy, np.zeros(len(supply)), ZONES).access.any()


def test_doubling_population_halves_access():
    demand_xy, population, supply_xy, supply = random_case(5)
    single = method.e2sfca(demand_xy, population, supply_xy, supply, ZONES).access
    double = method.e2sfca(demand_xy, 2 * population, supply_xy, supply, ZONES).access
    np.testing.assert_allclose(double, single / 2, rtol=1e-13, atol=0)


def test_supply_is_conserved_where_it_reaches_demand():
    demand_xy, population, supply_xy, supply = random_case(6)
    result = method.e2sfca(demand_xy, population, supply_xy, supply, ZONES)
    reached = result.weighted_demand > 0
    assert float(np.dot(population, result.access)) == pytest.approx(supply[reached].sum(), rel=1e-12)


def test_tiled_pairs_equal_dense_matrix(monkeypatch):
    demand_xy, population, supply_xy, supply = random_case(7, n=3000, m=900, extent=20000)
    dense = method.e2sfca_dense(demand_xy, population, supply_xy, supply, ZONES)
    monkeypatch.setattr(method, "DENSE_CELL_LIMIT", 5000)  # force tiles and split blocks
    tiled = method.e2sfca(demand_xy, population, supply_xy, supply, ZONES)
    np.testing.assert_allclose(tiled.ratio, dense.ratio, rtol=1e-12, atol=0)
    np.testing.assert_allclose(tiled.access, dense.access, rtol=1e-12, atol=1e-18)
    pairs = method.find_pairs(demand_xy, supply_xy, 1000)
    distance = np.hypot(*(demand_xy[:, None, :] - supply_xy[None, :, :]).transpose(2, 0, 1))
    assert len(pairs) == int((distance <= 1000).sum())


def test_computation_is_deterministic():
    demand_xy, population, supply_xy, supply = random_case(8, n=2000, m=500, extent=15000)
    first = method.e2sfca(demand_xy, population, supply_xy, supply, ZONES, tile=700)
    second = method.e2sfca(demand_xy, population, supply_xy, supply, ZONES, tile=700)
    assert first.access.tobytes() == second.access.tobytes()


def test_gap_score_is_monotone():
    need = np.array([100.0, 100.0, 200.0, 0.0])
    access = np.array([1.0, 2.0, 1.0, 1.0])
    relative, gap = method.gap_scores(need, access, reference=1.0)
    assert relative.tolist() == [1.0, 2.0, 1.0, 1.0]
    assert gap[0] > gap[1]  # more access, same need: lower gap
    assert gap[2] > gap[0]  # more need, same access: higher gap
    assert gap[3] == 0.0
    assert gap[2] == pytest.approx(np.exp(-1))
    _, no_supply = method.gap_scores(need, np.zeros(4), reference=0.0)
    assert no_supply.tolist() == [0.5, 0.5, 1.0, 0.0]


def test_rank_and_class():
    gap = np.array([0.1, 0.9, 0.5, 0.5, 0.0, 0.3, 0.2, 0.8, 0.7, 0.6])
    need = np.array([1, 1, 1, 2, 1, 1, 1, 1, 1, 1], dtype=float)
    rank, gap_class = method.rank_and_class(gap, need, [str(i) for i in range(10)])
    assert rank.tolist() == [9, 1, 6, 5, 10, 7, 8, 2, 3, 4]  # tie 0.5: more need first
    assert sorted(gap_class.tolist()) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert gap_class[1] == 5 and gap_class[4] == 1


def test_spearman():
    assert method.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert method.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert method.spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486832980505138)


def test_cross_check_with_pysal_access():
    """pysal/access (Saxon et al.) computes 2SFCA/E2SFCA from a cost table; same numbers expected."""
    pd = pytest.importorskip("pandas")
    fca = pytest.importorskip("access.fca")
    weights = pytest.importorskip("access.weights")
    demand_xy, population, supply_xy, supply = random_case(9, n=120, m=25, extent=5000)
    distance = np.hypot(*(demand_xy[:, None, :] - supply_xy[None, :, :]).transpose(2, 0, 1))
    origin, dest = np.meshgrid(np.arange(len(demand_xy)), np.arange(len(supply_xy)), indexing="ij")
    cost = pd.DataFrame({"origin": origin.ravel(), "dest": dest.ravel(), "cost": distance.ravel()})
    demand_df = pd.DataFrame({"geoid": np.arange(len(demand_xy)), "demand": population})
    supply_df = pd.DataFrame({"supply": supply}, index=pd.Index(np.arange(len(supply_xy)), name="geoid"))
    for zones, weight_fn in (
        (ZONES, weights.step_fn({500: 1.0, 750: 0.68, 1000: 0.22})),
        (Zones.two_step(1000), None),
    ):
        theirs = fca.two_stage_fca(demand_df, supply_df, cost, max_cost=1000, weight_fn=weight_fn)
        theirs = theirs.reindex(np.arange(len(demand_xy)), fill_value=0.0).fillna(0.0).to_numpy()
        ours = method.e2sfca(demand_xy, population, supply_xy, supply, zones).access
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-18)
