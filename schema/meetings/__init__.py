"""GraphQL of the meetings area (issue 5)."""
