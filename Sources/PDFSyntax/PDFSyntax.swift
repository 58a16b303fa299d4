// PDFSyntax module: see docs/architecture.md.
