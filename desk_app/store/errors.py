"""Errors the store raises; each message is fit to show a user."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot do what was asked; str() is the user's message."""


class NotFound(StoreError):
    """No record with that id or slug."""


class InvalidRecord(StoreError):
    """A record that would break the store's rules; nothing was written."""
