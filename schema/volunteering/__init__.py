"""GraphQL of the volunteering area (issue 5)."""
