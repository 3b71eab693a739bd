"""policykg.cli: the ``policykg`` command line, one module per group of commands.

:mod:`~policykg.cli.main` is the app and its entry point; :mod:`~policykg.cli.common` the
options, settings, store opening and errors every command shares.
"""
