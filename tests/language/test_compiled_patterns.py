import re

from pipeline.language.compiled_patterns import MIN_CHARS, _decode, cached_compilation, compile_cached

# A pattern in the shape of spaCy's French token_match: anchored alternatives with classes.
HUGE = "(?iu)" + "|".join(f"(?:^mot{i}[-‐][a-zàâçéèêëîïôûùüÿ]+(?:[-‐][a-zé]+)*$)" for i in range(2500))
WORDS = ["mot7-grand", "MOT2499-été-lé", "mot2500-x", "mot12", "mot3‐œuvre", "", "mot0-a-b-c"]


def test_a_huge_pattern_is_kept_and_read_back_as_the_same_compiled_pattern(tmp_path):
    assert len(HUGE) >= MIN_CHARS
    compiled = re.compile(HUGE)
    first = compile_cached(HUGE, folder=tmp_path)
    (kept,) = tmp_path.glob("*.sre")
    flags, groups, code = _decode(kept.read_bytes())
    assert flags == compiled.flags and groups == compiled.groups + 1 and code
    second = compile_cached(HUGE, folder=tmp_path)  # from the file
    # equality compares pattern text, flags and opcodes
    assert first == second == compiled
    assert [bool(second.match(w)) for w in WORDS] == [bool(compiled.match(w)) for w in WORDS]
    assert [bool(second.match(w)) for w in WORDS] == [True, True, False, False, False, False, True]


def test_a_damaged_file_is_compiled_again_and_rewritten(tmp_path):
    compile_cached(HUGE, folder=tmp_path)
    (kept,) = tmp_path.glob("*.sre")
    kept.write_bytes(b"garbage")
    assert compile_cached(HUGE, folder=tmp_path) == re.compile(HUGE)
    assert _decode(kept.read_bytes())[2]


def test_small_patterns_and_named_groups_are_not_kept(tmp_path):
    assert compile_cached(r"^mot\d+$", folder=tmp_path) == re.compile(r"^mot\d+$")
    named = "(?iu)(?P<w>" + HUGE[len("(?iu)"):] + ")"
    assert compile_cached(named, folder=tmp_path) == re.compile(named)
    assert list(tmp_path.glob("*.sre")) == []


def test_within_the_block_re_compile_keeps_huge_patterns_only(tmp_path):
    original = re.compile
    with cached_compilation(tmp_path):
        assert re.compile(HUGE) == original(HUGE)
        assert re.compile("a+", re.I).match("AA")
    assert re.compile is original
    assert len(list(tmp_path.glob("*.sre"))) == 1
