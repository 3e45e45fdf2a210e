"""Controlled vocabularies of the case format, with labels in English, Russian and Kazakh.

Statistics for UN submissions and merges at headquarters only work if "status" or
"relationship" come from a fixed list, not free text (DESIGN §3). The keys below are the
values written in the JSON case format (DESIGN §7) and are a public contract: never rename
or remove one; add new keys at the end. Labels are what the UI and letters show, and may be
improved freely.

Russian labels avoid gendered past participles where a neutral noun exists; where none does
they use the usual "(а)" form. Kazakh labels are in Cyrillic script, the form used by the
relatives who give testimony in Kazakhstan.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.errors import InvalidInputError

__all__ = [
    "APPEAL_STATUS",
    "CONFIDENTIALITY",
    "DOCUMENT_TYPE",
    "EVENT_TYPE",
    "LANGUAGES",
    "MEDIUM",
    "OFFICIAL_RESPONSE",
    "PUBLISH",
    "RELATIONSHIP",
    "ROLE",
    "SEX",
    "STATUS",
    "VERIFICATION",
    "VOCABULARIES",
    "Vocabulary",
]

LANGUAGES: tuple[str, ...] = ("en", "ru", "kk")
"""Languages every label exists in; ``en`` is the fallback for any other language."""


@dataclass(frozen=True)
class Vocabulary:
    """A named, ordered set of keys with translated labels.

    The order of ``keys`` is the order a form should offer them in (it follows the natural
    progression of a case, e.g. reported → documented), so it is a tuple, not a set.
    ``labels`` is excluded from hashing and ordering so vocabularies can be dict keys even
    though the label table is a dict.
    """

    name: str
    keys: tuple[str, ...]
    labels: dict[str, dict[str, str]] = field(hash=False, compare=False, repr=False)

    def label(self, key: str, lang: str = "en") -> str:
        """Label of ``key`` in ``lang``, falling back to English for other languages.

        An unknown key raises ``KeyError``: the case format is validated on the way in, so
        an unknown key here is a bug that should be seen, not papered over.
        """
        try:
            per_lang = self.labels[key]
        except KeyError:
            raise KeyError(f"{key!r} is not a {self.name} value") from None
        return per_lang.get(lang) or per_lang["en"]

    def check(self, value: object, *, path: str | None = None) -> str:
        """Return ``value`` if it is one of the keys, else raise ``InvalidInputError``.

        The message lists the allowed keys so the person fixing an import file does not
        have to look them up.
        """
        if isinstance(value, str) and value in self.keys:
            return value
        allowed = ", ".join(self.keys)
        raise InvalidInputError(
            f"{value!r} is not a valid {self.name}; expected one of: {allowed}", path=path
        )

    def choices(self, lang: str = "en") -> list[tuple[str, str]]:
        """``(key, label)`` pairs in vocabulary order, for combo boxes and CLI help."""
        return [(k, self.label(k, lang)) for k in self.keys]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.labels

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


# Uyghur (Arabic script) labels of the vocabularies the case editor and the case list show;
# the others, and any key missing here, fall back to English like every other language.
_UYGHUR: dict[str, dict[str, str]] = {
    "status": {
        "open": "ئوچۇق",
        "appealed": "مۇراجىئەت قىلىندى",
        "released": "قويۇپ بېرىلدى",
        "confirmed-detained": "تۇتۇپ تۇرۇلۇشى دەلىللەندى",
        "sentenced": "ھۆكۈم قىلىندى",
        "deceased": "ۋاپات بولدى",
        "unknown": "نامەلۇم",
        "closed": "يېپىلدى",
    },
    "confidentiality": {"public": "ئاممىۋى", "restricted": "چەكلىك", "confidential": "مەخپىي"},
    "verification": {
        "reported": "خەۋەر قىلىنغان",
        "partially-verified": "قىسمەن دەلىللەنگەن",
        "corroborated": "ئىسپاتلانغان",
        "documented": "ھۆججەت بىلەن دەلىللەنگەن",
    },
    "sex": {"female": "ئايال", "male": "ئەر", "other": "باشقا", "unknown": "نامەلۇم"},
    "relationship": {
        "spouse": "جۆرىسى",
        "parent": "ئاتا-ئانىسى",
        "child": "بالىسى",
        "sibling": "قېرىندىشى",
        "grandparent": "بوۋىسى ياكى مومىسى",
        "grandchild": "نەۋرىسى",
        "relative": "باشقا تۇغقىنى",
        "friend": "دوستى",
        "colleague": "خىزمەتدىشى",
        "neighbour": "قوشنىسى",
        "other": "باشقا",
    },
    "event_type": {
        "summoned": "چاقىرتىلدى",
        "detained": "تۇتۇلدى",
        "arrested": "قولغا ئېلىندى",
        "disappeared": "غايىب بولدى",
        "transferred": "يۆتكەلدى",
        "sentenced": "ھۆكۈم قىلىندى",
        "released": "قويۇپ بېرىلدى",
        "deceased": "ۋاپات بولدى",
        "last-contact": "ئاخىرقى ئالاقە",
        "passport-confiscated": "پاسپورتى تارتىۋېلىندى",
        "family-harassed": "ئائىلىسىگە پاراكەندىچىلىك سېلىندى",
        "other": "باشقا",
    },
    "medium": {
        "in-person": "يۈز تۇرانە",
        "phone": "تېلېفوندا",
        "video": "سىنلىق",
        "written": "يازما",
        "other": "باشقا",
    },
    "publish": {"no": "ئېلان قىلماسلىق", "anonymized": "ئىسمى يوشۇرۇن", "named": "ئىسمى بىلەن"},
    "role": {
        "detained": "تۇتۇلغان كىشى",
        "testifier": "گۇۋاھچى",
        "witness": "شاھىت",
        "other": "باشقا",
    },
    "appeal_status": {
        "drafted": "لايىھە",
        "sent": "ئەۋەتىلدى",
        "acknowledged": "تاپشۇرۇۋېلىنغانلىقى دەلىللەندى",
        "answered": "جاۋاب كەلدى",
        "no-answer": "جاۋاب يوق",
    },
}


def _vocab(name: str, rows: list[tuple[str, str, str, str]]) -> Vocabulary:
    """Build a vocabulary from ``(key, en, ru, kk)`` rows; fails loudly on a bad table."""
    keys = tuple(r[0] for r in rows)
    if len(set(keys)) != len(keys):  # pragma: no cover - guards the tables below
        raise ValueError(f"duplicate key in vocabulary {name}")
    labels = {key: {"en": en, "ru": ru, "kk": kk} for key, en, ru, kk in rows}
    for key, text in _UYGHUR.get(name, {}).items():
        labels[key]["ug"] = text
    return Vocabulary(name=name, keys=keys, labels=labels)


STATUS = _vocab(
    "status",
    [
        ("open", "Open", "Открыто", "Ашық"),
        ("appealed", "Appealed", "Направлено обращение", "Өтініш жолданды"),
        ("released", "Released", "Освобождён(а)", "Босатылды"),
        (
            "confirmed-detained",
            "Detention confirmed",
            "Содержание под стражей подтверждено",
            "Қамауда екені расталды",
        ),
        ("sentenced", "Sentenced", "Осуждён(а)", "Сотталды"),
        ("deceased", "Deceased", "Умер(ла)", "Қайтыс болды"),
        ("unknown", "Unknown", "Неизвестно", "Белгісіз"),
        ("closed", "Closed", "Закрыто", "Жабылды"),
    ],
)

CONFIDENTIALITY = _vocab(
    "confidentiality",
    [
        ("public", "Public", "Открытый доступ", "Жария"),
        ("restricted", "Restricted", "Ограниченный доступ", "Шектеулі қолжетімділік"),
        ("confidential", "Confidential", "Конфиденциально", "Құпия"),
    ],
)

VERIFICATION = _vocab(
    "verification",
    [
        ("reported", "Reported", "Сообщено", "Хабарланған"),
        ("partially-verified", "Partially verified", "Частично проверено", "Ішінара тексерілген"),
        (
            "corroborated",
            "Corroborated",
            "Подтверждено другими источниками",
            "Басқа дереккөздермен расталған",
        ),
        ("documented", "Documented", "Подтверждено документами", "Құжатпен расталған"),
    ],
)

SEX = _vocab(
    "sex",
    [
        ("female", "Female", "Женский", "Әйел"),
        ("male", "Male", "Мужской", "Ер"),
        ("other", "Other", "Другое", "Басқа"),
        ("unknown", "Unknown", "Неизвестно", "Белгісіз"),
    ],
)

ROLE = _vocab(
    "role",
    [
        ("detained", "Detained person", "Задержанное лицо", "Ұсталған адам"),
        ("testifier", "Testifier", "Заявитель", "Айғақ беруші"),
        ("witness", "Witness", "Свидетель", "Куәгер"),
        ("other", "Other", "Другое", "Басқа"),
    ],
)

RELATIONSHIP = _vocab(
    "relationship",
    [
        ("spouse", "Spouse", "Супруг(а)", "Жұбайы"),
        ("parent", "Parent", "Родитель", "Ата-анасы"),
        ("child", "Child", "Ребёнок", "Баласы"),
        ("sibling", "Sibling", "Брат или сестра", "Бауыры"),
        ("grandparent", "Grandparent", "Дедушка или бабушка", "Атасы немесе әжесі"),
        ("grandchild", "Grandchild", "Внук или внучка", "Немересі"),
        ("relative", "Other relative", "Другой родственник", "Туысы"),
        ("friend", "Friend", "Друг", "Досы"),
        ("colleague", "Colleague", "Коллега", "Әріптесі"),
        ("neighbour", "Neighbour", "Сосед(ка)", "Көршісі"),
        ("other", "Other", "Другое", "Басқа"),
    ],
)

EVENT_TYPE = _vocab(
    "event_type",
    [
        ("summoned", "Summoned", "Вызов", "Шақыртылу"),
        ("detained", "Detained", "Задержание", "Ұсталу"),
        ("arrested", "Arrested", "Арест", "Қамауға алыну"),
        ("disappeared", "Disappeared", "Исчезновение", "Хабарсыз жоғалу"),
        ("transferred", "Transferred", "Перевод в другое место", "Басқа жерге ауыстырылу"),
        ("sentenced", "Sentenced", "Приговор", "Үкім шығарылу"),
        ("released", "Released", "Освобождение", "Босатылу"),
        ("deceased", "Deceased", "Смерть", "Қайтыс болу"),
        ("last-contact", "Last contact", "Последняя связь", "Соңғы байланыс"),
        (
            "passport-confiscated",
            "Passport confiscated",
            "Изъятие паспорта",
            "Төлқұжаттың тәркіленуі",
        ),
        ("family-harassed", "Family harassed", "Давление на семью", "Отбасының қудалануы"),
        ("other", "Other", "Другое", "Басқа"),
    ],
)

MEDIUM = _vocab(
    "medium",
    [
        ("in-person", "In person", "Лично", "Бетпе-бет"),
        ("phone", "Phone", "По телефону", "Телефон арқылы"),
        ("video", "Video", "Видео", "Бейнежазба"),
        ("written", "Written", "Письменно", "Жазбаша"),
        ("other", "Other", "Другое", "Басқа"),
    ],
)

PUBLISH = _vocab(
    "publish",
    [
        ("no", "Do not publish", "Не публиковать", "Жарияламау"),
        ("anonymized", "Anonymized", "Анонимно", "Аты-жөнін көрсетпей"),
        ("named", "With name", "С указанием имени", "Аты-жөнімен"),
    ],
)

APPEAL_STATUS = _vocab(
    "appeal_status",
    [
        ("drafted", "Drafted", "Черновик", "Жобасы дайын"),
        ("sent", "Sent", "Отправлено", "Жіберілді"),
        ("acknowledged", "Acknowledged", "Получение подтверждено", "Алынғаны расталды"),
        ("answered", "Answered", "Получен ответ", "Жауап келді"),
        ("no-answer", "No answer", "Нет ответа", "Жауап жоқ"),
    ],
)

OFFICIAL_RESPONSE = _vocab(
    "official_response",
    [
        ("none", "No response", "Ответа нет", "Жауап жоқ"),
        ("denial", "Denial", "Отрицание", "Жоққа шығару"),
        (
            "confirmation-of-detention",
            "Confirmation of detention",
            "Подтверждение задержания",
            "Ұсталғанын растау",
        ),
        (
            "release-confirmed",
            "Release confirmed",
            "Освобождение подтверждено",
            "Босатылғаны расталды",
        ),
    ],
)

DOCUMENT_TYPE = _vocab(
    "document_type",
    [
        ("passport", "Passport", "Паспорт", "Төлқұжат"),
        ("id-card", "Identity card", "Удостоверение личности", "Жеке куәлік"),
        ("residence-permit", "Residence permit", "Вид на жительство", "Ықтиярхат"),
        ("birth-certificate", "Birth certificate", "Свидетельство о рождении", "Туу туралы куәлік"),
        (
            "driving-licence",
            "Driving licence",
            "Водительское удостоверение",
            "Жүргізуші куәлігі",
        ),
        ("other", "Other", "Другое", "Басқа"),
    ],
)

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        STATUS,
        CONFIDENTIALITY,
        VERIFICATION,
        SEX,
        ROLE,
        RELATIONSHIP,
        EVENT_TYPE,
        MEDIUM,
        PUBLISH,
        APPEAL_STATUS,
        OFFICIAL_RESPONSE,
        DOCUMENT_TYPE,
    )
}
"""Every vocabulary by its ``name`` (snake_case, as used in settings and form YAML)."""
