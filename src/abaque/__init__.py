"""Abaque: the Régnier abacus and the yearly participatory cycle around it."""

__version__ = "0.1.0"
