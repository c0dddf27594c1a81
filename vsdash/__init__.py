"""vsdash: the dashboard library for the Dutch programme Veilige Steden."""

__version__ = "0.1.0"
