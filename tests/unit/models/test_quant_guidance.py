"""Quantization guidance: the best quality that fits and is fast enough, and why."""

from __future__ import annotations

from chatapp.models.quant_guidance import QuantOption, advise
from chatapp.models.speed_estimate import SpeedPrediction


def option(name: str, gigabytes: float, tokens_per_s: float, fits: bool = True) -> QuantOption:
    return QuantOption(name, int(gigabytes * 1e9),
                       SpeedPrediction(tokens_per_s, 60.0, measured=False, runs=0), fits)


def test_the_largest_fast_enough_file_is_chosen_with_the_next_one_named() -> None:
    options = [option("Q2_K", 1.6, 17), option("Q8_0", 4.3, 6), option("Q4_K_M", 2.5, 11),
               option("Q5_K_M", 2.9, 7.5)]
    advice = advise(options, 8.0)
    assert advice.choice is not None and advice.choice.name == "Q4_K_M"
    assert advice.reason == ("Q4_K_M: 2.5 GB, about 11 tokens/s here; Q5_K_M would run at "
                             "about 7.5.")
    slower_ok = advise(options, 5.0)
    assert slower_ok.choice is not None and slower_ok.choice.name == "Q8_0"
    assert slower_ok.reason == "Q8_0: 4.3 GB, about 6.0 tokens/s here; the best quality offered."


def test_what_does_not_fit_is_never_chosen() -> None:
    options = [option("Q4_K_M", 2.5, 11), option("Q8_0", 4.3, 9, fits=False)]
    advice = advise(options, 8.0)
    assert advice.choice is not None and advice.choice.name == "Q4_K_M"
    assert advice.reason.endswith("; Q8_0 would not fit in memory.")
    nothing = advise([option("Q8_0", 40, 1, fits=False), option("Q4_0", 20, 2, fits=False)],
                     8.0)
    assert nothing.choice is None
    assert nothing.reason == ("None of these files fits in this computer's memory; even Q4_0 "
                              "(20 GB) needs more.")


def test_when_none_is_fast_enough_the_fastest_that_fits_is_named() -> None:
    options = [option("Q4_K_M", 2.5, 5), option("Q2_K", 1.6, 7), option("Q8_0", 4.3, 3)]
    advice = advise(options, 8.0)
    assert advice.choice is not None and advice.choice.name == "Q2_K"
    assert advice.reason == ("Q2_K: 1.6 GB, about 7.0 tokens/s here, the fastest that fits; "
                             "none reaches 8.0 tokens/s on this computer.")
    assert advise([], 8.0).choice is None
