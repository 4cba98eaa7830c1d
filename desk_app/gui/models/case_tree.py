"""The case tree: groups > cases > record kinds > records, loaded lazily.

Light nodes carry (type, kind, id) and fetch their children from the store
a page at a time (canFetchMore/fetchMore), so the tree opens at once on a
store of 10,000 cases and a kind with 10,000 testimonies expands a page at
a time. A Change from the bridge updates only the rows it touches.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor
from sqlite_utils import Database

from desk_app.domain.enums import CaseStatus
from desk_app.domain.kinds import kind_named
from desk_app.domain.labels import record_label
from desk_app.i18n import tr
from desk_app.store import records
from desk_app.store.cases import case_groups, case_page, case_position, group_of
from desk_app.store.records import Change
from desk_app.store.review import open_counts

PAGE = 500
# The record groups shown under a case, in this order.
TREE_KINDS = ("siege", "agreement", "batch", "testimony", "incident", "aftermath", "media")
NodeRole = Qt.ItemDataRole.UserRole + 1
OPEN_MARK = QColor(217, 130, 43)  # a record with open annotations


class Node:
    """One row of the tree. type: root, group, case, kind or record."""

    __slots__ = ("type", "kind", "id", "case_id", "label", "parent", "children", "total", "row")

    def __init__(
        self,
        type_: str,
        id_: str,
        label: str,
        parent: Node | None,
        *,
        kind: str = "",
        case_id: str = "",
        total: int | None = None,
    ) -> None:
        self.type, self.id, self.label, self.parent = type_, id_, label, parent
        self.kind, self.case_id, self.total = kind, case_id, total
        self.children: list[Node] = []
        self.row = 0

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.kind, self.id)

    def renumber(self, start: int = 0) -> None:
        for i in range(start, len(self.children)):
            self.children[i].row = i


class CaseTreeModel(QAbstractItemModel):
    """Tree of the store's cases, grouped by governorate, status or year."""

    def __init__(
        self, db: Database, parent: QObject | None = None, *, group_by: str = "governorate"
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._group_by = group_by
        self._filter = ""
        self._status: str | None = None
        self._tag: str | None = None
        self._open: dict[str, int] = {}  # open annotations of loaded record nodes
        self._root = Node("root", "", "", None)
        self._build_groups()

    # -- public --------------------------------------------------------------------------

    def set_store(self, db: Database) -> None:
        self._db = db
        self.reload()

    def set_grouping(self, group_by: str) -> None:
        if group_by != self._group_by:
            self._group_by = group_by
            self.reload()

    @property
    def grouping(self) -> str:
        return self._group_by

    def set_filter(self, text: str) -> None:
        if text.strip() != self._filter:
            self._filter = text.strip()
            self.reload()

    def set_review_filter(self, status: str | None, tag: str | None) -> None:
        """Show only cases and records at a review status and with a tag (None: any)."""
        if (status or None, tag or None) != (self._status, self._tag):
            self._status, self._tag = status or None, tag or None
            self.reload()

    @property
    def _review(self) -> dict:
        return {"status": self._status, "tag": self._tag}

    def reload(self) -> None:
        self.beginResetModel()
        self._root = Node("root", "", "", None)
        self._build_groups()
        self.endResetModel()

    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index_of(self, node: Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def find_case(self, case_id: str) -> QModelIndex:
        """The index of a case, fetching its group's pages as needed."""
        group_value = group_of(self._db, self._group_by, case_id)
        group = next((g for g in self._root.children if g.id == group_value), None)
        if group is None:
            return QModelIndex()
        return self._find_child(group, lambda n: n.id == case_id)

    def find_record(self, kind: str, record_id: str, case_id: str) -> QModelIndex:
        """The index of a record node, expanding what leads to it."""
        case_index = self.find_case(case_id)
        if not case_index.isValid():
            return QModelIndex()
        case_node = self.node(case_index)
        self._ensure_loaded(case_node)
        kind_node = next((k for k in case_node.children if k.kind == kind), None)
        if kind_node is None:
            return QModelIndex()
        if not record_id:
            return self.index_of(kind_node)
        return self._find_child(kind_node, lambda n: n.id == record_id)

    # -- Qt model interface ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        node = self.node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        return self.index_of(self.node(index).parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        node = self.node(parent)
        if node.type == "record":
            return False
        if node.children:
            return True
        return node.total is None or node.total > 0

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: N802
        node = self.node(parent)
        if node.type in ("root", "record"):
            return False
        if node.type == "case":
            return not node.children
        return node.total is None or len(node.children) < node.total

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: N802
        node = self.node(parent)
        fresh = self._load(node, len(node.children))
        if not fresh:
            if node.total is None:
                node.total = len(node.children)
            return
        start = len(node.children)
        self.beginInsertRows(parent, start, start + len(fresh) - 1)
        node.children.extend(fresh)
        node.renumber(start)
        self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            n = self._open.get(node.id, 0)
            return node.label + (f"\n{tr('{0} open annotations').format(n)}" if n else "")
        if (
            role == Qt.ItemDataRole.DecorationRole
            and node.type == "record"
            and self._open.get(node.id)
        ):
            return OPEN_MARK
        if role == NodeRole:
            return node.key + (node.case_id,)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- reacting to the store --------------------------------------------------------------

    def apply_change(self, change: Change) -> None:
        """Update the rows a change touches (labels, counts, marks, inserted or removed nodes)."""
        if change.kind == "annotation":
            self._refresh_mark(change.after or change.before)
            return
        if change.kind == "review" and (self._status or self._tag):
            self.reload()
            return
        if change.kind == "case":
            self._apply_case_change(change)
            return
        case_node = self._loaded_case(change.case_id)
        if case_node is None or not case_node.children:
            return
        kind_node = next((k for k in case_node.children if k.kind == change.kind), None)
        if kind_node is None:
            return
        if change.action == "update":
            child = next((c for c in kind_node.children if c.id == change.record_id), None)
            if child is not None:
                child.label = record_label(change.kind, change.after)
                index = self.index_of(child)
                self.dataChanged.emit(index, index)
            return
        self._resync_kind(kind_node)

    def _refresh_mark(self, note) -> None:
        target = note.record_id
        self._open[target] = open_counts(self._db, [target]).get(target, 0)
        for group in self._root.children:
            for case in group.children:
                for kind in case.children:
                    for child in kind.children:
                        if child.id == target:
                            index = self.index_of(child)
                            self.dataChanged.emit(index, index)
                            return

    def _apply_case_change(self, change: Change) -> None:
        """Insert, remove or relabel one case row; groups appear and vanish as needed."""
        node = self._loaded_case(change.record_id)
        if change.action == "update" and node is not None:
            position = case_position(
                self._db, self._group_by, node.id, self._filter, **self._review
            )
            if position is not None and position[0] == node.parent.id:
                node.label = change.after.title
                index = self.index_of(node)
                self.dataChanged.emit(index, index)
                return
        if change.action in ("update", "delete") and node is not None:
            group = node.parent
            self.beginRemoveRows(self.index_of(group), node.row, node.row)
            del group.children[node.row]
            group.renumber(node.row)
            self.endRemoveRows()
        self._sync_groups()
        if change.action in ("update", "insert"):
            self._insert_case(change.record_id)

    def _sync_groups(self) -> None:
        """Bring the top level (groups and their counts) in line with the store."""
        fresh = case_groups(self._db, self._group_by, self._filter, **self._review)
        wanted = {value: count for value, count in fresh}
        for row in range(len(self._root.children) - 1, -1, -1):
            if self._root.children[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._root.children[row]
                self._root.renumber(row)
                self.endRemoveRows()
        have = {g.id: g for g in self._root.children}
        for row, (value, count) in enumerate(fresh):
            if value not in have:
                group = Node("group", value, self._group_label(value), self._root, total=count)
                group.children = self._load(
                    group, 0
                )  # a new group arrives whole: one insert, nothing to fetch
                group.renumber()
                self.beginInsertRows(QModelIndex(), row, row)
                self._root.children.insert(row, group)
                self._root.renumber(row)
                self.endInsertRows()
            elif have[value].total != count:
                have[value].total = count
                index = self.index_of(have[value])
                self.dataChanged.emit(index, index)

    def _insert_case(self, case_id: str) -> None:
        position = case_position(self._db, self._group_by, case_id, self._filter, **self._review)
        if position is None:
            return  # filtered out
        value, row = position
        group = next((g for g in self._root.children if g.id == value), None)
        if group is None or row > len(group.children) or (not group.children and group.total > 1):
            return  # not loaded that far: it will come with the next page
        if any(c.id == case_id for c in group.children):
            return
        title = records.get(self._db, "case", case_id).title
        self.beginInsertRows(self.index_of(group), row, row)
        group.children.insert(row, Node("case", case_id, title, group, case_id=case_id))
        group.renumber(row)
        self.endInsertRows()

    def _resync_kind(self, kind_node: Node) -> None:
        """Bring a kind node's loaded window in line with the store, row by row."""
        old_total, loaded = kind_node.total or 0, len(kind_node.children)
        kind_node.total = records.count_for_case(
            self._db, kind_node.kind, kind_node.case_id, **self._review
        )
        parent_index = self.index_of(kind_node)
        if loaded:
            window = loaded + 1 if loaded >= old_total else loaded
            fresh = records.labels(
                self._db, kind_node.kind, kind_node.case_id, limit=window, **self._review
            )
            fresh_ids = {rid for rid, _ in fresh}
            for row in range(len(kind_node.children) - 1, -1, -1):
                if kind_node.children[row].id not in fresh_ids:
                    self.beginRemoveRows(parent_index, row, row)
                    del kind_node.children[row]
                    kind_node.renumber(row)
                    self.endRemoveRows()
            have = {c.id for c in kind_node.children}
            for row, (rid, label) in enumerate(fresh):
                if rid not in have:
                    self.beginInsertRows(parent_index, row, row)
                    kind_node.children.insert(row, self._record_node(kind_node, rid, label))
                    kind_node.renumber(row)
                    self.endInsertRows()
        self.dataChanged.emit(parent_index, parent_index)

    # -- loading --------------------------------------------------------------------------

    def _build_groups(self) -> None:
        for value, count in case_groups(
            self._db, self._group_by, self._filter, status=self._status, tag=self._tag
        ):
            self._root.children.append(
                Node("group", value, self._group_label(value), self._root, total=count)
            )
        self._root.renumber()

    def _group_label(self, value: str) -> str:
        if self._group_by == "status" and value in CaseStatus._value2member_map_:
            return CaseStatus(value).label
        return value or tr("(none)")

    def _load(self, node: Node, offset: int) -> list[Node]:
        if node.type == "group":
            page = case_page(
                self._db,
                self._group_by,
                node.id,
                self._filter,
                offset=offset,
                limit=PAGE,
                **self._review,
            )
            return [Node("case", cid, title, node, case_id=cid) for cid, title in page]
        if node.type == "case":
            return [
                Node(
                    "kind",
                    k,
                    kind_named(k).plural,
                    node,
                    kind=k,
                    case_id=node.id,
                    total=records.count_for_case(self._db, k, node.id, **self._review),
                )
                for k in TREE_KINDS
            ]
        if node.type == "kind":
            page = records.labels(
                self._db,
                node.kind,
                node.case_id,
                offset=offset,
                limit=PAGE,
                status=self._status,
                tag=self._tag,
            )
            self._open.update(open_counts(self._db, [rid for rid, _ in page]))
            return [self._record_node(node, rid, label) for rid, label in page]
        return []

    @staticmethod
    def _record_node(kind_node: Node, rid: str, label: str) -> Node:
        return Node("record", rid, label, kind_node, kind=kind_node.kind, case_id=kind_node.case_id)

    def _ensure_loaded(self, node: Node) -> None:
        if self.canFetchMore(self.index_of(node)) and not node.children:
            self.fetchMore(self.index_of(node))

    def _find_child(self, node: Node, match) -> QModelIndex:
        while True:
            for child in node.children:
                if match(child):
                    return self.index_of(child)
            index = self.index_of(node)
            if not self.canFetchMore(index):
                return QModelIndex()
            before = len(node.children)
            self.fetchMore(index)
            if len(node.children) == before:
                return QModelIndex()

    def _loaded_case(self, case_id: str) -> Node | None:
        for group in self._root.children:
            for child in group.children:
                if child.id == case_id:
                    return child
        return None

    @staticmethod
    def _display(node: Node) -> str:
        if node.type == "kind":
            return f"{tr(node.label)} ({node.total:,})"
        if node.type == "group":
            return f"{node.label} ({node.total:,})"
        return node.label
