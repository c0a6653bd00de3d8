#!/usr/bin/env bash
# Whole-process timing of `corium screen` (knowledge base load included) with hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
hyperfine --warmup 5 --runs 50 --shell=none \
  './build/corium screen examples/consultation.json --format json' \
  './build/corium kb check kb'
