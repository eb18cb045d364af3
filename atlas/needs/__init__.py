"""Needs analysis (Bedarfsanalyse) and matching of the network.

- ``forms``: the structured questionnaire of one organisation (a need and an offer per SupportTopic)
- ``queries``: aggregates per topic and per Ortsteil for the coordinators' overview and its CSV
- ``matching``: for each need of an organisation, the published organisations offering that topic,
  nearest first
- ``disclosure``: the planners' overview with counts below ATLAS_MIN_CELL_SIZE suppressed and small
  Ortsteile merged
- ``charts``: geometry of the overview's inline SVG charts (no inline style or script: CSP)

See docs/needs.md.
"""
