// Accounts module: see docs/architecture.md.
