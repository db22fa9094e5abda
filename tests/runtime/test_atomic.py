import pytest

from pipeline.runtime.atomic import atomic_write, write_text


def test_failed_write_keeps_old_file_and_leaves_no_temp(tmp_path):
    path = tmp_path / "graph.json"
    write_text(path, "old")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as fh:
            fh.write("half")
            raise RuntimeError("killed")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def test_written_file_has_ordinary_permissions(tmp_path):
    import os
    import stat

    path = write_text(tmp_path / "graph.html", "x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
