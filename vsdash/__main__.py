import sys

from vsdash.cli import main

sys.exit(main())
