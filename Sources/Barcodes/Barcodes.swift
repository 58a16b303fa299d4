// Barcodes module: see docs/architecture.md.
