"""Word lists for the entity finder: places, given names, titles, organisation heads.

Loaded once, lazily. Places and given names are files in `data/` built by
`scripts/build_gazetteer.py`; the rest are small hand-written lists of general English.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def comma_list(text: str) -> list[str]:
    return text.split(",")


# Function words and words that start sentences or headings but never name anything.
STOPWORDS = word_set(
    """a about above according across after afterwards again against all almost along already
    also although always am among an and another any anyone anything are around as at be
    because been before being below beside besides between beyond both but by can could did
    do does doing done down during each either else even ever every everyone everything few
    for from further had has have having he her here hers herself him himself his how
    however i if in indeed instead into is it its itself just last later least less like
    many may me meanwhile might more moreover most much must my myself neither never
    nevertheless next no nobody none nor not nothing now of off often on once one only onto
    or other others otherwise our ours ourselves out over own per perhaps rather same second
    several she should since so some someone something sometimes still such than that the
    their theirs them themselves then there thereafter therefore these they third this those
    though through throughout thus to today together tomorrow too toward towards under unless
    unlike until up upon us very via was we well were what whatever when whenever where
    whereas whether which while who whoever whole whom whose why will with within without
    would yet you your yours yourself yesterday tonight mr mrs ms dr yes ok okay please
    thanks thank dear hello hi breaking update updated exclusive live watch read see photo
    photos video image images source sources editor note related more click share advertisement
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december am pm bc ad chapter section part page figure table appendix"""
)
# Capitalised words that are not names of people, places or organisations.
NOT_NAMES = word_set(
    """internet web online god allah islam christianity judaism hinduism buddhism hajj
    ramadan eid christmas easter mass bible koran quran torah gospel english spanish french
    arabic latin mandarin wifi email government parliament olympic olympics paralympic
    paralympics um umm uh uhm er erm hmm mm mhm yeah yep nope okay ok oh ah aha wow hey""".lower()
)
BIG_PLACE = 10_000_000  # countries, states and regions are floored at this population
MONTHS = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)

# Titles that make the following name a person and are not part of it.
HEAD_TITLES = word_set(
    """president presidents minister ministers secretary secretaries senator sen governor gov
    mayor chancellor king queen prince princess pope judge justice general gen colonel col
    captain capt lieutenant lt sergeant sgt admiral commander officer director chairman
    chairwoman chairperson chair ceo cfo coo founder ambassador envoy commissioner premier
    speaker rep representative congressman congresswoman councillor councilman councilwoman
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend father pastor bishop
    archbishop cardinal imam rabbi sheikh sheik sultan emir emperor empress
    tsar tsarina czar kaiser chief spokesman
    spokeswoman spokesperson sheriff administrator superintendent inspector detective constable
    coach manager striker midfielder defender goalkeeper winger
    prosecutor attorney lawyer deputy vice leader provost actor actress
    singer rapper author writer journalist reporter columnist analyst economist scientist
    researcher nurse agent marshal brigadier corporal treasurer
    monsignor ayatollah mullah duke duchess countess baron baroness"""
)
# Words that qualify a title ("Prime Minister", "Foreign Secretary"): dropped with it.
TITLE_MODIFIERS = word_set(
    """prime foreign home interior defense defence finance trade commerce state treasury
    health education energy justice transport transportation agriculture
    environment homeland security culture economy economic former acting interim incoming
    outgoing then late senior junior deputy vice assistant associate executive general
    managing chief head lead principal first grand supreme high attorney district federal
    national regional provincial county city state team club party"""
)
# Heads that make a name an organisation.
ORG_HEADS = word_set(
    """inc inc. incorporated corp corp. corporation co co. company companies ltd ltd. llc plc
    gmbh ag sa group holdings university universities college school academy institute
    institution church ministry department dept office party council agency bank association
    union court commission organization organisation org committee foundation fund society
    federation league club army navy force forces police service services authority board
    bureau administration government parliament congress senate assembly network news times
    post herald journal gazette magazine press tribune guardian telegraph chronicle daily
    weekly review airlines airways air motors systems technologies technology labs
    laboratories pharmaceuticals secretariat cabinet reserve exchange trust alliance coalition
    movement front brigade legion corps guard squad orchestra records studios entertainment
    media broadcasting forum ventures partners capital industries energy electric petroleum
    oil steel games software communications telecom airline cooperation bureau unit
    institutes hospital clinic museum library commission tribunal mission taskforce nations
    consortium team cross crescent united rovers wanderers athletic athletico fc sc afc"""
)
# Heads of event names, which are not entities ("World Cup", "Lantern Festival").
EVENT_HEADS = word_set(
    """festival cup championship championships olympics games tournament war summit
    conference expo fair day days year week month prize award awards series election
    elections match race marathon show exhibition biennale derby open grand prix
    trophy final finals season program programme project initiative campaign"""
)
# Heads that make a name a place (checked on the last word before the org heads).
PLACE_HEADS_STRONG = word_set(
    """station stadium arena hall centre center street st avenue ave road square park bridge river lake
    mountain mountains mount island islands bay sea ocean gulf valley airport tower towers
    base cave city county province region peninsula desert coast beach harbour harbor port
    canal strait village town heights hills palace cathedral temple mosque shrine plaza
    building boulevard highway shipyard district state territory prefecture oblast governorate
    canyon falls forest glacier reef springs kingdom empire dynasty caliphate republic isle
    gulf"""
)
# Place heads that yield to an organisation head ("Irving Independent School District").
AREA_HEADS = word_set(
    """city county province region district state territory prefecture oblast governorate
    kingdom empire dynasty caliphate republic village town"""
)
PLACE_PREFIXES = word_set(
    "mount mt mt. lake port fort cape saint st. san santa new upper lower river isle"
)
# Words that may join capitalised words inside one name.
CONNECTORS = word_set(
    "of the for and on de du da di del della des van von der den bin ibn al el la le y es dos das"
)

EXTRA_PLACES = frozenset(
    n.strip()
    for n in comma_list(
        """Africa, Asia, Europe, Oceania, Antarctica, Americas, America, Eurasia, Middle East,
    Near East, Far East, North America, South America, Latin America, Central America,
    Caribbean, Scandinavia, Balkans, Baltics, Asia-Pacific, Southeast Asia, South East Asia,
    East Asia, South Asia, Central Asia, West Africa, East Africa, North Africa,
    Sub-Saharan Africa, Pacific, Atlantic, Arctic, Mediterranean, Sahara, Siberia, Kashmir,
    Gaza, Gaza Strip, West Bank, Crimea, Donbas, Tibet, Xinjiang, Palestine, Kosovo, England,
    Scotland, Wales, Northern Ireland, Britain, Great Britain, Korea, Holland, Burma,
    Ivory Coast, Persian Gulf, Red Sea, Black Sea, Himalayas, Alps, Silicon Valley,
    Wall Street, Hollywood, Manhattan, Brooklyn, Bronx, Ontario, Quebec, British Columbia,
    Alberta, Manitoba, Saskatchewan, Nova Scotia, New Brunswick, Newfoundland,
    New South Wales, Queensland, Tasmania, Western Australia, South Australia, Bavaria,
    Catalonia, Flanders, Wallonia, Punjab, Bengal, Sindh, Hokkaido, Okinawa, Mindanao,
    Macedonia, Czech Republic, Cote d'Ivoire, Côte d'Ivoire, Sumatra, Java, Borneo, Bali, Sulawesi, Aceh, Papua, Kurdistan, Darfur, Patagonia,
    Anatolia, Yorkshire, Cornwall, Washington D.C., Washington DC, D.C., US, U.S., USA,
    U.S.A., UK, U.K., UAE, L.A., NYC, Guangdong, Zhejiang, Jiangsu, Shandong, Henan, Sichuan,
    Hubei, Hunan, Hebei, Fujian, Anhui, Liaoning, Shaanxi, Jiangxi, Yunnan, Guangxi, Shanxi,
    Guizhou, Jilin, Heilongjiang, Inner Mongolia, Gansu, Hainan, Ningxia, Qinghai,
    Uttar Pradesh, Maharashtra, Bihar, West Bengal, Madhya Pradesh, Tamil Nadu, Rajasthan,
    Karnataka, Gujarat, Andhra Pradesh, Odisha, Orissa, Telangana, Kerala, Jharkhand, Assam,
    Haryana, Chhattisgarh, Uttarakhand, Himachal Pradesh, Goa, Jammu, Chechnya, Dagestan,
    Ingushetia, Tatarstan, Bashkortostan, Balochistan, Baluchistan, Khyber Pakhtunkhwa,
    Waziristan, Chiapas, Oaxaca, Jalisco, Sonora, Chihuahua, Sinaloa, Michoacan, Tamaulipas,
    Guerrero, Yucatan, Bahia, Minas Gerais, Rio Grande do Sul, Amazonas, Parana, Saxony,
    Lower Saxony, Hesse, Brandenburg, Thuringia, North Rhine-Westphalia, Baden-Wurttemberg,
    Andalusia, Basque Country, Galicia, Lombardy, Sicily, Sardinia, Tuscany, Veneto, Piedmont,
    Calabria, Brittany, Normandy, Provence, Alsace, Corsica, Helmand, Kunduz, Nangarhar,
    Anbar, Idlib, Donetsk, Luhansk, Borno, Kyushu, Honshu, Luzon, Mindanao, Kurdistan,
    Tigray, Amhara, Oromia, Katanga, Kivu, North Kivu, South Kivu, Galilee, Sinai, Negev,
    Judea, Samaria, Golan Heights, Lapland, Transylvania, Moldavia, Siberia, Ural, Caucasus,
    North Caucasus, Kashmir, Ladakh, Tyrol, Bohemia, Moravia, Silesia, Crimea, Flanders"""
    )
)
EXTRA_PLACE_ACRONYMS = word_set("US U.S. USA U.S.A. UK U.K. UAE L.A. LA D.C. DC NYC")

# Adjectives of nationality, region or faith: cues, never names on their own.
DEMONYMS = word_set(
    """American Americans British French Dutch Swiss Welsh Scottish Irish English German
    Germans Filipino Thai Chinese Japanese Korean Vietnamese Taiwanese Burmese Lebanese
    Sudanese Congolese Senegalese Portuguese Maltese Nepalese Bangladeshi Bangladeshis
    Pakistani Pakistanis Iraqi Iraqis Israeli Israelis Saudi Kuwaiti Qatari Emirati Yemeni
    Omani Afghan Afghans Somali Spanish Danish Swedish Finnish Polish Turkish Greek Greeks
    Czech Slovak Serbian Croatian Russian Russians Ukrainian Ukrainians European Europeans
    African Africans Asian Asians Arab Arabs Arabic Latino Latina Hispanic Muslim Muslims
    Christian Christians Jewish Jew Jews Hindu Hindus Buddhist Buddhists Sikh Catholic
    Catholics Protestant Orthodox Islamic Western Eastern Northern Southern Soviet Kiwi Aussie
    Canadian Canadians Mexican Mexicans Brazilian Australian Australians Indian Indians
    Iranian Iranians Syrian Syrians Egyptian Egyptians Nigerian Kenyan Ethiopian Indonesian
    Malaysian Italian Italians Norwegian Belgian Belgians Austrian Hungarian Romanian
    Bulgarian Albanian Albanians Georgian Armenian Armenians Palestinian Palestinians
    Libyan Tunisian Moroccan Algerian Jordanian Rohingya Eritrean Eritreans Cuban Chilean
    Peruvian Colombian Venezuelan Argentine Argentinian Kurdish Kurds Tibetan Uyghur Uighur
    Scandinavian Baltic Nordic Celtic Shiite Shiites Shia Sunni Sunnis Moslem Moslems Alawite
    Druze Pashtun Hutu Hutus Tutsi Tutsis Sephardic Ashkenazi Evangelical Mormon Spaniard Spaniards Briton Britons Brit Brits Dane Danes
    Swede Swedes Finn Finns Pole Poles Turk Turks Scot Scots Filipinos Kiwis Aussies Yankee
    Frenchman Frenchmen Englishman Englishmen Dutchman Irishman Scotsman Welshman Serb Serbs
    Croat Croats Bosniak Bosniaks Kazakh Kazakhs Uzbek Uzbeks Tajik Tajiks"""
)
COMPASS = word_set("north south east west northern southern eastern western central")


class Lexicon:
    """A sorted newline-separated word list searched by bisection in place: loading it costs
    one decompression, not 200,000 string objects."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob if blob.startswith(b"\n") else b"\n" + blob

    def __contains__(self, word: str) -> bool:
        blob, key = self._blob, word.encode("utf-8", "replace")
        lo, hi = 1, len(blob)  # both at line starts
        while lo < hi:
            mid = (lo + hi) // 2
            start = blob.rfind(b"\n", 0, mid) + 1
            end = blob.find(b"\n", start)
            if end < 0:
                end = len(blob)
            line = blob[start:end]
            if line == key:
                return True
            if line < key:
                lo = end + 1
            else:
                hi = start
        return False


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: dict[str, int]  # place name -> population (big for countries, states, regions)
    given: frozenset[str]
    surnames: frozenset[str]
    lexicon: Lexicon  # lower-case dictionary words that are never names

    def is_common(self, low: str) -> bool:
        """A dictionary word, allowing for plural, -ing, -ed and -ly forms."""
        return _is_common(low)


@lru_cache(maxsize=1 << 16)
def _is_common(low: str) -> bool:
    lex = gazetteer().lexicon
    if low in lex:
        return True
    for suffix, repl in _INFLECTIONS:
        if low.endswith(suffix) and low[: -len(suffix)] + repl in lex:
            return True
    return False


_INFLECTIONS = (
    ("s", ""),
    ("es", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("ly", ""),
    ("ers", ""),
    ("er", ""),
)


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def institutions() -> dict[str, str]:
    """Short forms of well-known institutions ("APEC", "the Fed") -> their full names,
    from `data/institutions.tsv` (general knowledge, hand-written)."""
    out: dict[str, str] = {}
    for line in (DATA / "institutions.tsv").read_text(encoding="utf-8").splitlines():
        short, _, full = line.partition("\t")
        if full and not short.startswith("#"):
            out[short] = full
    return out


@lru_cache(maxsize=1)
def _short_forms_by_full_name() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for short, full in institutions().items():
        out.setdefault(full.casefold(), []).append(short)
    return {full: tuple(shorts) for full, shorts in out.items()}


def known_short_forms(full_name: str) -> tuple[str, ...]:
    """The short forms of a well-known institution from its full name ("Asia-Pacific
    Economic Cooperation" -> ("APEC",)); none for any other name."""
    return _short_forms_by_full_name().get(full_name.casefold(), ())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    places: dict[str, int] = {}
    for line in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        name, _, pop = line.partition("\t")
        if name.lower() not in STOPWORDS and name.lower() not in CONNECTORS:
            places[name] = int(pop or 0)
            if name.startswith("The "):  # "the Netherlands": the article is not the name
                places[name[4:]] = int(pop or 0)
    for name in EXTRA_PLACES:
        places[name] = max(places.get(name, 0), 10_000_000)
    given = frozenset(
        w
        for w in (DATA / "given_names.txt").read_text(encoding="utf-8").split()
        if w.lower() not in STOPWORDS
    )
    lexicon = Lexicon(gzip.decompress((DATA / "lexicon.txt.gz").read_bytes()))
    surnames = frozenset((DATA / "surnames.txt").read_text(encoding="utf-8").split())
    return Gazetteer(places=places, given=given, surnames=surnames, lexicon=lexicon)
