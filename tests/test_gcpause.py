"""The collector pause around loading and building: the caller's collector state comes back as it was."""

from __future__ import annotations

import gc

import pytest

from postman_kit.gcpause import gc_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_comes_back_as_the_caller_had_it(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), gc_paused():
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_what_was_built_meanwhile_is_not_left_for_the_next_young_pass() -> None:
    gc.collect()
    with gc_paused():
        kept = [{"n": n} for n in range(10_000)]
    assert gc.get_count()[0] < 1_000  # the youngest generation does not hold the 10,000 dicts
    assert len(kept) == 10_000
