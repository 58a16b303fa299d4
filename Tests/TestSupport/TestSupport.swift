// Shared helpers for tests: running the real PDF readers.
