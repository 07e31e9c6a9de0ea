"""Companies the lexicon does not know (engine/attribute/new_names.py): found by a company's last word, a legal
form or an apposition, and never made of ordinary words. The end-to-end cases are in data/rule_cases.csv."""
import pytest

from newsnumbers.engine.attribute.new_names import new_names

FOUND = [  # text, the names expected (in order of their first mention)
    ("Meanwhile, Orca AI, an autonomous shipping tech startup, closed a round. Orca AI grew.", ["Orca AI", "Orca AI"]),
    ("MiniMax Group Inc surged, then MiniMax fell.", ["MiniMax", "MiniMax"]),
    ("Partners Group led the round.", ["Partners Group"]),  # what remains without "Group" is a word: kept whole
    ("Die Porr AG wuchs.", ["Porr"]),
    ("Emmi AI (KI für die Industrie, 15 Mio. Euro) und später Emmi.", ["Emmi AI", "Emmi AI"]),
    ("Climeworks, ein Zürcher Start-up, sammelte Geld.", ["Climeworks"]),
    ("Das Wiener Start-up Hololight wächst.", ["Hololight"]),
    ("Wie Finmid den Markt umkrempeln will\nFinmid, ein Start-up, wächst.", ["Finmid", "Finmid"]),  # not across a line
]

NOT_NAMES = [  # capitalised words that name no company
    "Generative AI is changing the industry.",
    "Physical AI and Agentic AI are the next trends.",
    "Das Unternehmen Gewinne machte im Jahr mehr.",
    "The Group said revenue rose.",
    "Der Umsatz, ein Rekord für das Unternehmen, stieg.",
    "Dafür nutzen viele Unternehmen Serverkapazitäten in Rechenzentren.",  # a German noun after a company noun
    "The Stanford AI Index and the MIT Technology Review agree.",  # the name goes on after "AI"
    "Nvidia to Deploy GPUs in UK as Part of £1 Billion AI Partnership",  # a headline in title case
    "Research firm SemiAnalysis reported that costs were higher.",  # a source, not a company of the figure
]


@pytest.mark.parametrize("text,names", FOUND)
def test_a_company_the_lexicon_does_not_know_is_found(text, names):
    assert [name for _, _, name in new_names(text)] == names


@pytest.mark.parametrize("text", NOT_NAMES)
def test_ordinary_capitalised_words_are_no_company(text):
    assert new_names(text) == []
