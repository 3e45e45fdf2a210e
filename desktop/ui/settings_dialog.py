"""Vault › Settings… (Ctrl+,): letterhead, auto-lock, letter language, attachment limit.

Everything here is stored inside the encrypted vault through ``desktop.preferences``; the
logo is read once from the file the user picks, converted to PNG in memory (scaled down to
at most ``LOGO_MAX_PIXELS`` wide/high) and kept as bytes in the vault, never as a file.

The interface language is the one setting kept outside the vault (it must be known before
unlock); its row is added by the i18n feature through ``_add_language_row`` — see there.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import preferences
from desktop.errors import InvalidInputError
from desktop.preferences import (
    AUTO_LOCK_MAX_MINUTES,
    LOGO_MAX_BYTES,
    Letterhead,
    Preferences,
    SettingsStore,
)
from desktop.ui import file_dialogs
from desktop.ui.i18n import LanguageCombo
from desktop.ui.unlock_dialog import describe_error

MIB = 1024**2
LOGO_MAX_PIXELS = 1200
LOGO_SOURCE_MAX_BYTES = 20 * MIB  # a bigger "logo" is a mistake, not a logo
ATTACHMENT_MAX_MIB = 64 * 1024


def logo_png(data: bytes) -> bytes:
    """Any image Qt reads (PNG, JPEG, GIF, BMP…) as PNG bytes, scaled to a sensible size."""
    image = QImage.fromData(data)
    if image.isNull():
        raise InvalidInputError("letterhead logo: the file is not an image Qt can read")
    if image.width() > LOGO_MAX_PIXELS or image.height() > LOGO_MAX_PIXELS:
        image = image.scaled(
            LOGO_MAX_PIXELS,
            LOGO_MAX_PIXELS,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # str works, bytes not
    buffer.close()
    png = bytes(buffer.data().data())
    if len(png) > LOGO_MAX_BYTES:
        raise InvalidInputError(
            f"letterhead logo: larger than {LOGO_MAX_BYTES // MIB} MiB even as PNG"
        )
    return png


class SettingsDialog(QDialog):
    """Edits a copy of the preferences; OK validates and saves them into the vault."""

    def __init__(
        self, store: SettingsStore, prefs: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings — Testimony Desk"))
        self.setMinimumWidth(560)
        self.store = store
        self.prefs = prefs
        self._logo: bytes | None = prefs.letterhead.logo_png
        head = prefs.letterhead

        # --- letterhead
        self.org_name = QLineEdit(head.name)
        self.org_name.setObjectName("org_name")
        self.address = QPlainTextEdit("\n".join(head.address_lines))
        self.address.setObjectName("address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.contact = QLineEdit(head.contact)
        self.contact.setObjectName("contact")
        self.place = QLineEdit(head.place)
        self.place.setObjectName("place")
        self.place.setPlaceholderText(self.tr("Printed before the date, e.g. Almaty"))
        self.co_sign = QCheckBox(self.tr("Letters are also signed on behalf of the organisation"))
        self.co_sign.setObjectName("co_sign")
        self.co_sign.setChecked(head.co_sign)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFixedSize(160, 80)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid)")
        self.choose_logo = QPushButton(self.tr("Choose…"))
        self.choose_logo.setObjectName("choose_logo")
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(self.tr("Remove"))
        self.remove_logo.setObjectName("remove_logo")
        self.remove_logo.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        logo_buttons.addStretch(1)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)

        letterhead = QGroupBox(self.tr("Letterhead"))
        form = QFormLayout(letterhead)
        form.addRow(self.tr("Organisation:"), self.org_name)
        form.addRow(self.tr("Address (one line each):"), self.address)
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow("", self.co_sign)
        form.addRow(self.tr("Logo:"), logo_row)

        # --- work
        self.auto_lock = QSpinBox()
        self.auto_lock.setObjectName("auto_lock")
        self.auto_lock.setRange(0, AUTO_LOCK_MAX_MINUTES)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never (not recommended)"))
        self.auto_lock.setValue(prefs.auto_lock_minutes)
        self.letter_language = QComboBox()
        self.letter_language.setObjectName("letter_language")
        for code, name in (
            ("kk", self.tr("Kazakh")),
            ("ru", self.tr("Russian")),
            ("en", self.tr("English")),
        ):
            self.letter_language.addItem(name, code)
        self.letter_language.setCurrentIndex(
            max(0, self.letter_language.findData(prefs.default_letter_language))
        )
        self.attachment_limit = QSpinBox()
        self.attachment_limit.setObjectName("attachment_limit")
        self.attachment_limit.setRange(1, ATTACHMENT_MAX_MIB)
        self.attachment_limit.setSuffix(self.tr(" MiB"))
        self.attachment_limit.setValue(
            max(1, min(ATTACHMENT_MAX_MIB, prefs.attachment_limit_bytes // MIB))
        )
        self.quick_delete = QCheckBox(self.tr("Show “Quick delete” in the toolbar"))
        self.quick_delete.setObjectName("quick_delete")
        self.quick_delete.setChecked(prefs.quick_delete_in_toolbar)

        work = QGroupBox(self.tr("Work"))
        self.work_form = QFormLayout(work)
        self.work_form.addRow(self.tr("Lock after idle:"), self.auto_lock)
        self.work_form.addRow(self.tr("Default letter language:"), self.letter_language)
        self.work_form.addRow(self.tr("Largest attachment:"), self.attachment_limit)
        self.work_form.addRow("", self.quick_delete)
        self._add_language_row(self.work_form)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(letterhead)
        layout.addWidget(work)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._set_logo(self._logo)

    def _add_language_row(self, form: QFormLayout) -> None:
        """The interface language: stored on OK in the plain app config
        (``desktop/ui/app_config.py``), not in the vault and not in ``self.prefs``; used
        from the next unlock (after Lock) or the next start."""
        self.language: LanguageCombo | None = LanguageCombo(self)
        form.addRow(self.tr("Interface language:"), self.language)

    # ------------------------------------------------------------------ logo
    def _choose_logo(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a logo"))
        dialog.setObjectName("logo_dialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp)"))
        chosen = file_dialogs.run(dialog)
        if chosen:
            self.load_logo(Path(chosen[0]))

    def load_logo(self, path: Path) -> bool:
        try:
            if path.stat().st_size > LOGO_SOURCE_MAX_BYTES:
                raise InvalidInputError(
                    f"letterhead logo: the file is larger than {LOGO_SOURCE_MAX_BYTES // MIB} MiB"
                )
            self._set_logo(logo_png(path.read_bytes()))
        except (InvalidInputError, OSError) as exc:
            self.error.setText(describe_error(exc))
            return False
        self.error.clear()
        return True

    def _set_logo(self, png: bytes | None) -> None:
        self._logo = png
        self.remove_logo.setEnabled(png is not None)
        if png is None:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.logo_preview.setPixmap(
            pixmap.scaled(
                self.logo_preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    # ------------------------------------------------------------------ result
    def chosen(self) -> Preferences:
        lines = tuple(
            line.strip() for line in self.address.toPlainText().splitlines() if line.strip()
        )
        letterhead = Letterhead(
            name=self.org_name.text().strip(),
            address_lines=lines,
            contact=self.contact.text().strip(),
            place=self.place.text().strip(),
            co_sign=self.co_sign.isChecked(),
            logo_png=self._logo,
        )
        return replace(
            self.prefs,
            auto_lock_minutes=self.auto_lock.value(),
            default_letter_language=str(self.letter_language.currentData()),
            attachment_limit_bytes=self.attachment_limit.value() * MIB,
            quick_delete_in_toolbar=self.quick_delete.isChecked(),
            letterhead=letterhead,
        )

    def accept(self) -> None:
        prefs = self.chosen()
        try:
            preferences.save(self.store, prefs)
        except Exception as exc:  # invalid value or database failure: one line, dialog stays
            self.error.setText(describe_error(exc))
            return
        self.prefs = prefs
        self.language_changed = False
        if self.language is not None:
            try:
                self.language_changed = self.language.save()
            except OSError as exc:  # the vault's settings are saved; say what was not
                self.error.setText(describe_error(exc))
                return
        if self.language_changed:
            QMessageBox.information(
                self,
                self.tr("Interface language"),
                self.tr(
                    "The new interface language is used from the next unlock (Vault › Lock, "
                    "Ctrl+L) or the next start."
                ),
            )
        super().accept()
