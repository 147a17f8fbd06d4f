#!/usr/bin/env bash
# CI steps of the ecosystem (issue 8): the example plugin, the Dask recipe, the docs pages of this area.
# Called by .ci/run after the main suite; safe to run alone from a clone: bash .ci/ecosystem.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off

echo "== example plugin: install, its own tests, types and lint"
pip install -e ".[test]" -e "examples/newsnorm-currency[test]"
python -m pytest -q -p no:cacheprovider examples/newsnorm-currency
(cd examples/newsnorm-currency && mypy --strict src tests && ruff check)

echo "== example plugin seen from newsnorm: listed by available(), runs in a pipeline, normalise unchanged"
python -m pytest -q -p no:cacheprovider tests/test_plugin_example.py -rs
python -c "import newsnorm; assert 'currency' in newsnorm.available(), newsnorm.available()"

echo "== example plugin builds as its own wheel and passes twine check"
pdist=$(mktemp -d)
pip install build twine
python -m build --outdir "$pdist" examples/newsnorm-currency
twine check --strict "$pdist"/*

echo "== dask recipe of docs/scale-out.md: identical to a plain loop"
pip install -e ".[dask]" cloudpickle
python -m pytest -q -p no:cacheprovider tests/test_dask_recipe.py -rs

echo "== docs: examples of the ecosystem pages and the generated support table"
python scripts/build_support_table.py --check
python -m pytest -q -p no:cacheprovider tests/test_docs.py

echo "ecosystem OK"
