// Graphics module: see docs/architecture.md.
