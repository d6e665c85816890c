"""The quote finder: a spaCy component that finds direct quotes and who said them.

Results live on the Doc: `doc.spans["quotes"]`, each span with extensions
`quote_fragments` (list of (start_char, end_char), marks excluded), `quote_speaker`
(the local Span naming the speaker, possibly a pronoun, or None), `quote_speaker_ref`
(the Span of the name that speaker refers to, or None), `quote_speaker_person` (the full
name of a speaking person the tagger missed whom that name stands for, or None: see
`resolution.speaking_people`), `quote_cue` (Span or None) and,
when the Doc is parsed, `quote_evidence` (`evidence.FoundEvidence`: how the speaker was found).

How it works, stage by stage, each a module of this package (the stages run from
`steps.STAGES`, in this order; the cue searches from `attribution.CUE_SEARCHES`):

1. `marks` pairs double quotation marks in the raw text, paragraph by paragraph, judging each
   mark by the characters around it before its glyph (news text mixes curly and straight marks
   and gets them wrong), in one pass. A quote whose paragraph ends open continues in the next
   paragraph when that one opens with the same mark (the newswire convention for long quotes);
   a paragraph opened by a mark that never closes is a block-quote marker, not a quote (a
   photo caption between the paragraphs is passed over). Single marks make quotes outside the
   double-quoted ones when a closing mark follows spoken punctuation (`‘…,’ she said`); in
   headlines they are kept only when they repeat a quote of the body, whose speaker they take.
   Phrases in marks in the title line are no quotes. `layouts` adds the labelled paragraphs of
   a transcript printed without marks (`AHLBERG: …`).
2. `not_quotes` drops quoted stretches that nobody said: a nickname between the parts of a name
   (`Marcia “Cia” Price`), a title or name in marks with no cue.
3. `attribution` gives each fragment a cue (`cues`: a speech verb such as "said", a noun such as
   "statement", "according to", or "per" after the quote) from the dependency parse: a cue
   right before the opening mark, else one above the quote in the parse (the outermost: in
   `Holm said the ad “…” suggests`, the words are reported by Holm), else one right after the
   closing mark, else the nearest one before it in the sentence (over a paragraph break after a
   colon). `layouts` finds speakers named with no speech verb (a dash signature). The cue's
   subject (or agent, possessor, the object of "according to", the author of a document) is
   the local speaker (`speakers`); a passive cue with no agent has none, unless it reports a
   "saying"; a cue right before the mark inside the complement of an outer speech verb
   reports that verb's words (`Vance said voters will say “enough”`); a subject that speaks
   not (a poll's share giving its answer, a sign, a message) leaves the quote with no
   speaker (`no_source`). Who passed the words on is kept as the relay (`relays`).
4. `grouping` joins fragments into quotes: the next fragment in the paragraph with the same
   nearest cue, or with none of its own, belongs to the quote before it (`“…,” he said, “…”`).
   A quoted sentence or paragraph with no cue goes to the speaker of the quote or the sentence
   just before it; a partial quote with no cue to the subject of the clause it sits in (of the
   verb above, when that clause is its complement: `voters agreed that X is “…”`).
5. `resolution` resolves a pronoun speaker to a name: the latest named subject before it,
   skipping names inside quotes and names of the other gender (by title, or by the article's
   own pronouns); "it" and "they" to an organization or group, never one person; "the agency",
   "the company", "the statement" to the organization the article last named (of that kind).
   Each quote's evidence is gathered there too (`evidence`): its path, the antecedent, the
   relay, and the clues its confidence weighs; `plain` gives the confidence.

`component` is the spaCy component; `plain` turns its spans into Quotes. `Quote.text` is
the fragments joined with " … ", so a split quote reads as one.
"""

from reader.core.analysis.quotes.component import COMPONENT_NAME, SPANS_KEY, QuoteFinder
from reader.core.analysis.quotes.cues import SPEECH_NOUNS, SPEECH_VERBS
from reader.core.analysis.quotes.marks import QuotedRun, find_headline_quotes, find_quoted_runs
from reader.core.analysis.quotes.plain import FRAGMENT_JOINER, quotes_from_doc

__all__ = [
    "COMPONENT_NAME",
    "FRAGMENT_JOINER",
    "SPANS_KEY",
    "SPEECH_NOUNS",
    "SPEECH_VERBS",
    "QuoteFinder",
    "QuotedRun",
    "find_headline_quotes",
    "find_quoted_runs",
    "quotes_from_doc",
]
