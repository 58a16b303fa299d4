// Typography module: see docs/architecture.md.
