class ReadError(Exception):
    """Why a file could not be read, in words a user can act on."""
