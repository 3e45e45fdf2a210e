"""Testimony Desk: offline, encrypted intake of testimonies about detained people.

The package is layered (see DESIGN §2): ``domain`` (pure data) at the bottom, then
``vault``, ``store``, ``interchange`` and the other services, and ``ui``/``cli`` on top.
"""

__version__ = "0.1.0"
