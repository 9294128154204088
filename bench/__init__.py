"""The benchmark harness: `python -m bench --scale tiny|province|national`.

Each stage (synth, extract, ingest, queries, threeway, api) runs in a child process whose
peak memory is sampled; the results go to `<out>/<scale>.json` and `<out>/<scale>.md`.
"""
