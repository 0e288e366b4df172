"""Random input to loader + validator: a Notice comes back, or a DataError; nothing else."""
from __future__ import annotations

import atexit
import copy
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao.data import model
from baocao.data.load import load
from baocao.data.model import Notice
from baocao.data.validate import load_notice, load_registry
from baocao.data.messages import keys_of
from baocao.errors import DataError

GOOD = Path(__file__).parent / "resources" / "good"
REGISTRY = load_registry(GOOD / "co-quan.yaml")
WORKDIR = Path(tempfile.mkdtemp(prefix="baocao-fuzz-"))
atexit.register(shutil.rmtree, WORKDIR, True)
KEYS = sorted({key for cls in vars(model).values() if isinstance(cls, type) and hasattr(cls, "model_fields")
               for key in keys_of(cls)})
SEEDS = [load(GOOD / name).data for name in ("toi-thieu.yaml", "day-du.yaml", "du-thao.yaml")]

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

yamlish = st.text(alphabet=st.sampled_from(list("ab:- \n\t#'\"[]{},&*!|>%@`?\\0123456789_xđệ\u00a0\x00\x85\ufeff«¬­")),
                  max_size=200)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["2026-02-30", "2026-Q5", "012", "0", "NO", "@x",
                                                           "{thoi_han:3}", "truoc 2026-01-01", "bo-thu-nghiem"]))
keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=12))
structures = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                           st.dictionaries(keys, inner, max_size=5)), max_leaves=25)


def check(text: str) -> None:
    path = WORKDIR / "tb.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        notice, registry, warnings = load_notice(path, REGISTRY)
    except DataError as error:
        assert error.problems
        assert all(p.message and p.file == str(path) for p in error.problems)
        return
    assert isinstance(notice, Notice)
    assert all(w.warning for w in warnings)


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from paths(value, (*prefix, i))


def replaced(data, path, value):
    data = copy.deepcopy(data)
    if not path:
        return value
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


@FUZZ
@given(yamlish)
def test_yamlish_text(text):
    check(text)


@FUZZ
@given(structures)
def test_random_structures(data):
    check(yaml.safe_dump(data, allow_unicode=True))


@FUZZ
@given(st.data())
def test_good_notices_with_one_part_replaced(data):
    seed = data.draw(st.sampled_from(SEEDS))
    path = data.draw(st.sampled_from(list(paths(seed))))
    value = data.draw(structures)
    check(yaml.safe_dump(replaced(seed, path, value), allow_unicode=True))


@FUZZ
@given(st.data())
def test_good_notices_with_one_key_dropped_or_added(data):
    seed = copy.deepcopy(data.draw(st.sampled_from(SEEDS)))
    mappings = [p for p in paths(seed) if isinstance(_at(seed, p), dict)]
    path = data.draw(st.sampled_from(mappings))
    target = _at(seed, path)
    if target and data.draw(st.booleans()):
        target.pop(data.draw(st.sampled_from(sorted(target))))
    else:
        target[data.draw(keys)] = data.draw(scalars)
    check(yaml.safe_dump(seed, allow_unicode=True))


def _at(data, path):
    for part in path:
        data = data[part]
    return data
