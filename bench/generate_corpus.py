#!/usr/bin/env python3
"""Writes N synthetic but realistic news articles as JSON Lines, for ledger scale tests.

Every article comes from the project's own templates and lexicons below (no outside
text): a story (a flood, a strike, a mine collapse, an election, a court case, a
factory closure...) happens at a place on a date and is covered by several outlets
over the following days, so the corpus holds what the ledger is for: running tallies
("at least 14 ... " then "at least 16 ..."), outlets that disagree on a figure, quotes
by recurring named officials and unnamed spokespeople, dates, money and percentages.

One JSON object per line: {"id", "url", "outlet", "published", "title", "text"};
paragraphs are separated by newlines and some end with an outlet tag "(outlet.com)".
Deterministic for a given --seed. Also writes --speakers FILE (one speaker name per
line) for the query benchmark.

Usage: python3 bench/generate_corpus.py -n 100000 -o corpus.jsonl [--speakers speakers.txt]
"""
import argparse
import datetime
import json
import random

OUTLETS = [
    ("Meridian Wire", "meridianwire.com"), ("Southern Cone Post", "southernconepost.com"),
    ("Harbor Ledger", "harborledger.com"), ("Nordic Dispatch", "nordicdispatch.com"),
    ("Valley Herald", "valleyherald.com"), ("Great Lakes Monitor", "greatlakesmonitor.org"),
    ("Courier Ghana", "couriergh.com"), ("West Africa Wire", "westafricawire.com"),
    ("Prairie Health Report", "prairiehealth.ca"), ("Coastal Times", "coastaltimes.example"),
    ("Lakeside Ledger", "lakeside-ledger.example"), ("Northbridge Herald", "northbridgeherald.example"),
    ("Atlas Daily", "atlasdaily.example"), ("Pacific Observer", "pacificobserver.example"),
    ("Danube Courier", "danubecourier.example"), ("Andes Tribune", "andestribune.example"),
    ("Sahel Report", "sahelreport.example"), ("Baltic Record", "balticrecord.example"),
    ("Highland Gazette", "highlandgazette.example"), ("Delta News Service", "deltanews.example"),
]

PLACES = [
    ("Puerto Coral", "Paraguay"), ("Concepción", "Paraguay"), ("Dunkwa Ridge", "Ghana"), ("Tarkwa", "Ghana"),
    ("Kumasi", "Ghana"), ("Bukavu", "the Democratic Republic of the Congo"), ("Goma", "the Democratic Republic of the Congo"),
    ("Mosul", "Iraq"), ("Basra", "Iraq"), ("Sfax", "Tunisia"), ("Agadez", "Niger"), ("Timbuktu", "Mali"),
    ("Cusco", "Peru"), ("Arequipa", "Peru"), ("Valparaíso", "Chile"), ("Temuco", "Chile"), ("Mendoza", "Argentina"),
    ("Salta", "Argentina"), ("Manaus", "Brazil"), ("Recife", "Brazil"), ("Oaxaca", "Mexico"), ("Culiacán", "Mexico"),
    ("Tijuana", "Mexico"), ("Cebu", "the Philippines"), ("Davao", "the Philippines"), ("Medan", "Indonesia"),
    ("Makassar", "Indonesia"), ("Chittagong", "Bangladesh"), ("Sylhet", "Bangladesh"), ("Peshawar", "Pakistan"),
    ("Quetta", "Pakistan"), ("Kandahar", "Afghanistan"), ("Herat", "Afghanistan"), ("Aleppo", "Syria"),
    ("Homs", "Syria"), ("Kharkiv", "Ukraine"), ("Odesa", "Ukraine"), ("Tromsø", "Norway"), ("Bergen", "Norway"),
    ("Akureyri", "Iceland"), ("Gdańsk", "Poland"), ("Łódź", "Poland"), ("Cluj-Napoca", "Romania"),
    ("Thessaloniki", "Greece"), ("Izmir", "Turkey"), ("Adana", "Turkey"), ("Lethbridge", "Canada"),
    ("Red Deer", "Canada"), ("Duluth", "the United States"), ("Toledo", "the United States"),
    ("Yuma", "the United States"), ("Flagstaff", "the United States"), ("Mombasa", "Kenya"), ("Kisumu", "Kenya"),
    ("Beira", "Mozambique"), ("Nampula", "Mozambique"), ("Maiduguri", "Nigeria"), ("Kano", "Nigeria"),
    ("Port Harcourt", "Nigeria"), ("Gonder", "Ethiopia"), ("Mekele", "Ethiopia"), ("Darwin", "Australia"),
    ("Cairns", "Australia"), ("Hilo", "the United States"), ("Nuuk", "Greenland"), ("Galle", "Sri Lanka"),
]

FIRST = ["Lucía", "Tomás", "Graciela", "Carmen", "Abena", "Kojo", "Efua", "Ilse", "Anders", "Sigrún", "Mateo",
         "Amara", "Yusuf", "Leila", "Dmytro", "Olena", "Marek", "Zofia", "Rafael", "Beatriz", "Kwame", "Nadia",
         "Hamid", "Farida", "Jonas", "Ingrid", "Diego", "Valentina", "Samuel", "Grace", "Emeka", "Ngozi",
         "Hiroshi", "Mei", "Arjun", "Priya", "Omar", "Salma", "Viktor", "Katarina", "Pablo", "Renata", "Tariq",
         "Aisha", "Henrik", "Astrid", "Felipe", "Camila", "Joseph", "Esther"]
LAST = ["Benítez", "Arévalo", "Roa", "Villalba", "Mensah", "Asante", "Darko", "Varga", "Lindqvist", "Jónsdóttir",
        "Quispe", "Okafor", "Haddad", "Nasser", "Kovalenko", "Shevchenko", "Nowak", "Wiśniewska", "Ferreira",
        "Moreira", "Boateng", "Rahman", "Karimi", "Sadiq", "Berg", "Halvorsen", "Castillo", "Rojas", "Mwangi",
        "Otieno", "Eze", "Adeyemi", "Tanaka", "Chen", "Sharma", "Iyer", "Khalil", "Mansour", "Petrov", "Novak",
        "Herrera", "Salazar", "Aziz", "Bello", "Nilsen", "Dahl", "Morales", "Vega", "Mutua", "Achieng"]

ROLES = ["the interior minister", "the mayor of {place}", "the regional governor", "the police commander in {place}",
         "the head of the national emergency agency", "a spokeswoman for the health ministry",
         "the director of the regional hospital", "a senior aid official", "the union leader",
         "the company's chief executive", "the defence minister", "the opposition leader",
         "the chief prosecutor", "the central bank governor", "a spokesman for the army"]

UNNAMED = ["a ministry spokesman", "a local official", "a senior police officer", "a hospital doctor",
           "an aid worker", "a government source", "a diplomat familiar with the talks", "a witness"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# Story kinds: headline and lead templates with a running figure ({n}) of {counted}.
DISASTERS = [
    ("flash floods", "people were killed", "killed", "Floods"),
    ("a landslide", "people were killed", "killed", "Landslide"),
    ("an earthquake", "people were killed", "killed", "Earthquake"),
    ("the collapse of an illegal gold pit", "miners were killed", "killed", "Mine collapse"),
    ("a fire at a crowded market", "people were killed", "killed", "Market fire"),
    ("a cholera outbreak", "people have died", "died", "Cholera"),
    ("a series of drone strikes", "civilians were killed", "killed", "Drone strikes"),
    ("clashes between rival armed groups", "people were killed", "killed", "Clashes"),
]

QUOTES = [
    "We are doing everything we can, but the roads are cut and the rain has not stopped.",
    "Entire neighbourhoods are under water and families are waiting on rooftops.",
    "No family will be left to rebuild alone.",
    "We will only publish figures that we can verify with hospitals and morgues.",
    "The numbers circulating on social media are not confirmed.",
    "Every hour matters, and our teams are working through the night.",
    "This site was never licensed, never inspected and never legal.",
    "We warned the authorities months ago and nothing was done.",
    "The situation is stable but fragile, and we expect more rain this week.",
    "We need heavy machinery, clean water and medicine, and we need them now.",
    "Those responsible will be held to account.",
    "It's too early to say how many people are still missing.",
    "Our hospitals are full; we are treating the injured in corridors.",
    "The government has released emergency funds and more will follow.",
]

ECONOMY = [
    ("{company} to idle {place} plant, cutting {n} jobs", "{company} said on {weekday} it would idle its {place} plant, "
     "cutting {n} jobs, as demand fell by {pct} percent this year."),
    ("{company} posts {pct} percent rise in quarterly profit", "{company} reported on {weekday} a {pct} percent rise "
     "in quarterly profit, to ${money} million, beating forecasts."),
    ("Inflation in {country} eases to {pct} percent", "Consumer prices in {country} rose {pct} percent in {month} "
     "from a year earlier, the statistics office said on {weekday}."),
]
COMPANIES = ["Corvane Steel", "Atlas Mining", "Northwind Energy", "Meridian Foods", "Balto Shipping",
             "Harrow Motors", "Pinecrest Paper", "Solano Cement", "Kestrel Airlines", "Danube Chemicals"]


def lead_in(quote):
    """A quote placed before its speaker ends in a comma: "We will rebuild," she said."""
    return quote[:-1] + "," if quote.endswith(".") else quote


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


class Story:
    """One event at one place, reported by several outlets over several days."""

    def __init__(self, rng, sid, start):
        self.rng = rng
        self.id = sid
        self.place, self.country = rng.choice(PLACES)
        self.kind = rng.choice(DISASTERS)
        self.date = start
        self.toll = rng.randint(3, 40)
        self.officials = [(person(rng), rng.choice(ROLES).format(place=self.place)) for _ in range(rng.randint(2, 4))]
        self.outlets = rng.sample(OUTLETS, rng.randint(2, 5))
        self.disputed = rng.random() < 0.2  # one outlet carries a much lower official count


def disaster_article(rng, story, day, outlet):
    published = story.date + datetime.timedelta(days=day)
    weekday = WEEKDAYS[story.date.weekday()]
    cause, counted, verb, label = story.kind
    toll = story.toll + day * rng.randint(1, 4)
    low_count = story.disputed and outlet == story.outlets[-1] and day == 0
    n = max(1, toll // 3) if low_count else toll
    qual = rng.choice(["at least ", "at least ", "", "more than "]) if not low_count else ""
    noun = counted.split()[0]
    paras = []
    if day == 0:
        title = f"{label} kill{'s' if label.endswith('fire') or label == 'Landslide' else ''} {n} in {story.place}"
        paras.append(f"{qual.capitalize() or ''}{n} {counted} on {weekday} after {cause} struck {story.place} in "
                     f"{story.country}, officials said.".replace("  ", " ").strip())
    else:
        title = f"Death toll from {story.place} {label.lower()} rises to {n}"
        paras.append(f"The death toll from {weekday}'s {label.lower()} in {story.place} has risen to {qual}{n}, "
                     f"up from {story.toll} reported earlier, officials said on "
                     f"{WEEKDAYS[published.weekday()]}.")
    name, role = rng.choice(story.officials)
    quote = lead_in(rng.choice(QUOTES))
    paras.append(f"\u201c{quote}\u201d said {name}, {role}.")
    missing = rng.randint(5, 200)
    paras.append(f"Rescue teams were still searching for {rng.choice(['about ', 'up to ', 'between 10 and ', ''])}"
                 f"{missing} people, and roughly {rng.randint(2, 90) * 100:,} residents had been moved to shelters "
                 f"in schools and churches.")
    name2, role2 = rng.choice(story.officials)
    paras.append(f"{name2}, {role2}, told reporters that {rng.randint(2, 60) * 10} homes had been destroyed and "
                 f"that {rng.randint(2, 30)} {rng.choice(['roads', 'bridges', 'schools'])} remained closed.")
    if rng.random() < 0.5:
        paras.append(f"According to {rng.choice(UNNAMED)}, the government would release "
                     f"{rng.randint(2, 90)} million dollars in emergency aid by the end of "
                     f"{MONTHS[(published.month) % 12]}.")
    if rng.random() < 0.6:
        paras.append(f"\u201c{lead_in(rng.choice(QUOTES))}\u201d {rng.choice(UNNAMED)} said, asking not to be named "
                     f"because {rng.choice(['they were', 'he was', 'she was'])} not authorised to speak.")
    paras.append(f"{story.place} was hit by similar {rng.choice(['floods', 'storms', 'disasters'])} in "
                 f"{rng.randint(1995, 2022)}, when {rng.randint(10, 400)} people died, according to "
                 f"{rng.choice(['local records', 'the Red Cross', 'the national archive'])}.")
    paras.append(f"Aid groups said roads into the worst-hit villages were cut in at least {rng.randint(2, 12)} "
                 f"places, and that helicopters were the only way to deliver drinking water, food and medicine "
                 f"to {rng.choice(['remote', 'isolated', 'mountain'])} communities north of {story.place}.")
    name3, role3 = rng.choice(story.officials)
    paras.append(f"{name3}, {role3}, said the government had deployed {rng.randint(2, 40) * 25} soldiers and "
                 f"{rng.randint(2, 30)} rescue teams, and promised a full inquiry into the response. "
                 f"\u201c{lead_in(rng.choice(QUOTES))}\u201d {name3.split()[-1]} added.")
    if rng.random() < 0.4:
        paras.append(f"Meteorologists said nearly {rng.randint(50, 400)} millimetres of rain had fallen in "
                     f"{rng.randint(12, 72)} hours, and more was forecast for {rng.choice(WEEKDAYS)}.")
    return published, title, paras


def economy_article(rng, date):
    place, country = rng.choice(PLACES)
    title_t, lead_t = rng.choice(ECONOMY)
    fields = dict(company=rng.choice(COMPANIES), place=place, country=country.replace("the ", ""),
                  n=rng.randint(2, 40) * 50, pct=round(rng.uniform(0.5, 12.0), 1),
                  money=rng.randint(5, 900), weekday=WEEKDAYS[date.weekday()], month=MONTHS[date.month - 1])
    paras = [lead_t.format(**fields)]
    name = person(rng)
    paras.append(f"\u201c{lead_in(rng.choice(['The decision was not taken lightly.', 'We expect conditions to improve next year.', 'Our workers deserve certainty.', 'The market has changed faster than anyone expected.']))}\u201d "
                 f"said {name}, {rng.choice(['the chief executive', 'the finance minister', 'an economist at the central bank', 'the union leader'])}.")
    paras.append(f"Analysts had expected {round(rng.uniform(0.5, 12.0), 1)} percent, and the figures for "
                 f"{MONTHS[(date.month - 2) % 12]} were revised to {round(rng.uniform(0.5, 12.0), 1)} percent.")
    paras.append(f"The company employs about {rng.randint(2, 90) * 100:,} people in {country.replace('the ', '')} "
                 f"and has {rng.randint(2, 30)} plants worldwide.")
    paras.append(f"The {place} plant opened in {rng.randint(1950, 2015)} and was modernised in "
                 f"{rng.randint(2016, 2024)}; union representatives said they had not been consulted and would meet "
                 f"management on {WEEKDAYS[(date.weekday() + 2) % 7]} to discuss severance terms and retraining.")
    paras.append(f"Shares rose {round(rng.uniform(0.1, 9.0), 1)} percent in early trading on "
                 f"{WEEKDAYS[(date.weekday() + 1) % 7]}.")
    return title_t.format(**fields), paras


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="number of articles")
    ap.add_argument("-o", "--out", default="-", help="output JSONL file (- = stdout)")
    ap.add_argument("--seed", type=int, default=20261117)
    ap.add_argument("--speakers", help="also write the recurring named speakers, one per line")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = open(args.out, "w", encoding="utf-8") if args.out != "-" else None
    base = datetime.date(2026, 1, 1)
    speakers = set()
    written = 0
    sid = 0
    lines = []

    def emit(published, outlet, title, paras):
        nonlocal written
        name, domain = outlet
        tagged = [p + (f" ({domain})" if rng.random() < 0.5 else "") for p in paras]
        obj = {"id": f"gen-{written}", "url": f"https://{domain}/{published.isoformat().replace('-', '/')}/a{written}",
               "outlet": name, "published": published.isoformat(), "title": title, "text": "\n".join(tagged)}
        lines.append(json.dumps(obj, ensure_ascii=False))
        written += 1
        if len(lines) >= 1000:
            flush()

    def flush():
        data = "\n".join(lines) + "\n"
        if out:
            out.write(data)
        else:
            print(data, end="")
        lines.clear()

    while written < args.n:
        date = base + datetime.timedelta(days=rng.randint(0, 330))
        if rng.random() < 0.25:
            title, paras = economy_article(rng, date)
            emit(date, rng.choice(OUTLETS), title, paras)
            continue
        story = Story(rng, sid, date)
        sid += 1
        for name, _ in story.officials:
            speakers.add(name)
        for day in range(rng.randint(1, 3)):
            for outlet in story.outlets:
                if written >= args.n:
                    break
                published, title, paras = disaster_article(rng, story, day, outlet)
                emit(published, outlet, title, paras)
    if lines:
        flush()
    if out:
        out.close()
    if args.speakers:
        with open(args.speakers, "w", encoding="utf-8") as f:
            for s in sorted(speakers):
                f.write(s + "\n")


if __name__ == "__main__":
    main()
