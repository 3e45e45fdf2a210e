"""Letters in the GUI: the composer with its PDF preview, printing, batch letters, the
Appeals tab of the case editor, the follow-ups due view and the recipients import.

Every module here calls ``desktop.letters`` services only; PDFs stay in memory (``QBuffer``)
and are written only where the user chose in a file dialog.
"""
