"""What goes beside the pages: open data, CSP, hosting files, the service worker, Pyodide assets, staging and
final checks.
"""
