"""One module per command; each holds a thin click command over the Python API."""
