// Portal module: see docs/architecture.md.
