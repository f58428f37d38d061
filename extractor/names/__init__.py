"""One model of people's and organisations' names, shared by every component.

``facts_entities`` builds its PERSON and ORG entities with it; ``facts_quotations`` reads no
names of its own and resolves speakers to those entities (gender from the given name).

- :mod:`.given`: given names and their gender;
- :mod:`.model`: :class:`NameModel`, the word lists that show a name's kind (titles,
  honorifics, organisation heads, legal forms, name particles) and the shape of an acronym.
"""

from __future__ import annotations

from .given import given_name_gender, load_gender_detector
from .model import NameModel, name_model

__all__ = ["NameModel", "given_name_gender", "load_gender_detector", "name_model"]
