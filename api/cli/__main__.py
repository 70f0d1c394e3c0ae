"""``python -m api.cli``: the same as the ``minqing`` command."""

from api.cli import main

main()
