from toc.cli import main

raise SystemExit(main())
