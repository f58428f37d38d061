"""Normalisation helpers: numbers, units and currencies, calendars."""
