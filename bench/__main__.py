"""``python -m bench`` runs every measurement and prints the budget table."""

from bench.run import main

raise SystemExit(main())
