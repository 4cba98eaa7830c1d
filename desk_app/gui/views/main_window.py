"""The review window: case tree on the left, case tabs in the centre, details on the right."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from desk_app import __version__
from desk_app.domain.enums import ReviewStatus
from desk_app.domain.kinds import kind_named
from desk_app.gui.bridge import StoreBridge
from desk_app.gui.models.case_tree import CaseTreeModel, NodeRole
from desk_app.gui.views import dialogs
from desk_app.gui.views.case_tabs import CaseTabs
from desk_app.gui.views.html import record_html
from desk_app.gui.views.review_panels import AnnotationsPanel, HistoryPanel
from desk_app.gui.views.search_panel import SearchPanel
from desk_app.gui.views.window_exchange import ExchangeMixin
from desk_app.gui.views.window_records import RecordsMixin
from desk_app.gui.views.window_review import ReviewMixin
from desk_app.i18n import tr
from desk_app.store import StoreError, open_store, records
from desk_app.store.cases import store_counts
from desk_app.store.records import Change
from desk_app.store.review import status_counts

RECENT_MAX = 8
GROUPINGS = (("governorate", "Governorate"), ("status", "Status"), ("year", "Year"))


class MainWindow(RecordsMixin, ExchangeMixin, ReviewMixin, QMainWindow):
    """A window over one store at a time."""

    def __init__(self, db: Database, store_path: Path) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = QSettings()
        self.bridge = StoreBridge(db, Path(store_path), self)
        self.undo_stack = QUndoStack(self)
        self.current: tuple[str, str] | None = None  # (kind, id) of the selected record
        self._syncing = False
        self._jobs: list = []
        group_by = self.settings.value("tree/group_by", "governorate", str)
        self.tree_model = CaseTreeModel(
            db, self, group_by=group_by if group_by in dict(GROUPINGS) else "governorate"
        )
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self._restore_state()
        self._update_title()
        self.counts_timer.start()  # counting a large store waits until the window is up

    @property
    def db(self) -> Database:
        return self.bridge.db

    # -- building ----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("treeFilter")
        self.filter_edit.setPlaceholderText(tr("Filter cases and records (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.group_combo = QComboBox()
        for value, label in GROUPINGS:
            self.group_combo.addItem(tr(label), value)
        self.group_combo.setCurrentIndex(self.group_combo.findData(self.tree_model.grouping))
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(200)
        self.tree = QTreeView()
        self.tree.setObjectName("caseTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(4, 4, 0, 4)
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.group_combo)
        box.addLayout(row)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(tr("Any status"), "")
        for status in ReviewStatus:
            self.status_filter.addItem(status.label, status.value)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        self._fill_tag_filter()
        row2 = QHBoxLayout()
        row2.addWidget(self.status_filter, 1)
        row2.addWidget(self.tag_filter, 1)
        box.addLayout(row2)
        box.addWidget(self.tree, 1)
        self.tabs = CaseTabs(self.db)
        self.tabs.setObjectName("caseTabs")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.setCentralWidget(self.splitter)
        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.annotations = AnnotationsPanel(self.bridge, self.undo_stack)
        self.history = HistoryPanel()
        self.history.setObjectName("history")
        self.side = QTabWidget()
        self.side.addTab(self.details, tr("Details"))
        self.side.addTab(self.annotations, tr("Annotations"))
        self.side.addTab(self.history, tr("History"))
        self.dock = QDockWidget(tr("Record"), self)
        self.dock.setObjectName("detailsDock")
        self.dock.setWidget(self.side)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.search = SearchPanel(self.bridge.path, [], [])  # filters are filled when search opens
        self.search_dock = QDockWidget(tr("Search"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self.review_label = QLabel()
        self.path_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.review_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.counts_timer = QTimer(self)
        self.counts_timer.setSingleShot(True)
        self.counts_timer.setInterval(300)

    def _action(self, text: str, slot, shortcut=None, *, tip: str = "") -> QAction:
        action = QAction(tr(text), self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tr(tip))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new_store = self._action("&New store\u2026", self.new_store, K.New)
        self.act_open_store = self._action("&Open store\u2026", self.choose_store, K.Open)
        self.act_import = self._action("&Import case bundles\u2026", self.import_bundles, "Ctrl+I")
        self.act_export_bundle = self._action(
            "&Export case bundle\u2026", self.export_bundle, "Ctrl+Shift+E"
        )
        self.act_preferences = self._action(
            "&Preferences\u2026", self.edit_preferences, K.Preferences
        )
        self.act_quit = self._action("&Quit", self.close, K.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence(K.Undo)])
        self.act_redo = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_new_record = self._action("&New record\u2026", self.new_record, "Ctrl+N")
        self.act_edit_record = self._action("&Edit record\u2026", self.edit_record, "F2")
        self.act_delete_record = self._action("&Delete record\u2026", self.delete_record, K.Delete)
        self.act_find = self._action("&Search every case\u2026", self.open_search, K.Find)
        self.act_filter = self._action("&Filter the tree", self.focus_filter, "Ctrl+L")
        self.act_review = self._action(
            "Set &review status\u2026",
            self.choose_review_status,
            "Ctrl+R",
            tip="Mark the selected record draft, needs review, reviewed, verified or disputed",
        )
        self.act_annotate = self._action("&Annotate\u2026", self.annotate, "Ctrl+Shift+M")
        self.act_new_case = self._action("New &case\u2026", self.new_case, "Ctrl+Shift+N")
        self.act_edit_case = self._action(
            "Edit case &details\u2026", self.edit_case, "Ctrl+Shift+D"
        )
        self.act_delete_case = self._action("Delete case\u2026", self.delete_case, "Ctrl+Shift+Del")
        self.act_export_brief = self._action(
            "Export &brief\u2026",
            self.export_brief,
            "Ctrl+E",
            tip="Build a PDF brief of the open case, preview it, save or print it",
        )
        self.act_about = self._action("&About Case Desk", self.about)
        self.act_shortcuts = self._action(
            "&Keyboard shortcuts", self.show_shortcuts, K.HelpContents
        )
        self.group_actions = QActionGroup(self)
        for value, label in GROUPINGS:
            action = self._action(
                f"Group by {label.lower()}", lambda _=False, v=value: self.set_grouping(v)
            )
            action.setCheckable(True)
            action.setChecked(value == self.tree_model.grouping)
            action.setData(value)
            self.group_actions.addAction(action)
        self.tab_actions = []
        for i in range(self.tabs.count()):
            action = self._action(
                self.tabs.tabText(i),
                lambda _=False, n=i: self.tabs.setCurrentIndex(n),
                f"Alt+{i + 1}",
            )
            self.tab_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.act_new_store, self.act_open_store])
        self.recent_menu = file_menu.addMenu(tr("Recent stores"))
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_export_bundle])
        file_menu.addSeparator()
        file_menu.addActions([self.act_preferences, self.act_quit])
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_new_record, self.act_edit_record, self.act_delete_record])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_review, self.act_annotate])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_find, self.act_filter])
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addActions(self.group_actions.actions())
        view_menu.addSeparator()
        view_menu.addAction(self.dock.toggleViewAction())
        view_menu.addAction(self.search_dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addActions(self.tab_actions)
        self.case_menu = bar.addMenu(tr("&Case"))
        self.case_menu.addActions([self.act_new_case, self.act_edit_case, self.act_delete_case])
        self.case_menu.addSeparator()
        self.case_menu.addAction(self.act_export_brief)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])
        toolbar = self.addToolBar(tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.addActions([self.act_open_store, self.act_undo, self.act_redo])
        toolbar.addSeparator()
        toolbar.addActions([self.act_new_record, self.act_edit_record, self.act_delete_record])
        toolbar.addSeparator()
        toolbar.addAction(self.act_export_brief)
        self._rebuild_recent_menu()

    def _connect(self) -> None:
        """Every signal connection of the window, in one place."""
        self.bridge.changed.connect(self._on_bridge_changed)
        self.bridge.failed.connect(self._on_bridge_failed)
        self.filter_edit.textChanged.connect(self.filter_timer.start)
        self.filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.group_combo.currentIndexChanged.connect(
            lambda _: self.set_grouping(self.group_combo.currentData())
        )
        self.status_filter.currentIndexChanged.connect(self._on_review_filter_changed)
        self.tag_filter.currentIndexChanged.connect(self._on_review_filter_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.activated.connect(self._on_tree_activated)
        self.tabs.record_selected.connect(self._on_tabs_record_selected)
        self.tabs.record_activated.connect(self._on_tabs_record_activated)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.tabs.reference.currentChanged.connect(self._on_tabs_current_changed)
        self.counts_timer.timeout.connect(self._refresh_counts)
        self.undo_stack.indexChanged.connect(self._update_title)
        self.search.record_requested.connect(self._on_search_record_requested)
        self.tabs.span_requested.connect(self._on_tabs_span_requested)
        self.annotations.count_changed.connect(self._on_annotations_count_changed)

    # -- store ---------------------------------------------------------------------------------

    def switch_store(self, path: Path, *, create: bool = False) -> bool:
        """Open another store in this window; False (and a message) if it cannot be opened."""
        try:
            db = open_store(path, create=create)
        except StoreError as exc:
            dialogs.show_error(self, tr("Open store"), str(exc))
            return False
        old = self.bridge.db
        self.bridge.db, self.bridge.path = db, Path(path)
        self.undo_stack.clear()
        self.current = None
        self.tree_model.set_store(db)
        self.tabs.set_store(db)
        self.search.set_store(Path(path))
        self.details.clear()
        old.close()
        self._remember_recent(Path(path))
        self._update_title()
        self._refresh_counts()
        return True

    def new_store(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("New store"), str(Path.home() / "cases.db"), tr("Case stores (*.db)")
        )
        if path:
            if Path(path).exists():
                dialogs.show_error(
                    self, tr("New store"), tr("{0} exists; open it instead.").format(path)
                )
                return
            self.switch_store(Path(path), create=True)

    def choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Open store"),
            str(self.bridge.path.parent),
            tr("Case stores (*.db);;All files (*)"),
        )
        if path:
            self.switch_store(Path(path))

    def _remember_recent(self, path: Path) -> None:
        recent = [p for p in self.settings.value("recent", [], list) if p != str(path)]
        self.settings.setValue("recent", [str(path), *recent][:RECENT_MAX])
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.value("recent", [], list)
        for p in recent:
            self.recent_menu.addAction(p, lambda _=False, path=p: self.switch_store(Path(path)))
        self.recent_menu.setEnabled(bool(recent))

    # -- cases and records ------------------------------------------------------------------------

    def open_case(self, case_id: str | None) -> None:
        if case_id != self.tabs.case_id:
            self.tabs.set_case(case_id)
            self.settings.setValue("window/last_case", case_id or "")
            self._update_actions()
            self.counts_timer.start()

    def show_record(self, kind: str, record_id: str, case_id: str) -> None:
        """Open a record everywhere: its case, its tab and row, its tree node, the details."""
        self._syncing = True
        try:
            self.open_case(case_id)
            self.tabs.show_record(kind, record_id)
            self._select_in_tree(kind, record_id, case_id)
        finally:
            self._syncing = False
        self._set_current(kind, record_id)

    def _set_current(self, kind: str | None, record_id: str | None) -> None:
        self.current = (kind, record_id) if kind and record_id else None
        case_id = self.tabs.case_id
        self.annotations.set_target(
            (kind, record_id, case_id) if self.current and case_id else None
        )
        self.history.set_target(self.db, record_id if self.current else None)
        if self.current is None:
            self.details.clear()
        else:
            record = records.find(self.db, kind, record_id)
            if record is None:
                self.details.setHtml(escape(tr("This record is no longer in the store.")))
            else:
                # the tabs keep the open case's names current: no reload per click
                self.details.setHtml(record_html(record, self.tabs.names))
        self._update_actions()

    def _select_in_tree(self, kind: str, record_id: str, case_id: str) -> None:
        index = (
            self.tree_model.find_case(case_id)
            if kind == "case"
            else self.tree_model.find_record(kind, record_id, case_id)
        )
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # -- view --------------------------------------------------------------------------------------------

    def set_grouping(self, value: str) -> None:
        self.tree_model.set_grouping(value)
        self.settings.setValue("tree/group_by", value)
        self.group_combo.blockSignals(True)
        self.group_combo.setCurrentIndex(self.group_combo.findData(value))
        self.group_combo.blockSignals(False)
        for action in self.group_actions.actions():
            action.setChecked(action.data() == value)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def edit_preferences(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            tr("Preferences"),
            tr("Your name as a reviewer (recorded in the history):"),
            text=self.settings.value("reviewer/name", "", str),
        )
        if ok:
            self.settings.setValue("reviewer/name", name.strip())

    def shortcuts_html(self) -> str:
        """Every action with a shortcut, read from the actions themselves."""
        rows = []
        for action in self.findChildren(QAction):
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            if keys and action.text():
                rows.append((action.text().replace("&", "").rstrip("\u2026"), keys))
        body = "".join(
            f"<tr><td>{escape(t)}</td><td><b>{escape(k)}</b></td></tr>"
            for t, k in sorted(set(rows))
        )
        return f"<table cellspacing='4'>{body}</table>"

    def show_shortcuts(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(tr("Keyboard shortcuts"))
        box.setText(self.shortcuts_html())
        box.open()

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("About Case Desk"),
            tr(
                "<h3>Case Desk {0}</h3><p>Offline review of siege, agreement, evacuation and testimony records, "
                "with PDF case briefs.</p><p>Store: {1}</p>"
            ).format(__version__, escape(str(self.bridge.path))),
        )

    def _update_title(self) -> None:
        self.setWindowTitle(tr("Case Desk \u2014 {0}").format(self.bridge.path.name))
        self.path_label.setText(str(self.bridge.path))

    def _refresh_counts(self) -> None:
        if self.tabs.case_id:
            by_status = status_counts(self.db, self.tabs.case_id)
            self.review_label.setText(
                " \u00b7 ".join(f"{s.label.lower()} {n}" for s, n in by_status.items() if n)
            )
        else:
            self.review_label.setText("")
        counts = store_counts(self.db)
        self.counts_label.setText(
            tr(
                "{0:,} cases \u00b7 {1:,} batches \u00b7 {2:,} testimonies \u00b7 {3:,} incidents"
            ).format(counts["case"], counts["batch"], counts["testimony"], counts["incident"])
        )

    def _update_actions(self) -> None:
        has_case = self.tabs.case_id is not None
        kind = self.tabs.current_kind()
        self.act_new_record.setEnabled(has_case and kind is not None)
        label = (
            tr("&New {0}\u2026").format(kind_named(kind).singular.lower())
            if kind
            else tr("&New record\u2026")
        )
        self.act_new_record.setText(label)
        self.act_edit_record.setEnabled(has_case)
        self.act_delete_record.setEnabled(self.current is not None)
        self.act_review.setEnabled(self.current is not None)
        self.act_annotate.setEnabled(self.current is not None)
        for action in (
            self.act_edit_case,
            self.act_delete_case,
            self.act_export_bundle,
            self.act_export_brief,
        ):
            action.setEnabled(has_case)

    # -- settings -----------------------------------------------------------------------------------------

    def _expand_groups(self) -> None:
        """Open the groups of a small store so its cases are in view from the start."""
        groups = [
            self.tree_model.node(self.tree_model.index(r, 0))
            for r in range(self.tree_model.rowCount())
        ]
        if sum(g.total or 0 for g in groups) <= 200:  # a big store opens collapsed: nothing to load
            for row in range(len(groups)):
                self.tree.expand(self.tree_model.index(row, 0))

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.tabs.set_case(None)  # the overview says what to do first
        self._expand_groups()
        case_id = self.settings.value("window/last_case", "", str)
        if case_id and records.find(self.db, "case", case_id) is not None:
            self.show_record("case", case_id, case_id)
            self.tabs.setCurrentIndex(self.settings.value("window/tab", 0, int))
        self._update_actions()

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        self.save_state()
        self.search.shutdown()
        for thread, runner, _ in list(self._jobs):
            runner.cancel()
            thread.quit()
            thread.wait(5000)
        event.accept()

    # -- slots ------------------------------------------------------------------------------------------------

    def _on_bridge_changed(self, change: Change) -> None:
        self.tree_model.apply_change(change)
        self.tabs.apply_change(change)
        if (
            change.kind == "case"
            and change.action == "delete"
            and self.tabs.case_id == change.record_id
        ):
            self.open_case(None)
        elif self.current and self.current[1] == change.record_id:
            self._set_current(*self.current)
        if change.kind == "annotation":
            self._fill_tag_filter()
        if (
            self.current
            and change.kind in ("annotation", "review")
            and self.current[1] != change.record_id
        ):
            self.annotations.refresh()
            self.history.set_target(self.db, self.current[1])
        self.counts_timer.start()

    def _on_bridge_failed(self, message: str) -> None:
        dialogs.show_error(self, tr("Case Desk"), message)

    def _on_filter_timer_timeout(self) -> None:
        self.tree_model.set_filter(self.filter_edit.text())
        if self.filter_edit.text().strip():
            for row in range(self.tree_model.rowCount()):
                self.tree.expand(self.tree_model.index(row, 0))

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        node_type, kind, node_id, case_id = current.data(NodeRole)
        self._syncing = True
        try:
            if node_type == "case":
                self.open_case(node_id)
                self.tabs.setCurrentIndex(0)
            elif node_type in ("kind", "record"):
                self.open_case(case_id)
                self.tabs.show_record(kind, node_id if node_type == "record" else "")
        finally:
            self._syncing = False
        if node_type == "record":
            self._set_current(kind, node_id)
        elif node_type == "case":
            self._set_current("case", node_id)
        else:
            self._set_current(None, None)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        node_type = index.data(NodeRole)[0]
        if node_type in ("record", "case"):
            self.edit_record()

    def _on_tabs_record_selected(self, kind: str, record_id: str) -> None:
        if self._syncing:
            return
        self.show_record(kind, record_id, self.tabs.case_id)

    def _on_tabs_record_activated(self, kind: str, record_id: str) -> None:
        self._set_current(kind, record_id)
        self.edit_record()

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._update_actions()
