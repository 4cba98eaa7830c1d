"""python -m desk_app runs the desk-app command."""

import sys

from desk_app.cli import main

sys.exit(main())
