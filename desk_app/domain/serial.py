"""Records to plain JSON values and back, validating with a path to the fault.

One generic codec driven by the dataclasses' type hints, so that the bundle
format, the store's JSON columns and the audit log's payloads agree. Errors
name the place, e.g. ``batches[3].date``, so a user can find it in the file.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import re
import types
import typing
from typing import Any

from desk_app.domain.values import Count, DateSpan, InvalidValue, PartialDate, Qualifier
from desk_app.i18n import tr

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class SerialError(ValueError):
    """A value that does not fit its field; .path says where."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """Resolved type hints of a dataclass's fields, in field order."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def optional_inner(tp: Any) -> tuple[bool, Any]:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return True, args[0]
    return False, tp


def to_value(value: Any) -> Any:
    """A field value as plain JSON: dates as ISO text, counts as objects."""
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Count):
        return {"low": value.low, "high": value.high, "qualifier": value.qualifier.value}
    if isinstance(value, DateSpan):
        return {
            "start": value.start.iso() if value.start else None,
            "end": value.end.iso() if value.end else None,
        }
    if isinstance(value, list | tuple):
        return [to_value(v) for v in value]
    if dataclasses.is_dataclass(value):
        return to_dict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a plain dict, fields in declaration order."""
    return {f.name: to_value(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _fail(path: str, message: str) -> SerialError:
    return SerialError(path, message)


def from_value(tp: Any, data: Any, path: str) -> Any:
    """Read a JSON value as type tp, or raise SerialError naming path."""
    optional, inner = optional_inner(tp)
    if data is None:
        if optional:
            return None
        raise _fail(path, tr("is required"))
    tp = inner
    origin = typing.get_origin(tp)
    if origin is list:
        (item_type,) = typing.get_args(tp)
        if not isinstance(data, list):
            raise _fail(path, tr("must be a list"))
        return [from_value(item_type, v, f"{path}[{i}]") for i, v in enumerate(data)]
    if tp is bool:
        if not isinstance(data, bool):
            raise _fail(path, tr("must be true or false"))
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise _fail(path, tr("must be a whole number"))
        return data
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise _fail(path, tr("must be a number"))
        return float(data)
    if tp is str:
        if not isinstance(data, str):
            raise _fail(path, tr("must be text"))
        return data
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(data)
        except ValueError:
            allowed = ", ".join(m.value for m in tp)
            raise _fail(path, tr("'{0}' is not one of: {1}").format(data, allowed)) from None
    try:
        if tp is PartialDate:
            if not isinstance(data, str):
                raise _fail(path, tr("must be a date such as 2017-04-08, 2017-04 or 2017"))
            return PartialDate.parse(data)
        if tp is Count:
            return _count(data, path)
        if tp is DateSpan:
            if not isinstance(data, dict):
                raise _fail(path, tr("must be an object with start and end"))
            _no_extra(data, {"start", "end"}, path)
            return DateSpan(
                from_value(PartialDate | None, data.get("start"), f"{path}.start"),
                from_value(PartialDate | None, data.get("end"), f"{path}.end"),
            )
    except InvalidValue as exc:
        raise _fail(path, str(exc)) from None
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, data, path)
    raise TypeError(f"no reader for {tp!r}")


def _count(data: Any, path: str) -> Count:
    if isinstance(data, int) and not isinstance(data, bool):
        return Count(data)
    if not isinstance(data, dict):
        raise _fail(path, tr("must be a count object with low, high and qualifier"))
    _no_extra(data, {"low", "high", "qualifier"}, path)
    low = from_value(int, data.get("low"), f"{path}.low")
    high = from_value(int | None, data.get("high"), f"{path}.high")
    qualifier = from_value(Qualifier, data.get("qualifier", "exact"), f"{path}.qualifier")
    return Count(low, high, qualifier)


def _no_extra(data: dict, allowed: set[str], path: str) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise _fail(f"{path}.{extra[0]}" if path else extra[0], tr("is not a known field"))


def _reader(tp: Any):
    """A function (data, path) -> value for one field type, decided once per type."""
    optional, inner = optional_inner(tp)
    if inner is str:

        def read(data, path):
            if type(data) is str:
                return data
            if data is None and optional:
                return None
            return from_value(tp, data, path)  # the general path names the fault

        return read
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        members = {m.value: m for m in inner}

        def read(data, path):
            member = members.get(data) if isinstance(data, str) else None
            return member if member is not None else from_value(tp, data, path)

        return read
    return lambda data, path: from_value(tp, data, path)


@functools.cache
def _plan(cls: type) -> tuple:
    """(name, reader, required) per field, built once per class."""
    plan = []
    for f in dataclasses.fields(cls):
        has_default = (
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        )
        plan.append((f.name, _reader(field_types(cls)[f.name]), not has_default))
    return tuple(plan)


def from_dict(cls: type, data: Any, path: str = "") -> Any:
    """Build a dataclass from a dict, checking every field; SerialError names the place."""
    if not isinstance(data, dict):
        raise _fail(path, tr("must be an object"))
    plan = _plan(cls)
    if len(data) > len(plan) or not data.keys() <= {name for name, _, _ in plan}:
        _no_extra(data, {name for name, _, _ in plan}, path)
    kwargs = {}
    prefix = f"{path}." if path else ""
    for name, read, required in plan:
        if name not in data:
            if required:
                raise _fail(prefix + name, tr("is required"))
            continue
        kwargs[name] = read(data[name], prefix + name)
    if "id" in kwargs and not _UUID.match(kwargs["id"]):
        raise _fail(prefix + "id", tr("'{0}' is not a UUID").format(kwargs["id"]))
    try:
        return cls(**kwargs)
    except InvalidValue as exc:
        raise _fail(path, str(exc)) from None
