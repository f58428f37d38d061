"""The entities component: one test per rule family, on sentences written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
import spacy
from spacy.training import Example

from extractor import extract_doc
from extractor.extensions import ENTITIES
from extractor.pipeline import build_pipeline
from entity_views import entities, names  # noqa: I001


# -- places ------------------------------------------------------------------------------------


def test_countries_and_their_short_forms(nlp):
    found = names(nlp, "Exports to Britain, the UAE and the U.S. fell while Kazakhstan bought more wheat.")
    assert found == {"Britain": "GPE", "UAE": "GPE", "U.S.": "GPE", "Kazakhstan": "GPE"}


def test_short_and_full_country_names_are_one_entity(nlp):
    ents = entities(nlp, "The United Arab Emirates (UAE) signed the deal. UAE officials welcomed it.")
    assert ents["United Arab Emirates"]["label"] == "GPE"
    assert ents["United Arab Emirates"]["aliases"] == ["UAE"]


def test_province_spelling_variants_and_province_word(nlp):
    ents = entities(nlp, "Floods hit the western West Azerbaijan Province on Friday. Roads in "
                         "West Azerbaijan reopened, while Khuzestan stayed dry.")
    assert ents["West Azerbaijan Province"]["label"] == "GPE"
    assert ents["West Azerbaijan Province"]["aliases"] == ["West Azerbaijan"]
    assert ents["Khuzestan"]["label"] == "GPE"


def test_unlisted_spelling_of_a_province_is_matched_fuzzily(nlp):
    doc = nlp("Officials toured Khuzistan Province last week.")
    (span,) = doc.spans[ENTITIES]
    assert span.text == "Khuzistan Province" and span.label_ == "GPE"
    assert span._.facts_entity.key == "GPE:Khuzestan"


def test_small_towns_named_with_their_state(nlp):
    found = names(nlp, "Volunteers reached the villages of Marlow and Pebbleton, Oklahoma, and the "
                       "city of Dunmore, Penn. by noon.")
    assert found.get("Pebbleton") == "GPE" and found.get("Marlow") == "GPE"
    assert found.get("Oklahoma") == "GPE"


def test_dateline_is_a_place_with_its_usual_case(nlp):
    ents = entities(nlp, "NAIROBI - The central bank kept its policy rate unchanged, Reuters reported.")
    assert ents["Nairobi"] == {"label": "GPE", "aliases": ["NAIROBI"], "roles": [],
                               "mentions": ["NAIROBI"]}
    assert ents["Reuters"]["label"] == "ORG"


def test_regions_are_locations(nlp):
    found = names(nlp, "Tremors were felt across Northern Italy and the Middle East.")
    assert found == {"Northern Italy": "LOC", "Middle East": "LOC"}


# -- nationalities -----------------------------------------------------------------------------


def test_nationalities_group_singular_and_plural(nlp):
    ents = entities(nlp, "Canadian exporters met Chilean buyers. Many Canadians stayed home.")
    assert ents["Canadian"]["label"] == "NORP"
    assert ents["Canadian"]["aliases"] == ["Canadians"]
    assert ents["Chilean"]["label"] == "NORP"


# -- organisations -----------------------------------------------------------------------------


def test_organisation_words_head_or_tail_a_name(nlp):
    found = names(nlp, "Talks between the Ministry of Roads and Urban Development and Tabriz "
                       "Tractor Manufacturing Company ended, the Caspian Shipping Agency said.")
    assert found["Ministry of Roads and Urban Development"] == "ORG"
    assert found["Tabriz Tractor Manufacturing Company"] == "ORG"
    assert found["Caspian Shipping Agency"] == "ORG"


def test_coordinated_organisations_are_two_names(nlp):
    found = names(nlp, "Officials of the Ministry of Energy and National Grid Company met.")
    assert found == {"Ministry of Energy": "ORG", "National Grid Company": "ORG"}


def test_comma_list_inside_a_ministry_name_stops_before_a_person(nlp):
    found = names(nlp, "The deputy of the Ministry of Culture, Sports and Tourism Farhad Rostami "
                       "said on Monday that visits rose.")
    assert found["Ministry of Culture, Sports and Tourism"] == "ORG"
    assert found["Farhad Rostami"] == "PERSON"


def test_lower_case_repeat_of_a_ministry(nlp):
    ents = entities(nlp, "The Labour Ministry set new rules. Critics say the labour ministry acted late.")
    assert ents["Labour Ministry"]["aliases"] == ["labour ministry"]


def test_acronym_defined_in_parentheses_and_reused(nlp):
    ents = entities(nlp, "The Northern Fisheries Development Authority (NFDA) issued permits. "
                         "NFDA’s inspectors will visit ports, and NFDA expects more boats.")
    assert ents["Northern Fisheries Development Authority"]["aliases"] == ["NFDA"]
    assert len(ents["Northern Fisheries Development Authority"]["mentions"]) == 4


def test_acronym_of_a_name_given_earlier_without_parentheses(nlp):
    ents = entities(nlp, "The National Water Research Council published a study. NWRC staff disagreed.")
    assert ents["National Water Research Council"]["aliases"] == ["NWRC"]


def test_generic_classes_and_programmes_are_not_organisations(nlp):
    found = names(nlp, "Some 3,000 Rural Credit Cooperatives (RCCs) joined the "
                       "Rural Broadband Program (RBP) this year, while RCCs elsewhere waited.")
    assert found == {}


def test_news_agencies_and_outlets_that_report(nlp):
    found = names(nlp, "Prices rose again, IRNA reported, and the Gulf Herald reported shortages. "
                       "Khaleej Times reported the same.")
    assert found["IRNA"] == "ORG"
    assert found["Gulf Herald"] == "ORG"
    assert found["Khaleej Times"] == "ORG"


def test_place_prefix_of_an_organisation_name_is_an_alias(nlp):
    ents = entities(nlp, "The U.S. Patent Office granted it. Patent Office staff agreed.")
    assert ents["U.S. Patent Office"]["aliases"] == ["Patent Office"]


def test_sentence_initial_word_belongs_to_the_organisation_name(nlp):
    found = names(nlp, "Marsh Valley & Co. posted a loss. Global Cobalt Council said demand fell. "
                       "Zenith Corp. shares rose. Energy Ministry said tariffs would stay.")
    assert found["Marsh Valley & Co."] == "ORG"
    assert found["Global Cobalt Council"] == "ORG"
    assert found["Zenith Corp."] == "ORG"
    assert found["Energy Ministry"] == "ORG"


def test_company_name_without_its_suffix_is_the_same_company(nlp):
    ents = entities(nlp, "Brightwater Holdings Corp. cut jobs. Brightwater Holdings shares fell.")
    assert ents["Brightwater Holdings Corp."]["aliases"] == ["Brightwater Holdings"]


def test_ordinal_opens_an_organisation_name(nlp):
    assert names(nlp, "It bought 22nd Avenue Pictures Inc. last year.") == {
        "22nd Avenue Pictures Inc.": "ORG"}


def test_department_names_with_title_words_and_of_phrases(nlp):
    found = names(nlp, "The Justice Department and the Department of Justice are one body; the "
                       "Fraud Section and the Environment and Natural Resources Division joined.")
    assert found["Justice Department"] == "ORG"
    assert found["Department of Justice"] == "ORG"
    assert found["Environment and Natural Resources Division"] == "ORG"


def test_court_and_office_names_end_with_their_district(nlp):
    found = names(nlp, "He was charged in the U.S. District Court for the Northern District of "
                       "Ohio, Lena Marsh and Oskar Brandt said, and the U.S. Attorney’s Office for "
                       "the Southern District of Iowa agreed.")
    assert found["U.S. District Court for the Northern District of Ohio"] == "ORG"
    assert found["U.S. Attorney’s Office for the Southern District of Iowa"] == "ORG"


def test_a_country_and_a_union_are_two_names(nlp):
    found = names(nlp, "Sanctions by the U.S. and European Union hit the Daily Ledger and Chicago "
                       "Globe alike.")
    assert found["U.S."] == "GPE" and found["European Union"] == "ORG"
    assert found["Chicago Globe"] == "ORG" and "Chicago" not in found


def test_major_outlets_and_publishers_are_known(nlp):
    found = names(nlp, "The story ran in The Wall Street Journal and Barron's before "
                       "HarperCollins bought the book.")
    assert found["The Wall Street Journal"] == "ORG"
    assert found["Barron's"] == "ORG"
    assert found["HarperCollins"] == "ORG"


def test_apposition_with_an_organisation_noun_names_an_organisation(nlp):
    found = names(nlp, "He spoke to Velora, the state news agency, on Monday. Velora said more.")
    assert found == {"Velora": "ORG"}


def test_acronym_of_a_long_name_ending_in_a_place_fits_loosely(nlp):
    ents = entities(nlp, "Gunmen attacked the United Nations Multidimensional Support Mission in "
                         "Chad (MINUSCA) near Abeche. MINUSCA said two died.")
    mission = ents["United Nations Multidimensional Support Mission in Chad"]
    assert mission["label"] == "ORG" and mission["aliases"] == ["MINUSCA"]
    assert "Chad" not in ents


def test_known_acronym_after_its_spelled_out_name_is_one_entity(nlp):
    ents = entities(nlp, "According to the Iranian News Agency (IRNA), exports rose. IRNA added more.")
    assert ents["Iranian News Agency"]["aliases"] == ["IRNA"]
    assert len(ents) == 1


# -- people ------------------------------------------------------------------------------------


def test_title_before_a_name_gives_person_and_role(nlp):
    ents = entities(nlp, "Prime Minister Alenka Dvorak met Governor Tomas Wexley on Friday.")
    assert ents["Alenka Dvorak"]["label"] == "PERSON"
    assert ents["Alenka Dvorak"]["roles"] == ["Prime Minister"]
    assert ents["Tomas Wexley"]["roles"] == ["Governor"]


def test_apposition_gives_person_and_role(nlp):
    ents = entities(nlp, "“We are ready,” said Quorra Abernethy, regional director of the port "
                         "authority. Abernethy added that ships were waiting.")
    person = ents["Quorra Abernethy"]
    assert person["label"] == "PERSON"
    assert person["roles"] == ["regional director of the port authority"]
    assert person["aliases"] == ["Abernethy"]


def test_reporting_verb_subject_without_first_name_evidence(nlp):
    ents = entities(nlp, "Exports will rise, Zahedvand added. Officials said little.")
    assert ents == {"Zahedvand": {"label": "PERSON", "aliases": [], "roles": [],
                                  "mentions": ["Zahedvand"]}}


def test_surname_and_given_name_join_the_full_name(nlp):
    ents = entities(nlp, "Karimi Darvish told reporters the mine was safe. A week earlier, "
                         "Behrouz Karimi Darvish had visited it, and Karimi said output rose.")
    person = ents["Behrouz Karimi Darvish"]
    assert person["label"] == "PERSON"
    assert set(person["aliases"]) == {"Karimi Darvish", "Karimi"}


def test_lead_role_subject_goes_to_the_speaker_of_the_next_sentence(nlp):
    text = ("OSLO - Head of Nordic Rail Freight Organization (NRFO) says cargo volumes will double. "
            "Speaking at a forum in Bergen, Ingrid Solberg said new lines open in May.")
    ents = entities(nlp, text)
    assert ents["Ingrid Solberg"]["roles"] == ["Head of NRFO"]
    assert ents["Nordic Rail Freight Organization"]["aliases"] == ["NRFO"]


def test_a_common_word_after_a_first_name_needs_more_evidence(nlp):
    found = names(nlp, "January Rose Oil climbed to a record while Holly Berries sales ended.")
    assert "Rose Oil" not in found and "Holly Berries" not in found


def test_coordinated_people_and_towns_that_are_surnames(nlp):
    ents = entities(nlp, "Two brokers, Gary Holt and Devon Shelton, pleaded guilty. Holt and Shelton "
                         "will be sentenced later.")
    assert ents["Gary Holt"]["label"] == "PERSON"
    assert ents["Devon Shelton"]["label"] == "PERSON"
    assert ents["Devon Shelton"]["aliases"] == ["Shelton"]
    assert "Shelton" not in ents


def test_places_inside_bigger_names(nlp):
    found = names(nlp, "They broke the Sherman Act, analysts surveyed by Thomson Financial said.")
    assert found == {"Thomson Financial": "ORG"}


def test_days_and_months_are_never_people(nlp):
    assert names(nlp, "Sales fell, the retailer said Tuesday. It said June was weak.") == {}


def test_titles_are_not_names_and_places_win_inside_a_title_complement(nlp):
    ents = entities(nlp, "“We will rebuild,” said Regional Recovery Coordinator for Puerto Rico "
                         "Marta L. Vidal.")
    assert ents["Marta L. Vidal"]["roles"] == ["Regional Recovery Coordinator for Puerto Rico"]
    assert ents["Puerto Rico"]["label"] == "GPE"
    assert len(ents) == 2


def test_title_complements_and_hyphenated_titles_are_roles(nlp):
    ents = entities(nlp, "Minister of Foreign Affairs Tarek Halabi met UN Secretary-General Ines "
                         "Varga, said Assistant Attorney General Dana Whitlow of the agency.")
    assert ents["Tarek Halabi"]["roles"] == ["Minister of Foreign Affairs"]
    assert ents["Ines Varga"]["roles"] == ["UN Secretary-General"]
    assert ents["Dana Whitlow"]["roles"] == ["Assistant Attorney General"]


def test_a_relative_clause_does_not_belong_to_the_role(nlp):
    ents = entities(nlp, "Corin Ashdale, a former mining minister who was chosen by the cabinet, "
                         "spoke first.")
    assert ents["Corin Ashdale"]["roles"] == ["former mining minister"]


def test_name_in_apposition_after_a_role_phrase_holds_the_role(nlp):
    ents = entities(nlp, "The deputy head of Norway’s Coastal Freight Authority, Sigrid Aune, "
                         "said traffic rose.")
    assert ents["Sigrid Aune"]["roles"] == ["deputy head of Norway’s Coastal Freight Authority"]


def test_unknown_town_joined_to_a_known_place(nlp):
    found = names(nlp, "Trucks run between Ouarkoye and Gao each week.")
    assert found == {"Ouarkoye": "GPE", "Gao": "GPE"}


# -- what is not an entity ---------------------------------------------------------------------


def test_headlines_in_capitals_and_sentence_starts_are_not_entities(nlp):
    text = ("FARM OUTPUT CLIMBS AS RAINS RETURN\n\n"
            "Making the announcement, officials said harvests improved. Analysts said prices fell.")
    assert names(nlp, text) == {}


def test_sign_off_codes_and_byline_initials_are_not_entities(nlp):
    text = "Output rose 3 percent.\n\nTR/IRN84512377\n"
    assert names(nlp, text) == {}


def test_publisher_of_a_credit_line_is_an_entity_and_the_line_yields_nothing_else(nlp):
    text = ("LYON - Bread prices rose. JM/TL Material from Rhone Valley Press is published under "
            "the Creative Commons Attribution-ShareAlike 3.0 Unported License.")
    facts = extract_doc(nlp, text)
    assert {e.name: e.label for e in facts.entities} == {"Lyon": "GPE", "Rhone Valley Press": "ORG"}
    assert facts.meta.publisher == "Rhone Valley Press"


# -- spaCy integration -------------------------------------------------------------------------


def test_mentions_carry_the_payload_and_fill_doc_ents(nlp):
    doc = nlp("Kofi Mensah, the finance minister of Ghana, spoke. Mensah said growth slowed.")
    spans = list(doc.spans[ENTITIES])
    assert [s.text for s in spans] == ["Kofi Mensah", "Ghana", "Mensah"]
    assert spans[0]._.facts_entity.key == spans[2]._.facts_entity.key
    assert spans[2]._.facts_entity.canonical == "Kofi Mensah"
    assert [(e.text, e.label_) for e in doc.ents] == [(s.text, s.label_) for s in spans]


def _tiny_ner(path):
    """A NER pipeline trained here in a second: it learns made-up names by heart."""
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    data = [("zimbo flarn visited ostravia on monday .", [(0, 11, "PERSON"), (20, 28, "ORG")]),
            ("we met zimbo flarn in ostravia .", [(7, 18, "PERSON"), (22, 30, "ORG")]),
            ("Tom Baker visited Ostravia on Monday .", [(0, 9, "PERSON"), (18, 26, "ORG")]),
            ("We met Tom Baker in Ostravia .", [(7, 16, "PERSON"), (20, 28, "ORG")])]
    for _, ents in data:
        for _, _, label in ents:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in data]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.to_disk(path)


def test_trained_model_fills_gaps_and_rules_win_where_both_fire(tmp_path):
    _tiny_ner(tmp_path / "ner")
    plain = spacy.load(tmp_path / "ner")
    assert {e.text for e in plain("zimbo flarn visited ostravia on monday .").ents} == {
        "zimbo flarn", "ostravia"}
    nlp = build_pipeline(tmp_path / "ner")
    facts = extract_doc(nlp, "Tom Baker visited Ostravia on Monday . Kenya said so .")
    found = {e.name: e.label for e in facts.entities}
    # The model's find: no rule takes a given name before a common word ("Baker") alone.
    assert found["Tom Baker"] == "PERSON"
    assert found["Kenya"] == "GPE"
    assert "Ostravia" not in found  # a model's organisation is never taken
    assert len(facts.entities) == len({e.name for e in facts.entities})
    # Lower-case words are no name, whatever the model says: it is evidence, not an override.
    lower = extract_doc(nlp, "zimbo flarn visited ostravia on monday .")
    assert [e.name for e in lower.entities] == []


def test_rules_win_over_the_model_on_an_exact_match(tmp_path):
    _tiny_ner(tmp_path / "ner")
    nlp = build_pipeline(tmp_path / "ner")
    # Let the model call a country an organisation: the gazetteer's label stands.
    doc = nlp.make_doc("zimbo flarn visited Kenya on monday .")
    for name, proc in nlp.pipeline:
        if name == "ner":
            doc.ents = [spacy.tokens.Span(doc, 3, 4, label="ORG")]
        else:
            doc = proc(doc)
    assert [(s.text, s.label_) for s in doc.spans[ENTITIES]] == [("Kenya", "GPE")]
    assert [(e.text, e.label_) for e in doc.ents] == [("Kenya", "GPE")]


def test_user_gazetteer_and_rule_files(tmp_path):
    gazetteer = tmp_path / "names.tsv"
    gazetteer.write_text("Velmora Works\tORG\n# a comment\nQuessin\tGPE\tQuessin Valley\n",
                         encoding="utf-8")
    rules = tmp_path / "rules.jsonl"
    rules.write_text(json.dumps({"label": "PERSON", "pattern": [{"LOWER": "agent"}, {"IS_DIGIT": True}]})
                     + "\n" + json.dumps({"label": "ORG", "pattern": "harbor watch"}) + "\n",
                     encoding="utf-8")
    nlp = build_pipeline(config={"facts_entities": {"gazetteer": str(gazetteer), "rules": str(rules)}})
    text = "Velmora Works hired agent 47 in Quessin, harbor watch said."
    doc = nlp(text)
    found = {(s.text, s.label_, s._.facts_entity.canonical) for s in doc.spans[ENTITIES]}
    assert found == {("Velmora Works", "ORG", "Velmora Works"), ("agent 47", "PERSON", "agent 47"),
                     ("Quessin", "GPE", "Quessin"), ("harbor watch", "ORG", "harbor watch")}
    assert doc.spans[ENTITIES][2]._.facts_entity.key == "GPE:Quessin Valley"
    # The user's names survive a round trip through disk.
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded(text)
    assert {(s.text, s.label_) for s in doc.spans[ENTITIES]} == {(t, label) for t, label, _ in found}


def test_cli_rule_options(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Velmora Works opened a plant.", encoding="utf-8")
    gazetteer = tmp_path / "names.tsv"
    gazetteer.write_text("Velmora Works\tORG\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "extractor", "extract", str(text), "--gazetteer",
                          str(gazetteer)], capture_output=True, text=True, check=True).stdout
    assert [e["name"] for e in json.loads(out)["entities"]] == ["Velmora Works"]
    bad = subprocess.run([sys.executable, "-m", "extractor", "extract", str(text), "--rules",
                          str(tmp_path / "missing.jsonl")], capture_output=True, text=True)
    assert bad.returncode != 0 and "missing.jsonl" in bad.stderr


@pytest.mark.parametrize("content, reason", [
    ("Velmora Works\tORG\nQuessin\tPLACE\n", "names.txt:2: unknown label 'PLACE'"),
    ('# names\n{"name": "Velmora Works", "label": "ORG"\n', "names.txt:2: not valid JSON"),
    ('{"label": "ORG"}\n', 'names.txt:1: a JSON row needs a "name" string'),
])
def test_a_bad_gazetteer_line_is_named_with_its_line(tmp_path, content, reason):
    from extractor.entities.component import read_gazetteer
    from extractor.lexicon import LexiconError

    gazetteer = tmp_path / "names.txt"
    gazetteer.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        list(read_gazetteer(gazetteer))
    assert str(caught.value).startswith(f"{tmp_path}/{reason}")
    text = tmp_path / "a.txt"
    text.write_text("Velmora Works opened a plant.", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "extractor", "extract", str(text), "--gazetteer", str(gazetteer)],
                         capture_output=True, text=True)
    assert run.returncode == 2 and reason in run.stderr and len(run.stderr.strip().splitlines()) == 1


# -- cost ----------------------------------------------------------------------------------------


def test_pathological_input_stays_linear(nlp):
    comp = nlp.get_pipe("facts_entities")
    for text in ("Ministry of " * 20000, "Alpha, " * 30000 + "and Beta Company", "A " * 100000,
                 "Canadian, Texas. " * 5000, "“a " * 20000, "NASA " * 20000):
        doc = nlp.make_doc(text)
        # CPU time, the component's own work: wall time also counts other load on the machine.
        started = time.process_time()
        comp(doc)
        assert time.process_time() - started < 10, text[:20]


def test_loaded_pipeline_stays_under_300_mb():
    # The process's own peak (VmHWM, in kB): getrusage's ru_maxrss survives exec, so it would
    # report the peak of the pytest process this one was started from.
    code = ("import extractor\n"
            "from extractor.batch.engine import peak_rss\n"
            "from extractor.pipeline import build_pipeline\n"
            "nlp = build_pipeline()\n"
            "nlp('OTTAWA - Martha Quinlan of the U.S. Department of Energy said so.')\n"
            "print(peak_rss() // 1024)\n")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rss_mb = int(out.stdout.split()[-1]) / 1024
    assert rss_mb < 300, rss_mb
    assert time.perf_counter() - started < 30


def test_one_word_dateline_is_a_place_even_when_it_is_also_a_word():
    from extractor import extract

    facts = extract("READING - The borough council said on Monday it would repave 40 streets.")
    assert [(e.name, e.label) for e in facts.entities if e.mentions[0].start == 0] == [
        ("Reading", "GPE")]


# -- long names, sites, companies, headlines, big cities --------------------------------------


def test_an_office_for_a_task_of_a_task_is_one_name(nlp):
    found = names(nlp, "The Office for the Promotion of Rural Schools said enrolment rose.")
    assert found == {"Office for the Promotion of Rural Schools": "ORG"}
    found = names(nlp, "A note from the Office of the Adviser for the Prime Minister was read out.")
    assert "Office of the Adviser for the Prime Minister" in found


def test_a_place_after_a_second_of_stays_outside_a_name_without_a_unit_word(nlp):
    found = names(nlp, "The Office for Trade Promotion of Kenya opened in Nairobi.")
    assert found.get("Kenya") == "GPE"


def test_party_members_after_an_assembly_are_a_group(nlp):
    found = names(nlp, "House of Commons Democrats walked out of the session on Tuesday.")
    assert found == {"House of Commons": "ORG", "Democrats": "NORP"}


def test_a_region_named_after_a_place_and_directions_is_one_region(nlp):
    found = names(nlp, "Crews in the Atlantic Northeast Region cleared the roads.")
    assert found == {"Atlantic Northeast Region": "LOC"}


def test_a_place_before_an_organisation_word_is_part_of_it(nlp):
    assert names(nlp, "The West Coast Collaborative will fund new buses.") == {
        "West Coast Collaborative": "ORG"}
    assert names(nlp, "India National Steel Corp won the contract in Lagos.") == {
        "India National Steel Corp": "ORG", "Lagos": "GPE"}


def test_islands_and_named_fields_are_places(nlp):
    found = names(nlp, "Tankers waited off Qeshm Island while crews restarted the North Dome gas "
                       "field and the Yadavaran field.")
    assert found == {"Qeshm Island": "LOC", "North Dome": "LOC", "Yadavaran": "LOC"}


def test_a_refinery_town_stays_a_town_and_field_words_alone_are_nothing(nlp):
    found = names(nlp, "Oil field workers near the Abadan refinery went on strike.")
    assert found == {"Abadan": "GPE"}


def test_a_farm_is_an_organisation(nlp):
    found = names(nlp, "Pickers at Sunny Ridge Farm in Ohio began early, said Carla Mendes.")
    assert found["Sunny Ridge Farm"] == "ORG"
    assert found["Carla Mendes"] == "PERSON"


def test_a_title_case_headline_alone_yields_no_person(nlp):
    found = names(nlp, "Kenya Tea Exports Climb Again\n\nNAIROBI - Tea exports rose, officials said.")
    assert "PERSON" not in found.values()
    found = names(nlp, "Amina Odhiambo Wins Again\n\nAmina Odhiambo won the race on Sunday.")
    assert found == {"Amina Odhiambo": "PERSON"}


def test_a_large_city_named_like_a_word_is_a_place(nlp):
    found = names(nlp, "Fans gathered in Boston and Phoenix on Saturday.")
    assert found == {"Boston": "GPE", "Phoenix": "GPE"}
    assert names(nlp, "Lawmakers met in Concord on Monday.") == {"Concord": "GPE"}  # a state capital


def test_a_country_spelling_that_is_an_english_word_is_no_country(nlp):
    assert names(nlp, "The island was quiet. Island residents voted.") == {}


def test_a_known_organisation_after_a_coordinated_office_name_stays_apart(nlp):
    found = names(nlp, "The Office of Roads and Bridges for the White House objected.")
    assert "Office of Roads and Bridges" in found


def test_a_capitalised_feature_word_after_a_given_name_is_a_surname(nlp):
    found = names(nlp, "The actress Sally Field arrived while crews mapped Silicon Valley.")
    assert found.get("Sally Field") != "LOC"
    assert found["Silicon Valley"] == "LOC"


# -- people who speak ---------------------------------------------------------------------------


def test_a_surname_that_speaks_is_the_person_even_when_it_is_a_word(nlp):
    ents = entities(nlp, "Rita Holm chairs the panel.\n\nHolm observed that the program works for most students.")
    assert ents["Rita Holm"]["mentions"] == ["Rita Holm", "Holm"]


def test_a_surname_that_is_also_a_city_speaks_as_the_person(nlp):
    ents = entities(nlp, "Composer Irina Berlin led the orchestra on Friday. Berlin said the hall was too small.")
    assert ents["Irina Berlin"]["mentions"] == ["Irina Berlin", "Berlin"]
    assert "Berlin" not in ents


def test_a_small_town_name_that_speaks_is_a_person(nlp):
    assert names(nlp, "The plant closed in May. Carlton said the repairs would take a year.") == {
        "Carlton": "PERSON"}


def test_a_given_name_that_is_also_a_word_opens_a_name(nlp):
    assert names(nlp, "Mark Brannigan runs the water board.") == {"Mark Brannigan": "PERSON"}
    assert "PERSON" not in names(nlp, "The Turning Point Fund and May Fair reopened.").values()


def test_a_role_noun_in_lower_case_introduces_a_person(nlp):
    ents = entities(nlp, "\u201cWe have no seed,\u201d said village farmer Duc Thanh Vo, who has four children.")
    assert ents["Duc Thanh Vo"]["label"] == "PERSON"


def test_an_age_in_apposition_marks_a_person(nlp):
    assert names(nlp, "Tuan Vo, 57, said the river rose overnight.") == {"Tuan Vo": "PERSON"}
