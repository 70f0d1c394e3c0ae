"""GraphQL of the patrols area (issue 5)."""
