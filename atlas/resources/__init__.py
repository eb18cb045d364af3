"""The resources library: guides, templates, funding programmes, contacts, links and files."""
