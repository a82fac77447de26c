"""The action plan and the yearly evaluation as documents: one table
structure (tables.py), written as PDF, ODT and XLSX."""
