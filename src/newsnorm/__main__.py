"""``python -m newsnorm``: the same as the ``newsnorm`` command."""

import sys

from .cli import main

sys.exit(main())
