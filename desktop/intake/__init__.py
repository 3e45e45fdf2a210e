"""Intake: the questionnaire (form file) that generates the case editor, and its rules.

Pure Python (no Qt): the form loader and checker, the ``maps_to`` path language and the
WGEID completeness check, so that they are testable without a display.
"""
