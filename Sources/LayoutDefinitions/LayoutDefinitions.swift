// LayoutDefinitions module: see docs/architecture.md.
