"""View models: one pure function per page from a selection to a frozen, already-protected model.

A page renders its model and nothing else: no groupby, no privacy call, no business rule. The
models read their figures from ``vsdash.publication``, so every surface shows the same numbers.
"""
