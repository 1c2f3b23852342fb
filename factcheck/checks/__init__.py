"""Every check code runs on a model's answer, in one place.

A check returns a list of problems in plain words: the same text goes back to the model when it is
re-asked, and into the report's warnings when code stands in or an item is dropped.

- ``grounding``: what rests on the cited sentences (numbers, dates, names, verbatim quotes,
  restating, attribution, loaded words, verdicts) and who speaks in a sentence.
- ``claims``: what a claim's fields must fit (its type, what to verify, the article's attribution)
  and a ranking model's ratings.
- ``events``: what a timeline event must say beyond its date.
"""
