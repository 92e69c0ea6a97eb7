"""The event store: one YAML file per event, the extraction ledger, and merging into them.

Owns reading and writing event files (`files`), adding sources to a file an editor touched
(`edit`), the small index merging needs (`index`), the merge rule (`merge`), trips that
contain meetings (`nesting`), the ledger of processed articles (`ledger`, `ledger_json`) and
synthetic stores for benchmarks and tests (`synthetic`).

May import: the bottom modules only. Nothing of `extract`, `check`, `site` or `commands`.
"""
