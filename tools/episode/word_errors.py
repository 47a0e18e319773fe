"""Word error counting for the episode's recogniser checks (measure-*.sh)."""
import re


def words(text):
    """The words of `text` as a recogniser writes them: lower case, hyphens split."""
    return re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))


def distance(a, b):
    """Word edit distance (substitutions + deletions + insertions) from a to b."""
    d = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, d[0] = d[0], i
        for j, y in enumerate(b, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (x != y))
    return d[len(b)]
