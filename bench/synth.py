"""Synthetic case generator for benchmarks, demos and leak tests.

Real testimonies can never be used to measure the application: a single leaked file would put
families at risk. Benchmarks and tests therefore run on invented cases that *look* like the
real ones in every way that matters to the code: names of Kazakh, Uyghur, Kyrgyz and Hui
people in four scripts (Cyrillic, Latin, Chinese with the middle dot, Uyghur Arabic),
patronymic surnames in both the Kazakh (``-ұлы``/``-қызы``) and the Russian (``-ов``/``-ова``)
style, vague EDTF dates (``2018-03~``, ``2017?``, ``2018-03/2018-05``), real Xinjiang place
names with invented facility names, narratives of a few hundred words in Kazakh, Russian or
English, consent flags and appeals. Every person, number and text is invented; phone numbers
use a ``000`` block and URLs point to ``example.org``.

Usage::

    python bench/synth.py N [--seed S] [--out FILE] [--format jsonl|json] [--canary NAME]

The output is the *canonical normalized* case form of ``desktop.interchange.case_format``
(key order, defaults filled), so ``normalize_case(case) == case`` holds for every generated
case and an import → export round trip can be compared byte for byte.

Determinism: one ``random.Random(seed)`` drives everything; nothing reads the clock, the
environment or iterates a ``set``, so the same ``N`` and seed give the same bytes on every run
and machine (a benchmark that cannot be repeated cannot be compared). Generation streams: a
case is produced, written and forgotten, so 100,000 cases need no more memory than one.

The module is importable (``generate_cases``) and has no dependency on ``desktop`` so that it
keeps working while the application changes under it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, NamedTuple, TypeVar

__all__ = ["FORMAT", "dump_stream", "generate_cases", "main"]

FORMAT = "testimony-desk.case/1"
_T = TypeVar("_T")

# --------------------------------------------------------------------------------------------
# Name material
# --------------------------------------------------------------------------------------------


class Elem(NamedTuple):
    """One name element in every script we render it in.

    Keeping the renderings together (instead of transliterating at run time) is what makes the
    Chinese forms plausible: Chinese transcriptions of Turkic names are conventional, not
    computable from the Cyrillic.
    """

    cyr: str
    lat: str
    cn: str
    arab: str = ""


def _e(cyr: str, lat: str, cn: str) -> Elem:
    return Elem(cyr, lat, cn)


def _compose(
    base: Sequence[Elem], prefixes: Sequence[Elem], suffixes: Sequence[Elem], skip: Iterable[str]
) -> tuple[Elem, ...]:
    """Base names plus prefix+suffix compounds (Нұр+бол → Нұрбол), without duplicates.

    Compounding is how Kazakh names are actually built, and it multiplies the number of
    distinct names a benchmark of 100,000 cases needs without listing thousands by hand.
    """
    skipped = set(skip)
    out: list[Elem] = []
    seen: set[str] = set()
    for e in base:
        if e.cyr not in seen:
            seen.add(e.cyr)
            out.append(e)
    for p in prefixes:
        for s in suffixes:
            cyr = p.cyr + s.cyr
            if cyr in seen or cyr in skipped or p.cyr.lower() == s.cyr:
                continue
            seen.add(cyr)
            out.append(Elem(cyr, p.lat + s.lat, p.cn + s.cn))
    return tuple(out)


_KK_MALE_BASE = [
    _e("Ерлан", "Erlan", "叶尔兰"), _e("Ербол", "Erbol", "叶尔波力"),
    _e("Ержан", "Erzhan", "叶尔江"), _e("Нұрлан", "Nurlan", "努尔兰"),
    _e("Асқар", "Askar", "阿斯卡尔"), _e("Айдос", "Aidos", "艾多斯"),
    _e("Бақыт", "Bakyt", "巴合提"), _e("Болат", "Bolat", "波拉提"),
    _e("Серік", "Serik", "赛力克"), _e("Қайрат", "Kairat", "凯拉提"),
    _e("Марат", "Marat", "马拉提"), _e("Мұрат", "Murat", "木拉提"),
    _e("Дәулет", "Daulet", "达吾列提"), _e("Жақсылық", "Zhaksylyk", "加克斯勒克"),
    _e("Қуаныш", "Kuanysh", "宽尼希"), _e("Бауыржан", "Bauyrzhan", "包尔江"),
    _e("Ғалым", "Galym", "哈里木"), _e("Төлеген", "Tolegen", "托列根"),
    _e("Сапар", "Sapar", "萨帕尔"), _e("Сәбит", "Sabit", "沙比提"),
    _e("Қанат", "Kanat", "哈纳提"), _e("Асылбек", "Asylbek", "阿斯勒别克"),
    _e("Талғат", "Talgat", "塔里哈提"), _e("Ахмет", "Akhmet", "艾合买提"),
    _e("Қасым", "Kasym", "哈森"), _e("Оралхан", "Oralkhan", "奥拉勒汗"),
    _e("Жұмабай", "Zhumabai", "居马拜"), _e("Тұрсын", "Tursyn", "吐尔逊"),
    _e("Әділ", "Adil", "阿迪力"), _e("Мейрам", "Meiram", "美拉木"),
    _e("Ислам", "Islam", "伊斯拉木"), _e("Рахат", "Rakhat", "热哈提"),
    _e("Дархан", "Darkhan", "达尔汗"), _e("Мақсат", "Maksat", "玛合沙提"),
    _e("Азат", "Azat", "阿扎提"), _e("Бекзат", "Bekzat", "别克扎提"),
    _e("Елдос", "Eldos", "叶勒多斯"), _e("Сұлтан", "Sultan", "苏力坦"),
    _e("Ғабит", "Gabit", "哈比提"), _e("Құрманғали", "Kurmangali", "库尔曼哈力"),
    _e("Әбділда", "Abdilda", "阿布迪勒达"), _e("Ерғазы", "Ergazy", "叶尔哈孜"),
    _e("Қалибек", "Kalibek", "卡力别克"), _e("Омарбек", "Omarbek", "吾马尔别克"),
]
_KK_MALE_PREFIX = [
    _e("Ер", "Er", "叶尔"), _e("Нұр", "Nur", "努尔"), _e("Дос", "Dos", "多斯"),
    _e("Бек", "Bek", "别克"), _e("Жан", "Zhan", "江"), _e("Қайыр", "Kaiyr", "开依尔"),
    _e("Серік", "Serik", "赛力克"), _e("Мұрат", "Murat", "木拉提"),
]
_KK_MALE_SUFFIX = [
    _e("бол", "bol", "波力"), _e("жан", "zhan", "江"), _e("бек", "bek", "别克"),
    _e("болат", "bolat", "波拉提"), _e("хан", "khan", "汗"), _e("тай", "tai", "泰"),
    _e("ғали", "gali", "哈力"), _e("назар", "nazar", "纳扎尔"),
]
KK_MALE = _compose(_KK_MALE_BASE, _KK_MALE_PREFIX, _KK_MALE_SUFFIX, skip=())

_KK_FEMALE_BASE = [
    _e("Айгүл", "Aigul", "阿依古丽"), _e("Гүлнар", "Gulnar", "古丽娜尔"),
    _e("Сәуле", "Saule", "萨吾列"), _e("Жанар", "Zhanar", "加娜尔"),
    _e("Динара", "Dinara", "迪娜拉"), _e("Әйгерім", "Aigerim", "阿依格林"),
    _e("Ботагөз", "Botagoz", "波塔古孜"), _e("Гүлмира", "Gulmira", "古丽米拉"),
    _e("Меруерт", "Meruert", "麦鲁尔特"), _e("Назира", "Nazira", "纳孜拉"),
    _e("Роза", "Roza", "柔扎"), _e("Сандуғаш", "Sandugash", "散杜哈西"),
    _e("Мәдина", "Madina", "玛迪娜"), _e("Жібек", "Zhibek", "吉别克"),
    _e("Қарлығаш", "Karlygash", "卡尔勒哈西"), _e("Ләззат", "Lazzat", "拉扎提"),
    _e("Шынар", "Shynar", "希娜尔"), _e("Гүлбахрам", "Gulbakhram", "古丽巴合拉木"),
    _e("Күләш", "Kulash", "库拉西"), _e("Бибігүл", "Bibigul", "比比古丽"),
    _e("Арайлым", "Arailym", "阿拉依勒木"), _e("Салтанат", "Saltanat", "萨尔塔娜提"),
    _e("Гаухар", "Gaukhar", "高哈尔"), _e("Зәуре", "Zaure", "扎吾热"),
    _e("Мөлдір", "Moldir", "莫勒迪尔"), _e("Қымбат", "Kymbat", "克木巴提"),
    _e("Ақмарал", "Akmaral", "阿克玛拉勒"), _e("Жамал", "Zhamal", "加玛丽"),
    _e("Бақытгүл", "Bakytgul", "巴合提古丽"), _e("Анар", "Anar", "阿娜尔"),
    _e("Сара", "Sara", "萨拉"), _e("Ұлжан", "Ulzhan", "吾勒加"),
    _e("Нұрсұлу", "Nursulu", "努尔苏鲁"), _e("Қалима", "Kalima", "卡力玛"),
]
_KK_FEMALE_PREFIX = [
    _e("Ай", "Ai", "阿依"), _e("Гүл", "Gul", "古丽"), _e("Ақ", "Ak", "阿克"),
    _e("Бал", "Bal", "巴勒"), _e("Күн", "Kun", "昆"), _e("Нұр", "Nur", "努尔"),
]
_KK_FEMALE_SUFFIX = [
    _e("гүл", "gul", "古丽"), _e("сұлу", "sulu", "苏鲁"), _e("нұр", "nur", "努尔"),
    _e("жан", "zhan", "江"), _e("ару", "aru", "阿如"), _e("шат", "shat", "夏提"),
]
# Нұржан is a man's name; Гүлгүл and Нұрнұр are not names at all.
KK_FEMALE = _compose(_KK_FEMALE_BASE, _KK_FEMALE_PREFIX, _KK_FEMALE_SUFFIX, skip=("Нұржан",))

_KY_MALE = (
    _e("Азамат", "Azamat", "阿扎马提"), _e("Бакыт", "Bakyt", "巴克特"),
    _e("Нурлан", "Nurlan", "努尔兰"), _e("Эрлан", "Erlan", "艾尔兰"),
    _e("Тилек", "Tilek", "提列克"), _e("Улан", "Ulan", "乌兰"),
    _e("Болот", "Bolot", "波洛特"), _e("Мирлан", "Mirlan", "米尔兰"),
    _e("Канат", "Kanat", "卡纳特"), _e("Талант", "Talant", "塔兰特"),
    _e("Эрмек", "Ermek", "艾尔麦克"), _e("Алмаз", "Almaz", "阿勒玛孜"),
    _e("Бектур", "Bektur", "别克吐尔"), _e("Темир", "Temir", "铁米尔"),
    _e("Асан", "Asan", "阿散"), _e("Жакып", "Zhakyp", "加克普"),
    _e("Айбек", "Aibek", "艾别克"), _e("Медер", "Meder", "麦德尔"),
    _e("Нурбек", "Nurbek", "努尔别克"), _e("Курманбек", "Kurmanbek", "库尔曼别克"),
    _e("Максат", "Maksat", "玛克萨特"), _e("Садыр", "Sadyr", "萨迪尔"),
    _e("Жеңиш", "Zhenish", "热尼西"), _e("Өмүрбек", "Omurbek", "吾木尔别克"),
    _e("Үсөн", "Uson", "玉山"), _e("Токтосун", "Toktosun", "托合托逊"),
)
_KY_FEMALE = (
    _e("Айгүл", "Aigul", "阿依古丽"), _e("Жылдыз", "Zhyldyz", "吉勒德孜"),
    _e("Гүлзат", "Gulzat", "古丽扎提"), _e("Айпери", "Aiperi", "阿依佩丽"),
    _e("Нургүл", "Nurgul", "努尔古丽"), _e("Чолпон", "Cholpon", "乔力潘"),
    _e("Динара", "Dinara", "迪娜拉"), _e("Асел", "Asel", "阿赛丽"),
    _e("Бермет", "Bermet", "别尔麦特"), _e("Айзада", "Aizada", "阿依扎达"),
    _e("Мээрим", "Meerim", "美丽木"), _e("Айжан", "Aizhan", "阿依江"),
    _e("Назгүл", "Nazgul", "娜孜古丽"), _e("Бүбүсара", "Bubusara", "布布萨拉"),
    _e("Гүлмира", "Gulmira", "古丽米拉"), _e("Каныкей", "Kanykei", "卡尼凯"),
)

# Uyghur names are written once, in the Uyghur Latin script (ULY); Arabic and Cyrillic are
# derived by the regular ULY correspondences below (a generic transliterator such as anyascii
# does not know them, which is why the search code needs proper tables too).
_ULY_DIGRAPHS = ("ch", "gh", "ng", "sh", "zh")
_ULY_ARAB = {
    "a": "ا", "e": "ە", "é": "ې", "i": "ى", "o": "و", "u": "ۇ", "ö": "ۆ", "ü": "ۈ",
    "b": "ب", "p": "پ", "t": "ت", "j": "ج", "ch": "چ", "x": "خ", "d": "د", "r": "ر",
    "z": "ز", "zh": "ژ", "s": "س", "sh": "ش", "gh": "غ", "f": "ف", "q": "ق", "k": "ك",
    "g": "گ", "ng": "ڭ", "l": "ل", "m": "م", "n": "ن", "h": "ھ", "w": "ۋ", "y": "ي",
}
_ULY_CYR = {
    "a": "а", "e": "ә", "é": "е", "i": "и", "o": "о", "u": "у", "ö": "ө", "ü": "ү",
    "b": "б", "p": "п", "t": "т", "j": "җ", "ch": "ч", "x": "х", "d": "д", "r": "р",
    "z": "з", "zh": "ж", "s": "с", "sh": "ш", "gh": "ғ", "f": "ф", "q": "қ", "k": "к",
    "g": "г", "ng": "ң", "l": "л", "m": "м", "n": "н", "h": "һ", "w": "в", "y": "й",
}
_ULY_VOWELS = frozenset("aeéiouöü")
_ULY_FOLD = str.maketrans("éöüÉÖÜ", "eouEOU")


def _uly_units(word: str) -> list[str]:
    """Split a ULY word into letters, digraphs first (``sh`` is one letter, not s+h)."""
    w = word.lower()
    units: list[str] = []
    i = 0
    while i < len(w):
        if w[i : i + 2] in _ULY_DIGRAPHS:
            units.append(w[i : i + 2])
            i += 2
        else:
            units.append(w[i])
            i += 1
    return units


def uly_to_arabic(word: str) -> str:
    """ULY → Uyghur Arabic script (UEY).

    A vowel at the start of a word or after another vowel is written with the hamza carrier
    ``ئ`` — the one rule that makes ``Erkin`` come out as ``ئەركىن`` and not ``ەركىن``.
    """
    out: list[str] = []
    prev_vowel = True
    for u in _uly_units(word):
        is_vowel = u in _ULY_VOWELS
        if is_vowel and prev_vowel:
            out.append("ئ")
        out.append(_ULY_ARAB[u])
        prev_vowel = is_vowel
    return "".join(out)


def uly_to_cyrillic(word: str) -> str:
    """ULY → Uyghur Cyrillic (as used by Uyghurs in Kazakhstan); ``ya``/``yu`` → я/ю."""
    units = _uly_units(word)
    out: list[str] = []
    i = 0
    while i < len(units):
        u = units[i]
        nxt = units[i + 1] if i + 1 < len(units) else ""
        if u == "y" and nxt in ("a", "u"):
            out.append("я" if nxt == "a" else "ю")
            i += 2
            continue
        out.append(_ULY_CYR[u])
        i += 1
    s = "".join(out)
    return s[:1].upper() + s[1:]


def _ug(lat: str, cn: str) -> Elem:
    return Elem(uly_to_cyrillic(lat), lat, cn, uly_to_arabic(lat))


_UG_MALE_BASE = [
    _ug("Erkin", "艾尔肯"), _ug("Tursun", "吐尔逊"), _ug("Memet", "买买提"),
    _ug("Exmet", "艾合买提"), _ug("Abdulla", "阿不都拉"), _ug("Rozi", "肉孜"),
    _ug("Nurmemet", "努尔买买提"), _ug("Qurban", "库尔班"), _ug("Yasin", "亚森"),
    _ug("Hesen", "艾山"), _ug("Hüsen", "玉山"), _ug("Ömer", "吾买尔"),
    _ug("Ablimit", "阿不力米提"), _ug("Alim", "阿里木"), _ug("Ghopur", "吾甫尔"),
    _ug("Ilham", "伊力哈木"), _ug("Adil", "阿迪力"), _ug("Dilmurat", "迪力木拉提"),
    _ug("Perhat", "帕尔哈提"), _ug("Ekber", "艾克拜尔"), _ug("Tahir", "塔依尔"),
    _ug("Yüsüp", "玉素甫"), _ug("Obul", "吾布力"), _ug("Qadir", "卡德尔"),
    _ug("Mamut", "马木提"), _ug("Kérim", "克里木"), _ug("Ismayil", "伊斯马伊力"),
    _ug("Rishat", "热夏提"), _ug("Abliz", "阿不力孜"), _ug("Sawut", "沙吾提"),
    _ug("Mijit", "米吉提"), _ug("Toxti", "托合提"), _ug("Nijat", "尼加提"),
    _ug("Osman", "吾斯曼"), _ug("Yalqun", "亚力坤"), _ug("Mutellip", "木塔力甫"),
    _ug("Imin", "依明"), _ug("Enwer", "艾尼瓦尔"), _ug("Tohti", "托和提"),
    _ug("Abdukérim", "阿不都克里木"), _ug("Abduréhim", "阿不都热依木"),
    _ug("Abdushükür", "阿不都许库尔"), _ug("Abduwéli", "阿不都外力"),
    _ug("Abduqadir", "阿不都卡德尔"), _ug("Abdurahman", "阿不都热合曼"),
    _ug("Abdusalam", "阿不都萨拉木"), _ug("Abdujélil", "阿不都吉力力"),
]
UG_MALE = tuple(_UG_MALE_BASE)
UG_FEMALE = (
    _ug("Gülnar", "古丽娜尔"), _ug("Ayshem", "阿依先木"), _ug("Mehriban", "米热班"),
    _ug("Patigül", "帕提古丽"), _ug("Zöhre", "祖合热"), _ug("Aygül", "阿依古丽"),
    _ug("Rahile", "热依拉"), _ug("Arzugül", "阿尔祖古丽"), _ug("Mahire", "玛依热"),
    _ug("Nurgül", "努尔古丽"), _ug("Dilnur", "迪丽努尔"), _ug("Dilber", "迪丽拜尔"),
    _ug("Muyesser", "木也赛尔"), _ug("Sajide", "萨吉旦"), _ug("Nigare", "尼格拉"),
    _ug("Mihray", "米热依"), _ug("Reyhan", "热依汗"), _ug("Gülzar", "古丽扎尔"),
    _ug("Buhelchem", "布海丽切木"), _ug("Hebibe", "艾比拜"), _ug("Tajigül", "塔吉古丽"),
    _ug("Zulpiye", "祖力皮亚"), _ug("Aynur", "阿依努尔"), _ug("Amine", "阿米娜"),
    _ug("Hatiche", "哈提切"), _ug("Gülbahar", "古丽巴哈尔"), _ug("Meryem", "麦尔也姆"),
    _ug("Ayjamal", "阿依加马力"), _ug("Gülshen", "古丽仙"), _ug("Rizwangül", "热孜万古丽"),
)


class Syl(NamedTuple):
    """One Chinese syllable: character, pinyin, Palladius Cyrillic (used by Dungans/Hui)."""

    han: str
    py: str
    pal: str


def _s(han: str, py: str, pal: str) -> Syl:
    return Syl(han, py, pal)


HUI_SURNAMES = (
    _s("马", "ma", "ма"), _s("杨", "yang", "ян"), _s("李", "li", "ли"), _s("白", "bai", "бай"),
    _s("丁", "ding", "дин"), _s("何", "he", "хэ"), _s("韩", "han", "хань"), _s("苏", "su", "су"),
    _s("王", "wang", "ван"), _s("张", "zhang", "чжан"), _s("金", "jin", "цзинь"),
    _s("冶", "ye", "е"), _s("穆", "mu", "му"), _s("沙", "sha", "ша"), _s("纳", "na", "на"),
)
HUI_MALE_SYL = (
    _s("建", "jian", "цзянь"), _s("国", "guo", "го"), _s("文", "wen", "вэнь"),
    _s("明", "ming", "мин"), _s("海", "hai", "хай"), _s("福", "fu", "фу"),
    _s("成", "cheng", "чэн"), _s("平", "ping", "пин"), _s("军", "jun", "цзюнь"),
    _s("德", "de", "дэ"), _s("忠", "zhong", "чжун"), _s("学", "xue", "сюэ"),
    _s("伟", "wei", "вэй"), _s("强", "qiang", "цян"), _s("志", "zhi", "чжи"),
    _s("清", "qing", "цин"), _s("云", "yun", "юнь"), _s("林", "lin", "линь"),
    _s("华", "hua", "хуа"), _s("龙", "long", "лун"),
)
HUI_FEMALE_SYL = (
    _s("英", "ying", "ин"), _s("兰", "lan", "лань"), _s("秀", "xiu", "сю"),
    _s("梅", "mei", "мэй"), _s("玉", "yu", "юй"), _s("芳", "fang", "фан"),
    _s("红", "hong", "хун"), _s("霞", "xia", "ся"), _s("燕", "yan", "янь"),
    _s("丽", "li", "ли"), _s("萍", "ping", "пин"), _s("琴", "qin", "цинь"),
    _s("花", "hua", "хуа"), _s("凤", "feng", "фэн"), _s("娟", "juan", "цзюань"),
    _s("云", "yun", "юнь"),
)

# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------


class Locality(NamedTuple):
    """A real place with its names in English, Russian and Kazakh, and how often people of
    each group (K Kazakh, U Uyghur, Y Kyrgyz, H Hui) in the generated cases come from it."""

    en: str
    ru: str
    kk: str
    alt: str
    weights: tuple[int, int, int, int]


XJ_LOCALITIES = (
    Locality("Ürümqi", "Урумчи", "Үрімжі", "Urumqi", (2, 3, 1, 3)),
    Locality("Ghulja", "Кульджа", "Құлжа", "Yining", (4, 3, 0, 2)),
    Locality("Bole", "Боле", "Бөле", "Bortala", (4, 1, 0, 1)),
    Locality("Altay", "Алтай", "Алтай", "", (4, 0, 0, 0)),
    Locality("Tacheng", "Чугучак", "Шәуешек", "Chöchek", (3, 1, 0, 1)),
    Locality("Kashgar", "Кашгар", "Қашқар", "Kashi", (0, 4, 1, 0)),
    Locality("Hotan", "Хотан", "Хотан", "Khotan", (0, 3, 0, 0)),
    Locality("Aksu", "Аксу", "Ақсу", "", (0, 3, 1, 0)),
    Locality("Korla", "Корла", "Корла", "", (0, 2, 0, 1)),
    Locality("Karamay", "Карамай", "Қарамай", "", (1, 1, 0, 1)),
    Locality("Shihezi", "Шихэцзы", "Шихэцзы", "", (1, 0, 0, 1)),
    Locality("Turpan", "Турфан", "Тұрпан", "", (0, 2, 0, 0)),
    Locality("Kumul", "Кумул", "Құмыл", "Hami", (1, 1, 0, 1)),
    Locality("Changji", "Чанцзи", "Сәнжі", "", (1, 0, 0, 3)),
    Locality("Nilka", "Нилки", "Нылқы", "", (2, 0, 0, 0)),
    Locality("Tekes", "Текес", "Текес", "", (2, 0, 0, 0)),
    Locality("Künes", "Кюнес", "Күнес", "Xinyuan", (2, 0, 0, 0)),
    Locality("Mongolküre", "Монгулкуре", "Моңғолкүре", "Zhaosu", (2, 0, 1, 0)),
    Locality("Dorbiljin", "Дорбилджин", "Дөрбілжін", "Emin", (2, 0, 0, 0)),
    Locality("Koktokay", "Коктогай", "Көктоғай", "Fuyun", (2, 0, 0, 0)),
    Locality("Jeminay", "Жеменей", "Жеменей", "", (1, 0, 0, 0)),
    Locality("Toli", "Толи", "Толы", "", (1, 0, 0, 0)),
    Locality("Artux", "Артуш", "Артыш", "Atush", (0, 1, 3, 0)),
    Locality("Akto", "Акто", "Ақты", "", (0, 0, 2, 0)),
    Locality("Yanqi", "Яньци", "Қарашәһәр", "Qarasheher", (0, 1, 0, 2)),
)


class Home(NamedTuple):
    """Where a relative abroad lives: a place name in three languages and its country."""

    en: str
    ru: str
    kk: str
    region: str
    country: str


KZ_HOMES = (
    Home("Almaty", "Алматы", "Алматы", "", "KZ"),
    Home("Astana", "Астана", "Астана", "", "KZ"),
    Home("Shymkent", "Шымкент", "Шымкент", "", "KZ"),
    Home("Taldykorgan", "Талдыкорган", "Талдықорған", "Almaty Region", "KZ"),
    Home("Zharkent", "Жаркент", "Жаркент", "Almaty Region", "KZ"),
    Home("Oskemen", "Усть-Каменогорск", "Өскемен", "East Kazakhstan Region", "KZ"),
    Home("Zaisan", "Зайсан", "Зайсан", "East Kazakhstan Region", "KZ"),
    Home("Semey", "Семей", "Семей", "East Kazakhstan Region", "KZ"),
    Home("Taraz", "Тараз", "Тараз", "Zhambyl Region", "KZ"),
    Home("Kaskelen", "Каскелен", "Қаскелең", "Almaty Region", "KZ"),
    Home("Talgar", "Талгар", "Талғар", "Almaty Region", "KZ"),
    Home("Esik", "Есик", "Есік", "Almaty Region", "KZ"),
    Home("Narynkol", "Нарынкол", "Нарынқол", "Almaty Region", "KZ"),
    Home("Kegen", "Кеген", "Кеген", "Almaty Region", "KZ"),
    Home("Shonzhy", "Чунджа", "Шонжы", "Almaty Region", "KZ"),
    Home("Masanchi", "Масанчи", "Масаншы", "Zhambyl Region", "KZ"),
)
KG_HOMES = (
    Home("Bishkek", "Бишкек", "Бішкек", "", "KG"),
    Home("Osh", "Ош", "Ош", "", "KG"),
    Home("Karakol", "Каракол", "Қаракөл", "Issyk-Kul Region", "KG"),
    Home("Tokmok", "Токмок", "Тоқмақ", "Chuy Region", "KG"),
    Home("Naryn", "Нарын", "Нарын", "Naryn Region", "KG"),
    Home("Kara-Balta", "Кара-Балта", "Қарабалта", "Chuy Region", "KG"),
    Home("Talas", "Талас", "Талас", "Talas Region", "KG"),
    Home("Kant", "Кант", "Кант", "Chuy Region", "KG"),
)

# Facility kinds: English name patterns, Russian accusative/prepositional and Kazakh
# dative/locative phrases (names are never inflected; the generic noun carries the case).
FACILITY_KINDS: dict[str, tuple[tuple[str, ...], str, str, str, str]] = {
    "detention": (
        ("{loc} Detention Center", "{loc} County Detention Center",
         "{loc} No. {n} Detention Center", "{loc} Pretrial Detention Facility"),
        "следственный изолятор", "следственном изоляторе",
        "тергеу изоляторына", "тергеу изоляторында",
    ),
    "camp": (
        ("Political training center No. {n}", "{loc} Political Training Center",
         "{loc} Re-education Camp No. {n}", "{loc} Transformation-through-Education Center"),
        "лагерь политического перевоспитания", "лагере политического перевоспитания",
        "саяси тәрбиелеу лагеріне", "саяси тәрбиелеу лагерінде",
    ),
    "vocational": (
        ("{loc} Vocational Skills Education and Training Center",
         "{loc} Vocational Training Center No. {n}"),
        "так называемый «центр профессионального обучения»",
        "так называемом «центре профессионального обучения»",
        "«кәсіптік оқыту орталығы» деп аталатын жерге",
        "«кәсіптік оқыту орталығы» деп аталатын жерде",
    ),
    "prison": (
        ("{loc} Prison", "{loc} Prison No. {n}"),
        "тюрьму", "тюрьме", "түрмеге", "түрмеде",
    ),
}

CHARGES = (
    "separatism", "extremism", "inciting ethnic hatred", "illegal religious activity",
    "contact with foreign forces", "travel to a sensitive country", "using WhatsApp",
    "picking quarrels and provoking trouble", "possession of religious materials",
)

OCCUPATIONS = (  # English, Russian instrumental ("работал кем?"), Kazakh
    ("teacher", "учителем", "мұғалім"), ("herder", "пастухом", "малшы"),
    ("farmer", "фермером", "диқан"), ("driver", "водителем", "жүргізуші"),
    ("doctor", "врачом", "дәрігер"), ("imam", "имамом", "имам"),
    ("trader", "торговцем", "саудагер"), ("engineer", "инженером", "инженер"),
    ("accountant", "бухгалтером", "бухгалтер"), ("journalist", "журналистом", "журналист"),
    ("musician", "музыкантом", "музыкант"), ("student", "студентом", "студент"),
    ("construction worker", "строителем", "құрылысшы"),
    ("civil servant", "госслужащим", "мемлекеттік қызметкер"),
    ("entrepreneur", "предпринимателем", "кәсіпкер"), ("writer", "писателем", "жазушы"),
    ("cook", "поваром", "аспаз"), ("veterinarian", "ветеринаром", "мал дәрігері"),
)

ETHNICITY = {"K": "Kazakh", "U": "Uyghur", "Y": "Kyrgyz", "H": "Hui"}

# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_EPOCH = dt.date(2016, 1, 1).toordinal()
_EVENT_END = dt.date(2021, 6, 30).toordinal()
_TESTIMONY_END = dt.date(2021, 9, 30).toordinal()
_APPEAL_END = dt.date(2021, 11, 30).toordinal()
_LAST_DAY = dt.date(2021, 12, 31).toordinal()

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_RU_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря")
MONTHS_RU_PREP = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
                  "сентябре", "октябре", "ноябре", "декабре")
MONTHS_RU_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                 "сентябрь", "октябрь", "ноябрь", "декабрь")
MONTHS_KK = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
             "қыркүйек", "қазан", "қараша", "желтоқсан")


class When(NamedTuple):
    """A generated date: its EDTF text plus what a narrative needs to say it in words.

    ``kind``: day, month, approx (month~), year, uncertain (year?), dayq (day?), interval,
    none. ``end`` is the day ordinal of the interval end (or of ``day`` otherwise).
    """

    kind: str
    day: int
    end: int
    edtf: str


def _d(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def _edtf_day(o: int) -> str:
    return _d(o).isoformat()


def _edtf_month(o: int) -> str:
    return _d(o).isoformat()[:7]


_DATE_KINDS = ("day", "month", "approx", "year", "uncertain", "dayq", "interval", "none")
_DATE_WEIGHTS = (28, 28, 13, 5, 6, 3, 12, 5)
_DATE_TABLE = tuple(k for k, w in zip(_DATE_KINDS, _DATE_WEIGHTS, strict=True) for _ in range(w))


def _when(rng: random.Random, day: int, *, allow_none: bool = True) -> When:
    """Pick how precisely a relative remembers the day ``day`` and render it as EDTF."""
    kind = _pick(rng, _DATE_TABLE)
    if kind == "none" and not allow_none:
        kind = "month"
    if kind == "day":
        return When(kind, day, day, _edtf_day(day))
    if kind == "month":
        return When(kind, day, day, _edtf_month(day))
    if kind == "approx":
        return When(kind, day, day, _edtf_month(day) + "~")
    if kind == "year":
        return When(kind, day, day, str(_d(day).year))
    if kind == "uncertain":
        return When(kind, day, day, f"{_d(day).year}?")
    if kind == "dayq":
        return When(kind, day, day, _edtf_day(day) + "?")
    if kind == "interval":
        end = min(day + _int(rng, 31, 130), _EVENT_END)
        if _edtf_month(end) == _edtf_month(day):
            return When("month", day, day, _edtf_month(day))
        return When(kind, day, end, f"{_edtf_month(day)}/{_edtf_month(end)}")
    return When("none", day, day, "")


def _date_en(w: When) -> str:
    d = _d(w.day)
    if w.kind in ("day", "dayq"):
        s = f"on {d.day} {MONTHS_EN[d.month - 1]} {d.year}"
        return s if w.kind == "day" else "probably " + s
    if w.kind == "month":
        return f"in {MONTHS_EN[d.month - 1]} {d.year}"
    if w.kind == "approx":
        return f"around {MONTHS_EN[d.month - 1]} {d.year}"
    if w.kind == "year":
        return f"in {d.year}"
    if w.kind == "uncertain":
        return f"probably in {d.year}"
    if w.kind == "interval":
        e = _d(w.end)
        if e.year == d.year:
            return f"between {MONTHS_EN[d.month - 1]} and {MONTHS_EN[e.month - 1]} {d.year}"
        return (f"between {MONTHS_EN[d.month - 1]} {d.year} "
                f"and {MONTHS_EN[e.month - 1]} {e.year}")
    return "at some point"


def _date_ru(w: When) -> str:
    d = _d(w.day)
    if w.kind in ("day", "dayq"):
        s = f"{d.day} {MONTHS_RU_GEN[d.month - 1]} {d.year} года"
        return s if w.kind == "day" else "предположительно " + s
    if w.kind == "month":
        return f"в {MONTHS_RU_PREP[d.month - 1]} {d.year} года"
    if w.kind == "approx":
        return f"примерно в {MONTHS_RU_PREP[d.month - 1]} {d.year} года"
    if w.kind == "year":
        return f"в {d.year} году"
    if w.kind == "uncertain":
        return f"предположительно в {d.year} году"
    if w.kind == "interval":
        e = _d(w.end)
        if e.year == d.year:
            return (f"в период с {MONTHS_RU_GEN[d.month - 1]} "
                    f"по {MONTHS_RU_NOM[e.month - 1]} {d.year} года")
        return (f"в период с {MONTHS_RU_GEN[d.month - 1]} {d.year} года "
                f"по {MONTHS_RU_NOM[e.month - 1]} {e.year} года")
    return "в какой-то момент"


def _date_kk(w: When) -> str:
    d = _d(w.day)
    if w.kind in ("day", "dayq"):
        s = f"{d.year} жылғы {d.day} {MONTHS_KK[d.month - 1]} күні"
        return s if w.kind == "day" else "шамасы " + s
    if w.kind == "month":
        return f"{d.year} жылдың {MONTHS_KK[d.month - 1]} айында"
    if w.kind == "approx":
        return f"шамамен {d.year} жылдың {MONTHS_KK[d.month - 1]} айында"
    if w.kind == "year":
        return f"{d.year} жылы"
    if w.kind == "uncertain":
        return f"шамасы {d.year} жылы"
    if w.kind == "interval":
        e = _d(w.end)
        if e.year == d.year:
            return (f"{d.year} жылдың {MONTHS_KK[d.month - 1]} айы мен "
                    f"{MONTHS_KK[e.month - 1]} айы аралығында")
        return (f"{d.year} жылдың {MONTHS_KK[d.month - 1]} айы мен {e.year} жылдың "
                f"{MONTHS_KK[e.month - 1]} айы аралығында")
    return "белгісіз бір уақытта"


_DATE_WORDS = {"en": _date_en, "ru": _date_ru, "kk": _date_kk}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _pick(rng: random.Random, seq: Sequence[_T]) -> _T:
    """``rng.choice`` at a fraction of the cost (one C call instead of a bit-exact loop).

    The generator makes ~100 random choices per case; with ``choice``/``randint`` they were
    a third of the run time. Uniformity up to float rounding is all a benchmark needs.
    """
    return seq[int(rng.random() * len(seq))]


def _int(rng: random.Random, a: int, b: int) -> int:
    """A uniform integer in ``[a, b]`` (like ``randint``), cheaply; see :func:`_pick`."""
    return a + int(rng.random() * (b - a + 1))


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


class Identity(NamedTuple):
    """Who a person is, independent of how a given document spells it.

    ``root`` is the father's name for Turkic patronymics (or the inherited root of a
    Russian-style surname), the family name for Hui. ``style`` picks the surname form:
    ``kk`` (Сапарұлы), ``ky`` (Бакыт уулу), ``ug`` (Erkin Tursun), ``ru`` (Сапаров), ``zh``.
    """

    eth: str
    male: bool
    given: tuple[Elem, ...] | tuple[Syl, ...]
    root: Elem | Syl
    style: str
    birth_year: int


class Rendered(NamedTuple):
    """A person's names for the case file and the two forms narratives quote."""

    names: list[dict[str, Any]]
    latin: str
    cyrillic: str


_RU_VOWELS = frozenset("аеёиоуыэюяәіұүөАЕЁИОУЫЭЮЯӘІҰҮӨ")


def _ru_surname(root: Elem, male: bool) -> tuple[str, str]:
    """Russian-style surname from a root name: Сапар → Сапаров/Сапарова, Ғали → Ғалиев,
    Жұмабай → Жұмабаев, Ерғазы → Ерғазиев (the forms Soviet registry offices produced)."""
    c, lat = root.cyr, root.lat
    last = c[-1]
    if last == "й":
        c, lat, suf_c, suf_l = c[:-1], lat[:-1], "ев", "ev"
    elif last in "ыі":
        c, lat, suf_c, suf_l = c[:-1] + "и", lat[:-1] + "i", "ев", "ev"
    elif last in _RU_VOWELS or last in "жшчщц":
        suf_c, suf_l = "ев", "ev"
    else:
        suf_c, suf_l = "ов", "ov"
    if not male:
        suf_c += "а"
        suf_l += "a"
    return c + suf_c, lat + suf_l


def _name(value: str, script: str, lang: str | None) -> dict[str, Any]:
    d: dict[str, Any] = {"value": value, "script": script}
    if lang is not None:
        d["lang"] = lang
    return d


def _latin_variant(rng: random.Random, s: str) -> str:
    """Another common Latin spelling of the same name (Yerlan for Erlan, Zhanar → Janar):
    the kind of difference HQ has to see through when it merges duplicate reports."""
    r = rng.random()
    if r < 0.35 and s[:1] == "E":
        return "Ye" + s[1:]
    if r < 0.65 and "zh" in s.lower():
        return s.replace("Zh", "J").replace("zh", "j")
    if "kh" in s:
        return s.replace("kh", "h")
    return s.replace("y", "i") if "y" in s else s


def render(ident: Identity, *, detained: bool, rng: random.Random) -> Rendered:
    """Write an identity's names the way a case file would carry them.

    Detained people get every script a relative could supply (their Chinese ID name is what
    the authorities use; the Uyghur Arabic form is what the family writes); relatives abroad
    mostly have Cyrillic, sometimes a Latin passport form.
    """
    names: list[dict[str, Any]] = []
    if ident.eth == "H":
        sur = ident.root
        assert isinstance(sur, Syl)
        given = [g for g in ident.given if isinstance(g, Syl)]
        han = sur.han + "".join(g.han for g in given)
        lat = _cap(sur.py) + " " + _cap("".join(g.py for g in given))
        cyr = _cap(sur.pal) + " " + _cap("".join(g.pal for g in given))
        if detained:
            names.append(_name(han, "Hans", "zh"))
            names.append(_name(lat, "Latn", None))
            if rng.random() < 0.7:
                names.append(_name(cyr, "Cyrl", "ru"))
        else:
            names.append(_name(cyr, "Cyrl", "ru"))
            if rng.random() < 0.3:
                names.append(_name(lat, "Latn", None))
        return Rendered(names, lat, cyr)

    g = ident.given[0]
    root = ident.root
    assert isinstance(g, Elem) and isinstance(root, Elem)
    male = ident.male
    style = ident.style
    if style == "kk":
        cyr = f"{g.cyr} {root.cyr}{'ұлы' if male else 'қызы'}"
        lat = f"{g.lat} {root.lat}{'uly' if male else 'kyzy'}"
    elif style == "ky":
        cyr = f"{g.cyr} {root.cyr} {'уулу' if male else 'кызы'}"
        lat = f"{g.lat} {root.lat} {'uulu' if male else 'kyzy'}"
    elif style == "ug":
        cyr = f"{g.cyr} {root.cyr}"
        lat = f"{g.lat} {root.lat}"
    else:  # ru
        sc, sl = _ru_surname(root, male)
        cyr = f"{g.cyr} {sc}"
        lat = f"{g.lat} {sl}"
        if ident.eth == "U":  # a Kazakhstan passport has no ULY diacritics: Abdukerimova
            lat = lat.translate(_ULY_FOLD)
    cyr_lang = {"K": "kk", "U": "ug", "Y": "ky"}[ident.eth]
    han = f"{g.cn}·{root.cn}"
    if detained:
        if ident.eth == "U":
            names.append(_name(f"{g.arab} {root.arab}", "Arab", "ug"))
            names.append(_name(lat, "Latn", None))
            if rng.random() < 0.6:
                names.append(_name(cyr, "Cyrl", cyr_lang))
        else:
            names.append(_name(cyr, "Cyrl", cyr_lang))
            names.append(_name(lat, "Latn", None))
            if rng.random() < 0.12:
                names.append(_name(_latin_variant(rng, lat), "Latn", None))
        if rng.random() < 0.88:
            names.append(_name(han, "Hans", "zh"))
    else:
        names.append(_name(cyr, "Cyrl", cyr_lang))
        if rng.random() < 0.35:
            names.append(_name(lat, "Latn", None))
    return Rendered(names, lat, cyr)


def _given_pool(eth: str, male: bool) -> tuple[Elem, ...]:
    if eth == "K":
        return KK_MALE if male else KK_FEMALE
    if eth == "U":
        return UG_MALE if male else UG_FEMALE
    return _KY_MALE if male else _KY_FEMALE


def _father_pool(eth: str) -> tuple[Elem, ...]:
    return {"K": KK_MALE, "U": UG_MALE, "Y": _KY_MALE}[eth]


def new_identity(
    rng: random.Random, eth: str, male: bool, birth_year: int, *, abroad: bool,
    root: Elem | Syl | None = None, given: Elem | None = None,
) -> Identity:
    """Invent a person; ``root``/``given`` tie relatives together (a son's patronymic is his
    father's given name; siblings share a root). ``abroad`` people more often use
    Russian-style surnames, as Kazakhstan's and Kyrgyzstan's registries wrote them."""
    if eth == "H":
        sur = root if isinstance(root, Syl) else _pick(rng, HUI_SURNAMES)
        pool = HUI_MALE_SYL if male else HUI_FEMALE_SYL
        n = 1 if rng.random() < 0.25 else 2
        syls = tuple(rng.sample(pool, n))
        return Identity(eth, male, syls, sur, "zh", birth_year)
    g = given if given is not None else _pick(rng, _given_pool(eth, male))
    r = root if isinstance(root, Elem) else _pick(rng, _father_pool(eth))
    native = {"K": "kk", "U": "ug", "Y": "ky"}[eth]
    p_ru = 0.55 if abroad else (0.08 if eth == "U" else 0.3)
    style = "ru" if rng.random() < p_ru else native
    return Identity(eth, male, (g,), r, style, birth_year)


# --------------------------------------------------------------------------------------------
# Narratives
# --------------------------------------------------------------------------------------------

# Kinship as the *testifier* names the detained person ("my husband"), by relationship kind
# (what the testifier is to the detained) and the detained person's sex.
REL_WORDS: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "spouse": (("husband", "wife"), ("мой муж", "моя жена"), ("күйеуім", "әйелім")),
    "parent": (("son", "daughter"), ("мой сын", "моя дочь"), ("ұлым", "қызым")),
    "child": (("father", "mother"), ("мой отец", "моя мать"), ("әкем", "анам")),
    "sibling": (("brother", "sister"), ("мой брат", "моя сестра"), ("бауырым", "әпкем")),
    "grandparent": (("grandson", "granddaughter"), ("мой внук", "моя внучка"),
                    ("немерем", "немерем")),
    "grandchild": (("grandfather", "grandmother"), ("мой дедушка", "моя бабушка"),
                   ("атам", "әжем")),
    "relative": (("relative", "relative"), ("мой родственник", "моя родственница"),
                 ("туысым", "туысым")),
    "friend": (("friend", "friend"), ("мой друг", "моя подруга"), ("досым", "досым")),
    "colleague": (("colleague", "colleague"), ("мой коллега", "моя коллега"),
                  ("әріптесім", "әріптесім")),
    "neighbour": (("neighbour", "neighbour"), ("мой сосед", "моя соседка"),
                  ("көршім", "көршім")),
    "other": (("acquaintance", "acquaintance"), ("мой знакомый", "моя знакомая"),
              ("танысым", "танысым")),
}

# Event sentences: {date} is the spoken date, {place} a locality name in the narrative's
# language, {fac_*} a facility phrase; Russian gender endings via {a}, {on}, {ego}, ...
EVENT_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "summoned": (
        ("{Date}, {he} was summoned by the {authority} \"for a conversation\".",
         "{Date}, officers of the {authority} called {him} in for what they said was "
         "a short talk."),
        ("{Date} {ego} вызвали в полицию в городе {place} «на беседу».",
         "{Date} сотрудники госбезопасности пригласили {ego} «поговорить» в городе {place}."),
        ("{Date} ол {place} қаласындағы полиция бөлімшесіне «әңгімелесуге» шақырылды.",
         "{Date} мемлекеттік қауіпсіздік қызметкерлері оны {place} қаласында «сұхбатқа» "
         "шақырды."),
    ),
    "detained": (
        ("{Date}, {he} was detained in {place} and taken to {facility}.",
         "{Date}, police detained {him} in {place}; later we heard {he} was held in "
         "{facility}."),
        ("{Date} {on} был{a} задержан{a} в городе {place} и помещен{a} в {fac_acc}.",
         "{Date} {ego} задержали в городе {place}, позже мы узнали, что {on} находится "
         "в {fac_prep}."),
        ("{Date} ол {place} қаласында ұсталып, {fac_dat} қамалды.",
         "{Date} оны {place} қаласында полиция ұстады, кейін оның {fac_loc} отырғанын "
         "білдік."),
    ),
    "arrested": (
        ("{Date}, {he} was formally arrested; the charges were never explained to the family.",),
        ("{Date} {ego} официально арестовали, но семье так и не объяснили, в чём {ego} "
         "обвиняют.",),
        ("{Date} ол ресми түрде тұтқындалды, бірақ отбасына қандай айып тағылғанын "
         "түсіндірмеді.",),
    ),
    "transferred": (
        ("{Date}, we learned that {he} had been transferred to {facility}.",),
        ("{Date} мы узнали, что {ego} перевели в {fac_acc} в городе {place}.",),
        ("{Date} оны {place} қаласындағы {fac_dat} ауыстырғанын білдік.",),
    ),
    "sentenced": (
        ("{Date}, {he} was sentenced to {years} years in prison; the family learned it "
         "only later.",
         "{Date}, a court sentenced {him} to {years} years in prison."),
        ("{Date} {ego} приговорили к {years} годам лишения свободы.",
         "{Date} суд приговорил {ego} к {years} годам заключения, семья узнала об этом позже."),
        ("{Date} ол {years} жылға бас бостандығынан айырылды.",
         "{Date} сот оған {years} жыл түрме жазасын кесті, отбасы бұны кейін білді."),
    ),
    "released": (
        ("{Date}, {he} was released but remains under surveillance and cannot leave {place}.",),
        ("{Date} {ego} освободили, но {on} по-прежнему под надзором и не может выехать "
         "из города {place}.",),
        ("{Date} ол босатылды, бірақ әлі де бақылауда және {place} қаласынан шыға алмайды.",),
    ),
    "deceased": (
        ("{Date}, the family was told that {he} had died in custody.",),
        ("{Date} семье сообщили, что {on} {died} под стражей.",),
        ("{Date} отбасына оның қамауда қайтыс болғаны хабарланды.",),
    ),
    "last-contact": (
        ("The last time we spoke to {him} was {date}, by WeChat video.",),
        ("В последний раз мы говорили с {nim} {date} по видеосвязи в WeChat.",),
        ("Біз онымен соңғы рет {date} WeChat арқылы сөйлестік.",),
    ),
    "disappeared": (
        ("{Date}, all contact was lost and {his} whereabouts are unknown.",),
        ("{Date} связь с {nim} прервалась, и {ego} местонахождение неизвестно.",),
        ("{Date} онымен байланыс үзілді, қазір қайда екені белгісіз.",),
    ),
    "passport-confiscated": (
        ("{Date}, the police in {place} confiscated {his} passport, so {he} could not "
         "travel to {home_country}.",),
        ("{Date} полиция в городе {place} изъяла {ego} паспорт, и {on} не {could} выехать "
         "в {country_ru_acc}.",),
        ("{Date} {place} қаласының полициясы оның төлқұжатын тәркілеп алды, сондықтан ол "
         "{country_kk_dat} бара алмады.",),
    ),
    "family-harassed": (
        ("{Date}, relatives who stayed in {place} were questioned by the police and warned "
         "not to talk to us.",),
        ("{Date} родственников, оставшихся в городе {place}, допросила полиция и "
         "предупредила, чтобы они не общались с нами.",),
        ("{Date} {place} қаласында қалған туыстарымызды полиция жауапқа алып, бізбен "
         "байланыспауды ескертті.",),
    ),
    "other": (
        ("{Date}, officials searched {his} home in {place} and took away books and phones.",),
        ("{Date} сотрудники обыскали {ego} дом в городе {place} и забрали книги и телефоны.",),
        ("{Date} шенеуніктер {place} қаласындағы үйін тінтіп, кітаптар мен телефондарды "
         "алып кетті.",),
    ),
}

INTRO = (
    ("My name is {tname}. I live in {res}.", "I am giving this testimony about my {rel} {dname}."),
    ("Меня зовут {tname}. Я живу в городе {res}.", "{Dname} — {rel}."),
    ("Менің атым {tname}. Мен {res} қаласында тұрамын.", "{dname} — менің {rel}."),
)
INTRO_WITNESS = (
    ("My name is {tname}. I live in {res}.",
     "I was held in {facility} myself and I saw {dname} there."),
    ("Меня зовут {tname}. Я живу в городе {res}.",
     "Я сам{sa} содержал{s_sya} в {fac_prep} и видел{sa} там человека по имени {dname}."),
    ("Менің атым {tname}. Мен {res} қаласында тұрамын.",
     "Мен өзім {fac_loc} болдым және {dname} есімді адамды сол жерде көрдім."),
)
BACKGROUND = (
    "{Dname} was born in {byear} in {bplace} and worked as {occ_en_a}.",
    "{Dname} {born} в {byear} году в городе {bplace} и работал{a} {occ_ru}.",
    "{Dname} {byear} жылы {bplace} қаласында туған, {occ_kk} болып жұмыс істеген.",
)
# Filler sentences, one row per meaning: (conditions, en, ru, kk). A row is used only when
# all its conditions hold, so a narrative never asks whether someone who died in custody is
# alive, or mentions a camp in a prison case. Conditions: family (told by a relative, not a
# witness), spouse, moved (the detained person had settled abroad), open (fate unknown or
# still held), camp (a camp or "vocational centre" is among the events).
FILLERS: tuple[tuple[frozenset[str], str, str, str], ...] = tuple(
    (frozenset(cond.split()), en, ru, kk)
    for cond, en, ru, kk in (
        ("moved",
         "{He_cap} moved to {home_country} in {moved} and received a residence permit.",
         "{On_cap} переехал{a} в {country_ru_acc} в {moved} году и получил{a} вид на жительство.",
         "Ол {moved} жылы {country_kk_dat} көшіп келіп, ықтиярхат алған."),
        ("family moved",
         "In {visit} {he} travelled back to {bplace} to visit {his} elderly parents.",
         "В {visit} году {on} поехал{a} в город {bplace}, чтобы навестить пожилых родителей.",
         "{visit} жылы ол қарт ата-анасын көру үшін {bplace} қаласына барған."),
        ("moved",
         "{His_cap} residence permit in {home_country} has since expired.",
         "Срок {ego} вида на жительство в {country_ru_prep} уже истёк.",
         "Оның {country_kk_adj} ықтиярхатының мерзімі өтіп кетті."),
        ("family",
         "I wrote to the Chinese embassy several times but never received an answer.",
         "Я несколько раз писал{sa} в посольство Китая, но так и не получил{sa} ответа.",
         "Мен Қытай елшілігіне бірнеше рет хат жаздым, бірақ ешқандай жауап алмадым."),
        ("family camp open",
         "The police told relatives that {he} was \"studying\" and would come home soon.",
         "Полиция сказала родственникам, что {on} «учится» и скоро вернётся домой.",
         "Полиция туыстарымызға оның «оқып жатқанын» және жақында үйге оралатынын айтты."),
        ("",
         "{He_cap} has never been involved in politics and only sometimes went to the mosque.",
         "{On_cap} никогда не участвовал{a} в политике и лишь иногда ходил{a} в мечеть.",
         "Ол ешқашан саясатпен айналыспаған, мешітке де анда-санда ғана баратын."),
        ("family open",
         "We know nothing about the state of {his} health.",
         "Мы ничего не знаем о состоянии {ego} здоровья.",
         "Оның денсаулығы туралы ешқандай мәлімет жоқ."),
        ("family",
         "Relatives back home are afraid to talk to us on the phone.",
         "Родственники на родине боятся говорить с нами по телефону.",
         "Елдегі туыстарымыз бізбен телефонмен сөйлесуге қорқады."),
        ("",
         "I am giving this testimony so that {his} name is not forgotten.",
         "Я даю эти показания, чтобы {ego} имя не было забыто.",
         "Мен бұл куәлікті оның есімі ұмытылмасын деп беріп отырмын."),
        ("open",
         "I ask the Ministry of Foreign Affairs to find out where {he} is and to help {him} "
         "come home.",
         "Прошу Министерство иностранных дел выяснить, где {on} находится, и помочь {emu} "
         "вернуться домой.",
         "Сыртқы істер министрлігінен оның қайда екенін анықтап, үйге оралуына "
         "көмектесуді сұраймын."),
        ("family",
         "Other people from the same village were also taken at that time.",
         "В то же время из нашего села забрали и других людей.",
         "Сол кезде біздің ауылдан басқа да адамдар ұсталды."),
        ("family camp",
         "A former detainee who was released later said they had seen {him} in the camp.",
         "Позже один освобождённый человек рассказал, что видел {ego} в лагере.",
         "Кейін босатылған бір адам оны лагерьде көргенін айтты."),
        ("family open",
         "We have been waiting for news for a very long time.",
         "Мы очень долго ждём хоть каких-то известий.",
         "Біз көп уақыттан бері хабар күтіп жүрміз."),
        ("spouse open",
         "Every day the children ask when {he} will come back.",
         "Каждый день дети спрашивают, когда {on} вернётся.",
         "Балалар күн сайын оның қашан оралатынын сұрайды."),
        ("family",
         "The authorities have never given us any document about the detention.",
         "Власти так и не выдали нам ни одного документа о задержании.",
         "Билік бізге оның ұсталғаны туралы ешқандай құжат берген жоқ."),
        ("family open",
         "{His_cap} phone was switched off and {his} WeChat account was deleted.",
         "{Ego_cap} телефон отключён, а аккаунт в WeChat удалён.",
         "Оның телефоны өшірілген, WeChat парақшасы жойылған."),
        ("family",
         "I have written to the Ministry of Foreign Affairs of {home_country} several times.",
         "Я несколько раз обращал{s_sya} в Министерство иностранных дел {country_ru_gen}.",
         "Мен {country_kk_nom} Сыртқы істер министрлігіне бірнеше рет өтініш жаздым."),
        ("family open",
         "We only want to know that {he} is alive.",
         "Мы хотим только знать, что {on} жив{a}.",
         "Біз тек оның тірі екенін білгіміз келеді."),
        ("family",
         "Since then life has become very hard for our family.",
         "После этого жизнь нашей семьи стала очень тяжёлой.",
         "Осыдан кейін отбасымыздың тұрмысы өте қиындады."),
        ("",
         "My own health has got worse and I cannot sleep at night.",
         "У меня ухудшилось здоровье, я не могу спать по ночам.",
         "Менің денсаулығым нашарлап кетті, түнде ұйықтай алмаймын."),
        ("camp",
         "People in the camp were made to sing songs and learn Chinese every day.",
         "В лагере людей каждый день заставляли петь песни и учить китайский язык.",
         "Лагерьде адамдарды күн сайын ән айтуға және қытай тілін үйренуге мәжбүрледі."),
        ("family",
         "I have never received any explanation of why {he} was taken.",
         "Мне так и не объяснили, за что {ego} забрали.",
         "Оны не үшін алып кеткенін маған ешкім түсіндірмеді."),
        ("family",
         "Before this happened, {he} called us every week.",
         "До этого {on} звонил{a} нам каждую неделю.",
         "Бұған дейін ол бізге апта сайын хабарласып тұратын."),
        ("open",
         "We fear for {his} life.",
         "Мы боимся за {ego} жизнь.",
         "Біз оның өмірі үшін қорқамыз."),
        ("",
         "Many families from our region are in the same situation.",
         "Многие семьи из нашего района находятся в таком же положении.",
         "Біздің өңірдегі көптеген отбасы осындай жағдайда."),
        ("witness",
         "In the camp we were not allowed to speak our own language.",
         "В лагере нам запрещали говорить на родном языке.",
         "Лагерьде бізге ана тілімізде сөйлеуге тыйым салынды."),
        ("witness",
         "We were interrogated at night and the lights were never switched off.",
         "Нас допрашивали по ночам, а свет в камере никогда не выключали.",
         "Бізді түнде жауапқа алатын, камерадағы жарық ешқашан сөндірілмейтін."),
        ("witness",
         "There were about twenty people in one cell.",
         "В одной камере находилось около двадцати человек.",
         "Бір камерада жиырмаға жуық адам болды."),
        ("witness",
         "I was released after many months and left for {home_country} as soon as I could.",
         "Меня освободили через много месяцев, и я при первой возможности уехал{sa} "
         "в {country_ru_acc}.",
         "Мені көп айдан кейін босатты, мен мүмкіндік болған бойда {country_kk_dat} кеттім."),
    )
)
SPOUSE_CHILDREN = (
    "We have {kids} children; the youngest is {age} years old.",
    "У нас {kids_ru}, младшему {age} {age_ru}.",
    "Біздің {kids} баламыз бар, кенжесі {age} жаста.",
)
CLOSING = (
    ("Please help us.", "I am ready to answer any questions."),
    ("Прошу помочь нам.", "Я готов{sa} ответить на любые вопросы."),
    ("Бізге көмектесулеріңізді сұраймын.", "Кез келген сұраққа жауап беруге дайынмын."),
)
_LANG_INDEX = {"en": 0, "ru": 1, "kk": 2}
_KIDS_RU = {1: "один ребёнок", 2: "двое детей", 3: "трое детей", 4: "четверо детей",
            5: "пятеро детей"}


def _ru_years(n: int) -> str:
    """Russian plural of "год" after a number (1 год, 2 года, 5 лет, 21 год, 11 лет)."""
    if 11 <= n % 100 <= 14:
        return "лет"
    return {1: "год", 2: "года", 3: "года", 4: "года"}.get(n % 10, "лет")


def _a_an(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


# --------------------------------------------------------------------------------------------
# Case assembly
# --------------------------------------------------------------------------------------------


class Ev(NamedTuple):
    """An event before it becomes JSON: what the narrative needs to describe it."""

    type: str
    when: When
    loc: Locality
    facility: str
    fac_kind: str
    authority: str
    years: int


class Subject(NamedTuple):
    """What every testimony of one case tells about: the detained person and the events."""

    ident: Identity
    names: Rendered
    bplace: Locality
    occupation: tuple[str, str, str]
    events: list[Ev]
    home_country: str
    moved_abroad: bool


class Teller(NamedTuple):
    """A testifier or witness: their person object, identity and relation to the detained."""

    person: dict[str, Any]
    ident: Identity
    kind: str  # relationship kind; "" for a witness
    names: Rendered
    home: Home


_ETH_TABLE = ("K",) * 55 + ("U",) * 25 + ("Y",) * 10 + ("H",) * 10
_LOC_TABLES: dict[str, tuple[Locality, ...]] = {
    eth: tuple(loc for loc in XJ_LOCALITIES for _ in range(loc.weights[i]))
    for i, eth in enumerate(("K", "U", "Y", "H"))
}
_STORYLINES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("summoned", "detained", "transferred?", "sentenced?"), 22),
    (("passport-confiscated", "detained", "transferred?", "released?"), 14),
    (("detained", "last-contact?", "disappeared"), 10),
    (("last-contact", "disappeared", "family-harassed?"), 10),
    (("arrested", "sentenced", "transferred?"), 10),
    (("summoned", "detained", "released", "passport-confiscated?"), 10),
    (("detained", "transferred", "family-harassed?"), 12),
    (("detained", "arrested", "sentenced", "deceased?"), 5),
    (("summoned", "other", "detained"), 4),
    (("detained", "released", "detained", "sentenced?"), 3),
)
_STORY_TABLE = tuple(s for s, w in _STORYLINES for _ in range(w))
_REL_KINDS = ("spouse",) * 38 + ("parent",) * 12 + ("child",) * 16 + ("sibling",) * 16 + (
    "grandchild",) * 2 + ("grandparent",) * 1 + ("relative",) * 7 + ("friend",) * 3 + (
    "colleague",) * 2 + ("neighbour",) * 2 + ("other",) * 1
_TAGS = ("kandas", "video-testimony", "passport", "women", "elderly",
         "student", "religious", "2018-wave", "needs-follow-up", "un-submission")
_INTERVIEWERS = ("field team A", "field team B", "field team C", "Almaty office",
                 "Bishkek office", "volunteer 7", "volunteer 12", "volunteer 31")
_KZ_MOBILE = ("700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778")
_KG_MOBILE = ("500", "550", "555", "700", "705", "770", "777", "990")
_MESSENGERS = ("WhatsApp", "Telegram", "Signal", "WeChat")


def _phone(rng: random.Random, country: str) -> str:
    """Invented mobile number in the 000 block of a real operator prefix (never a real line
    we know of, yet shaped like one so that formatting and search code is exercised)."""
    if country == "KG":
        return f"+996 {_pick(rng, _KG_MOBILE)} 000 {_int(rng, 0, 999):03d}"
    return f"+7 {_pick(rng, _KZ_MOBILE)} 000 {_int(rng, 0, 9999):04d}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _hex64(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"


def _place(
    loc: Locality | None = None, *, facility: str = "", rng: random.Random | None = None,
    region: bool = True,
) -> dict[str, Any]:
    """A place object in canonical key order (facility, address, locality, region, country)."""
    d: dict[str, Any] = {}
    if facility:
        d["facility"] = facility
    if loc is not None:
        name = loc.en
        if rng is not None and loc.alt and rng.random() < 0.15:
            name = loc.alt
        d["locality"] = name
    if region:
        d["region"] = "Xinjiang"
    d["country"] = "CN"
    return d


def _facility(rng: random.Random, kind: str, loc: Locality) -> str:
    pattern = _pick(rng, FACILITY_KINDS[kind][0])
    return pattern.format(loc=loc.en, n=_int(rng, 1, 9))


class _Gen:
    """State of one generator run: the RNG, a running case number and a small memory of
    recent victims, from which a few later cases are reported again by another relative (with
    another spelling) — the duplicates HQ has to find. The memory is bounded, so streaming
    100,000 cases stays flat in RAM."""

    def __init__(self, seed: int, canary: str | None) -> None:
        self.rng = random.Random(seed)
        self.canary = canary
        self.recent: deque[tuple[Identity, Locality]] = deque(maxlen=256)

    # -- people ------------------------------------------------------------------------------

    def detained_identity(self) -> tuple[Identity, Locality, bool]:
        rng = self.rng
        if self.recent and rng.random() < 0.03:
            ident, bplace = self.recent[rng.randrange(len(self.recent))]
            # Same person, possibly spelled the other way round this time.
            if ident.style in ("kk", "ky", "ug") and rng.random() < 0.5:
                ident = ident._replace(style="ru")
            return ident, bplace, True
        eth = _pick(rng, _ETH_TABLE)
        male = rng.random() < 0.74
        year = _int(rng, 1942, 1999)
        ident = new_identity(rng, eth, male, year, abroad=False)
        bplace = _pick(rng, _LOC_TABLES[eth])
        self.recent.append((ident, bplace))
        return ident, bplace, False

    def testifier_identity(self, d: Identity, kind: str) -> Identity:
        """A relative consistent with the detained person: spouses of the other sex, sons
        carrying the father's name in their patronymic, siblings sharing a root."""
        rng = self.rng
        eth = d.eth
        if kind == "spouse":
            male = not d.male
            year = d.birth_year + _int(rng, -6, 6) + (-3 if male else 3)
            # Hui women keep their own family name; under Russian-style surnames a wife
            # usually took her husband's.
            ident = new_identity(rng, eth, male, year, abroad=True)
            if ident.style == "ru" and not male:
                ident = ident._replace(root=d.root)  # took the husband's family name
            return ident
        if kind == "parent":
            male = rng.random() < 0.4
            year = d.birth_year - _int(rng, 20, 34)
            if male and eth != "H":
                g = d.root if isinstance(d.root, Elem) else None
                return new_identity(rng, eth, True, year, abroad=True, given=g)
            # A Hui father passes on the family name; a mother keeps her own.
            return new_identity(
                rng, eth, male, year, abroad=True, root=d.root if eth == "H" and male else None
            )
        if kind in ("child", "grandchild"):
            male = rng.random() < 0.5
            year = d.birth_year + _int(rng, 20, 34) * (2 if kind == "grandchild" else 1)
            year = min(year, 2001)
            if d.male and d.eth != "H" and kind == "child":
                g0 = d.given[0]
                root = g0 if isinstance(g0, Elem) else None
                ident = new_identity(rng, eth, male, year, abroad=True, root=root)
                if ident.style == "ru":
                    ident = ident._replace(root=d.root)
                return ident
            # Family names pass down the male line (Hui surnames, Russian-style surnames).
            ident = new_identity(rng, eth, male, year, abroad=True)
            if d.male and (eth == "H" or ident.style == "ru"):
                ident = ident._replace(root=d.root)
            return ident
        if kind == "sibling":
            male = rng.random() < 0.5
            year = d.birth_year + _int(rng, -10, 10)
            return new_identity(rng, eth, male, year, abroad=True, root=d.root)
        male = rng.random() < 0.45
        year = _int(rng, 1950, 1998)
        other_eth = eth if rng.random() < 0.8 else _pick(rng, _ETH_TABLE)
        return new_identity(rng, other_eth, male, year, abroad=True)

    # -- events ------------------------------------------------------------------------------

    def events(self, ident: Identity, bplace: Locality) -> list[Ev]:
        rng = self.rng
        story = _pick(rng, _STORY_TABLE)
        # Most detentions cluster in 2017-2018; a few earlier or later ones.
        day = _EPOCH + int(min(max(rng.gauss(2.3, 0.9), 0.1), 4.0) * 365)
        loc = bplace if rng.random() < 0.7 else _pick(rng, _LOC_TABLES[ident.eth])
        out: list[Ev] = []
        fac_kind = "detention"
        facility = ""
        for step in story:
            optional = step.endswith("?")
            etype = step.rstrip("?")
            if optional and rng.random() < 0.45:
                continue
            if day > _EVENT_END:
                break
            years = 0
            authority = ""
            if etype == "summoned":
                authority = _pick(rng, ("State Security Bureau, {l}", "Public Security Bureau, {l}",
                                        "Neighbourhood committee, {l}")).format(l=loc.en)
            elif etype in ("detained", "arrested", "passport-confiscated"):
                authority = f"Public Security Bureau, {loc.en}" if rng.random() < 0.6 else ""
            if etype == "detained":
                fac_kind = "detention" if rng.random() < 0.55 else "camp"
                facility = _facility(rng, fac_kind, loc)
            elif etype == "transferred":
                fac_kind = _pick(rng, ("camp", "vocational", "prison", "detention"))
                loc = _pick(rng, _LOC_TABLES[ident.eth]) if rng.random() < 0.5 else loc
                facility = _facility(rng, fac_kind, loc)
            elif etype == "sentenced":
                years = _pick(rng, (3, 5, 7, 8, 10, 12, 14, 15, 17, 20))
                authority = _pick(rng, ("{l} Intermediate People's Court",
                                        "{l} County People's Court")).format(l=loc.en)
                fac_kind = "prison"
                facility = _facility(rng, "prison", loc)
            when = _when(rng, day)
            out.append(Ev(etype, when, loc, facility, fac_kind, authority, years))
            day = max(day, when.end) + _int(rng, 3, 260)
        return out

    # -- the case ----------------------------------------------------------------------------

    def case(self, index: int) -> dict[str, Any]:
        rng = self.rng
        case_id = _uuid(rng)
        ident, bplace, _repeat = self.detained_identity()
        d_render = render(ident, detained=True, rng=rng)
        if index == 0 and self.canary is not None:
            for nm in d_render.names:
                if nm["script"] == "Latn":
                    nm["value"] = self.canary
                    break
            d_render = d_render._replace(latin=self.canary)
        home_country = "KG" if (ident.eth == "Y" and rng.random() < 0.8) or (
            ident.eth in ("H", "U") and rng.random() < 0.12) else "KZ"
        homes = KG_HOMES if home_country == "KG" else KZ_HOMES
        evs = self.events(ident, bplace)
        occupation = _pick(rng, OCCUPATIONS)

        # -- detained person ------------------------------------------------------------------
        p1: dict[str, Any] = {"key": "p1", "role": "detained", "names": d_render.names,
                              "sex": "male" if ident.male else "female"}
        r = rng.random()
        if r < 0.55:
            p1["birth_date"] = str(ident.birth_year)
        elif r < 0.75:
            p1["birth_date"] = f"{ident.birth_year}~"
        elif r < 0.93:
            p1["birth_date"] = dt.date(ident.birth_year, _int(rng, 1, 12),
                                       _int(rng, 1, 28)).isoformat()
        if rng.random() < 0.8:
            p1["birth_place"] = _place(bplace, rng=rng)
        p1["ethnicity"] = ETHNICITY[ident.eth]
        moved_abroad = ident.eth != "H" and rng.random() < 0.45
        if moved_abroad and rng.random() < 0.4:
            p1["citizenships"] = [home_country]
        elif moved_abroad and rng.random() < 0.2:
            p1["citizenships"] = ["CN", home_country]
        else:
            p1["citizenships"] = ["CN"]
        home = _pick(rng, homes)
        if moved_abroad and rng.random() < 0.7:
            p1["residence"] = self._home_place(home)
        elif rng.random() < 0.3:
            p1["residence"] = _place(bplace, rng=rng)
        if rng.random() < 0.75:
            p1["occupation"] = occupation[0]
        docs = self._documents(ident, home_country, moved_abroad)
        if docs:
            p1["documents"] = docs
        persons = [p1]

        # -- testifiers and witnesses --------------------------------------------------------
        tellers: list[Teller] = []
        n_test = 1 if rng.random() < 0.8 else 2
        used_spouse = False
        for k in range(n_test):
            kind = _pick(rng, _REL_KINDS)
            if kind == "spouse" and used_spouse:
                kind = "sibling"
            if kind in ("parent", "grandparent") and ident.birth_year < 1966:
                kind = "child"
            if kind == "grandchild" and ident.birth_year > 1962:
                kind = "sibling"
            used_spouse = used_spouse or kind == "spouse"
            tid = self.testifier_identity(ident, kind)
            t_home = home if k == 0 or rng.random() < 0.6 else _pick(rng, homes)
            tr = render(tid, detained=False, rng=rng)
            key = f"p{len(persons) + 1}"
            person = self._relative(key, "testifier", tid, tr, t_home, kind)
            persons.append(person)
            tellers.append(Teller(person, tid, kind, tr, t_home))
        if rng.random() < 0.1 and any(e.facility for e in evs):
            eth = ident.eth if rng.random() < 0.7 else _pick(rng, _ETH_TABLE)
            wmale = rng.random() < 0.6
            wid = new_identity(rng, eth, wmale, _int(rng, 1955, 1998), abroad=True)
            wr = render(wid, detained=False, rng=rng)
            w_home = _pick(rng, homes)
            key = f"p{len(persons) + 1}"
            person = self._relative(key, "witness", wid, wr, w_home, "")
            persons.append(person)
            tellers.append(Teller(person, wid, "", wr, w_home))

        # -- events --------------------------------------------------------------------------
        events: list[dict[str, Any]] = []
        for ev in evs:
            e: dict[str, Any] = {"type": ev.type}
            if ev.when.edtf:
                e["date"] = ev.when.edtf
            e["persons"] = [] if ev.type == "family-harassed" else ["p1"]
            if ev.type in ("detained", "transferred", "sentenced") and ev.facility:
                e["place"] = _place(ev.loc, facility=ev.facility, rng=rng,
                                    region=rng.random() < 0.5)
            elif ev.type != "last-contact" or rng.random() < 0.3:
                e["place"] = _place(ev.loc, rng=rng)
            if ev.authority:
                e["authority"] = ev.authority
            if ev.type in ("detained", "arrested", "sentenced") and rng.random() < 0.6:
                e["charges"] = "unknown" if rng.random() < 0.6 else _pick(rng, CHARGES)
            if ev.type == "sentenced":
                e["description"] = f"Sentenced to {ev.years} years."
            elif rng.random() < 0.3:
                e["description"] = self._short_description(ev)
            events.append(e)

        # -- testimonies ---------------------------------------------------------------------
        last_day = max((e.when.end for e in evs), default=_EPOCH + 700)
        testimonies: list[dict[str, Any]] = []
        t_days: list[int] = []
        subject = Subject(ident, d_render, bplace, occupation, evs, home_country, moved_abroad)
        for teller in tellers:
            t_day = min(last_day + _int(rng, 10, 400), _TESTIMONY_END)
            t_days.append(t_day)
            testimonies.append(self._testimony(t_day, subject, teller))
        first_t = min(t_days)

        # -- case metadata -------------------------------------------------------------------
        created_day = min(first_t + _int(rng, 0, 30), _LAST_DAY)
        created = dt.datetime.combine(_d(created_day), dt.time()) + dt.timedelta(
            seconds=_int(rng, 8 * 3600, 20 * 3600))
        updated = created + dt.timedelta(days=_int(rng, 0, 200), seconds=_int(rng, 0, 36000))
        reference = f"TD-{created.year}-{index + 1:06d}"
        appeals = self._appeals(reference, first_t, home_country)

        types = {ev.type for ev in evs}
        verification = _pick(rng, ("reported",) * 5 + ("partially-verified",) * 3 + (
            "corroborated",) * 2 + ("documented",))
        last_type = evs[-1].type if evs else ""
        if last_type == "deceased":
            status = "deceased"
        elif last_type == "released":
            status = "released"
        elif "sentenced" in types:
            status = "sentenced"
        elif rng.random() < 0.04:
            status = "closed"
        elif appeals and any(a["status"] != "drafted" for a in appeals):
            status = "appealed"
        elif last_type == "disappeared":
            status = "unknown"
        elif verification in ("corroborated", "documented"):
            status = "confirmed-detained"
        else:
            status = "open"

        tags = ["xinjiang", ETHNICITY[ident.eth].lower()]
        if any(ev.facility and ev.fac_kind in ("camp", "vocational") for ev in evs):
            tags.append("camp")
        if "sentenced" in types:
            tags.append("prison")
        if any(t["medium"] == "video" for t in testimonies):
            tags.append("video-testimony")
        if "passport-confiscated" in types:
            tags.append("passport")
        if rng.random() < 0.25:
            extra = _pick(rng, _TAGS)
            if extra not in tags:
                tags.append(extra)

        return {
            "format": FORMAT,
            "id": case_id,
            "reference": reference,
            "status": status,
            "confidentiality": _pick(rng, ("restricted",) * 6 + ("confidential",) * 3
                                          + ("public",)),
            "verification": verification,
            "tags": tags,
            "persons": persons,
            "events": events,
            "testimonies": testimonies,
            "appeals": appeals,
            "attachments": [],
            "notes": "" if rng.random() < 0.85 else _pick(rng, (
                "Second relative to be interviewed.", "Check the Chinese name with the family.",
                "Possible duplicate of another report; compare birth dates.",
                "Passport scan promised by the family.")),
            "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "updated": updated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }

    def _home_place(self, home: Home) -> dict[str, Any]:
        d: dict[str, Any] = {"locality": home.en}
        if home.region:
            d["region"] = home.region
        d["country"] = home.country
        return d

    def _documents(self, ident: Identity, home_country: str, abroad: bool) -> list[dict[str, Any]]:
        rng = self.rng
        docs: list[dict[str, Any]] = []
        if rng.random() < 0.25:
            docs.append({"type": "id-card",
                         "number": f"650000{ident.birth_year}0101{_int(rng, 0, 999):03d}"
                                   f"{_pick(rng, '0123456789X')}",
                         "country": "CN"})
        if rng.random() < 0.2:
            doc: dict[str, Any] = {"type": "passport",
                                   "number": f"E00{_int(rng, 0, 999999):06d}", "country": "CN"}
            if rng.random() < 0.5:
                doc["issued"] = str(_int(rng, 2010, 2016))
            docs.append(doc)
        if abroad and rng.random() < 0.5:
            if home_country == "KZ":
                docs.append({"type": _pick(rng, ("residence-permit", "passport")),
                             "number": f"N00{_int(rng, 0, 999999):06d}", "country": "KZ"})
            else:
                docs.append({"type": _pick(rng, ("residence-permit", "passport")),
                             "number": f"AC000{_int(rng, 0, 9999):04d}", "country": "KG"})
        return docs

    def _relative(
        self, key: str, role: str, tid: Identity, tr: Rendered, home: Home, kind: str
    ) -> dict[str, Any]:
        rng = self.rng
        p: dict[str, Any] = {"key": key, "role": role, "names": tr.names}
        r = rng.random()
        if r < 0.93:
            p["sex"] = "male" if tid.male else "female"
        if rng.random() < 0.4:
            p["birth_date"] = str(tid.birth_year)
        p["ethnicity"] = ETHNICITY[tid.eth]
        r = rng.random()
        p["citizenships"] = [home.country] if r < 0.75 else (["CN"] if r < 0.9 else
                                                             ["CN", home.country])
        p["residence"] = self._home_place(home)
        if rng.random() < 0.3:
            p["occupation"] = _pick(rng, OCCUPATIONS)[0]
        contact: dict[str, Any] = {}
        if rng.random() < 0.85:
            contact["phone"] = _phone(rng, home.country)
        if rng.random() < 0.2:
            contact["email"] = f"user{_int(rng, 1000, 99999)}@example.org"
        if rng.random() < 0.3:
            contact["messenger"] = _pick(rng, _MESSENGERS)
        if contact:
            p["contact"] = contact
        if kind:
            p["relationship"] = {"to": "p1", "kind": kind}
        return p

    def _short_description(self, ev: Ev) -> str:
        return {
            "summoned": "Called in 'for a conversation'.",
            "detained": "Taken from home at night by police.",
            "arrested": "Formal arrest; no written notice to the family.",
            "transferred": "Moved without notice to the family.",
            "released": "Released under surveillance; must report weekly.",
            "deceased": "Death reported by relatives; no documents.",
            "last-contact": "Last WeChat video call with the family.",
            "disappeared": "No news since; officials refuse to answer.",
            "passport-confiscated": "Passport taken 'for safekeeping'.",
            "family-harassed": "Relatives questioned and warned.",
            "other": "Home searched; books and phones taken.",
        }.get(ev.type, "")

    def _appeals(self, reference: str, first_t: int, home_country: str) -> list[dict[str, Any]]:
        rng = self.rng
        if rng.random() >= 0.5:
            return []
        recipients = ["kz-mfa" if home_country == "KZ" else "un-wgeid"]
        if home_country == "KZ" and rng.random() < 0.35:
            recipients.append("un-wgeid")
        out: list[dict[str, Any]] = []
        day = first_t
        for n, recipient in enumerate(recipients, start=1):
            day = min(day + _int(rng, 1, 40), _APPEAL_END)
            a: dict[str, Any] = {"recipient": recipient}
            a["language"] = _pick(rng, ("ru", "ru", "kk")) if recipient == "kz-mfa" else "en"
            a["date"] = _edtf_day(day)
            a["reference"] = f"{reference}/{n}"
            status = _pick(rng, ("drafted", "sent", "sent", "acknowledged", "answered",
                                 "no-answer"))
            a["status"] = status
            if status != "drafted":
                a["pdf_sha256"] = _hex64(rng)
            if status == "answered":
                a["response"] = _pick(rng, ("denial", "denial", "confirmation-of-detention",
                                            "release-confirmed", "none"))
                a["response_date"] = _edtf_day(min(day + _int(rng, 10, 60), _LAST_DAY))
            if status in ("sent", "acknowledged", "no-answer"):
                a["follow_up"] = _edtf_day(min(day + _int(rng, 30, 90), _LAST_DAY))
            if rng.random() < 0.15:
                a["notes"] = "Handed over in person." if recipient == "kz-mfa" else \
                    "Submitted through the online form."
            out.append(a)
        return out

    def _testimony(self, t_day: int, subj: Subject, teller: Teller) -> dict[str, Any]:
        rng = self.rng
        r = rng.random()
        if teller.ident.eth == "K" and teller.home.country == "KZ":
            lang = "kk" if r < 0.6 else ("ru" if r < 0.9 else "en")
        else:
            lang = "ru" if r < 0.8 else "en"
        medium = _pick(rng, ("video",) * 4 + ("in-person",) * 4 + ("phone",) * 2
                            + ("written", "other"))
        t: dict[str, Any] = {"by": teller.person["key"]}
        t["date"] = _edtf_day(t_day) if rng.random() < 0.9 else _edtf_month(t_day)
        if medium == "in-person" or rng.random() < 0.3:
            t["place"] = self._home_place(teller.home)
        t["language"] = lang
        t["medium"] = medium
        sources: list[str] = []
        if medium == "video":
            sources.append(f"https://example.org/video/{_int(rng, 1000, 999999)}")
        if rng.random() < 0.2:
            sources.append(f"https://example.org/news/{_d(t_day).year}/{_int(rng, 100, 9999)}")
        t["sources"] = sources
        if rng.random() < 0.8:
            t["interviewer"] = _pick(rng, _INTERVIEWERS)
        t["narrative"] = self._narrative(lang, subj, teller)
        r = rng.random()
        t["consent"] = {
            "record": rng.random() < 0.99,
            "share_with_hq": rng.random() < 0.85,
            "use_in_appeals": rng.random() < 0.8,
            "publish": "no" if r < 0.35 else ("anonymized" if r < 0.8 else "named"),
        }
        return t

    def _narrative(self, lang: str, subj: Subject, teller: Teller) -> str:
        """A first-person account: who speaks, who was taken, what happened when and where,
        what the family has done since. Sentences are templates, but names, dates, places
        and the choice and order of sentences vary, so no two narratives are equal and
        full-text search has realistic material in three languages."""
        rng = self.rng
        li = _LANG_INDEX[lang]
        d = subj.ident
        m = d.male
        kind = teller.kind
        tmale = teller.ident.male
        evs = subj.events
        kg = subj.home_country == "KG"
        home = teller.home
        fac_ev = next((e for e in reversed(evs) if e.facility), None)
        fk = FACILITY_KINDS[fac_ev.fac_kind if fac_ev else "camp"]
        ctx: dict[str, Any] = {
            "tname": teller.names.latin if lang == "en" else teller.names.cyrillic,
            "dname": subj.names.latin if lang == "en" else subj.names.cyrillic,
            "res": home.en if lang == "en" else (home.ru if lang == "ru" else home.kk),
            "bplace": (subj.bplace.en, subj.bplace.ru, subj.bplace.kk)[li],
            "byear": d.birth_year,
            "occ_en_a": _a_an(subj.occupation[0]), "occ_ru": subj.occupation[1],
            "occ_kk": subj.occupation[2],
            "he": "he" if m else "she", "He_cap": "He" if m else "She",
            "him": "him" if m else "her", "his": "his" if m else "her",
            "His_cap": "His" if m else "Her",
            "a": "" if m else "а", "on": "он" if m else "она", "On_cap": "Он" if m else "Она",
            "ego": "его" if m else "её", "Ego_cap": "Его" if m else "Её",
            "nim": "ним" if m else "ней", "emu": "ему" if m else "ей",
            "born": "родился" if m else "родилась", "died": "умер" if m else "умерла",
            "could": "смог" if m else "смогла",
            "sa": "" if tmale else "а", "s_sya": "ся" if tmale else "ась",
            "home_country": "Kyrgyzstan" if kg else "Kazakhstan",
            "country_ru_acc": "Кыргызстан" if kg else "Казахстан",
            "country_ru_gen": "Кыргызстана" if kg else "Казахстана",
            "country_ru_prep": "Кыргызстане" if kg else "Казахстане",
            "country_kk_dat": "Қырғызстанға" if kg else "Қазақстанға",
            "country_kk_nom": "Қырғызстан" if kg else "Қазақстан",
            "country_kk_adj": "Қырғызстандағы" if kg else "Қазақстандағы",
            "moved": _int(rng, 2006, 2015), "visit": _int(rng, 2016, 2018),
            "facility": fac_ev.facility if fac_ev else "a camp",
            "fac_acc": fk[1], "fac_prep": fk[2], "fac_dat": fk[3], "fac_loc": fk[4],
        }
        ctx["Dname"] = _cap(ctx["dname"])
        facts = set()
        facts.add("family" if kind else "witness")
        if kind == "spouse":
            facts.add("spouse")
        if subj.moved_abroad:
            facts.add("moved")
        if not evs or evs[-1].type not in ("released", "deceased"):
            facts.add("open")
        if any(e.facility and e.fac_kind in ("camp", "vocational") for e in evs):
            facts.add("camp")
        out: list[str] = []
        if kind:
            ctx["rel"] = REL_WORDS[kind][li][0 if m else 1]
            out.extend(s.format_map(ctx) for s in INTRO[li])
        else:
            out.extend(s.format_map(ctx) for s in INTRO_WITNESS[li])
        if rng.random() < 0.8:
            out.append(BACKGROUND[li].format_map(ctx))
        # Only a plausible parent of young children talks about the youngest child's age.
        if kind == "spouse" and 1968 <= d.birth_year <= 1996 and rng.random() < 0.7:
            kids = _int(rng, 1, 5)
            age = _int(rng, 1, min(16, 2018 - d.birth_year - 19))
            out.append(SPOUSE_CHILDREN[li].format(kids=kids, age=age, kids_ru=_KIDS_RU[kids],
                                                  age_ru=_ru_years(age)))
        date_words = _DATE_WORDS[lang]
        for ev in evs:
            fkind = FACILITY_KINDS[ev.fac_kind]
            spoken = date_words(ev.when)
            ctx.update(
                date=spoken, Date=_cap(spoken), place=(ev.loc.en, ev.loc.ru, ev.loc.kk)[li],
                years=ev.years, authority=ev.authority or f"Public Security Bureau, {ev.loc.en}",
                facility=ev.facility or f"a facility in {ev.loc.en}",
                fac_acc=fkind[1], fac_prep=fkind[2], fac_dat=fkind[3], fac_loc=fkind[4],
            )
            out.append(_pick(rng, EVENT_TEXT[ev.type][li]).format_map(ctx))
        target = _int(rng, 170, 330)
        words = sum(s.count(" ") + 1 for s in out)
        pool = [(row[1], row[2], row[3])[li] for row in FILLERS if row[0] <= facts]
        pool.sort(key=lambda _s: rng.random())
        for s in pool:
            if words >= target:
                break
            text = s.format_map(ctx)
            out.append(text)
            words += text.count(" ") + 1
        out.append(_pick(rng, CLOSING[li]).format_map(ctx))
        return " ".join(out)


def generate_cases(n: int, seed: int = 1, *, canary: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield ``n`` synthetic cases in canonical normalized form, lazily.

    ``canary`` replaces the detained person's Latin name in the first case, so that leak
    tests can search logs, temp files and exports for one known string.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    gen = _Gen(seed, canary)
    for i in range(n):
        yield gen.case(i)


def _encode_jsonl(case: dict[str, Any]) -> str:
    return json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n"


def _encode_json_item(case: dict[str, Any]) -> str:
    # Indenting each element by two more spaces yields exactly json.dumps(list, indent=2).
    return "  " + json.dumps(case, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def dump_stream(cases: Iterable[dict[str, Any]], out: IO[bytes], fmt: str = "jsonl") -> int:
    """Write cases as JSON Lines (compact, one per line) or as one pretty JSON array
    (indent 2, same bytes as ``json.dumps(list, indent=2, ensure_ascii=False) + "\\n"``),
    in UTF-8 without BOM, flushing in chunks so that memory stays flat. Returns the count."""
    if fmt not in ("jsonl", "json"):
        raise ValueError(f"unknown format {fmt!r}")
    count = 0
    buf: list[str] = []
    if fmt == "json":
        buf.append("[")
    for case in cases:
        if fmt == "jsonl":
            buf.append(_encode_jsonl(case))
        else:
            buf.append(("\n" if count == 0 else ",\n") + _encode_json_item(case))
        count += 1
        if len(buf) >= 256:
            out.write("".join(buf).encode("utf-8"))
            buf.clear()
    if fmt == "json":
        buf.append("\n]\n" if count else "]\n")
    out.write("".join(buf).encode("utf-8"))
    out.flush()
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="synth.py", description="Write N synthetic Testimony Desk cases (case format).")
    parser.add_argument("n", type=int, help="number of cases")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", help="output file (default: standard output)")
    parser.add_argument("--format", choices=("jsonl", "json"), default="jsonl",
                        help="JSON Lines (default) or one JSON array")
    parser.add_argument("--canary", help="Latin name of the detained person in the first case")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    if args.canary is not None and (not args.canary.strip() or args.canary != args.canary.strip()):
        parser.error("--canary must be non-empty and without outer whitespace")
    cases = generate_cases(args.n, args.seed, canary=args.canary)
    if args.out:
        with open(args.out, "wb") as fh:
            dump_stream(cases, fh, args.format)
    else:
        dump_stream(cases, sys.stdout.buffer, args.format)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
