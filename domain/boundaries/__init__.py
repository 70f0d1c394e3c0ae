"""Boundaries of places on the map: reading GeoJSON, importing it, finding a point's place."""
