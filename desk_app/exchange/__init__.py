"""Case bundles in and out: the stable JSON exchange format, validation."""
