"""The gazetteer of one language: every known spelling -> candidate places, compiled into one automaton.

Sources, all read lazily on first use of a language and cached process-wide:

* ``data/places/cldr_names.tsv.gz``: CLDR territory names of every babel locale, one line per language;
* ``data/places/i18n_names.tsv.gz``: the names i18n-iso-countries adds, one line per language;
* ``data/places/cities.tsv.gz``: GeoNames capitals and large cities (one line per folded key), U.S. states;
* ``data/places/calendar_words.tsv.gz``: CLDR weekday and month names, one line per language;
* ``data/places/aliases.tsv``, ``demonyms.tsv``, ``traps.tsv``, ``spellings.tsv``: hand-made tables.

Keys are lower-cased with :func:`fold` (one character in, one character out, so offsets
in the folded text are offsets in the source). Each key carries the positions that
must be upper case in the source (``mask``), the word endings it accepts, and its
candidate places, best first.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from itertools import accumulate
from types import MappingProxyType
from typing import Any, NamedTuple

from .._latin1 import latin1_bytes, lower_bytes
from .._resources import cached, read_text
from .._trie import trie_pattern

__all__ = [
    "QUOTES",
    "Candidate",
    "Entry",
    "Gazetteer",
    "city_entry",
    "cldr_name",
    "fold",
    "gazetteer",
    "spellings",
    "strip_marks",
]

# ----------------------------------------------------------------------------- grammar per language

#: Endings a demonym takes in running text (the base form is always accepted).
_DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("s",),
    "fr": ("e", "s", "es", "ne", "nes"),
    "de": ("e", "en", "er", "es", "em", "n", "s", "in", "innen"),
    "es": ("a", "o", "s", "as", "os", "es", "e"),
    "it": ("a", "o", "i", "e"),
    "pt": ("a", "o", "s", "as", "os", "es", "e"),
    "nl": ("e", "en", "s", "se", "ers", "s"),
    "tr": ("ler", "lar"),
    "el": (
        "ος",
        "ου",
        "ο",
        "οι",
        "ων",
        "ους",
        "η",
        "ης",
        "ές",
        "α",
        "ή",
        "ής",
        "ά",
        "ές",
        "ών",
        "ός",
        "ού",
        "οί",
        "ούς",
        "ες",
        "ας",
        "ός",
        "ιος",
        "ια",
        "ιοι",
        "ίου",
        "ίων",
        "ιου",
        "ό",
    ),
    "ar": ("ة", "ون", "ين", "ان", "ية", "يون", "يين"),
}
_RU_ADJ = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому", "ему", "им", "ым", "ом", "ем",
           "ую", "юю", "их", "ых", "ими", "ыми", "ей")  # fmt: skip
_SLAVIC_NOUN = ("а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "ами",
                "ями", "ь", "й", "ии", "ию", "ией", "ия", "ья", "ьи", "ью", "ьей", "ин", "ина", "ину", "ине",
                "a", "y", "i", "e", "ę", "ą", "u", "o", "ie", "ii", "ią", "em", "iem", "ach", "om", "ami", "ě",
                "í", "і", "ї", "ію", "ією", "ії", "ою", "ові", "еві", "ові", "ах", "ям", "єю", "ю")  # fmt: skip
_DEMONYM_ENDINGS.update(
    dict.fromkeys(("ru", "uk", "be", "bg"), (*_RU_ADJ, "ы", "ин", "а", "е", "ам", "ами", "ах", "ев", "ов", "ом", "у"))
)
_DEMONYM_ENDINGS["uk"] = (*_DEMONYM_ENDINGS["uk"], "ий", "а", "е", "і", "ого", "ому", "ої", "ій", "у", "ою", "их", "им",
                          "ими", "ці", "ців", "цям", "и")  # fmt: skip
# Turkish plural with the case endings glued on ("Ruslar", "İsraillilerin", "Filistinlilere")
_DEMONYM_ENDINGS["tr"] = ("ler", "lar", "lerin", "ların", "lere", "lara", "leri", "ları", "lerle", "larla", "lerden",
                          "lardan", "lerde", "larda")  # fmt: skip
# Finnish "-inen" adjectives on the stem before "-nen"/"-s-" ("venäläi~": "venäläinen", "venäläisten", "venäläisiä")
_DEMONYM_ENDINGS["fi"] = ("nen", "sen", "set", "sten", "sien", "sta", "stä", "sia", "siä", "ssa", "ssä", "sessa",
                          "sessä", "sissa", "sissä", "sesta", "sestä", "sista", "sistä", "seen", "siin", "sella",
                          "sellä", "silla", "sillä", "selta", "seltä", "silta", "siltä", "selle", "sille", "sena",
                          "senä", "sina", "sinä", "seksi", "siksi", "sine")  # fmt: skip
_DEMONYM_ENDINGS["pl"] = ("i", "a", "ie", "iego", "iej", "im", "ich", "imi", "ą", "y", "ego", "ej")
_DEMONYM_ENDINGS["sv"] = ("", "a", "t", "e", "er", "erna", "en", "na")  # "e": the masculine "den svenske"
_DEMONYM_ENDINGS["ro"] = ("ă", "e", "i", "a", "ul", "ului", "ei", "ii", "ilor", "că", "ce")
# adjective endings on a demonym stem (a form ending in "~": "izraelsk~" -> "izraelský", "izraelskih")
_DEMONYM_ENDINGS["cs"] = ("ý", "á", "é", "í", "ého", "ému", "ém", "ým", "ých", "ými", "ou")
_DEMONYM_ENDINGS["sk"] = ("ý", "á", "é", "í", "ého", "ému", "om", "ým", "ých", "ými", "ú", "ej", "y", "a", "e", "i",
                          "eho", "emu", "ym", "ych", "ymi", "u")  # fmt: skip
_DEMONYM_ENDINGS["hr"] = _DEMONYM_ENDINGS["bs"] = ("i", "a", "o", "e", "u", "og", "oga", "om", "omu", "ome", "im",
                                                   "ima", "ih", "oj")  # fmt: skip
_DEMONYM_ENDINGS["sr"] = (*_DEMONYM_ENDINGS["hr"], "и", "а", "о", "е", "у", "ог", "ога", "ом", "ому", "оме", "им",
                          "има", "их", "ој")  # fmt: skip
_DEMONYM_ENDINGS["sl"] = ("i", "a", "o", "e", "ega", "emu", "em", "im", "ih", "imi", "ima")
_DEMONYM_ENDINGS["bg"] = ("и", "а", "о", "ия", "ият", "ата", "ото", "ите")
_DEMONYM_ENDINGS["mk"] = ("и", "а", "о", "иот", "ата", "ото", "ите")
_DEMONYM_ENDINGS["sq"] = ("e", "ë", "i", "in", "it", "ët", "ëve", "ja", "es", "ve", "ët", "ja", "ët")
_DEMONYM_ENDINGS["af"] = ("e",)
_DEMONYM_ENDINGS["da"] = _DEMONYM_ENDINGS["nb"] = _DEMONYM_ENDINGS["no"] = ("e",)
_DEMONYM_ENDINGS["bn"] = ("রা", "দের", "র", "কে", "দেরকে")
_DEMONYM_ENDINGS["ur"] = ("وں",)
_DEMONYM_ENDINGS["lt"] = ("as", "ai", "ų", "ams", "us", "ė", "ės", "ei", "ę", "o", "ui", "ą", "is", "iai", "ių", "iams",
                          "ius", "io", "iui", "į", "ų")  # fmt: skip
_DEMONYM_ENDINGS["lv"] = ("s", "i", "u", "iem", "us", "e", "es", "ei", "ē", "ais", "ā", "o")
_DEMONYM_ENDINGS["gl"] = _DEMONYM_ENDINGS["pt"]
_DEMONYM_ENDINGS["tl"] = ("ng",)  # the Tagalog linker glued on: "Amerikanong opisyal", "Pilipinong manggagawa"
# Georgian demonyms are stems: "რუს~" -> "რუსი", "რუსმა", "რუსები", "რუსული"; "ამერიკელ~" -> "ამერიკელმა"
_DEMONYM_ENDINGS["ka"] = ("ი", "მა", "ის", "ით", "ად", "ები", "ებმა", "ების", "ებს", "ებთან", "ებისთვის",
                          "ული", "ულმა", "ულის", "ულ", "ულად", "ულით", "ულები", "ური", "ურმა", "ურის", "ურ",
                          "ურად", "ურით")  # fmt: skip
# Armenian: article, cases and plural after a demonym ("ռուսները", "ամերիկացիների", "իսրայելական")
_DEMONYM_ENDINGS["hy"] = ("ը", "ն", "ի", "ին", "ից", "ով", "ներ", "ները", "ների", "ներին", "ներից", "ներով", "ում")
# Icelandic nouns and adjectives on a stem: "Rúss~" -> "Rússar", "Rússa"; "rússnesk~" -> "rússneskur", "rússneska"
_DEMONYM_ENDINGS["is"] = ("", "i", "ar", "a", "um", "arnir", "anna", "unum", "ana", "ur", "t", "an", "s", "ri",
                          "rar", "u", "ir", "ra", "irnir", "ja", "jar", "jum", "janna", "jarnir", "jana", "ji",
                          "inn")  # fmt: skip
# Turkic demonyms: plural and case endings after the "-lı"/"-lik"/"-лық" of :data:`_DEMONYM_SUFFIXES`
# ("rusiyalılar", "xitoyliklarning", "қытайлықтар", "ресейліктердің")
_DEMONYM_ENDINGS["az"] = ("lar", "lər", "ların", "lərin", "lara", "lərə", "ları", "ləri", "larla", "lərlə", "lardan",
                          "lərdən", "larda", "lərdə", "nın", "nin", "nun", "nün", "ya", "yə", "ye", "nı", "ni", "nu",
                          "nü", "dan", "dən", "dır", "dir")  # fmt: skip
_DEMONYM_ENDINGS["uz"] = ("lar", "larning", "larga", "larni", "lardan", "larda", "ning", "ni", "ka", "dan", "da", "лар",
                          "ларнинг", "ларга", "ларни", "лардан", "ларда", "нинг", "ни", "ка", "дан", "да")  # fmt: skip
_DEMONYM_ENDINGS["kk"] = ("дар", "дер", "лар", "лер", "дың", "дің", "ның", "нің", "ға", "ге", "тар", "тер", "тың",
                          "тің", "қа", "ке", "ты", "ті", "тан", "тен", "тардың", "тердің", "тарға", "терге", "тарды",
                          "терді", "тарда", "терде", "тардан", "терден", "тармен", "термен", "пен")  # fmt: skip
#: Patterns that make a demonym of any one-word country name of the language ("{}": the name in lower case):
#: Azerbaijani "Rusiya" -> "rusiyalı", Uzbek "Xitoy" -> "xitoylik", Kazakh "Ресей" -> "ресейлік" (every
#: vowel-harmony and assimilation variant is added, the wrong ones are no words); Nepali "-ी", "-ीय", "-ेली"
#: ("नेपाली", "भारतीय", "फ्रान्सेली"). (Thai "ชาว" + a name is found as the name: "ชาวจีน" -> "จีน".)
_DEMONYM_SUFFIXES: dict[str, tuple[str, ...]] = {
    "az": ("{}lı", "{}li", "{}lu", "{}lü"),
    "uz": ("{}lik", "{}лик"),  # Latin and Cyrillic
    "tk": ("{}ly", "{}li"),
    "ky": ("{}лык", "{}лик", "{}лук", "{}лүк", "{}дык", "{}дик", "{}дук", "{}дүк", "{}тык", "{}тик", "{}тук", "{}түк"),
    "kk": ("{}лық", "{}лік", "{}дық", "{}дік", "{}тық", "{}тік"),
    "ne": ("{}ी", "{}ीय", "{}ेली"),
}

#: Endings any place name takes (German genitive, Finnish/Hungarian/Estonian cases).
_NAME_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("s", "es", "ns"),
    "el": ("ς",),
    "nl": ("s",),
    "sv": ("s",),
    "da": ("s",),
    "nb": ("s",),
    "no": ("s",),
    "nn": ("s",),
    "ro": ("ul", "ului", "ei", "ia", "lui"),
    "fi": ("in", "iin", "issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "ille", "iksi", "ina", "inä",
           "n", "ssa", "ssä", "sta", "stä", "an", "en", "in", "on", "un", "yn", "lla", "llä", "lta", "ltä", "lle",
           "ksi", "na", "nä", "a", "ä", "han", "hin", "hen", "hon", "hun", "hyn", "ineen", "tta", "ttä"),
    "et": ("s", "st", "sse", "l", "lt", "le", "ks", "ga", "ni", "na", "ta", "d", "i", "t", "is", "ist", "isse", "il",
           "ilt", "ile", "iks", "iga", "ini", "ina", "ita", "it", "id", "ga"),
    # Bengali glues case endings and the demonym suffix on ("ভারতের", "ঢাকায়", "দিল্লিতে", "ইসরায়েলি")
    # Mongolian cases glued on ("Хятадын", "Улаанбаатарт", "Москвад", "Казахстантай", "Иранаас")
    "mn": ("ын", "ийн", "ы", "ий", "н", "гийн", "д", "т", "ад", "эд", "од", "өд", "аас", "ээс", "оос", "өөс", "гаас",
           "гээс", "иас", "иос", "аар", "ээр", "оор", "өөр", "гаар", "гээр", "иар", "тай", "тэй", "той", "ыг", "ийг",
           "г", "руу", "рүү", "луу", "лүү", "ад", "ынхан", "ийнхан"),
    # Nepali postpositions glued on ("भारतमा", "चीनको", "अमेरिकाले", "युक्रेनलाई", "इरानमाथि")
    "ne": ("मा", "को", "का", "की", "ले", "लाई", "बाट", "सँग", "संग", "तिर", "बीच", "माथि", "भित्र", "प्रति", "सम्म",
           "देखि", "मै", "सँगै", "मार्फत", "विरुद्ध", "को", "मा", "स्थित", "भन्दा", "कै", "लगायत", "समेत"),
    # Marathi postpositions glued on, after the oblique "-ा-" of a consonant-final name ("भारताच्या", "युक्रेनवर",
    # "मुंबईत"; "अमेरिका" -> "अमेरिकेला": see the alternations)
    "mr": ("ला", "ने", "त", "ात", "चा", "ची", "चे", "च्या", "ाचा", "ाची", "ाचे", "ाच्या", "ाला", "ाने", "ातील", "तील",
           "वर", "ावर", "मध्ये", "ामध्ये", "कडे", "ाकडे", "शी", "ाशी", "हून", "ाहून", "पासून", "ापासून", "साठी",
           "ासाठी", "कडून", "ाकडून", "मधील", "ामधील", "ही", "ाही", "सह", "ासह", "विरुद्ध", "ाविरुद्ध", "जवळ",
           "ाजवळ"),
    # Somali definite article and case suffixes ("Turki" -> "Turkiga", "Ruush" -> "Ruushka", "Kenyada")
    "so": ("ka", "ta", "ga", "ha", "da", "a", "ku", "tu", "gu", "hu", "du", "na", "ya", "yeed"),
    "bn": ("ের", "র", "ে", "য়", "য়ে", "য়ের", "তে", "কে", "এ", "এর", "ও", "ি", "ির", "িরা", "িদের", "ীয়",
           "ীয়রা", "েরও", "য়ও", "তেও", "কেও"),
    # Tamil case endings after a vowel ("இந்தியாவில்", "இலங்கையில்", "ஜெர்மனிக்கு") and, with the
    # consonant's virama dropped, after a consonant ("ஜப்பானில்", "இஸ்ரேலிய"); "" and the doubled consonants keep
    # the bare adjective stem ("இந்திய", "ரஷ்யப்")
    "ta": ("வில்", "வின்", "வுக்கு", "வுக்குச்", "வுக்குப்", "வுக்குத்", "வுடன்", "விடம்", "வை", "வைச்", "வைப்",
           "வைத்", "வும்", "விலிருந்து", "விலும்", "வின்", "யில்", "யின்", "க்கு", "க்குச்", "க்குப்", "க்குத்",
           "யுடன்", "யை", "யைச்", "யைப்", "யும்", "யிலிருந்து", "யிடம்", "யிலும்", "ில்", "ின்", "ுக்கு", "ுக்குச்",
           "ுக்குப்", "ுக்குத்", "ுடன்", "ை", "ைச்", "ைப்", "ைத்", "ும்", "ிடம்", "ிலிருந்து", "ிலும்", "ிய", "ியப்",
           "ியத்", "ியச்", "ியக்", "", "ப்", "த்", "ச்", "க்", "ுக்கும்", "வுக்கும்", "க்கும்", "ிலேயே", "விலேயே",
           "யிலேயே", "ுக்குள்", "வுக்குள்", "க்குள்"),
    # Albanian definite and case forms ("Shqipëri" -> "Shqipëria", "Izrael" -> "Izraeli", "Kinë" -> "Kina", "Kinës")
    "sq": ("a", "ia", "i", "u", "në", "s", "së", "n", "ës", "it", "in", "ja", "ë", "ën", "ut", "ën", "es", "e"),
    # Armenian article and cases ("Հայաստանը", "Երևանում"); Georgian cases ("საქართველოში", "თბილისში")
    "hy": ("ը", "ն", "ի", "ում", "ից", "ով", "ին", "ն", "ու", "ում", "ումը", "յում", "յի", "յից", "յով", "յին", "ն"),
    # Icelandic genitive and cases ("Íslands", "Þýskalands", "Úkraínu")
    "is": ("s", "ar", "u", "i", "a", "ur", "num", "inu", "ið", "ina", "nnar", "ir"),
    "ka": ("ში", "ის", "ს", "მა", "ით", "ად", "თან", "ზე", "იდან", "თვის", "ისთვის", "ში", "ელი", "ისა", "ში", "მ",
           "დან", "სთვის", "სკენ", "ისკენ", "ისგან", "სგან", "შიც", "საც", "მაც", "ზეც", "თანაც"),
    # Azerbaijani, Uzbek and Kazakh cases glued on without an apostrophe ("Bakıda", "Toshkentda", "Қазақстанда"),
    # with the pronominal "n" after a possessive ending ("Qəzza zolağında", "Штаттарында")
    "az": ("da", "də", "ya", "yə", "dan", "dən", "nın", "nin", "nun", "nün", "ın", "in", "un", "ün", "a", "ə", "ı",
           "i", "u", "ü", "la", "lə", "dakı", "dəki", "yla", "ylə", "ta", "tə", "tan", "tən", "n", "nda", "ndə", "na",
           "nə", "ndan", "ndən", "ndakı", "ndəki", "nı", "ni", "nu", "nü", "ya", "yə", "dır", "dir"),
    "uz": ("da", "dan", "ga", "ka", "qa", "ni", "ning", "dagi", "ning", "lik", "ning", "ning", "dan", "ga", "dagi",
           "ndagi", "gacha", "ni", "da", "да", "дан", "га", "ка", "қа", "ни", "нинг", "даги", "ндаги", "гача"),
    "kk": ("да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "ның", "нің", "дың", "дің", "тың", "тің",
           "ды", "ді", "ты", "ті", "ны", "ні", "нан", "нен", "дан", "ден", "тан", "тен", "мен", "пен", "бен", "дағы",
           "дегі", "тағы", "тегі", "ға", "а", "е", "нда", "нде", "ндағы", "ндегі", "ның", "нан", "нен", "ға"),
    # Kyrgyz cases ("Бишкекте", "Украинага", "Кытайдын", "Москвадан", "Орусияны")
    "ky": ("да", "де", "та", "те", "до", "дө", "то", "тө", "га", "ге", "ка", "ке", "го", "гө", "ко", "кө", "а", "е",
           "на", "не", "нын", "нин", "дын", "дин", "тын", "тин", "нун", "нүн", "дун", "дүн", "тун", "түн", "дан",
           "ден", "тан", "тен", "дон", "дөн", "тон", "төн", "нан", "нен", "ны", "ни", "ды", "ди", "ты", "ти", "ну",
           "нү", "ду", "дү", "ту", "тү", "дагы", "деги", "тагы", "теги", "догу", "дөгү", "нда", "нде", "нын", "ндагы"),
    # Turkmen cases ("Aşgabatda", "Russiýa" -> "Russiýanyň", "Hytaýa", "Türkmenistandan")
    "tk": ("da", "de", "a", "e", "ga", "ge", "ka", "ke", "dan", "den", "yň", "iň", "nyň", "niň", "y", "i", "ny", "ni",
           "daky", "däki", "na", "ne", "ýa", "ýe", "nda", "nde", "ndan", "nden"),
    # Kurmanji oblique and ezafe endings ("Ukraynayê", "Hewlêrê", "Tirkiyeyê", "Sûriyeya")
    "ku": ("ê", "yê", "ya", "a", "an", "ên", "ekê", "da", "de", "ra", "re", "ve"),
    # Gujarati postpositions glued on ("ભારતમાં", "રશિયાએ", "ચીનની", "અમેરિકાથી")
    "gu": ("માં", "નું", "ની", "ના", "નાં", "ને", "થી", "નો", "એ", "માંથી", "માંના", "માંની", "નાં", "ના", "ે", "ની"),
    # Malayalam cases glued on ("ഇന്ത്യയിൽ", "ചൈനയും", "റഷ്യയുടെ"; after a chillu: see the alternations)
    "ml": ("യിൽ", "ിൽ", "യുടെ", "ുടെ", "ന്റെ", "ിന്റെ", "യും", "ും", "യെ", "െ", "യ്ക്ക്", "ക്ക്", "ിന്", "ിലേക്ക്",
           "യിലേക്ക്", "ിൽനിന്ന്", "യിൽനിന്ന്", "ിലെ", "യിലെ", "യോട്", "ോട്", "യിലും", "ിലും"),
    # Basque cases glued on ("Frantziarekin", "Espainiako", "Parisen", "Errusiak", "Kievetik")
    "eu": ("k", "ek", "ren", "en", "n", "an", "ko", "eko", "ra", "era", "tik", "etik", "ri", "i", "rekin", "ekin",
           "z", "ez", "rako", "erako", "raino", "erantz", "rantz", "rik", "ik", "ak", "aren", "ari", "arekin"),
    # Amharic object, "and"/"also" and plural demonym endings glued on ("ኢትዮጵያን", "ግብፅና", "ሱዳንም")
    "am": ("ን", "ና", "ም", "ዊ", "ዊያን", "ውያን", "ዊት"),
    "hu": ("ban", "ben", "ba", "be", "ból", "ből", "ra", "re", "ról", "ről", "nak", "nek", "hoz", "hez", "höz",
           "on", "en", "ön", "n", "i", "t", "ot", "et", "tól", "től", "ig", "val", "vel", "ba", "ban", "ból"),
}  # fmt: skip
#: Stem changes before endings: ``(final, new final, stem)`` turns a name's last word ending in ``final``
#: into ``new final`` (``stem``: then one of the language's name endings must follow; a tuple: one of those
#: endings). Romanian genitive
#: "Franța" -> "Franței"; Hungarian lengthening "Ukrajna" -> "Ukrajnát"; Finnish "Suomi" -> "Suomessa";
#: Polish locatives with consonant alternation "Polska" -> "Polsce", "Kanada" -> "Kanadzie", "Niemcy" ->
#: "Niemczech", "Włochy" -> "Włoszech", "Węgry" -> "Węgrzech".
_TA_ADJ = ("", "ப்", "த்", "ச்", "க்")  # the bare adjective stem, with a doubled consonant before the noun
_UK_CASES = ("а", "у", "ові", "ом", "і", "е")  # a masculine noun's case endings after the changed vowel
#: the shortest stem an alternation applies to, where it is not 3 ("Київ" -> "Києва")
_ALTERNATION_MIN = {"uk": 2}
_ML_CHILLU = ("ിൽ", "ിന്റെ", "െ", "ും", "ിലെ", "ിലേക്ക്", "ിന്", "ിൽനിന്ന്", "ിലും")  # after a chillu's consonant
_ALTERNATIONS: dict[str, tuple[tuple[str, str, bool | tuple[str, ...]], ...]] = {
    "ro": (("a", "ei", False), ("a", "ă", False)),
    # Greek accusative and genitive of masculine names: "Κύπρος" -> "Κύπρο", "Κύπρου"; "Καναδάς" -> "Καναδά"
    "el": (("ος", "ο", False), ("ος", "ου", False), ("ας", "α", False), ("ης", "η", False)),
    "hu": (("a", "á", True), ("e", "é", True)),
    "fi": (("i", "e", True),),
    "pl": (("ka", "ce", False), ("ga", "dze", False), ("cha", "sze", False), ("ra", "rze", False),
           ("ta", "cie", False), ("da", "dzie", False), ("cy", "czech", False), ("chy", "szech", False),
           ("ry", "rzech", False), ("chy", "chach", False), ("ny", "nach", False)),
    # Czech locatives and datives with consonant change: "Amerika" -> "Americe", "Praha" -> "Praze", "Riga" -> "Rize"
    "cs": (("ka", "ce", False), ("ha", "ze", False), ("ga", "ze", False), ("ra", "ře", False), ("cha", "še", False)),
    # Croatian, Bosnian and Serbian: "Amerika" -> "Americi", "Afrika" -> "Africi", "Америка" -> "Америци"
    "hr": (("ka", "ci", False), ("ga", "zi", False)),
    "bs": (("ka", "ci", False), ("ga", "zi", False)),
    "sr": (("ka", "ci", False), ("ga", "zi", False), ("ка", "ци", False), ("га", "зи", False)),
    # Lithuanian and Latvian city names lose their nominative ending before a case ending: "Vilnius" -> "Vilniuje"
    # (they take no shared Slavic city stems: those are cut by the Russian rule, "Cenai" -> "Cen-as")
    "lt": (("as", "", True), ("is", "", True), ("us", "", True), ("ys", "", True), ("a", "", True), ("ė", "", True)),
    "lv": (("s", "", True), ("a", "", True), ("e", "", True)),
    "sq": (("ë", "", True),),  # "Kinë" -> "Kina", "Kinës"
    "is": (("a", "u", False),),  # "Úkraína" -> "Úkraínu"
    # Ukrainian: the і of a closed final syllable is о or е in the other cases ("Львів" -> "Львова", "Київ" ->
    # "Києва", "Кишинів" -> "Кишинева")
    "uk": (("ів", "ов", _UK_CASES), ("ів", "ев", _UK_CASES), ("їв", "єв", _UK_CASES)),
    "ps": (("ه", "ې", False), ("ه", "ي", False)),  # Pashto oblique: "روسیه" -> "روسیې", "سوریه" -> "سوریې"
    "mn": (("ь", "", True),),  # "Израиль" -> "Израилийн", "Тайвань" -> "Тайванийн"
    "ky": (("ь", "", True),),  # "Израиль" -> "Израилдин", "Тайвань" -> "Тайвандын"
    # Malayalam: a final chillu is the consonant before a vowel sign ("പാക്കിസ്ഥാൻ" -> "പാക്കിസ്ഥാനിൽ")
    "ml": (("ൻ", "ന", _ML_CHILLU), ("ൽ", "ല", _ML_CHILLU)),
    # Marathi: a final "ा" is "े" before a glued postposition ("अमेरिका" -> "अमेरिकेला")
    "mr": (("ा", "े", ("ला", "ने", "त", "च्या", "चा", "ची", "चे", "तील", "वर", "शी", "कडे", "साठी", "हून", "पासून", "मध्ये",
                    "कडून", "मधील", "ही", "सह", "विरुद्ध")),),
    # "თბილისი" -> "თბილისში"; a final "ა" goes before the genitive and instrumental: "უკრაინა" -> "უკრაინის"
    "ka": (("ი", "", True), ("ა", "", ("ის", "ით", "ად", "ისა", "იდან", "ისთვის", "ისკენ", "ისგან", "ისაც"))),
    # Tamil: a final consonant loses its virama before an ending ("ஜப்பான்" -> "ஜப்பானில்"), "-ம்" becomes
    # "-த்த" ("நேபாளம்" -> "நேபாளத்தில்"), a final long "ா" goes in the adjective ("இந்தியா" -> "இந்திய")
    "ta": (("ம்", "த்த", True), ("்", "", True), ("ா", "", _TA_ADJ)),
}  # fmt: skip
#: Languages without stem endings whose stem changes apply to city names too ("Київ" -> "Києва", "ბერლინი" ->
#: "ბერლინში")
_CITY_ALTERNATIONS = frozenset({"uk", "ka", "mr", "ml"})
#: Welsh initial mutations of a capitalised name: soft ("i Gaerdydd", "i Lundain"), nasal ("yng Nghaerdydd",
#: "ym Mharis") and aspirate ("â Pharis"); "Ch", "Ph", "Th" and "Ts" do not mutate, a dropped "G" leaves four
#: letters or more ("Groeg" -> "Roeg").
_WELSH_MUTATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Ll", ("L",)),
    ("Rh", ("R",)),
    ("P", ("B", "Mh", "Ph")),
    ("T", ("D", "Nh", "Th")),
    ("C", ("G", "Ngh", "Ch")),
    ("B", ("F", "M")),
    ("D", ("Dd", "N")),
    ("G", ("", "Ng")),
    ("M", ("F",)),
)
#: Languages whose place names take initial mutations.
_MUTATING = frozenset({"cy"})


def mutations(name: str) -> list[str]:
    """The Welsh mutated forms of a capitalised ``name`` ("Caerdydd" -> "Gaerdydd", "Nghaerdydd", "Chaerdydd")."""
    if name.startswith(("Ch", "Ph", "Th", "Ts")):
        return []
    for head, forms in _WELSH_MUTATIONS:
        if name.startswith(head):
            rest = name[len(head) :]
            out = []
            for form in forms:
                if form:
                    out.append(form + rest)
                elif len(rest) >= 4 and rest[0].isalpha():
                    out.append(rest[0].upper() + rest[1:])
            return out
    return []


#: Languages whose names are also matched as a stem plus a case ending (the last vowel dropped).
_STEM_LANGS = frozenset({"ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "lt", "lv"})
_STEM_FINALS = frozenset("аяоеыийьіїєaeoyuiě")
_SLAVIC_ADJ_FINALS = frozenset({"ая", "ый", "ий", "ое", "ые", "ие", "ой", "ня", "ьи"})
#: Letters glued in front of a word (conjunctions, prepositions, the article).
_PREFIXES: dict[str, frozenset[str]] = {
    "ar": frozenset({"و", "ب", "ل", "ف", "ك", "ال", "وال", "بال", "لل", "فال", "كال", "وب", "ول", "وبال", "ولل", "فب"}),
    "fa": frozenset({"ب", "به"}),
    "he": frozenset({"ב", "ל", "מ", "ה", "ו", "ש", "וב", "ול", "ומ", "מה", "שב", "שה", "וה", "בה"}),
    # Amharic prepositions glued on: የ (of), በ (in, by), ከ (from), ለ (for), ወደ (to), እንደ (like), ስለ (about)
    "am": frozenset({"የ", "በ", "ከ", "ለ", "ወደ", "እንደ", "ስለ", "ከነ"}),
    # Zulu locative and possessive prefixes before a capitalised name ("eNigeria", "waseNingizimu Afrika")
    "zu": frozenset({"e", "i", "ase", "wase", "kwa", "nase", "yase", "lase", "sase", "zase", "base", "kase", "ngase",
                     "se", "we", "ye", "le", "ze", "be", "ka", "ne", "nge", "u"}),
}
#: Lithuanian and Latvian noun endings after the stem ("Lietuv-oje", "Rīg-ā").
_LT_NOUN = ("as", "o", "ui", "ą", "u", "e", "ai", "is", "io", "iui", "į", "iu", "yje", "y", "ys", "a", "os", "oje", "ė",
            "ės", "ei", "ę", "ėje", "ų", "ams", "us", "uose", "omis", "ose", "oms", "ėse", "ėms", "ėmis", "uje", "iai",
            "ių", "iams", "ius", "iuose", "ą")  # fmt: skip
_LV_NOUN = ("a", "as", "ai", "u", "ā", "ām", "ās", "am", "os", "i", "is", "e", "es", "ei", "ē", "ēm", "ēs", "us", "um",
            "ū", "s", "iem", "ī", "īs", "š", "am", "ām")  # fmt: skip
#: Case endings a name stem takes beyond the shared Slavic set, per language (Czech "Spojených státech",
#: "Spojeným státům"; Slovak "Spojených štátoch"; Croatian/Serbian "Njemačkoj", "Državama"; Slovene
#: "Državah"; Serbian Cyrillic "Немачкој"). Languages listed here also get :data:`_ADJ_FORMS`, endings on
#: names of other languages ("Washingtonu") and :data:`_ALTERNATIONS` on city names ("Praha" -> "Praze").
_STEM_EXTRA: dict[str, tuple[str, ...]] = {
    "cs": ("ech", "ům", "ů", "ám", "ách", "ích", "ím", "ou", "ii", "ií", "iím", "iemi", "ovi", "ami", "y"),
    "sk": ("och", "ov", "om", "mi", "ám", "ách", "ami", "ou", "ii", "iou", "ií", "ovi", "ú", "y"),
    "hr": ("om", "em", "ima", "ama", "oj", "ije", "iji", "iju", "ijom", "ju", "ja", "ji", "jom", "ovi", "ove", "ova",
           "ah", "am", "ih"),
    "bs": ("om", "em", "ima", "ama", "oj", "ije", "iji", "iju", "ijom", "ju", "ja", "ji", "jom", "ovi", "ove", "ova",
           "ah", "am", "ih"),
    "sr": ("om", "em", "ima", "ama", "oj", "ije", "iji", "iju", "ijom", "ju", "ja", "ji", "jom", "ovi", "ove", "ova",
           "ом", "ем", "има", "ама", "ој", "ије", "ији", "ију", "ијом", "ју", "ја", "ји", "јом", "ови", "ове", "ова",
           "а", "е", "и", "у", "о"),
    "sl": ("om", "em", "ima", "ama", "ah", "am", "ih", "ijo", "iji", "ije", "jo", "ji", "je", "ja", "ov", "ovi"),
    "lt": _LT_NOUN,
    "lv": _LV_NOUN,
}  # fmt: skip
#: Adjective words of multi-word names, per language: ``(finals, endings)``: a leading word ending in one of
#: ``finals`` also stands with each of ``endings`` in its place ("Spojené státy" -> "Spojených států",
#: "Velika Britanija" -> "Velikoj Britaniji", "Bosna i Hercegovina" -> "Bosni i Hercegovini").
_CS_ADJ = ("ý", "á", "é", "í", "ého", "ému", "ém", "ým", "ých", "ými", "ou")
_SK_ADJ = _DEMONYM_ENDINGS["sk"]  # with the short endings after a long syllable: "rakúskym"
_HR_ADJ = ("i", "a", "o", "e", "u", "og", "oga", "om", "omu", "ome", "im", "ima", "ih", "oj")
_SR_ADJ = ("и", "а", "о", "е", "у", "ог", "ога", "ом", "ому", "оме", "им", "има", "их", "ој")
_SL_ADJ = ("i", "a", "o", "e", "ega", "emu", "em", "im", "ih", "imi", "ima", "ih")
_ADJ_FORMS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "cs": tuple((f, _CS_ADJ) for f in ("ý", "á", "é", "í")),
    "sk": tuple((f, _SK_ADJ) for f in ("ý", "á", "é", "í")),
    "hr": tuple((f, _HR_ADJ) for f in ("i", "a", "o", "e")),
    "bs": tuple((f, _HR_ADJ) for f in ("i", "a", "o", "e")),
    "sr": tuple((f, _HR_ADJ) for f in ("i", "a", "o", "e")) + tuple((f, _SR_ADJ) for f in ("и", "а", "о", "е")),
    "sl": tuple((f, _SL_ADJ) for f in ("i", "a", "o", "e")),
    # "Jungtinės Valstijos" -> "Jungtinėse Valstijose", "Didžioji Britanija" -> "Didžiojoje Britanijoje"
    "lt": (("ioji", ("ioji", "iosios", "iajai", "iąją", "iojoje", "iąja")),
           ("oji", ("oji", "osios", "ajai", "ąją", "ojoje", "ąja")),
           ("ės", ("ės", "ių", "ėms", "es", "ėse", "ėmis")),
           ("ė", ("ė", "ės", "ei", "ę", "ėje")),
           ("ieji", ("ieji", "iųjų", "iesiems", "iuosius", "iuosiuose")),
           ("asis", ("asis", "ojo", "ajam", "ąjį", "uoju", "ajame"))),
    # "Apvienotā Karaliste" -> "Apvienotajā Karalistē"
    "lv": (("ā", ("ā", "ās", "ajai", "o", "ajā", "ajām", "ajās")), ("ās", ("ās", "o", "ajām", "ajās", "ās"))),
}  # fmt: skip
#: Languages whose name stems take only their own endings (not the shared Slavic set), and the endings a last
#: word loses before them, longest first ("Izraelis" -> "Izrael-io", "Lietuva" -> "Lietuv-oje").
_STEM_STRIP: dict[str, tuple[str, ...]] = {
    "lt": ("ija", "as", "is", "ys", "us", "ės", "os", "ai", "a", "ė"),
    "lv": ("ija", "as", "is", "us", "a", "e", "s", "š"),
}
#: Short conjunctions inside multi-word names ("Bosna i Hercegovina", "Trinidad a Tobago"): never inflected.
_NAME_LINKS = frozenset({"i", "a", "in", "и", "y", "e"})
#: Vowel signs glue case endings to names in these languages ("ভারতের", "ঢাকায়"): a sign continues the word,
#: and every name, however short, takes the language's name endings.
#: (Nepali "भारतमा", Marathi "भारतात", Gujarati "ભારતમાં",
#: Malayalam "ഇന്ത്യയിൽ" too; not yet Assamese, Telugu ...: without their endings they would lose names)
_GLUED_SIGNS = frozenset({"bn", "ta", "ne", "mr", "gu", "ml"})
#: The shortest names that take the language's name endings where it is not five letters: Danish and Norwegian
#: genitive "-s" ("Kinas", "Oslos"), Estonian and Albanian cases ("Lätis", "Rusia"), agglutinative cases on
#: three-letter names ("Bakıda", "Çində").
_SHORT_NAMES = {"fi": 4, "eu": 4, "da": 4, "nb": 4, "no": 4, "nn": 4, "et": 4, "sq": 4, "az": 3, "uz": 3, "kk": 3,
                "hy": 3, "ka": 3, "am": 3, "mn": 3, "so": 8, "ky": 3, "tk": 3, "ku": 4}  # fmt: skip
#: The same for the language's own country names and aliases only, where a short city name with the ending is
#: another word: German and Swedish genitive "Irans", "Kubas", "Kinas" (not "Hama" -> "Hamas").
_SHORT_OWN_NAMES = {"de": 4, "sv": 4, "so": 4}  # Somali "Bangiga" (the bank) is no "Bangi" (Bangui)
#: Languages whose CLDR names are filed under another code (Tagalog news uses the Filipino names).
_DATA_LANGS = {"tl": "fil"}
#: Data rows of another language that a language reads too (Norwegian "no" is Bokmål "nb").
_ROW_LANGS: dict[str, frozenset[str]] = {"no": frozenset({"no", "nb"})}
#: Languages where a country name glued to a capitalised word is most often part of a person's or a
#: firm's name ("Jordan Peterson"). Elsewhere nouns are capitalised (de) or a genitive country name stands
#: between a title and a name ("Premier Izraela Binjamin Netanjahu", "Menteri Israel Benjamin Netanyahu").
_PERSON_RULE_LANGS = frozenset({"en", "fr", "es", "it", "pt", "nl", "ca", "gl", "af", "ga", "cy", "oc", "eu",
                                "sv", "da", "no", "nb", "nn", "is", "tl"})  # fmt: skip
#: Languages without the person rule that write titles and common nouns in lower case: a capitalised word before
#: an English spelling ("Michael Jordan") is a name there (not in German or Malay: "US-Bundesstaat Georgia").
_FOREIGN_RULE_LANGS = frozenset({"cs", "sk", "pl", "ru", "uk", "be", "bg", "sr", "hr", "bs", "sl", "mk", "lt", "lv",
                                 "et", "fi", "hu", "ro", "el", "sw", "tr", "az", "uz", "kk", "ky", "tk",
                                 "mn", "so"})  # fmt: skip
#: Languages with a genitive distinct from the dictionary form of names: a country name in its dictionary form
#: right before a capitalised word is a given name ("Kuba Novák"), as the genitive stands there ("Izraele").
_NOMINATIVE_RULE_LANGS = frozenset({"cs", "sk", "hr", "bs", "sr", "sl", "lt", "lv", "ru", "uk", "be", "pl", "hy"})
#: Scripts written without spaces: no word boundary is asked for there.
_NO_SPACE_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN", "HANGUL"})

#: A lower-case noun-class prefix glued to a capitalised name ("iNingizimu Afrika", Zulu).
_GLUED_HEAD = re.compile(r"[a-z]{1,2}(?=[A-Z][a-z])")

#: Apostrophes and quotes a key may start with ("’Amman", "'s-Gravenhage").
QUOTES = "'’‘`"

_RANK = {"country": 0, "territory": 0, "region": 1, "city": 2, "demonym": 3, "trap": 9}


_ARABIC = re.compile("[\u0622\u0623\u0625\u0671\u0649\u06cc\u06a9]")
_ARABIC_FOLD = str.maketrans("\u0622\u0623\u0625\u0671\u0649\u06cc\u06a9", "\u0627\u0627\u0627\u0627\u064a\u064a\u0643")


def fold(text: str) -> str:
    """Lower-case ``text`` one character for one character, so offsets stay.

    ``İ`` becomes ``i``; Arabic alef forms (أ إ آ ٱ) become ``ا`` and ى, Persian ی and ک
    become ي and ك, as news copy writes them either way.
    """
    if "İ" in text:
        text = text.replace("İ", "I")
    if _ARABIC.search(text):
        text = text.translate(_ARABIC_FOLD)
    return text.lower()


def fold_text(text: str) -> str:
    """:func:`fold` of a whole text, with shortcuts for ASCII and Latin-1 text (the same result, see the tests).

    A Latin-1 text (Spanish, French copy) holds no ``İ`` and no Arabic letter, and ``str.lower``
    maps each of its characters to one Latin-1 character: a table of bytes lowers it.
    (Kept apart from :func:`fold`, whose source is part of :func:`key_rules`.)
    """
    if text.isascii():
        return text.lower()
    raw = latin1_bytes(text)
    return lower_bytes(raw) if raw is not None else fold(text)


def strip_marks(text: str) -> str:
    """``text`` without combining diacritics (``Türkiye`` -> ``Turkiye``), one character for one where possible."""
    if text.isascii():
        return text
    return "".join([ch if ch.isascii() else _unmarked(ch) for ch in text])


@functools.lru_cache(maxsize=8192)
def _unmarked(ch: str) -> str:
    """One letter without its combining marks, or the letter itself when that is not one letter."""
    kept = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return kept if len(kept) == 1 else ch


@functools.lru_cache(maxsize=4096)
def spelling_variants(name: str) -> set[str]:
    """``name`` with both apostrophes, hyphens as spaces and joined, and without diacritics.

    Devanagari names also stand without the nukta (Hindi copy writes "क़तर" and "कतर", "ग़ाज़ा" and
    "गाजा"): in NFC text it is a character of its own, which :func:`strip_marks` keeps.
    """
    variants = {name}
    if "'" in name or "’" in name:
        variants |= {name.replace("’", "'"), name.replace("'", "’")}
    if "-" in name:
        variants |= {v.replace(" - ", "-") for v in variants} | {v.replace("-", " ") for v in variants}
    if "\u093c" in name:
        variants |= {v.replace("\u093c", "") for v in variants}
    variants |= {strip_marks(v) for v in variants}
    return variants


def key_rules() -> str:
    """A fingerprint of the rules the build script folds city keys with (:func:`fold`, stems, variants).

    ``scripts/build_places.py`` stores it in ``cities.tsv.gz``; a test compares it with the
    fingerprint of the code in place, so a change of these rules without a rebuild fails.
    """
    import hashlib
    import inspect

    parts = [inspect.getsource(f) for f in (fold, strip_marks, spelling_variants)]
    parts.append(repr(sorted(_STEM_FINALS)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    script = name.split(" ", 1)[0] if name else ""
    return "KATAKANA" if script == "KATAKANA-HIRAGANA" else script


def _first_script(name: str) -> str:
    for ch in name:
        if ch.isalpha():
            return _script(ch)
    return ""


def _scripts(name: str) -> frozenset[str]:
    if name.isascii():
        return _LATIN
    return frozenset(_script(c) for c in name if c.isalpha())


_LATIN = frozenset({"LATIN"})


# ----------------------------------------------------------------------------- shipped data


def _gz_bytes(name: str) -> bytes:
    """The bytes of a shipped gzip file: a JSON header line, then one record per line (not cached)."""
    raw = files("newsnorm").joinpath("data").joinpath("places").joinpath(name).read_bytes()
    return gzip.decompress(raw)


def _lang_record(name: str, lang: str) -> Any:
    """The parsed JSON record of ``lang`` in a per-language line file, or ``None``: only that line is decoded."""
    data = _gz_bytes(name)
    tag = b"\n" + lang.encode("ascii", "replace") + b"\t"
    i = data.find(tag)
    if i < 0:
        return None
    j = data.find(b"\n", i + 1)
    return json.loads(data[i + len(tag) : j if j >= 0 else len(data)].decode("utf-8"))


def _tsv(name: str) -> tuple[tuple[str, ...], ...]:
    def build() -> tuple[tuple[str, ...], ...]:
        rows = []
        for line in read_text("places", name).splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(tuple(line.split("\t")))
        return tuple(rows)

    return cached(("newsnorm.places.tsv", name), build)


def _row_words(name: str, rows_of: frozenset[str]) -> frozenset[str]:
    """The words of the rows of a ``lang<TAB>word|word`` data file that belong to a language (``rows_of``)."""
    return frozenset(w for row in _tsv(name) if row[0] in rows_of for w in row[1].split("|") if w)


_NAME_FILES = ("cldr_names.tsv.gz", "i18n_names.tsv.gz")  # CLDR's names first: they are the spellings


def _languages() -> frozenset[str]:
    """The languages with country names in the shipped data."""

    def build() -> frozenset[str]:
        out: set[str] = set()
        for name in _NAME_FILES:
            data = _gz_bytes(name)
            out.update(m.decode("ascii") for m in re.findall(rb"\n([A-Za-z_]+)\t", data))
        return frozenset(out)

    return cached(("newsnorm.places.languages",), build)


def _merge(into: dict[str, list[str]], names: Mapping[str, list[str]]) -> None:
    for code, values in names.items():
        into.setdefault(code, []).extend(v for v in values if v not in into.get(code, ()))


def _names(lang: str) -> Mapping[str, list[str]]:
    """Code -> names of one language: CLDR's names first, then those i18n-iso-countries adds.

    Only this language's lines of the shipped files are parsed.
    """

    def build() -> Mapping[str, list[str]]:
        out: dict[str, list[str]] = {}
        if lang in _languages():
            for name in _NAME_FILES:
                record = _lang_record(name, lang)
                if record:
                    _merge(out, record)
        return MappingProxyType(out)

    return cached(("newsnorm.places.names", lang), build)


def _all_names() -> Mapping[str, Mapping[str, list[str]]]:
    """Language -> code -> names of every language (``lookup``'s fallbacks only), parsed in one pass."""

    def build() -> Mapping[str, Mapping[str, list[str]]]:
        out: dict[str, dict[str, list[str]]] = {}
        for name in _NAME_FILES:
            for line in _gz_bytes(name).decode("utf-8").split("\n")[1:]:
                if line:
                    lang, _, payload = line.partition("\t")
                    _merge(out.setdefault(lang, {}), json.loads(payload))
        return MappingProxyType({lang: MappingProxyType(v) for lang, v in out.items()})

    return cached(("newsnorm.places.all_names",), build)


class Spelling(NamedTuple):
    """How one country is called: its type, common and official English names."""

    type: str
    common: str
    official: str


def spellings() -> Mapping[str, Spelling]:
    """Code -> :class:`Spelling`, from ``spellings.tsv`` with CLDR English as fallback."""

    def build() -> Mapping[str, Spelling]:
        english = _names("en")
        out: dict[str, Spelling] = {}
        for code, names in english.items():
            out[code] = Spelling("country", names[0], names[0])
        for row in _tsv("spellings.tsv"):
            code, kind = row[0], row[1]
            base = out.get(code, Spelling(kind, code, code))
            common = row[2] if len(row) > 2 and row[2] else base.common
            official = row[3] if len(row) > 3 and row[3] else base.official
            out[code] = Spelling(kind, common, official)
        return MappingProxyType(out)

    return cached(("newsnorm.places.spellings",), build)


#: ISO 639 codes that CLDR keeps under another code (babel's ``Locale.parse`` reads them the same way)
_CLDR_ALIASES = {"tl": "fil", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "no": "nb"}


def cldr_territories(lang: str) -> dict[str, str]:
    """Every CLDR name of a country or territory in ``lang`` (shipped data) -> its ISO2 code (first code wins).

    Only this language's line of ``cldr_names.tsv.gz`` is read; an unknown language has none. Language
    codes CLDR spells otherwise are read as CLDR's (``_CLDR_ALIASES``: Tagalog "tl" is Filipino "fil").
    """
    lang = _CLDR_ALIASES.get(lang, lang)
    record = _lang_record("cldr_names.tsv.gz", lang) if lang in _languages() else None
    out: dict[str, str] = {}
    for code, names in (record or {}).items():
        if len(code) == 2 and code.isalpha():
            for name in names:
                out.setdefault(name, code)
    return out


def cldr_name(code: str, lang: str) -> str | None:
    """The CLDR short name of ``code`` in the base locale of ``lang`` (shipped data), if any."""
    names = _names(lang).get(code) if lang in _languages() else None
    return names[0] if names else None


def cldr_pairs(lang: str, script: str = "") -> list[tuple[str, str]]:
    """``(code, name)`` of the CLDR names and aliases of ``lang`` (``"*"``: of every language).

    With ``script`` (a Unicode script name such as ``"CYRILLIC"``), only names whose first letter
    is of that script.
    """
    if lang == "*":
        data = _all_names()
    else:
        source = lang if lang in _languages() else "en"
        data = MappingProxyType({source: _names(source)})
    out = [(code, name) for names_of in data.values() for code, names in names_of.items() for name in names]
    if script:
        out = [(code, name) for code, name in out if _first_script(name) == script]
        return out
    for row in _tsv("aliases.tsv"):
        if (row[0] == lang and row[2] != "city") or (lang == "*" and row[2] in ("country", "territory")):
            out.extend((row[1], name) for name in row[3].split("|") if not name.endswith("~"))
    return out


def locale_names(locale: str) -> Mapping[str, str]:
    """Territory names of any babel locale (read from babel on first use)."""

    def build() -> Mapping[str, str]:
        from babel import Locale

        return MappingProxyType(dict(Locale.parse(locale).territories))

    return cached(("newsnorm.places.locale", locale), build)


# ----------------------------------------------------------------------------- the gazetteer


class Candidate(NamedTuple):
    """One place a spelling may mean."""

    code: str
    type: str
    geonames: int
    name: str  # the canonical name (GeoNames name of a city, first alias of a region)
    population: int


class Entry(NamedTuple):
    """A key of the automaton: what it may mean and how it may appear."""

    candidates: tuple[Candidate, ...]
    mask: tuple[int, ...]  # positions that must be upper case in the source
    full: bool  # the key is a whole word by itself (not only a stem)
    endings: frozenset[str]  # accepted word endings after the key
    nobound: bool  # key in a script written without spaces
    abbrev: bool  # every letter of the key must be upper case (US, UAE, U.S.)
    ambiguous: bool  # the candidates name more than one country
    trap: bool  # the key is a fixed expression that is no place ("Peking duck")


#: The automata store one C integer per key (pyahocorasick ``STORE_INTS``), not a Python tuple: the low
#: ``KEY_LENGTH_BITS`` bits hold the key's length, bit ``LANGUAGE_KEY`` marks a key of the language's own
#: automaton, and the value shifted right by ``ROW_SHIFT`` is the key's index in ``Gazetteer.entries`` (a
#: language key) or its row in the city table (a city key). Tens of thousands of keys per language would
#: otherwise hold as many tuples (and, for the cities, row numbers as Python ints).
KEY_LENGTH_BITS = 8
LANGUAGE_KEY = 1 << KEY_LENGTH_BITS
ROW_SHIFT = KEY_LENGTH_BITS + 1


@dataclass(frozen=True)
class Gazetteer:
    """The compiled gazetteer of one language."""

    lang: str
    automaton: Any  # ahocorasick.Automaton: key -> index << ROW_SHIFT | LANGUAGE_KEY | key length
    entries: tuple[Entry, ...]  # index -> Entry of the keys of ``automaton``
    cities: Any  # the shared ahocorasick.Automaton of the city keys of its scripts: key -> row << ROW_SHIFT | length
    shadow: frozenset[int]  # city rows whose key is one of the language's own keys (the own entry wins)
    exact: Mapping[str, Entry]
    city_exact: Mapping[str, Entry]
    slavic: frozenset[str]  # the Slavic case endings city stems take (empty: none)
    name_min: int  # the shortest city key that takes ``name_endings``
    signs: bool  # a vowel sign continues its word (Bengali "ভারতের"): the end of a name must be the end of a word
    name_endings: frozenset[str]  # endings any name takes in this language
    prefixes: frozenset[str]
    exempt: frozenset[str]  # folded words that may follow a place without making it a name (weekdays, months)
    calendar: frozenset[str]  # the weekday and month names among them (not offices): "May" may be a given name
    openers: frozenset[str]  # folded function words that may stand capitalised before a place
    office_words: frozenset[str]  # lower-case office nouns after which a place name is a person's ("président")
    person_rules: bool
    initial_rule: bool  # a capitalised sentence-initial word other than an opener makes a person name
    foreign: frozenset[str]  # keys only an English name spells, where the person rule is off: it runs for them
    nominative: bool  # a country before a name stands in the genitive: a dictionary form before one is a name
    runs: Any  # re.Pattern of capitalised word runs (one group), or None: every key starts with a capital (prefilter)
    quotes: str  # the apostrophes and quotes that start a key ("’Amman"): a run takes one of them before it
    #: by first letter, the rests of the keys a quote starts there, of all quotes and then of each quote
    #: ("a" -> (("adan", "amman", ...), (("’", ("amman", ...)), ...))): a run can take a quote only if its folded
    #: text starts with one of that quote's rests (most runs that start with such a letter start with none)
    quote_rests: Mapping[str, tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]]
    inner: frozenset[str]  # folded lower-case words inside or after keys ("of", "and", "duck")
    memo: dict[str, Any]  # capital run -> its accepted hits (filled by the matcher, bounded)


class _Builder:
    """Keys of one language while they are gathered: ``key -> [candidates, mask bits, full, endings]``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.keys: dict[str, list[Any]] = {}
        self._ends: dict[int, tuple[Iterable[str], frozenset[str]]] = {}

    def add(self, name: str, cand: Candidate, *, stem: bool = False, endings: Iterable[str] = ()) -> None:
        name = name.rstrip("'’").replace("ʼ", "’")
        if len(name) < 2:
            return
        if name.isascii() and "'" not in name and "-" not in name:
            self._add_one(name, cand, stem, endings)
            return
        names = [name]
        if "ʻ" in name or "‘" in name:  # the Uzbek turned comma (Oʻzbekiston, Qo‘shma): as a quote or apostrophe too
            names = [name.replace("ʻ", q).replace("‘", q) for q in "ʻ‘'’`"]
        for one in names:
            for v in spelling_variants(" ".join(one.split())):
                self._add_one(v, cand, stem, endings)

    def add_trap(self, name: str, endings: Iterable[str] = ()) -> None:
        """Add a fixed expression that is no place; a name spelled the same way is dropped ("Mkutano").

        ``endings``: the language's name endings, which the expression takes too (Nepali "नाइजर नदीमा").
        """
        for v in spelling_variants(" ".join(name.split())):
            slot = self.keys.get(fold(v))
            if slot is not None and all(c.type != "trap" for c in slot[0]):
                del self.keys[fold(v)]
        self.add(name, Candidate("", "trap", 0, name, 0), endings=endings)

    def _add_one(self, name: str, cand: Candidate, stem: bool, endings: Iterable[str]) -> None:
        key = fold(name)
        if len(key) != len(name):  # pragma: no cover - fold is 1:1 by construction
            return
        bits = 0
        if key != name:
            lowered = name.replace("İ", "I").lower()
            for i, c in enumerate(name):
                if c != lowered[i]:
                    bits |= 1 << i
        ends = self._frozen(endings)
        slot = self.keys.get(key)
        if slot is None:
            slot = [[cand], bits, not stem, ends]
            self.keys[key] = slot
            return
        slot[1] &= bits
        if cand not in slot[0]:
            slot[0].append(cand)
        if not stem:
            slot[2] = True
        if ends:
            if slot[3] is None:
                slot[3] = ends
            elif not ends <= slot[3]:
                slot[3] = slot[3] | ends

    def _frozen(self, endings: Iterable[str]) -> frozenset[str] | None:
        """``endings`` as one shared frozenset (a language adds the same long tuples to thousands of keys)."""
        if not endings:
            return None
        if isinstance(endings, frozenset):
            return endings
        memo = self._ends
        found = memo.get(id(endings))
        if found is None or found[0] is not endings:
            found = memo[id(endings)] = (endings, frozenset(endings))
        return found[1]

    def freeze(self) -> dict[str, Entry]:
        out: dict[str, Entry] = {}
        interned: dict[Any, Any] = {}
        no_endings: frozenset[str] = frozenset()
        for key, (cands, bits, full, raw_endings) in self.keys.items():
            if len(cands) > 1:
                cands = sorted(cands, key=lambda c: (_RANK.get(c.type, 5), -c.population, c.code))
            mask = tuple(i for i in range(bits.bit_length()) if bits >> i & 1)
            mask = interned.setdefault(mask, mask)
            abbrev = False
            if len(mask) > 1:
                abbrev = all(bits >> i & 1 for i, c in enumerate(key) if c.isalpha())
            nobound = False
            if not key.isascii():
                scripts = _scripts(key)
                nobound = bool(scripts) and scripts <= _NO_SPACE_SCRIPTS
            if raw_endings:
                frozen = frozenset(raw_endings)
                endings = interned.setdefault(frozen, frozen)
            else:
                endings = no_endings
            codes = {c.code for c in cands} if len(cands) > 1 else ()
            chosen = tuple(cands)
            out[key] = Entry(
                interned.setdefault(chosen, chosen),
                mask,
                full,
                endings,
                nobound,
                abbrev,
                len(codes) > 1,
                cands[0].type == "trap",
            )
        return out


def _lang_scripts(lang: str) -> frozenset[str]:
    names = _names(lang) or _names("en")
    counts: dict[str, int] = {}
    for values in names.values():
        for v in values:
            for s in _scripts(v):
                counts[s] = counts.get(s, 0) + 1
    total = sum(counts.values()) or 1
    return frozenset(s for s, n in counts.items() if n * 20 >= total)


def _build(lang: str) -> Gazetteer:
    import ahocorasick

    data_lang = _DATA_LANGS.get(lang, lang)
    base = data_lang if data_lang in _languages() else "en"
    spell = spellings()
    b = _Builder(lang)
    demonym_end = _DEMONYM_ENDINGS.get(lang, ())
    name_end = _NAME_ENDINGS.get(lang, ())
    name_min = 2 if lang in _GLUED_SIGNS else _SHORT_NAMES.get(lang, 5)
    own_min = _SHORT_OWN_NAMES.get(lang, name_min)
    stems = lang in _STEM_LANGS
    extra = _STEM_EXTRA.get(lang)
    stem_end: tuple[str, ...] = _SLAVIC_NOUN
    if extra:
        stem_end = extra if lang in _STEM_STRIP else (*_SLAVIC_NOUN, *extra)

    foreign: list[str] = []  # English names in another language's gazetteer (person-name rule, see Gazetteer)

    def add_name(name: str, cand: Candidate, own: bool = True) -> None:
        """Add a name; ``own`` names (of this language) also get their inflected forms."""
        if name.endswith("~"):  # a curated stem that needs an ending ("Viedn~" -> "Viedni", "Viedňou")
            b.add(name[:-1], cand, stem=True, endings=stem_end if stems else name_end)
            return
        if lang in _MUTATING:
            for form in mutations(name):
                b.add(form, cand)
        if extra and not own and len(name) >= 4 and name[-1].isalpha():  # "Washingtonu", "Washingtonem"
            b.add(name, cand, endings=stem_end)
        else:
            b.add(name, cand, endings=name_end if len(name) >= (own_min if own else name_min) else ())
        if not own:
            return
        for final, changed, stem in _ALTERNATIONS.get(lang, ()):
            before = name[-len(final) - 1] if len(name) > len(final) else ""
            # a letter before the changed final; where vowel signs glue endings on, a sign or virama too ("യുക്രെയ്ൻ")
            letter = before.isalpha() or (lang in _GLUED_SIGNS and unicodedata.category(before or " ")[0] == "M")
            if name.endswith(final) and len(name) - len(final) >= _ALTERNATION_MIN.get(lang, 3) and letter:
                ends = stem if isinstance(stem, tuple) else name_end if stem else ()
                b.add(name[: -len(final)] + changed, cand, stem=bool(stem), endings=ends)
        if lang == "de" and " " in name:  # weak adjective ending: "Vereinigte Staaten" -> "Vereinigten Staaten"
            words = name.split(" ")
            inflected = [w + "n" if w.endswith("e") else w for w in words[:-1]]
            if inflected != words[:-1]:
                b.add(" ".join([*inflected, words[-1]]), cand, endings=("n",))
        if not stems:
            return
        words = name.split(" ")
        last = words[-1]
        strip = next((f for f in _STEM_STRIP.get(lang, ()) if last.endswith(f) and len(last) - len(f) >= 3), None)
        if strip is not None:
            last_stem, stem_only = last[: -len(strip)] + ("ij" if strip == "ija" else ""), True
        elif len(last) >= 4 and last[-1].lower() in _STEM_FINALS:
            last_stem, stem_only = last[:-1], True
        elif len(last) >= 3 and last[-1].isalpha():
            last_stem, stem_only = last, False
        else:
            return
        if len(words) == 1:
            b.add(last_stem, cand, stem=stem_only, endings=stem_end)
        elif extra:
            add_phrase(words[:-1], last_stem, cand, stem_only)
        elif len(words) == 2 and len(words[0]) >= 4:  # "сектор Газа" -> "сектору Газа", "Южная Корея" -> "Южной Корее"
            first = words[0]
            forms = {first}
            if first[-2:].lower() in _SLAVIC_ADJ_FINALS:
                forms |= {first[:-2] + e for e in _RU_ADJ}
            elif first[-1].lower() in _STEM_FINALS:
                forms |= {first[:-1] + e for e in _SLAVIC_NOUN}
            else:
                forms |= {first + e for e in _SLAVIC_NOUN}
            for form in forms:
                b.add(form + " " + last_stem, cand, stem=stem_only, endings=_SLAVIC_NOUN)

    def add_phrase(lead: list[str], last_stem: str, cand: Candidate, stem_only: bool) -> None:
        """Inflected forms of a name of two or three words: each leading word in its adjective forms."""
        if len(lead) > 2:
            return
        options: list[set[str]] = []
        for word in lead:
            forms = {word}
            low = word.lower()
            if len(word) >= 3 and low not in _NAME_LINKS:
                adj = next(((fin, ends) for fin, ends in _ADJ_FORMS[lang] if low.endswith(fin)), None)
                if adj is not None:
                    forms |= {word[: -len(adj[0])] + e for e in adj[1]}
                else:
                    if len(lead) == 1 and len(word) >= 4:  # a noun before a genitive: "pásmo Gazy" -> "pásma Gazy"
                        noun = word[:-1] if low[-1] in _STEM_FINALS else word
                        forms |= {noun + e for e in stem_end}
            options.append(forms)
        heads = [""]
        for forms in options:
            heads = [h + f + " " for h in heads for f in forms]
        for head in heads:
            b.add(head + last_stem, cand, stem=stem_only, endings=stem_end)

    langs = [base] if base == "en" else [base, "en"]
    for source_lang in langs:
        for code, names in _names(source_lang).items():
            kind = spell[code].type if code in spell else "country"
            for name in names:
                cand = Candidate(code, kind, 0, spell[code].common if code in spell else name, 0)
                own = source_lang == base
                add_name(name, cand, own)
                if not own:
                    foreign.append(name)
                if "(" in name and name.endswith(")"):
                    add_name(name.partition("(")[0].strip(), cand, own)
                head, dash, tail = name.partition("-")
                if dash and 0 < len(head) <= 3 and head.islower() and tail[:1].isupper():  # Maltese l-Ungerija
                    add_name(tail, cand, own)
                elif glued := _GLUED_HEAD.match(name):  # Zulu "iNingizimu Afrika": the name after the class prefix
                    add_name(name[glued.end() :], cand, own)
                if source_lang == "en" and "&" in name:
                    add_name(name.replace("&", "and"), cand)
                if source_lang == "en" and name.startswith("St. "):
                    add_name("Saint " + name[4:], cand)
    rows_of = _ROW_LANGS.get(lang, frozenset({lang}))
    for row in _tsv("aliases.tsv"):
        if row[0] != "*" and row[0] not in rows_of:
            continue
        code, kind = row[1], row[2]
        city = _city_by_id(int(row[4])) if len(row) > 4 and row[4] else None  # an exonym of a GeoNames city
        for name in row[3].split("|"):
            cand = city or Candidate(code, kind, 0, name if kind == "region" else spell[code].common, 0)
            add_name(name, cand, row[0] in rows_of)
    for row in _tsv("demonyms.tsv"):
        if row[0] not in rows_of:
            continue
        code = row[1]
        for name in row[2].split("|"):
            cand = Candidate(code, "demonym", 0, name.rstrip("~"), 0)
            if lang in _MUTATING:
                for form in mutations(name):
                    b.add(form, cand)
            if name.endswith("~"):
                b.add(name[:-1], cand, stem=True, endings=demonym_end)
            else:
                b.add(name, cand, endings=demonym_end)
    suffixes = _DEMONYM_SUFFIXES.get(lang, ())
    if suffixes:
        _suffix_demonyms(b, base, rows_of, suffixes, demonym_end)
    for row in _tsv("traps.tsv"):
        if row[0] != "*" and row[0] not in rows_of:
            continue
        for name in row[1].split("|"):
            b.add_trap(name, name_end)
    scripts = _lang_scripts(base)
    if lang == "ar":
        _article_after_lam(b, scripts)
    latin = "LATIN" in scripts
    if latin:
        table = _cities()
        for gid, code, name in table.us_states:
            add_name(name, Candidate(code, "region", gid, name, 0), False)
            foreign.append(name)
        for code, _gid, name in table.countries:
            kind = spell[code].type if code in spell else "country"
            add_name(name, Candidate(code, kind, 0, spell[code].common if code in spell else name, 0), False)
            foreign.append(name)

    # city keys live in one automaton per script set, shared by every language written in it
    scripts = frozenset(s for s in scripts if s in _cities().spans)  # en_Dsrt's Deseret has no cities
    city_stems = stems and lang not in _STEM_STRIP
    cities = _city_automaton(scripts, city_stems)
    for name, cand in _us_states(rows_of):
        key = fold(name)
        if key in b.keys or cities.automaton.exists(key) or len(key) < 4:
            # a name of a country ("Georgien", "Géorgie", "Gürcistan") or of a city ("Нью-Йорк", "ワシントン": the
            # city is meant more often), or too short to tell from a word
            continue
        add_name(name, cand)
    openers = _row_words("openers.tsv", rows_of)
    for word in openers:  # a function word that opens sentences is no city there ("Para": Belém; Dutch "Van")
        if cities.automaton.exists(fold(word)) and fold(word) not in b.keys:
            b.add_trap(word)
    if (extra or lang in _GLUED_SIGNS or lang in _CITY_ALTERNATIONS) and lang in _ALTERNATIONS:  # "Praha" -> "Praze"
        ends = stem_end if stems else name_end
        _city_alternations(b, scripts, _ALTERNATIONS[lang], ends, _ALTERNATION_MIN.get(lang, 3))
    if lang in _MUTATING:
        _city_mutations(b, scripts)
    entries = b.freeze()
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    listed: list[Entry] = []
    for key in _common_first(list(entries), list(entries)):
        if len(key) >> KEY_LENGTH_BITS:
            continue  # no name is this long
        automaton.add_word(key, len(listed) << ROW_SHIFT | LANGUAGE_KEY | len(key))
        listed.append(entries[key])
    automaton.make_automaton()
    shadow = frozenset(n >> ROW_SHIFT for key in entries if (n := cities.automaton.get(key, -1)) >= 0)
    runs, inner = _prefilter(entries, cities.firsts)
    quotes = "".join(
        q
        for q in QUOTES
        if next(automaton.keys(q), None) is not None or next(cities.automaton.keys(q), None) is not None
    )
    stem_set = frozenset(stem_end) if stems else _NONE
    city_exact = _CityExact(scripts, stem_set, name_end, name_min, city_stems)
    exact = MappingProxyType({k: e for k, e in entries.items() if e.full and not e.trap})
    followers = _row_words("followers.tsv", rows_of)
    calendar = _exempt_words(base)  # read once: each read decompresses the file
    return Gazetteer(
        lang=lang,
        automaton=automaton,
        entries=tuple(listed),
        cities=cities.automaton if len(cities.automaton) else None,
        shadow=shadow,
        exact=exact,
        city_exact=city_exact,
        slavic=stem_set,
        name_min=name_min,
        signs=lang in _GLUED_SIGNS,
        name_endings=frozenset(name_end),
        prefixes=_PREFIXES.get(lang, frozenset()),
        exempt=calendar | followers,
        calendar=calendar - followers,
        openers=openers,
        office_words=_row_words("office_words.tsv", rows_of),
        person_rules=lang in _PERSON_RULE_LANGS,
        initial_rule=bool(openers),
        foreign=_foreign_keys(lang, base, foreign, entries, rows_of),
        nominative=lang in _NOMINATIVE_RULE_LANGS,
        runs=runs,
        quotes=quotes,
        quote_rests=_quote_rests(quotes, automaton, cities.automaton),
        inner=inner,
        memo={},
    )


def _suffix_demonyms(
    b: _Builder, base: str, rows_of: frozenset[str], suffixes: tuple[str, ...], endings: tuple[str, ...]
) -> None:
    """Add the demonyms a pattern makes of the language's one-word country names and aliases ("rusiyalı").

    Names of three letters or more, not abbreviations; the demonym is matched in either case
    (sentence-initial or not) and takes the demonym endings of the language.
    """
    pairs = [(code, name) for code, names in _names(base).items() for name in names]
    for row in _tsv("aliases.tsv"):
        if row[0] in rows_of and row[2] != "city":
            pairs.extend((row[1], n) for n in row[3].split("|"))
    for code, name in pairs:
        if " " in name or "-" in name or len(name) < 3 or name.isupper() or name.endswith("~") or "(" in name:
            continue
        for pattern in suffixes:
            form = pattern.format(fold(name))
            b.add(form, Candidate(code, "demonym", 0, form, 0), endings=endings)


def _us_states(rows_of: frozenset[str]) -> list[tuple[str, Candidate]]:
    """The U.S. state names of a language's rows of ``us_states.tsv`` (from iso-codes) and ``us_states_hand.tsv``
    (written here for languages whose catalogue keeps the English names), each with its region candidate."""
    return [
        (name, Candidate("US", "region", int(row[1]), row[2], 0))
        for file in ("us_states.tsv", "us_states_hand.tsv")
        for row in _tsv(file)
        if row[0] in rows_of
        for name in row[3].split("|")
    ]


def _article_after_lam(b: _Builder, scripts: frozenset[str]) -> None:
    """Arabic "لِ" (to, for) before the article drops its alif: "السودان" -> "للسودان", "القاهرة" -> "للقاهرة".

    Every name with the article (the language's own keys and the city keys of its script) also
    stands with "لل" in its place; the whole word is the mention, as "لل" fuses the two.
    """
    for key, (cands, _bits, full, ends) in list(b.keys.items()):
        if key.startswith("ال") and len(key) > 4 and cands[0].type != "trap":
            for cand in cands:
                b.add("لل" + key[2:], cand, stem=not full, endings=ends or ())
    table = _cities()
    for row in table.rows(scripts):
        key = table.keys[row]
        if table.flags[row] & 1 and key.startswith("ال") and len(key) > 4 and "لل" + key[2:] not in b.keys:
            for i in table.indexes[row]:
                b.add("لل" + key[2:], table.candidates[i])


def _quote_rests(
    quotes: str, *automata: Any
) -> Mapping[str, tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]]:
    """By first letter of the rest, the rests of the keys a quote starts in ``automata``: all, then per quote."""
    rests: dict[str, dict[str, set[str]]] = {}
    for q in quotes:
        for automaton in automata:
            for key in automaton.keys(q):
                rest = key[1:]
                rests.setdefault(rest[:1], {}).setdefault(q, set()).add(rest)
    return MappingProxyType(
        {
            first: (
                tuple(sorted(set().union(*by_quote.values()))),
                tuple((q, tuple(sorted(found))) for q, found in sorted(by_quote.items())),
            )
            for first, by_quote in rests.items()
        }
    )


def _city_alternations(
    b: _Builder,
    scripts: frozenset[str],
    rules: tuple[tuple[str, str, bool | tuple[str, ...]], ...],
    stem_end: tuple[str, ...],
    min_stem: int = 3,
) -> None:
    """Add the case forms with a consonant change of the whole-name city keys of ``scripts`` ("Praha" -> "Praze").

    The key's capitals come back from its mask; the forms are the language's own keys.
    """
    table = _cities()
    finals = tuple(final for final, _changed, _stem in rules)
    keys, flags, masks, indexes, cands = table.keys, table.flags, table.masks, table.indexes, table.candidates
    for script in sorted(scripts):
        first, last = table.spans.get(script, (0, 0))
        for number in range(first, last):
            key = keys[number]
            if not (flags[number] & 1 and key.endswith(finals)) or " " in key:
                continue
            if not masks[number] and key.upper() != key and script != "GEORGIAN":
                continue  # a cased name with no capital: junk of the sources (Georgian is written without capitals)
            if any(c.type == "trap" for c in b.keys.get(key, ((),))[0]):
                continue  # a word of the language ("ვალი", debt): no inflected forms either
            name = _written(key, masks[number])
            for final, changed, stem in rules:
                if key.endswith(final) and len(key) - len(final) >= min_stem and key[-len(final) - 1].isalpha():
                    form = name[: -len(final)] + changed
                    for i in indexes[number]:
                        ends = stem if isinstance(stem, tuple) else stem_end if stem else ()
                        b.add(form, cands[i], stem=bool(stem), endings=ends)


def _city_mutations(b: _Builder, scripts: frozenset[str]) -> None:
    """Add the mutated forms of the cities' own names among the city keys of ``scripts`` ("ym Mharis").

    Only a key that is the GeoNames name of its city (not one of the alternate names, some of them
    junk) mutates, and a form that is already a key of the language is left alone ("Gaza").
    """
    table = _cities()
    keys, flags, masks, indexes, cands = table.keys, table.flags, table.masks, table.indexes, table.candidates
    heads = tuple(head.lower() for head, _forms in _WELSH_MUTATIONS)
    taken = set(b.keys)
    for number in table.rows(scripts):
        key = keys[number]
        if not (flags[number] & 1 and key.startswith(heads)) or not masks[number] or masks[number][0] != 0:
            continue
        own = [cands[i] for i in indexes[number] if fold(cands[i].name) == key]
        if not own:
            continue
        for form in mutations(_written(key, masks[number])):
            if fold(form) not in taken:
                for cand in own:
                    b.add(form, cand)


def _written(key: str, mask: tuple[int, ...]) -> str:
    """A folded city key with its capitals back (``mask``: the positions upper case in every spelling)."""
    return "".join(c.upper() if i in mask else c for i, c in enumerate(key))


def _big_city_links() -> frozenset[str]:
    """Lower-case words inside the GeoNames names of cities of a million people ("Rio de Janeiro", "Dar es Salaam").

    They join a run of capitalised words, so the prefilter does not cut such a name in two.
    """

    def build() -> frozenset[str]:
        words: set[str] = set()
        for cand in _cities().candidates:
            if cand.population >= 1_000_000:
                words.update(w for w in cand.name.split(" ")[1:] if w[:1].islower())
        return frozenset(words)

    return cached(("newsnorm.places.big_city_links",), build)


def _city_by_id(geonames: int) -> Candidate | None:
    """The city :class:`Candidate` of a GeoNames id in the shipped table, if any."""

    def build() -> Mapping[int, Candidate]:
        return MappingProxyType({c.geonames: c for c in _cities().candidates})

    return cached(("newsnorm.places.city_ids",), build).get(geonames)


def _foreign_keys(
    lang: str, base: str, names: list[str], entries: Mapping[str, Entry], rows_of: frozenset[str]
) -> frozenset[str]:
    """Keys of ``entries`` that only English names spell, in a language without the person-name rule.

    An English country or state name in, say, Czech copy is most often part of a person's or a team's
    name ("Michael Jordan", "Chad Smith"); the language's own names, aliases and demonyms are not.
    """
    if lang not in _FOREIGN_RULE_LANGS or base == "en":
        return _NONE

    def keys(name: str) -> set[str]:
        return {fold(v) for v in spelling_variants(" ".join(name.rstrip("'’").split()))}

    own: set[str] = set()
    for values in _names(base).values():
        for name in values:
            own |= keys(name)
    for row in _tsv("aliases.tsv"):
        if row[0] == "*" or row[0] in rows_of:
            for name in row[3].split("|"):
                own |= keys(name)
    for row in _tsv("demonyms.tsv"):
        if row[0] in rows_of:
            for name in row[2].split("|"):
                bare = name.rstrip("~")
                # a demonym without its accents is no own name ("jordán" is not "Jordan" in "Jordan Peterson")
                own |= keys(bare) - ({fold(strip_marks(bare))} if strip_marks(bare) != bare else set())
    out: set[str] = set()
    for name in names:
        out |= keys(name)
    return frozenset(k for k in out - own if k in entries)


def _prefilter(entries: Mapping[str, Entry], city_firsts: frozenset[str] | None) -> tuple[Any, frozenset[str]]:
    """The capital-run pattern and inner words of a language whose every key starts with a capital.

    When every key of the automata (but fixed non-place expressions) must start with a
    capital letter in the source, only runs of capitalised words, with the lower-case words
    that keys hold ("of", "and", "the", "duck"), can contain a place: the matcher then feeds
    the automata those runs only. Keys that start with an apostrophe ("'s-Gravenhage") are
    found by their capitalised remainder. Returns ``(None, ...)`` when some key may start
    in lower case (French "israélien", German "türkisch"): the whole text is scanned.
    ``city_firsts``: the first letters of the city keys (``None``: some start in lower case).
    """
    if city_firsts is None:
        return None, frozenset()
    firsts: set[str] = set(city_firsts)
    inner: set[str] = set(_big_city_links())

    def visit(key: str, mask: tuple[int, ...], trap: bool) -> bool:
        if not key[0].isalpha():
            if key[0] in "'’‘`" and len(key) > 1 and 1 in mask:
                firsts.add(key[1])
            return True  # junk of the sources (a control character first) is never asked for
        if 0 not in mask and not trap:
            return False
        firsts.add(key[0])
        pos = 0
        for word in key.split(" "):
            if pos and pos not in mask and word:
                inner.add(word)
            pos += len(word) + 1
        return True

    for key, entry in entries.items():
        if not visit(key, entry.mask, entry.trap):
            return None, frozenset()
    upper = {c.upper() for c in firsts if len(c.upper()) == 1 and c.upper() != c and c < "\uffff"}
    if "i" in firsts:
        upper.add("İ")
    if not upper:
        return None, frozenset()
    # ranges, not a list of characters: ``re`` searches for a class of ranges many times faster
    spans: list[list[int]] = []
    for o in sorted(ord(c) for c in upper):
        if spans and o - spans[-1][1] <= 2:
            spans[-1][1] = o
        else:
            spans.append([o, o])
    cls = "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in spans) + "]"
    word = cls + r"\S*"
    if inner:
        # "d'ivoire" is written "d'Ivoire": a letter after an apostrophe or a hyphen may be a capital
        forms = set(inner) | {re.sub(r"(?<=['’-])(\w)", lambda m: m.group(1).upper(), w) for w in inner}
        word = f"(?:{word}|{trie_pattern(forms)}" + r"(?=[\s.,;:!?)\]}\"'’”»]|$))"
    # one group: ``split`` gives the runs and the text between them, whose lengths are the offsets
    return re.compile("(" + cls + r"\S*(?:[ \t]+" + word + ")*)"), frozenset(inner)


def global_names() -> Mapping[str, str]:
    """Folded CLDR name in any language -> code, for names that mean one code only (lookup's fallback)."""

    def build() -> Mapping[str, str]:
        seen: dict[str, str] = {}
        clash: set[str] = set()
        for names in _all_names().values():
            for code, values in names.items():
                for name in values:
                    for key in {fold(name), strip_marks(fold(name))}:
                        if seen.setdefault(key, code) != code:
                            clash.add(key)
        return MappingProxyType({k: v for k, v in seen.items() if k not in clash and len(k) > 2})

    return cached(("newsnorm.places.global_names",), build)


class _Keys:
    """Row number -> folded city key, kept as one string per script and the offsets of its keys.

    53,000 keys as strings of their own take about 4 MB; joined they take about a quarter of that.
    """

    __slots__ = ("_firsts", "_parts", "_size")

    def __init__(self, parts: list[tuple[int, str, array[int]]]) -> None:
        self._parts = parts  # (first row, the keys joined, offsets: one more than keys)
        self._firsts = [first for first, _text, _starts in parts]
        self._size = parts[-1][0] + len(parts[-1][2]) - 1 if parts else 0

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, row: int) -> str:
        if not 0 <= row < self._size:
            raise IndexError(row)
        first, text, starts = self._parts[bisect_right(self._firsts, row) - 1]
        i = row - first
        return text[starts[i] : starts[i + 1]]

    def __iter__(self) -> Iterator[str]:
        for _first, text, starts in self._parts:
            for i in range(len(starts) - 1):
                yield text[starts[i] : starts[i + 1]]


class _Cities(NamedTuple):
    """The shipped city table in parallel arrays indexed by row number (masks and index tuples interned)."""

    keys: _Keys  # row -> folded key
    masks: tuple[tuple[int, ...], ...]  # row -> positions that are upper case in every spelling
    indexes: tuple[tuple[int, ...], ...]  # row -> city indexes (candidates)
    flags: bytes  # row -> 1: a whole name, 2: takes Slavic case endings
    spans: Mapping[str, tuple[int, int]]  # script -> (first, last + 1) row numbers
    candidates: tuple[Candidate, ...]  # city index -> Candidate
    us_states: tuple[tuple[int, str, str], ...]
    countries: tuple[tuple[str, int, str], ...]

    def rows(self, scripts: Iterable[str]) -> Iterator[int]:
        """The row numbers of the keys of ``scripts``, script after script in name order."""
        for script in sorted(scripts):
            first, last = self.spans.get(script, (0, 0))
            yield from range(first, last)


def _cities() -> _Cities:
    """The city keys of the shipped table, script after script, read line by line."""

    def build() -> _Cities:
        text = _gz_bytes("cities.tsv.gz").decode("utf-8")
        cut = text.index("\n")
        header = json.loads(text[:cut])
        keys: list[str] = []  # the keys of the script being read
        parts: list[tuple[int, str, array[int]]] = []
        masks: list[tuple[int, ...]] = []
        indexes: list[tuple[int, ...]] = []
        flags = bytearray()
        spans: dict[str, tuple[int, int]] = {}
        ints: dict[str, tuple[int, ...]] = {"": ()}
        add_mask, add_index, add_flag = masks.append, indexes.append, flags.append

        def close(script: str, first: int) -> None:
            spans[script] = (first, first + len(keys))
            parts.append((first, "".join(keys), array("L", accumulate(map(len, keys), initial=0))))
            keys.clear()

        script_now, first = "", 0
        for line in text[cut + 1 :].split("\n"):  # one line per key, sorted by script
            if not line:
                continue
            script, key, mask, index, flag = line.split("\t")
            if script != script_now:
                if script_now:
                    close(script_now, first)
                script_now, first = script, len(flags)
            keys.append(key)
            m = ints.get(mask)
            if m is None:
                m = ints[mask] = tuple(map(int, mask.split(",")))
            add_mask(m)
            ix = ints.get(index)
            if ix is None:
                ix = ints[index] = tuple(map(int, index.split(",")))
            add_index(ix)
            add_flag(int(flag))
        if script_now:
            close(script_now, first)
        cands = tuple(Candidate(code, "city", gid, name, pop) for gid, code, pop, _capital, name in header["cities"])
        return _Cities(
            _Keys(parts),
            tuple(masks),
            tuple(indexes),
            bytes(flags),
            MappingProxyType(spans),
            cands,
            tuple((gid, code, name) for gid, code, name in header["us_states"]),
            tuple((code, gid, name) for code, gid, name in header["countries"]),
        )

    return cached(("newsnorm.places.cities",), build)


#: ASCII characters of Latin-script news roughly from the most to the least frequent (a speed hint, see
#: _common_first), and the byte table that ranks them first: byte ``i + 1`` for the ``i``-th, other bytes kept
_COMMON = b" eaoinsrtlcdumphgbfyvkwzjxq.,'-\"()0123456789:;!?/"
_BY_FREQUENCY = bytes(1 + _COMMON.index(b) if b in _COMMON else b for b in range(256))


def _common_first(keys: list[str], items: list[Any]) -> list[Any]:
    """``items`` in the order of their ``keys`` with common characters ranked first, to be added to an automaton.

    pyahocorasick keeps a node's children in the order they were added and looks a character up
    among them one after the other: where frequent characters come first, a walk over a text
    compares fewer of them. Any order finds the same keys.
    """
    ranked = [key.encode("utf-8", "surrogatepass").translate(_BY_FREQUENCY) for key in keys]
    return [items[i] for i in sorted(range(len(keys)), key=ranked.__getitem__)]


class _CityAutomaton(NamedTuple):
    automaton: Any  # ahocorasick.Automaton of C ints: folded key -> row number << ROW_SHIFT | key length
    firsts: frozenset[str] | None  # first letters of the keys, or None: some key starts in lower case


def _city_automaton(scripts: frozenset[str], slavic: bool) -> _CityAutomaton:
    """One automaton of the city keys of ``scripts``, shared by every language written in them.

    Stems that only take Slavic case endings are left out unless ``slavic``. The values are C
    integers (``STORE_INTS``), not Python tuples: 53,000 keys would otherwise hold as many tuples
    and row numbers, about 4 MB per script set.
    """

    def build() -> _CityAutomaton:
        import ahocorasick

        table = _cities()
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        add_word = automaton.add_word
        firsts: set[str] = set()
        capitals = True
        flags = table.flags
        rows = [number for number in table.rows(scripts) if flags[number] & 1 or slavic]
        for number in _common_first([table.keys[number] for number in rows], rows):
            key = table.keys[number]
            if len(key) >> KEY_LENGTH_BITS:
                continue  # no name is this long: junk of the source
            add_word(key, number << ROW_SHIFT | len(key))
            mask = table.masks[number]
            head = key[0]
            if head.isalpha():
                if not mask or mask[0] != 0:
                    capitals = False
                firsts.add(head)
            elif head in "'’‘`" and len(key) > 1 and 1 in mask:
                firsts.add(key[1])
        automaton.make_automaton()
        return _CityAutomaton(automaton, frozenset(firsts) if capitals else None)

    return cached(("newsnorm.places.city_automaton", tuple(sorted(scripts)), slavic), build)


_NONE: frozenset[str] = frozenset()


#: a Cyrillic name ending in a hard consonant: a masculine noun (a feminine or soft one ends in -а, -я, -ь)
_CYRILLIC_CONSONANT = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")
#: the case endings of a Cyrillic masculine noun ending in a consonant (Russian, Ukrainian, Belarusian, Bulgarian)
_MASCULINE = frozenset(("а", "у", "ом", "ем", "е", "і", "ові", "еві"))


@functools.lru_cache(maxsize=64)
def _masculine(slavic: frozenset[str]) -> frozenset[str]:
    """The endings of ``slavic`` that a Cyrillic masculine noun ending in a consonant takes."""
    return slavic & _MASCULINE


@functools.lru_cache(maxsize=1 << 16)
def city_entry(number: int, slavic: frozenset[str], name_endings: frozenset[str], name_min: int = 5) -> Entry | None:
    """The :class:`Entry` of city-key row ``number`` for a language's grammar (made on demand).

    ``None`` when the key is only a stem and the language takes no Slavic endings.
    """
    table = _cities()
    key, mask, flags = table.keys[number], table.masks[number], table.flags[number]
    if not (flags & 1 or (slavic and flags & 2)):
        return None
    full = bool(flags & 1)
    ends = slavic if slavic and flags & 2 else (name_endings if len(key) >= name_min else _NONE)
    if full and ends is slavic and _CYRILLIC_CONSONANT.search(key):
        ends = _masculine(slavic)  # "Берн": "Берна", "Берне", never "Берни" (Bernie)
    nobound = not key.isascii() and bool(_scripts(key)) and _scripts(key) <= _NO_SPACE_SCRIPTS
    abbrev = len(mask) > 1 and len(mask) == sum(1 for c in key if c.isalpha())
    cands = table.candidates
    chosen = tuple(cands[i] for i in table.indexes[number])
    return Entry(chosen, mask, full, ends, nobound, abbrev, len({c.code for c in chosen}) > 1, False)


class _CityExact(Mapping[str, Entry]):
    """Read-only ``key -> Entry`` view of a language's whole-name city keys (entries made on demand)."""

    def __init__(
        self,
        scripts: frozenset[str],
        slavic: frozenset[str],
        endings: tuple[str, ...],
        name_min: int = 5,
        stems: bool = False,
    ) -> None:
        self._scripts = scripts
        self._slavic = slavic
        self._endings = frozenset(endings)
        self._name_min = name_min
        self._stems = stems  # the automaton holds the Slavic stem keys

    def _entry(self, key: str) -> Entry | None:
        number = _city_automaton(self._scripts, self._stems).automaton.get(key, -1) >> ROW_SHIFT
        if number < 0 or not _cities().flags[number] & 1:
            return None
        return city_entry(number, self._slavic, self._endings, self._name_min)

    def __getitem__(self, key: str) -> Entry:
        entry = self._entry(key)
        if entry is None:
            raise KeyError(key)
        return entry

    def __iter__(self) -> Iterator[str]:
        table = _cities()
        for number in table.rows(self._scripts):
            if table.flags[number] & 1:
                yield table.keys[number]

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _exempt_words(lang: str) -> frozenset[str]:
    """Folded weekday and month names of ``lang`` (CLDR, precomputed by the build script).

    They often follow a place in news copy ("Gaza Thursday"), so they make no person name.
    """
    words = _lang_record("calendar_words.tsv.gz", lang)
    return frozenset(words) if isinstance(words, list) else frozenset()


def gazetteer(lang: str) -> Gazetteer:
    """The gazetteer of ``lang`` (ISO 639-1; unknown languages get English), built once per process."""
    return cached(("newsnorm.places.gazetteer", lang), lambda: _build(lang))
