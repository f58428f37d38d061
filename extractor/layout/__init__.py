"""The layout of an article: headline, paragraphs, sentences, dateline, byline, credit and
licence lines. The one model of the document that every later component reads."""
