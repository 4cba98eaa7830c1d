"""Domain records to table rows and back.

Rows stay SQL-friendly: a Count becomes ``<name>_low``, ``<name>_high`` and
``<name>_qualifier`` columns (so totals and sorting work in SQL), a DateSpan
``<name>_start`` and ``<name>_end``, a PartialDate its ISO text (which sorts
by time), lists and nested objects JSON text.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import typing
from typing import Any

from desk_app.domain.serial import field_types, from_value, optional_inner, to_value
from desk_app.domain.values import Count, DateSpan, PartialDate, Qualifier


def _shape(tp: Any) -> str:
    _, inner = optional_inner(tp)
    if inner is Count:
        return "count"
    if inner is DateSpan:
        return "span"
    if inner is PartialDate:
        return "date"
    if typing.get_origin(inner) is list:
        return "json"
    if inner is bool:
        return "bool"
    return "plain"


@functools.cache
def layout(cls: type) -> tuple[tuple[str, str, Any], ...]:
    """(field, shape, type) for each field of a record class."""
    return tuple((name, _shape(tp), tp) for name, tp in field_types(cls).items())


@functools.cache
def columns(cls: type) -> tuple[str, ...]:
    """The table columns a record class fills, in order."""
    out: list[str] = []
    for name, shape, _ in layout(cls):
        if shape == "count":
            out += [f"{name}_low", f"{name}_high", f"{name}_qualifier"]
        elif shape == "span":
            out += [f"{name}_start", f"{name}_end"]
        else:
            out.append(name)
    return tuple(out)


def to_row(record: Any) -> dict[str, Any]:
    """A record as a row dict for its table."""
    row: dict[str, Any] = {}
    for name, shape, _ in layout(type(record)):
        value = getattr(record, name)
        if shape == "count":
            row[f"{name}_low"] = value.low if value else None
            row[f"{name}_high"] = value.high if value else None
            row[f"{name}_qualifier"] = value.qualifier.value if value else None
        elif shape == "span":
            row[f"{name}_start"] = value.start.iso() if value.start else None
            row[f"{name}_end"] = value.end.iso() if value.end else None
        elif shape == "date":
            row[name] = value.iso() if value else None
        elif shape == "json":
            row[name] = json.dumps(to_value(value), ensure_ascii=False)
        elif shape == "bool":
            row[name] = None if value is None else int(value)
        else:
            row[name] = value.value if isinstance(value, enum.Enum) else value
    return row


def from_row(cls: type, row: dict[str, Any]) -> Any:
    """Build a record from a row dict of its table."""
    kwargs: dict[str, Any] = {}
    for name, shape, tp in layout(cls):
        if shape == "count":
            low = row[f"{name}_low"]
            kwargs[name] = (
                None
                if low is None
                else Count(low, row[f"{name}_high"], Qualifier(row[f"{name}_qualifier"]))
            )
        elif shape == "span":
            start, end = row[f"{name}_start"], row[f"{name}_end"]
            kwargs[name] = DateSpan(
                PartialDate.parse(start) if start else None, PartialDate.parse(end) if end else None
            )
        elif shape == "date":
            kwargs[name] = PartialDate.parse(row[name]) if row[name] else None
        elif shape == "json":
            kwargs[name] = from_value(tp, json.loads(row[name]), name)
        elif shape == "bool":
            kwargs[name] = None if row[name] is None else bool(row[name])
        else:
            kwargs[name] = from_value(tp, row[name], name)
    return cls(**kwargs)


def diff(before: Any, after: Any) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that differ between two records."""
    out = {}
    for f in dataclasses.fields(after):
        old, new = to_value(getattr(before, f.name)), to_value(getattr(after, f.name))
        if old != new:
            out[f.name] = [old, new]
    return out
