// PDFRender module: see docs/architecture.md.
