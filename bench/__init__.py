"""The benchmark suite: the app against native llama.cpp (``make bench``, docs/benchmarks.md).

``python -m bench.run`` runs everything and writes bench/results/latest.json and the
report; ``--quick`` runs every phase at toy sizes to prove the suite works (the test suite
does this; its numbers mean nothing).
"""
