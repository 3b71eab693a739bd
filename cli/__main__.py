"""``python -m policykg.cli``: the ``policykg`` command."""

from policykg.cli.main import main

main()
