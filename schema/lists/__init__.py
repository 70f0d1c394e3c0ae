"""GraphQL of the lists area (issue 5)."""
