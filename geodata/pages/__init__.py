"""Server-rendered pages beyond the map: the planner view, the profiles of Ortsteile and planning
areas, and the printable report (PDF in ``geodata.reports``)."""
