"""The self-check on the site: the data bundle for Pyodide and the paper result, the form and static result pages."""
