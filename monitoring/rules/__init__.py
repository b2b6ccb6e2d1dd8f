"""The flag-rule engine: pure pandas, no database. `engine.evaluate` runs every rule at once."""
