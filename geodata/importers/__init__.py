"""Import of the public Spandau data (../shared/data) into the geodata models.

One module per concern: sources (DataSource definitions), readers (validated file reading), sync
(upsert and counts), areas, statistics, facilities, transit (VBB stations), estates; runner ties them
together in one transaction.
"""
