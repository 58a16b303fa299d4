// LayoutEngine module: see docs/architecture.md.
