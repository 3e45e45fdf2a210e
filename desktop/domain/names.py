"""Names in several scripts: script detection, folding and transliteration for matching.

The same detained person reaches headquarters as "Ерлан Сапарұлы" from his wife, "Erlan
Saparuly" from a lawyer and "叶尔兰·萨帕尔" from a Chinese court notice. Finding these as one
person is the analyst's daily work (DESIGN §1), so every name is indexed under its folded
form and under one ASCII transliteration that puts all scripts in the same alphabet.

Choices made here, and why:

* :func:`fold` is for comparing text in its own script. It removes diacritics from Latin,
  Greek, Cyrillic and Arabic letters (``ё``→``е``, ``é``→``e``, Arabic vowel signs), but keeps
  the hamza and madda marks that make ``ئ``, ``أ``, ``آ`` distinct letters, keeps marks of
  other scripts (Indic vowel signs are not decoration), and keeps Unicode format characters
  (ZWNJ, ZWJ, RLM …) next to Arabic-script letters, because Uyghur and Persian spelling needs
  them (DESIGN §9). Format characters elsewhere are stray invisible characters and go.
* :func:`transliterate` produces lower-case ASCII words. Cyrillic follows the ICAO Doc 9303
  passport scheme that Kazakh and Russian passports use (``ж``→``zh``, ``х``→``kh``,
  ``й``→``i``, ``ю``→``iu``), extended by Kazakh, Uzbek, Kyrgyz, Tatar and Uyghur Cyrillic
  letters reduced to their base Latin letter (``ұ``/``ү``→``u``, ``қ``→``k``). Uyghur Arabic
  script follows Uyghur Latin Yéziqi (ULY) with its diacritics dropped (``ې``→``e``,
  ``ۆ``→``o``); the hamza carrier ``ئ`` is silent. Chinese characters become toneless pinyin,
  one syllable per character, separated by spaces (``anyascii`` gives the most common
  reading; names with rare readings may come out wrong — that is what the other name
  variants are for). Anything else goes through ``anyascii``.
* :func:`detect_script` counts letters per script and returns the ISO 15924 code of the most
  frequent one. For Chinese it looks for characters that exist only in simplified or only
  in traditional writing (a built-in list of about 400 frequent characters, including the
  ones used to transcribe Kazakh and Uyghur names, checked against OpenCC's character
  tables); it returns ``Hans`` or ``Hant`` when one side wins and ``Hani`` when the text
  holds no such characters or as many of each.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["SCRIPTS", "detect_script", "fold", "search_tokens", "transliterate"]

SCRIPTS: tuple[str, ...] = ("Latn", "Cyrl", "Arab", "Hans", "Hant", "Hani")
"""Scripts a name may be recorded in (the ``script`` field of the case format)."""

# Unicode character-name prefixes → ISO 15924. The stdlib has no Script property; the
# character name starts with the script for every letter we care about.
_NAME_PREFIXES: tuple[tuple[str, str], ...] = (
    ("LATIN", "Latn"),
    ("CYRILLIC", "Cyrl"),
    ("ARABIC", "Arab"),
    ("CJK UNIFIED IDEOGRAPH", "Hani"),
    ("CJK COMPATIBILITY IDEOGRAPH", "Hani"),
    ("GREEK", "Grek"),
    ("HEBREW", "Hebr"),
    ("GEORGIAN", "Geor"),
    ("ARMENIAN", "Armn"),
    ("MONGOLIAN", "Mong"),
    ("TIBETAN", "Tibt"),
    ("DEVANAGARI", "Deva"),
    ("THAI", "Thai"),
    ("HANGUL", "Hang"),
    ("HIRAGANA", "Hira"),
    ("KATAKANA", "Kana"),
)

# Frequent characters written only in simplified / only in traditional Chinese, checked
# against OpenCC's STCharacters/TSCharacters tables (a character that appears on both sides,
# such as 叶 or 后, is in neither set).
_SIMPLIFIED_ONLY = frozenset(
    "尔兰萨买热逊丽别库马亚达图乌约赛苏玛凯赞纳则贾钱刘张陈杨黄吴赵孙郑谢韩冯邓许卢蒋"
    "阎钟谭邹陆顾龙汤乔贺赖龚丝罗麦汉国东书长门问间开关对时说这们来个为会发学经动现还"
    "过边远运连选体与专业两严临乐习乡乱争亲产亿从仓众优传伤伦伟侠债儿兴军农决况净减凤"
    "刚创剧劝办务劳势区医华协单卖卫历压县参双变号吗员听启响团园围圆圣场坏块坚执报尽层"
    "岁岛币师带帮庄庆应废异弃弹强归当录忆忧怀态总恶惊战扩扫扬护担拥择挥损换摄敌数断无"
    "旧显晋晓术机杀杂权条构枪标树样桥梦检欢欧毕气汇沟没泪泽洁浅测济涛润渊温湾满灭灯灵"
    "灾炉点烟烧爱爷独献环电画疗盖盘矿码礼离积称稳穷笔简类紧红级纪纯纸线练组细织终绍结"
    "给络绝统继续维综绿编缘网职联脑艺节荣药获莱蓝虽补装见观规视觉计认让训议记讲论设访"
    "证评识诉词译试诗话语误请读课谁调谈贝负财责败货质购贵费资赶车转轮软轻载较辉输辽迁"
    "迈违迟递遗邮邻释钢铁银错锦镇闭闻阁阅队阳阴阵阶际险随隐难雾静页顶项顺须领题额颜风"
    "飞饭馆驻验骑鱼鲁鸟鸡齐龟"
)
_TRADITIONAL_ONLY = frozenset(
    "爾蘭薩葉買熱遜麗別庫馬亞達圖烏約賽蘇瑪凱贊納則賈錢劉張陳楊黃吳趙孫鄭謝韓馮鄧許盧"
    "蔣閻鍾譚鄒陸顧龍萬湯喬賀賴龔絲羅麥漢國東書長門問間開關對時說這們來個為會發學經動"
    "現還過邊遠運連選體與專業兩嚴臨豐樂習鄉亂爭雲親產億從倉價眾優傳傷倫偉俠債兒黨興軍"
    "農決況淨減鳳剛創劇勸辦務勞勢區醫華協單賣衛廠歷壓縣參雙變號嗎員聽啟響團園圍圓聖場"
    "壞塊堅執報盡層歲島幣師帶幫廣莊慶應廢異棄彈強歸當錄憶憂懷態總惡驚戰擴掃揚護擔擁擇"
    "掛揮損換據攝敵數斷無舊顯晉曉術機殺雜權條傑極構槍標樹樣橋夢檢歡歐畢氣匯溝沒淚澤潔"
    "淺測濟濤潤淵溫灣滿滅燈靈災爐點煙燒愛爺獨獻環電畫療蓋盤礦碼確禮離種積稱穩窮筆簡類"
    "緊紅級紀純紙線練組細織終紹結給絡絕統繼續維綜綠編緣網職聯腦藝節榮藥獲萊藍雖補裝見"
    "觀規視覺計認讓訓議記講論設訪證評識訴詞譯試詩話語誤請讀課誰調談貝負財責敗貨質購貴"
    "費資趕車轉輪軟輕載較輝輸遼遷邁違遲適遞遺郵鄰釋鋼鐵銀錯錦鎮閉聞閣閱隊陽陰陣階際險"
    "隨隱難霧靜頁頂項順須領題額顏風飛飯館駐驗騎魚魯鳥雞齊龜穀後裡"
)

# Cyrillic → ASCII: ICAO Doc 9303 for Russian letters (as in Kazakh and Russian passports),
# other Turkic and Slavic letters reduced to their base sound. Hard and soft signs vanish.
_CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
    # Kazakh
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    # Kyrgyz, Uzbek, Tatar, Bashkir, Uyghur Cyrillic
    "ҳ": "h", "ў": "u", "җ": "j", "ҙ": "z", "ҫ": "s", "ҡ": "k", "ӊ": "n", "ӛ": "a",
    # Ukrainian, Belarusian, Serbian, Macedonian
    "є": "ie", "ї": "i", "ґ": "g", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}  # fmt: skip

# Uyghur Arabic script → Uyghur Latin Yéziqi, diacritics dropped (ö ü é → o u e).
_UYGHUR: dict[str, str] = {
    "\u0627": "a",   # ا
    "\u06d5": "e",   # ە
    "\u0628": "b",   # ب
    "\u067e": "p",   # پ
    "\u062a": "t",   # ت
    "\u062c": "j",   # ج
    "\u0686": "ch",  # چ
    "\u062e": "x",   # خ
    "\u062f": "d",   # د
    "\u0631": "r",   # ر
    "\u0632": "z",   # ز
    "\u0698": "zh",  # ژ
    "\u0633": "s",   # س
    "\u0634": "sh",  # ش
    "\u063a": "gh",  # غ
    "\u0641": "f",   # ف
    "\u0642": "q",   # ق
    "\u0643": "k",   # ك
    "\u06af": "g",   # گ
    "\u06ad": "ng",  # ڭ
    "\u0644": "l",   # ل
    "\u0645": "m",   # م
    "\u0646": "n",   # ن
    "\u06be": "h",   # ھ
    "\u0648": "o",   # و
    "\u06c7": "u",   # ۇ
    "\u06c6": "o",   # ۆ
    "\u06c8": "u",   # ۈ
    "\u06cb": "w",   # ۋ
    "\u06d0": "e",   # ې
    "\u0649": "i",   # ى
    "\u064a": "y",   # ي
    "\u06cc": "y",   # ی (Persian yeh, typed for ي on Persian keyboards)
    "\u0626": "",    # ئ vowel carrier: silent at the start, an apostrophe inside in ULY
    "\u0621": "",    # ء
    "\u0674": "",    # ٴ high hamza (Kazakh Arabic script front-vowel sign)
    "\u0640": "",    # ـ tatweel (stretching), no sound
}  # fmt: skip

# Arabic vowel signs and similar marks: dropped so vocalised and plain spellings agree.
_ARABIC_VOWEL_SIGNS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670))
# Marks that form distinct letters in Arabic script (ئ أ إ آ ؤ) and must survive folding.
_ARABIC_LETTER_MARKS = frozenset("\u0653\u0654\u0655")
_FOLD_MARK_SCRIPTS = frozenset({"Latn", "Grek", "Cyrl", "Arab"})
_APOSTROPHES = re.compile("['`´ʹʻʼʽʾʿ’‘]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8192)
def _script_of(ch: str) -> str | None:
    """ISO 15924 code of a letter's script (``Hani`` for all Han), or None if not a letter."""
    if not unicodedata.category(ch).startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    for prefix, code in _NAME_PREFIXES:
        if name.startswith(prefix):
            return code
    return "Zzzz"


def _han_variant(text: str) -> str:
    simplified = sum(1 for ch in text if ch in _SIMPLIFIED_ONLY)
    traditional = sum(1 for ch in text if ch in _TRADITIONAL_ONLY)
    if simplified > traditional:
        return "Hans"
    if traditional > simplified:
        return "Hant"
    return "Hani"


def detect_script(text: str) -> str:
    """ISO 15924 code of the script most of the letters in ``text`` are written in.

    Returns ``Zyyy`` (common) when there are no letters, ``Hans``/``Hant``/``Hani`` for
    Chinese (see the module docstring), ``Jpan``/``Kore`` when Han is mixed with kana or
    hangul, the code of another script where known (``Grek``, ``Hebr`` …) and ``Zzzz``
    for letters of scripts this tool has no name for. Ties go to the script seen first.
    """
    counts: dict[str, int] = {}
    for ch in unicodedata.normalize("NFKC", text):
        script = _script_of(ch)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Zyyy"
    best = max(counts, key=lambda s: counts[s])  # max() keeps the first of equal counts
    if best in ("Hani", "Hira", "Kana") and ("Hira" in counts or "Kana" in counts):
        return "Jpan"
    if best in ("Hani", "Hang") and "Hani" in counts and "Hang" in counts:
        return "Kore"
    if best == "Hani":
        return _han_variant(text)
    return best


def _fold_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    chars = list(unicodedata.normalize("NFD", text))
    keep = [True] * len(chars)
    base_script: str | None = None
    for i, ch in enumerate(chars):
        cat = unicodedata.category(ch)
        if cat == "Mn":
            if base_script == "Arab" and ch in _ARABIC_LETTER_MARKS:
                continue
            if base_script is None or base_script in _FOLD_MARK_SCRIPTS:
                keep[i] = False
        elif cat == "Cf":
            keep[i] = _next_to_arabic(chars, i)
        else:
            base_script = _script_of(ch)
    kept = "".join(ch for ch, k in zip(chars, keep, strict=True) if k)
    return unicodedata.normalize("NFC", kept)


def _next_to_arabic(chars: list[str], i: int) -> bool:
    """Whether the nearest letter before or after position ``i`` is in Arabic script."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(chars):
            cat = unicodedata.category(chars[j])
            if cat.startswith("L"):
                if _script_of(chars[j]) == "Arab":
                    return True
                break
            if cat not in ("Cf", "Mn", "Mc", "Me"):
                break
            j += step
    return False


def fold(text: str) -> str:
    """Normalise ``text`` for comparison in its own script (see the module docstring).

    NFKC + case folding + diacritic removal, repeated until stable so that
    ``fold(fold(x)) == fold(x)`` holds even for the rare characters whose case folding is
    not itself normalised.
    """
    current = text
    for _ in range(8):
        nxt = _fold_once(current)
        if nxt == current:
            break
        current = nxt
    return current


def _transliterate_char(ch: str) -> str:
    lower = ch.lower()
    if lower in _CYRILLIC:
        return _CYRILLIC[lower]
    if ch in _UYGHUR:
        return _UYGHUR[ch]
    if ch in _ARABIC_VOWEL_SIGNS:
        return ""
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return ""  # ZWNJ, RLM …: invisible, never a word break
    if cat == "So":
        return " "  # emoji and pictographs carry no name
    if _APOSTROPHES.fullmatch(ch):
        return ""  # O'Brien, mes'ul: one word
    if _script_of(ch) == "Hani":
        return f" {anyascii(ch)} "
    return anyascii(ch)


def transliterate(text: str) -> str:
    """Lower-case ASCII words for ``text`` in any script, separated by single spaces.

    Punctuation (``·``, ``-``, ``,`` …) separates words; apostrophes do not. The result
    contains only ``a-z``, ``0-9`` and single inner spaces, so transliterating it again
    returns it unchanged.
    """
    out = "".join(_transliterate_char(ch) for ch in unicodedata.normalize("NFKC", text))
    out = _APOSTROPHES.sub("", out.lower())
    return _NON_ALNUM.sub(" ", out).strip()


def _folded_tokens(folded: str) -> list[str]:
    """Split folded text into words: runs of letters, marks, digits and format characters."""
    tokens: list[str] = []
    current: list[str] = []
    for ch in folded:
        if unicodedata.category(ch)[0] in "LMN" or unicodedata.category(ch) == "Cf":
            current.append(ch)
        else:
            tokens.append("".join(current))
            current = []
    tokens.append("".join(current))
    cleaned = []
    for token in tokens:
        start, end = 0, len(token)
        while start < end and unicodedata.category(token[start]) == "Cf":
            start += 1
        while end > start and unicodedata.category(token[end - 1]) == "Cf":
            end -= 1
        if start < end:
            cleaned.append(token[start:end])
    return cleaned


def search_tokens(text: str) -> list[str]:
    """Words under which a name or text is indexed, without duplicates, in first-seen order.

    Folded words of the original (``сапарұлы``) come first, then the transliterated words
    (``saparuly``). For Chinese, each run of characters is also added as one joined pinyin
    word (``叶尔兰`` → ``yeerlan``) because Latin spellings of Chinese names are written
    joined ("Yeerlan"), while the per-character syllables match spaced spellings.
    """
    seen: dict[str, None] = {}
    folded = _folded_tokens(fold(text))
    for token in folded:
        seen.setdefault(token, None)
    for token in transliterate(text).split():
        seen.setdefault(token, None)
    for token in folded:
        if any(_script_of(ch) == "Hani" for ch in token):
            joined = transliterate(token).replace(" ", "")
            if joined:
                seen.setdefault(joined, None)
    return list(seen)
