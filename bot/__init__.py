"""summitbot: answers questions about a meeting from the articles about it, in chat and on the command line."""

__version__ = "0.1.0"
