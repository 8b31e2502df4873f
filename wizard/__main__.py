"""``python -m wizard`` runs the same command line as the ``wizard`` script."""

from wizard.startup import main

raise SystemExit(main())
