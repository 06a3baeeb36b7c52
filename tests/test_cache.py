"""The knowledge cache: a hit when the sources are unchanged, a rebuild when one changes or
the file is damaged, and the packaged patterns and dictionary the same from it as parsed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redshank import cache
from redshank.actors import dictionary as dictionary_module
from redshank.actors.dictionary import ActorDictionary, load_dictionary
from redshank.coding import patterns as patterns_module
from redshank.coding.patterns import load_patterns


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("REDSHANK_CACHE_DIR", str(folder))
    return folder


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_unchanged_sources_are_read_from_the_cache(cache_dir: Path) -> None:
    build = Builds({"ask": [1, 2]})
    sources = [("core.patterns", b"ask 020\n")]
    assert cache.cached("test", sources, build, lambda v: isinstance(v, dict)) == {"ask": [1, 2]}
    assert cache.cached("test", sources, build, lambda v: isinstance(v, dict)) == {"ask": [1, 2]}
    assert build.calls == 1
    assert len(list(cache_dir.glob("test-*.pickle"))) == 1


def test_a_changed_source_is_a_new_key_and_a_rebuild(cache_dir: Path) -> None:
    build = Builds([1])
    cache.cached("test", [("core.patterns", b"ask 020\n")], build, lambda v: True)
    cache.cached("test", [("core.patterns", b"ask 021\n")], build, lambda v: True)
    assert build.calls == 2
    assert len(list(cache_dir.glob("test-*.pickle"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_a_damaged_cache_file_is_rebuilt(cache_dir: Path, damage: bytes) -> None:
    sources = [("core.patterns", b"ask 020\n")]
    cache.cached("test", sources, Builds([1]), lambda v: True)
    (path,) = cache_dir.glob("test-*.pickle")
    path.write_bytes(damage)
    build = Builds([2])
    assert cache.cached("test", sources, build, lambda v: True) == [2]
    assert build.calls == 1
    assert cache.cached("test", sources, Builds([3]), lambda v: True) == [2]


def test_a_value_of_the_wrong_shape_is_rebuilt(cache_dir: Path) -> None:
    sources = [("core.patterns", b"ask 020\n")]
    cache.cached("test", sources, Builds("old shape"), lambda v: True)
    build = Builds({"new": "shape"})
    assert cache.cached("test", sources, build, lambda v: isinstance(v, dict)) == {"new": "shape"}
    assert build.calls == 1


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("REDSHANK_CACHE_DIR", str(blocker / "cache"))
    build = Builds([1])
    assert cache.cached("test", [("x", b"")], build, lambda v: True) == [1]
    assert cache.cached("test", [("x", b"")], build, lambda v: True) == [1]
    assert build.calls == 2


def _group(patterns, key):
    return [(p.id, p.cameo, p.event, p.mode, p.constraints, p.order, p.tier)
            for p in patterns.candidates(*key)]


def test_packaged_patterns_from_the_cache_equal_the_parsed_ones(cache_dir, monkeypatch) -> None:
    compiled = Builds(patterns_module.compile_packaged())
    monkeypatch.setattr(patterns_module, "compile_packaged", compiled)
    patterns_module._packaged.__wrapped__()
    second, synsets = patterns_module._packaged.__wrapped__()
    assert compiled.calls == 1
    fresh, fresh_synsets = patterns_module.compile_packaged()
    assert len(second) == len(fresh) > 40_000
    assert second.triggers() == fresh.triggers()
    for key in [("verb", "ask"), ("verb", "attack"), ("noun", "talk"), ("verb", "rule")]:
        assert _group(second, key) == _group(fresh, key)
    assert synsets == fresh_synsets
    assert second.lexicon == fresh.lexicon and second.discards == fresh.discards


def test_an_edited_pattern_file_rebuilds_the_patterns(cache_dir, monkeypatch) -> None:
    sources = patterns_module.packaged_sources()
    compiled = Builds(patterns_module.compile_packaged())
    monkeypatch.setattr(patterns_module, "compile_packaged", compiled)
    monkeypatch.setattr(patterns_module, "packaged_sources", lambda: sources)
    patterns_module._packaged.__wrapped__()
    edited = [(name, text + b"zorble 120\n" if name.endswith("core.patterns") else text)
              for name, text in sources]
    monkeypatch.setattr(patterns_module, "packaged_sources", lambda: edited)
    patterns_module._packaged.__wrapped__()
    assert compiled.calls == 2


def test_a_user_pattern_file_is_parsed_on_top_of_the_cached_patterns(tmp_path: Path) -> None:
    user = tmp_path / "mine.patterns"
    user.write_text("ask arg:&MILITARY 120\n", encoding="utf-8")
    packaged = load_patterns()
    patterns = load_patterns([str(user)])
    asks = patterns.candidates("verb", "ask")
    assert len(asks) == len(packaged.candidates("verb", "ask")) + 1
    assert asks[-1].id == "mine.patterns:1" and asks[-1].order == len(packaged)
    assert len(patterns) == len(packaged) + 1
    assert load_patterns().candidates("verb", "ask")[-1].id != "mine.patterns:1"


def test_the_dictionary_from_the_cache_equals_the_parsed_one(cache_dir: Path) -> None:
    cold = load_dictionary()
    warm = load_dictionary()
    assert list(cache_dir.glob("actors-*.pickle"))
    assert list(warm.actors) == list(cold.actors) and list(warm.agents) == list(cold.agents)
    plain = ActorDictionary(list(warm.actors), list(warm.agents), warm.files)
    assert list(warm.entries_in_load_order()) == list(plain.entries_in_load_order())
    for surname in ("maliki", "obama", "putin", "nobody-at-all"):
        assert warm.people_named(surname) == plain.people_named(surname)
    assert warm.fingerprint == cold.fingerprint


def test_an_edited_dictionary_file_rebuilds_the_dictionary(cache_dir, monkeypatch) -> None:
    load_dictionary()
    real_compile = dictionary_module._compile
    compiled = Builds(None)

    def counting(packaged):
        compiled()
        return real_compile(packaged)

    monkeypatch.setattr(dictionary_module, "_compile", counting)
    load_dictionary()
    assert compiled.calls == 0
    read_bytes = dictionary_module._read_bytes

    def edited(path: Path) -> bytes:
        raw = read_bytes(path)
        if path.name == "redshank-core.jsonl":
            record = {"id": "ZORBLE", "name": "Zorble Front", "type": "armed_group",
                      "names": ["Zorble Front"], "roles": [{"code": "IRQREB"}]}
            raw += (json.dumps(record) + "\n").encode()
        return raw

    monkeypatch.setattr(dictionary_module, "_read_bytes", edited)
    rebuilt = load_dictionary()
    assert compiled.calls == 1
    assert rebuilt.by_id("ZORBLE") is not None


def test_a_user_dictionary_is_loaded_on_top_of_the_cached_one(tmp_path: Path) -> None:
    user = tmp_path / "mine.jsonl"
    record = {"id": "DC", "name": "Washington State", "names": ["Washington"],
              "roles": [{"code": "USA"}]}
    user.write_text(json.dumps(record) + "\n")
    load_dictionary()
    dictionary = load_dictionary([user])
    assert dictionary.lookup("Washington").provenance == "mine.jsonl:1 DC"
    assert dictionary.files[-1] == "mine.jsonl"
    assert load_dictionary().lookup("Washington").provenance != "mine.jsonl:1 DC"
