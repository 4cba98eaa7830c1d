"""Everything that imports PySide6 lives under this package."""
