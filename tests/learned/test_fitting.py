"""The operating point of the trained models: the best F-beta at the precision floor."""
from __future__ import annotations

from pipeline.learned.fitting import MIN_PRECISION, MIN_TRUE, choose_threshold


def test_the_threshold_keeps_precision_at_the_floor():
    # 12 right at the top, then a run of wrong ones, then right and wrong alternating
    scored = [(0.99 - k * 0.01, 1) for k in range(12)] + [(0.80 - k * 0.01, 0) for k in range(6)]
    scored += [(0.70 - k * 0.01, k % 2) for k in range(40)]
    chosen = choose_threshold(scored, total_positives=60)
    assert chosen is not None and chosen.precision >= MIN_PRECISION and chosen.tp >= MIN_TRUE
    # going lower would add recall but the precision would fall under the floor
    below = [(p, y) for p, y in scored if p < chosen.value]
    tp, fp = chosen.tp + sum(y for _, y in below), chosen.fp + sum(1 - y for _, y in below)
    assert tp / (tp + fp) < MIN_PRECISION


def test_no_point_at_the_floor_means_no_model():
    assert choose_threshold([(0.9 - k * 0.01, k % 3 == 0) for k in range(60)], total_positives=20) is None
    assert choose_threshold([(0.9, 1)] * (MIN_TRUE - 1), total_positives=9) is None  # too few found


def test_a_model_that_accepts_nothing_is_not_written(tmp_path):
    from pipeline.learned.fitting import write_model

    path = tmp_path / "models" / "m.json"
    assert "->" in write_model(path, {"types": {"leads": {}}}, accepts=True) and path.exists()
    assert "not written" in write_model(path, {"types": {}}, accepts=False)
    assert not path.exists()  # an older file is removed: the run goes without it
