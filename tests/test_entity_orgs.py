"""Organisations in press releases and news: companies with legal forms, tickers and short
forms; all-capital abbreviations that name no organisation; long names with commas, "of",
"for", "on" and "and"; religious bodies and armed services; facilities, surveys, laws and
events that are no organisation. Every sentence is invented for these tests."""

from __future__ import annotations

from extractor.names.model import name_model
from entity_views import entities, names  # noqa: I001


# -- companies ---------------------------------------------------------------------------------


def test_company_words_close_a_company_name(nlp):
    assert names(nlp, "The Veltrona Widget Company said on Monday that sales rose.") == {
        "Veltrona Widget Company": "ORG"}
    assert names(nlp, "Orbital Widgets Corporation reported a loss.") == {
        "Orbital Widgets Corporation": "ORG"}
    assert names(nlp, "Shares of Harbor Labs Inc. fell 3 percent.") == {"Harbor Labs Inc.": "ORG"}


def test_legal_forms_come_from_cleanco_not_a_hand_list():
    forms = name_model().legal_forms
    assert {"GmbH", "S.A.", "AG", "N.V.", "LLC", "PLC", "B.V.", "S.R.L.", "SARL", "Ltd.",
            "Inc.", "Co."} <= forms
    # words and state or country abbreviations are left out of the generated list
    assert not {"As", "AS", "UK", "OK", "Private", "KG"} & forms


def test_foreign_legal_forms_name_companies_one_by_one(nlp):
    found = names(nlp, "Veltrix GmbH and Sorel S.A. signed a deal with Kanto AG, Dalmer N.V. "
                       "and Brightline PLC on Tuesday.")
    assert found == {"Veltrix GmbH": "ORG", "Sorel S.A.": "ORG", "Kanto AG": "ORG",
                     "Dalmer N.V.": "ORG", "Brightline PLC": "ORG"}


def test_a_hyphenated_legal_form_is_no_company(nlp):
    assert names(nlp, "The maps are released under the ODC BY-SA licence.") == {}


def test_ticker_and_short_form_are_mentions_of_the_company(nlp):
    ents = entities(nlp, "Northwind Holdings, Inc. (NYSE: NWH) today announced record results. "
                         "Northwind said revenue grew 8 percent. NWH shares rose.")
    company = ents["Northwind Holdings, Inc."]
    assert company["label"] == "ORG"
    assert company["aliases"] == ["NWH", "Northwind"]
    assert company["mentions"] == ["Northwind Holdings, Inc.", "NWH", "Northwind", "NWH"]


def test_two_listings_give_two_tickers(nlp):
    ents = entities(nlp, "Tellaric Mining Corp. (TSX: TLM; NYSE: TLMC) said output rose.")
    assert ents["Tellaric Mining Corp."]["aliases"] == ["TLM", "TLMC"]


def test_short_form_of_a_company_named_by_a_company_word(nlp):
    ents = entities(nlp, "The Veltrona Widget Company said on Monday that sales rose. "
                         "Veltrona will hire 20 people.")
    assert ents["Veltrona Widget Company"]["aliases"] == ["Veltrona"]


# -- abbreviations that name no organisation ---------------------------------------------------


def test_finance_abbreviations_months_and_titles_in_capitals_are_no_organisations(nlp):
    found = names(nlp, "EPS rose to $1.20 while FOREX gains and GDP growth helped. The CEO "
                       "said SEPT sales were up after a Q&A with analysts.")
    assert found == {}


def test_frequent_words_in_capitals_are_emphasis(nlp):
    assert names(nlp, "It was a HUGE gain for the town, UNLESS the rain returns.") == {}


def test_unit_symbols_in_capitals_are_no_organisations(nlp):
    assert names(nlp, "The plant adds 40 MW and the field holds 3 TCF; the new MCM line starts soon.") == {}


def test_rare_capital_words_and_defined_acronyms_stay_organisations(nlp):
    found = names(nlp, "The Northern Ice Council (ICE) met VELKOR officials. ICE said it would grow.")
    assert found == {"Northern Ice Council": "ORG", "VELKOR": "ORG"}


# -- long names and state bodies ---------------------------------------------------------------


def test_long_names_with_commas_of_and_and_stay_whole(nlp):
    assert names(nlp, "The Ministry of Roads, Ports and Shipping said tolls would rise.") == {
        "Ministry of Roads, Ports and Shipping": "ORG"}
    assert names(nlp, "The Association of Exchange Operators of Ruritania met on Monday.") == {
        "Association of Exchange Operators of Ruritania": "ORG"}


def test_a_treasury_after_a_state_is_an_organisation(nlp):
    assert names(nlp, "The U.S. Treasury said it would sell more bonds.") == {"U.S. Treasury": "ORG"}


def test_names_of_bodies_after_of_for_and_on_stay_whole(nlp):
    assert names(nlp, "The Friends of the Old Lighthouse asked the Municipality of Tarrow and the "
                      "Sons of the Northern Frontier for a grant.") == {
        "Friends of the Old Lighthouse": "ORG", "Municipality of Tarrow": "ORG",
        "Sons of the Northern Frontier": "ORG"}
    assert names(nlp, "The Quarterly Journal of Orsan Botany and the Institute for Rural Transport "
                      "agreed.") == {
        "Quarterly Journal of Orsan Botany": "ORG", "Institute for Rural Transport": "ORG"}


def test_on_and_a_field_belong_to_a_council_but_a_topic_does_not(nlp):
    assert names(nlp, "The Council on Foreign Relations met, and the Council on Ruritania met.") == {
        "Council on Foreign Relations": "ORG"}


def test_a_place_after_a_name_with_its_own_place_is_no_part_of_it(nlp):
    assert names(nlp, "A team from Nevada Polytechnic Institute of the US took part.") == {
        "Nevada Polytechnic Institute": "ORG", "US": "GPE"}
    assert names(nlp, "Students of Ontario Agricultural College of Canada won the prize.") == {
        "Ontario Agricultural College": "ORG", "Canada": "GPE"}


def test_a_person_after_an_organisation_ends_its_name(nlp):
    # "Maria" is also a word; before a surname that is none it opens a person all the same.
    assert names(nlp, "A student at the University of Orlan Maria Velk said so.") == {
        "University of Orlan": "ORG", "Maria Velk": "PERSON"}
    assert names(nlp, "The Ministry of Grace Affairs met.") == {"Ministry of Grace Affairs": "ORG"}


def test_an_article_capitalised_in_a_title_is_no_part_of_the_name(nlp):
    assert names(nlp, "Critics of The Church of Ruritania spoke.") == {"Church of Ruritania": "ORG"}


# -- religious bodies and armed services -------------------------------------------------------


def test_a_church_after_a_denomination_is_a_religious_body(nlp):
    found = names(nlp, "The Armenian Apostolic Church and the Anglican Church backed the appeal, "
                       "and Tesh Church was shut.")
    assert found == {"Armenian Apostolic Church": "ORG", "Anglican Church": "ORG"}
    assert names(nlp, "The Coptic Orthodox Church backed the appeal.") == {
        "Coptic Orthodox Church": "ORG"}


def test_a_force_is_an_organisation_but_its_base_a_facility(nlp):
    assert names(nlp, "The U.S. Air Force flew jets from Velkton Air Force Base.") == {
        "U.S. Air Force": "ORG"}


# -- facilities, laws, events and surveys ------------------------------------------------------


def test_facilities_are_no_organisations(nlp):
    assert names(nlp, "The rocket was moved to the Orbital Space Center on Monday, and visitors at "
                      "the Riverside Art Museum saw a model.") == {}
    assert names(nlp, "Visitors at the Museum of Seafaring and Tarrow General Hospital were sent "
                      "home.") == {}
    assert names(nlp, "Staff at the Ilse M. Tarrow Aquatics Center and the Orsa Expo Centre went "
                      "home.") == {}


def test_a_center_without_a_building_word_stays_an_organisation(nlp):
    assert names(nlp, "The Velk Earthquake Information Center said the quake was strong.") == {
        "Velk Earthquake Information Center": "ORG"}


def test_a_person_a_facility_is_named_after_is_no_person_but_a_place_before_it_stays(nlp):
    assert names(nlp, "She landed at Velkburg Rosa Marlin International Airport late at night.") == {}
    assert names(nlp, "Crowds came to the Paris Air Show.") == {"Paris": "GPE"}
    assert names(nlp, "Ana Hall said the plan works.") == {"Ana Hall": "PERSON"}


def test_laws_and_events_hold_no_nationality_or_person(nlp):
    assert names(nlp, "Under the Canadian Ferry Safety Act and the Velk Tax Code, fares rose.") == {}
    assert names(nlp, "The Ruritania Film Festival and the 15th Orlan Plast International "
                      "Exhibition opened.") == {}


def test_a_survey_is_a_programme_unless_a_science_makes_it_an_agency(nlp):
    assert names(nlp, "The National Household Survey found that rents rose.") == {}
    assert names(nlp, "The U.S. Geological Survey said the quake was strong.") == {
        "U.S. Geological Survey": "ORG"}
    assert names(nlp, "The Orsan Hydrographic Survey said the channel had silted up.") == {
        "Orsan Hydrographic Survey": "ORG"}
    assert names(nlp, "The Velk Antarctic Survey said ice melted.") == {
        "Velk Antarctic Survey": "ORG"}
