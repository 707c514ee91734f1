"""What goes wrong with a record store on the clinic's server, in words a person can act on."""

from __future__ import annotations


class StoreUnavailable(Exception):
    """The records server cannot be reached, or the connection to it was lost.

    The message says which server (its host name, never the address's password) and what
    happened, in plain words; the session in the window is unharmed and can be saved again
    once the server answers."""
