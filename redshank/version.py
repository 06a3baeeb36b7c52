"""Package and coder versions: the coder version is stored with every event."""

__version__ = "0.1.0"
CODER_VERSION = f"redshank-{__version__}"
