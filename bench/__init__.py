"""newsnorm's benchmarks against its peers: run ``python -m bench`` (see ``bench/run.py``)."""
