"""Broadsheet's benchmarks: `python bench/run.py --articles N` (see bench/README.md)."""
