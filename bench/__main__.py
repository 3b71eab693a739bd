"""``python -m policykg.bench`` (or ``python -m bench`` from the repository root)."""

from policykg.bench.run import main

main()
