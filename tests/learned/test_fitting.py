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


def test_folds_hold_out_whole_authors():
    from pipeline.learned.fitting import author_folds

    ids = [f"tr-{lang}-{author}-{n:03d}" for lang, author in (("ar", "a1"), ("ar", "a2"), ("en", "e1"), ("fr", "f1"))
           for n in range(1, 8)]
    folds = author_folds(list(reversed(ids)))
    assert len(set(folds.values())) == 4  # one fold per author
    for author in ("a1", "a2", "e1", "f1"):
        assert len({f for d, f in folds.items() if f"-{author}-" in d}) == 1  # an author's documents together
    assert folds == author_folds(ids)  # deterministic, whatever the order


def test_folds_of_documents_when_authors_are_unknown_or_few():
    from pipeline.learned.fitting import DOC_FOLDS, author_folds

    plain = author_folds([f"d{i}" for i in range(12)])
    assert len(set(plain.values())) == DOC_FOLDS
    two = author_folds([f"tr-fr-f{a}-{n:03d}" for a in (1, 2) for n in range(6)])
    assert len(set(two.values())) == DOC_FOLDS  # two authors are too few to hold one out


def test_a_measurement_may_ask_for_a_lower_floor():
    scored = [(0.9 - k * 0.01, k % 2) for k in range(40)]  # precision .5 all the way down
    assert choose_threshold(scored, total_positives=20) is None
    low = choose_threshold(scored, total_positives=20, min_precision=0.0)
    assert low is not None and low.precision < MIN_PRECISION
