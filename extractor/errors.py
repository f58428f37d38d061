"""Errors users see as one line."""


class InputError(Exception):
    """An input that cannot be read as a news text; the message names the input and the problem."""
