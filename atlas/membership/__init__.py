"""Joining the network MigrAktiv Spandau!: applications of organisations and
individual multipliers, the coordinators' decision, membership and leaving."""
