from redshank.cli import main

raise SystemExit(main())
