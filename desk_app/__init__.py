"""Case Desk: offline review of siege, agreement, evacuation and testimony records."""

__version__ = "0.1.0"
