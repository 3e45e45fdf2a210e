"""Auto-lock: after a stretch without keyboard or mouse input, and when the system sleeps.

What is covered:

- **Idle**: an application-wide event filter restarts a single-shot timer on every key,
  mouse, wheel and touch event in any window of the application (the main window and its
  dialogs). Input in *other* programs does not count: a laptop left with the vault open in
  the background still locks. The delay comes from the vault preferences
  (``auto_lock_minutes``, default 10; 0 turns the idle lock off).
- **Suspend reported by Qt**: ``QGuiApplication.applicationStateChanged`` with
  ``ApplicationSuspended`` (what Qt reports on platforms that tell applications about it).
- **Linux sleep/hibernate**: systemd-logind's ``PrepareForSleep(true)`` signal on the system
  D-Bus, through QtDBus, when a system bus is reachable. Without one (containers, other
  systems) nothing is connected and nothing fails; ``sleep_watch`` says which case applies.

Not covered: screen locking by the desktop (no portable signal), and Windows/macOS sleep
unless Qt turns it into ``ApplicationSuspended``.
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)

_LOGIND = (
    "org.freedesktop.login1",
    "/org/freedesktop/login1",
    "org.freedesktop.login1.Manager",
    "PrepareForSleep",
)


# PySide6 takes the SLOT() string here although its stubs say bytes (bytes is refused).
_SLOT = SLOT("prepareForSleep(bool)")


class AutoLock(QObject):
    """Emits ``lock_requested`` (with a reason) after idle time or before the system sleeps.

    The owner (the main window) does the locking; this object only decides when.
    ``countdown`` is emitted once a second with the text for the status bar.
    """

    lock_requested = Signal(str)  # "idle" or "suspend"
    countdown = Signal(str)

    def __init__(self, parent: QObject | None = None, minutes: int = 10) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(lambda: self._request("idle"))
        self._display = QTimer(self)
        self._display.setInterval(1000)
        self._display.timeout.connect(self._show_countdown)
        self._active = False
        self.sleep_watch = "none"  # "logind" when PrepareForSleep is connected
        self.set_timeout_ms(minutes * 60_000)

    # ------------------------------------------------------------------ control
    def set_timeout_ms(self, ms: int) -> None:
        """0 turns the idle lock off (suspend still locks)."""
        self._timer.setInterval(max(0, ms))
        if self._active:
            self.reset()

    def timeout_ms(self) -> int:
        return int(self._timer.interval())

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is None or self._active:
            return
        self._active = True
        app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._watch_logind()
        self._display.start()
        self.reset()

    def stop(self) -> None:
        if not self._active:
            return
        self._active = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.disconnect(self._state_changed)
        self._unwatch_logind()
        self._timer.stop()
        self._display.stop()
        self.countdown.emit("")

    def reset(self) -> None:
        """Input happened: the idle time starts again."""
        if not self._active or self._timer.interval() <= 0:
            self._timer.stop()
            return
        self._timer.start()

    def remaining_ms(self) -> int:
        """Milliseconds before the idle lock, or -1 when it is off."""
        if not self._timer.isActive():
            return -1
        return max(0, int(self._timer.remainingTime()))

    def countdown_text(self) -> str:
        left = self.remaining_ms()
        if left < 0:
            return ""
        seconds = min((left + 999) // 1000, (self._timer.interval() + 999) // 1000)
        return self.tr("Locks in {time}").format(time=f"{seconds // 60}:{seconds % 60:02d}")

    # ------------------------------------------------------------------ events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.reset()
        return False

    def _show_countdown(self) -> None:
        self.countdown.emit(self.countdown_text())

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._request("suspend")

    @Slot(bool)
    def prepareForSleep(self, sleeping: bool) -> None:
        """logind: True just before suspend/hibernate, False after resume."""
        if sleeping:
            self._request("suspend")

    def _request(self, reason: str) -> None:
        if self._active:
            self.lock_requested.emit(reason)

    # ------------------------------------------------------------------ logind
    def _watch_logind(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # QtDBus is not in every Qt build (Windows, macOS)
            return
        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            return
        if bus.connect(*_LOGIND, self, _SLOT):  # type: ignore[call-overload]
            self.sleep_watch = "logind"

    def _unwatch_logind(self) -> None:
        if self.sleep_watch != "logind":
            return
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.systemBus().disconnect(*_LOGIND, self, _SLOT)  # type: ignore[call-overload]
        self.sleep_watch = "none"
