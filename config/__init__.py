"""Settings of mandate-graph, declared once as data and read from the environment."""

from config.settings import SETTINGS, Setting, Settings, load_settings

__all__ = ["SETTINGS", "Setting", "Settings", "load_settings"]
