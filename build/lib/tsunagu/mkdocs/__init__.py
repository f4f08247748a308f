"""The MkDocs adapter: translates MkDocs events into tsunagu.build.Build calls. A move to another generator
replaces this folder.
"""
