"""Who said each quote, and which outlet the article credits for it.

For each quoted span the attribution is looked for in this order:

1. walking up the dependency parse from the quote's words: a document on the way ("a
   document in which Kim “reaffirmed ...”", "the deal's promise to “...”") owns the words;
   else the first verb of saying outside the quote ("Ryabkov said", "said Tillerson", "the
   statement said", "she called it", "saying", "vowed to") gives the speaker, unless its
   subject names no one or it announces words not yet spoken ("Trump will say") and an
   outer cue of the sentence does ("..., the document said");
2. "according to X" in the quote's sentence, when X is not a medium;
3. a cue verb that hangs off the quote's own verb (", he said"), or the nearest one in the
   quote's sentence, right after the quote or before a colon;
4. no cue at all: a quote that reopens after a paragraph break, or follows another quote in
   its paragraph or starts the paragraph after one, continues that speaker's words; else the
   person the sentence before introduces ("She claimed ... “...”");
5. a fragment quoted inside a sentence with no cue takes the sentence's subject, when that is
   a named person ("Trump decided to impose the “highest level of economic sanctions”").

Who a cue's subject names is `speakers.SpeakerResolver`'s work, which `Resolver` extends.
"""

from __future__ import annotations

from newsloom.analyse.lexicon import (
    AGREEMENT_NOUNS,
    DOCUMENT_NOUNS,
    PRONOUN_GENDER,
    REPORTING_LEMMAS,
)
from newsloom.analyse.marks import quote_is_partial
from newsloom.analyse.relay import relay_of
from newsloom.analyse.speakers import (
    Attribution,
    SpeakerResolver,
    is_cue,
    is_future,
    mention_text,
    own_subject,
    verb_subject,
)
from newsloom.analyse.via import ACCORDING, REPORTED, SAID, TOLD, Credit, credits_in, outlet_name

#: arcs by which the parser hangs a subject's words on its verb ("the 31-year-old said")
_HUNG_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})


#: how many words after a quote's closing mark its speaker's verb may come ("“...,” Senate
#: Majority Leader Tom Vance barked")
_TRAILING_SPAN = 8


class Resolver(SpeakerResolver):
    """Resolve quote speakers in one article, in text order."""

    # -- quotes ---------------------------------------------------------------------------

    def _name_after_quote(self, cue: int) -> int | None:
        """'“...,” Flynn, a top Trump surrogate, said': a person named between a quote's
        closing mark and the cue, with no verb between, when the parser gave the cue no
        subject outside the quote (it hung the name on a word of the quote)."""
        parse = self.doc.parse
        j = cue - 1
        sent = parse.tokens[cue].sent
        while j >= 0 and cue - j < 20 and parse.tokens[j].sent == sent:
            if self.doc.in_quote[j] >= 0:
                break
            if parse.tokens[j].pos in ("VERB", "AUX"):
                return None
            j -= 1
        else:
            return None
        if j < 0 or self.doc.in_quote[j] < 0:
            return None
        for k in range(j + 1, cue):
            if self.doc.people.at(k) is not None:
                return k
        return None

    def _hung_subject(self, cue: int) -> int | None:
        """ "“...,” the 31-year-old said": a subject phrase the parser hung word by word on the
        verb ("the" as the verb's determiner, "old" as its modifier): the modifier next to the
        verb stands for the phrase's head."""
        parse = self.doc.parse
        kids = [c for c in parse.children[cue] if c < cue and self.doc.in_quote[c] < 0]
        det = [c for c in kids if parse.tokens[c].dep == "det" and parse.tokens[c].lower == "the"]
        if not det:
            return None
        mods = [c for c in kids if c > det[-1] and parse.tokens[c].dep in _HUNG_MODIFIERS]
        return mods[-1] if mods else None

    def _subject_of(self, cue: int) -> int | None:
        """The cue's subject; failing that, a person's name just before it ("May wrote:",
        where the tagger took "May" for the modal verb)."""
        parse = self.doc.parse
        own = own_subject(parse, cue, self.doc.in_quote)
        if own is not None:
            return own
        hung = self._hung_subject(cue)
        if hung is not None:
            return hung
        named = self._name_after_quote(cue)
        if named is not None:
            return named
        i = cue - 1
        while i >= 0 and parse.tokens[i].pos == "ADV":
            i -= 1
        if i >= 0 and self.doc.people.at(i) is not None and self.doc.in_quote[i] < 0:
            return i
        # "a week that began with him promising to ...": the participle's subject before it
        if (
            i >= 0
            and parse.tokens[cue].tag == "VBG"
            and parse.tokens[i].lower in PRONOUN_GENDER
            and self.doc.in_quote[i] < 0
        ):
            return i
        # '"...," headlined El Pais': an inverted subject parsed as the object
        j = cue - 1
        while j >= 0 and parse.tokens[j].pos == "PUNCT" and self.doc.in_quote[j] < 0:
            j -= 1
        if j >= 0 and self.doc.in_quote[j] >= 0 and parse.tokens[cue].lemma not in ("tell", "ask"):
            for c in parse.children[cue]:
                if c > cue and parse.tokens[c].dep in ("dobj", "attr", "npadvmod"):
                    return c
        return verb_subject(parse, cue, self.doc.in_quote)

    def _frame(self, n: int) -> tuple[set[int], list[int]]:
        """Sentences that frame quote n, and the quote's own tokens."""
        parse = self.doc.parse
        span = self.spans[n]
        own = list(parse.tokens_in(span.start, span.end))
        sents: set[int] = set()
        if own:
            sents.add(parse.tokens[own[0]].sent)
            sents.add(parse.tokens[own[-1]].sent)
        after = parse.token_at(span.mark_end)
        if after is not None:
            sents.add(parse.tokens[after].sent)
        before = parse.token_at(span.mark_start)
        if before is not None and before > 0:
            prev = before - 1
            while prev > 0 and parse.tokens[prev].pos == "SPACE":
                prev -= 1
            if (
                parse.tokens[prev].text in (":", ",")
                and parse.tokens[prev].sent != parse.tokens[before].sent
            ):
                sents.add(parse.tokens[prev].sent)
        return sents, own

    def _paragraph(self, text: str, offset: int) -> tuple[int, int]:
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end < 0 else end

    def _colon_intro(self, n: int) -> int | None:
        """The sentence that ends in a colon in the paragraph just before quote n, when the
        quote opens its paragraph ("The New York Times reports:\n\n“...”")."""
        parse = self.doc.parse
        span = self.spans[n]
        text = parse.text
        para = self._paragraph(text, span.mark_start)
        if text[para[0] : span.mark_start].strip() or para[0] == 0:
            return None
        before = text[: para[0]].rstrip()
        if not before.endswith(":"):
            return None
        at = parse.token_at(len(before) - 1)
        if at is None or self.doc.in_quote[at] >= 0:
            return None
        return parse.tokens[at].sent

    def _outside(self, sents: set[int], n: int) -> list[int]:
        parse = self.doc.parse
        span = self.spans[n]
        para = self._paragraph(parse.text, span.mark_start)
        intro = self._colon_intro(n)
        if intro is not None:
            sents = sents | {intro}
            first = parse.tokens[parse.sents[intro][0]].start
            para = (min(para[0], self._paragraph(parse.text, first)[0]), para[1])
        para_end = self._paragraph(parse.text, max(span.mark_end - 1, span.mark_start))[1]
        out = []
        for s in sorted(sents):
            a, b = parse.sents[s]
            for i in range(a, b):
                t = parse.tokens[i]
                if self.doc.in_quote[i] < 0 and para[0] <= t.start < para_end:
                    out.append(i)
        return out

    def _governing_cues(self, own: list[int], outside: set[int]) -> tuple[list[int], int | None]:
        """The cue verbs above quote n, nearest first, and a document the path passes through.

        Walking up from the quote's words: "the deal's promise to contribute to “...”" passes
        through a document before it reaches "criticized": the words are the document's.
        """
        parse = self.doc.parse
        own_set = set(own)
        best: tuple[int, list[int], int | None] | None = None
        for i in own:
            h = parse.tokens[i].head
            if h in own_set or h == i or parse.tokens[i].pos in ("PUNCT", "SPACE"):
                continue
            steps = 0
            cues: list[int] = []
            document = None
            for a in [h, *parse.ancestors(h)]:
                steps += 1
                if a not in outside:
                    if a in own_set or self.doc.in_quote[a] >= 0:
                        continue
                    break
                if is_cue(parse, a):
                    cues.append(a)
                elif not cues and document is None and self._is_document(a):
                    document = a
            if cues and (best is None or steps < best[0]):
                best = (steps, cues, document)
        if best is None:
            return [], None
        return best[1], best[2]

    def _is_document(self, i: int) -> bool:
        """A document noun, or a noun a document owns ("the deal's promise")."""
        parse = self.doc.parse
        t = parse.tokens[i]
        if t.pos != "NOUN":
            return False
        if t.lemma in DOCUMENT_NOUNS and t.lemma not in AGREEMENT_NOUNS:
            return True
        return any(
            parse.tokens[c].dep == "poss" and parse.tokens[c].lemma in DOCUMENT_NOUNS
            for c in parse.children[i]
        )

    def _hanging_cue(self, own: list[int], outside: set[int]) -> int | None:
        """ ", he said" attached to the quote's own verb (or one step below it)."""
        parse = self.doc.parse
        own_set = set(own)
        for i in sorted(outside, key=lambda j: abs(j - (own[-1] if own else 0))):
            if not is_cue(parse, i):
                continue
            head = parse.tokens[i].head
            if head in own_set or (
                parse.tokens[head].head in own_set and parse.tokens[head].pos in ("VERB", "AUX")
            ):
                return i
        return None

    def _nearest_cue(self, n: int, own: list[int], outside: list[int]) -> int | None:
        """A cue verb in the quote's sentence right after it (", he said") or before a colon."""
        parse = self.doc.parse
        span = self.spans[n]
        after = [i for i in outside if parse.tokens[i].start >= span.mark_end]
        if after and own:
            same = [
                i
                for i in after
                if parse.tokens[i].sent in (parse.tokens[own[-1]].sent, parse.tokens[after[0]].sent)
            ]
            for i in same[:8]:
                if is_cue(parse, i):
                    return i
        before = [
            i
            for i in outside
            if parse.tokens[i].end <= span.mark_start and parse.tokens[i].pos != "SPACE"
        ]
        if before:
            last = before[-1]
            if parse.tokens[last].text in (":", ",") or is_cue(parse, last):
                for i in reversed(before[-12:]):
                    if is_cue(parse, i):
                        return i
        return None

    def _trailing_verb(self, n: int) -> int | None:
        """ "“Go back to your seat,” Trump barked", "“...?” Hannity pressed", "“...,” he shot
        back": a quote that opens its sentence and stops on a comma, a question or an
        exclamation, followed at once by a person and their verb, is that person's, whatever
        the verb (a verb of manner the cue lexicon need not know)."""
        parse = self.doc.parse
        text = parse.text
        span = self.spans[n]
        if quote_is_partial(text, span):
            return None
        inner = text[span.start : span.end].rstrip()
        after = text[span.mark_end : span.mark_end + 2]
        if after[:1] not in (" ", ","):
            return None  # a new sentence glued to the mark ("...!”Former governor X broke")
        if not (inner.endswith((",", "?", "!")) or after.lstrip(" ").startswith(",")):
            return None
        first = parse.token_at(span.mark_end)
        while first is not None and first < len(parse) and parse.tokens[first].pos == "PUNCT":
            first += 1
        if first is None or first >= len(parse) or self.doc.in_quote[first] >= 0:
            return None
        for v in range(first, min(first + _TRAILING_SPAN, len(parse))):
            t = parse.tokens[v]
            if self.doc.in_quote[v] >= 0 or t.text in (".", ";", ":") or "\n" in t.text:
                return None  # the speaker's verb is in the quote's own paragraph
            if t.pos != "VERB":
                continue
            subj = own_subject(parse, v, self.doc.in_quote)
            if subj is None or not first <= subj < v or parse.tokens[subj].dep != "nsubj":
                return None  # "“...?” Mr. Trump has never been charged": no one speaks
            person = self.doc.people.at(subj) is not None
            return v if person or parse.tokens[subj].lower in PRONOUN_GENDER else None
        return None

    def _according(self, outside: list[int]) -> int | None:
        """The source X of "according to X" in the frame, when X is no medium."""
        parse = self.doc.parse
        for i in outside:
            if parse.tokens[i].lower != "according":
                continue
            for j in [
                *parse.children[i],
                *(c for k in parse.children[i] for c in parse.children[k]),
            ]:
                if parse.tokens[j].dep == "pobj" and outlet_name(parse, j) is None:
                    return j
            if i + 2 < len(parse) and parse.tokens[i + 1].lower == "to":
                j = parse.tokens[i + 2].i
                while (
                    j < len(parse) - 1 and parse.tokens[j].head > j and parse.tokens[j].head - j < 4
                ):
                    j = parse.tokens[j].head
                if outlet_name(parse, j) is None:
                    return j
        return None

    def _from_cue(self, cue: int, last: Attribution | None) -> Attribution | None:
        """The attribution a cue verb gives, or None when its subject is a medium or absent."""
        parse = self.doc.parse
        tok = parse.tokens[cue]
        relay = relay_of(parse, cue, self.doc.in_quote)
        if relay is not None:
            result = self.resolve(relay.speaker, last)
            if relay.outlet is not None:
                result.via = self._outlet(relay.outlet)
            result.cue = tok.lemma if tok.pos in ("VERB", "AUX") else tok.lower
            result.cue_at, result.own_cue = cue, True
            return result
        if tok.lemma in REPORTING_LEMMAS:
            subj = verb_subject(parse, cue, self.doc.in_quote)
            if subj is not None and outlet_name(parse, subj, strong=True):
                return None
        lemma = tok.lemma if tok.pos in ("VERB", "AUX") else tok.lower
        if is_future(parse, cue, self.doc.in_quote):
            return Attribution(cue=lemma, cue_at=cue, own_cue=True)
        subj = self._subject_of(cue)
        if subj is None:
            return None
        result = self.resolve(subj, last)
        result.cue, result.cue_at, result.own_cue = lemma, cue, True
        return result

    def attribute_cue(self, cue: int, last: Attribution | None) -> Attribution | None:
        """The speaker a verb of saying gives outside any quote (for reported speech), or None
        when its subject is a medium or absent."""
        return self._from_cue(cue, last)

    def attribute(self, n: int, previous: list[Attribution]) -> Attribution:
        """The attribution of quote n, given the attributions of the quotes before it."""
        span = self.spans[n]
        sents, own = self._frame(n)
        outside_list = self._outside(sents, n)
        outside = set(outside_list)
        last = previous[-1] if previous else None
        result: Attribution | None = None
        cues, document = self._governing_cues(own, outside) if own else ([], None)
        if document is not None:
            owner = self._owner(document)
            mention = mention_text(self.doc.parse, document) if owner else None
            result = Attribution(owner, mention, confidence=0.6 if owner else 0.0, own_cue=True)
        # the nearest cue, unless it names no one ("they're assured", "will say") and an
        # outer one does ("..., the document said")
        first: Attribution | None = None
        for cue in cues if result is None else []:
            found = self._from_cue(cue, last)
            if found is None:
                continue
            first = first or found
            if found.speaker is not None and found.confidence >= 0.6:
                result = found
                break
        if result is None and first is not None:
            result = first
        if result is None:
            source = self._according(outside_list)
            if source is not None:
                result = self.resolve(source, last)
                result.cue = "according to"
                result.own_cue = True
        if result is None and own:
            cue = self._hanging_cue(own, outside)
            if cue is None:
                cue = self._nearest_cue(n, own, outside_list)
            if cue is not None:
                result = self._from_cue(cue, last)
        if result is None and own:
            verb = self._trailing_verb(n)
            if verb is not None:
                result = self._from_cue(verb, last)
        if result is None:
            result = self._continuation(n, previous)
        if (
            result.speaker is None
            and not result.own_cue
            and quote_is_partial(self.doc.parse.text, span)
        ):
            result = self._clause_subject(own) or result
        result.via = result.via or self._via(n, result, sents, previous)
        return result

    def _outlet(self, head: int) -> str:
        """The name of a relaying party: a medium, else an institution, else the words."""
        parse = self.doc.parse
        return (
            outlet_name(parse, head, strong=True)
            or self._institution(head)
            or mention_text(parse, head)
        )

    def _clause_subject(self, own: list[int]) -> Attribution | None:
        """A fragment quoted inside a sentence with no cue ("Trump decided to impose the
        “highest level of economic sanctions”"): the words of the sentence's subject, when a
        named person."""
        parse = self.doc.parse
        if not own:
            return None
        root = own[0]
        for a in parse.ancestors(own[0]):
            root = a
        subj = own_subject(parse, root, self.doc.in_quote)
        if subj is None or self.doc.in_quote[subj] >= 0:
            return None
        found = self.resolve(subj, None)
        if found.person is None:
            return None
        found.confidence = 0.4
        return found

    def _continuation(self, n: int, previous: list[Attribution]) -> Attribution:
        """A quote with no cue: the previous speaker's words go on, or the last speaking subject."""
        parse = self.doc.parse
        span = self.spans[n]
        text = parse.text
        para = self._paragraph(text, span.mark_start)
        if previous:
            prev_span = self.spans[n - 1]
            last = previous[-1]
            prev_para = self._paragraph(text, prev_span.mark_start)
            same = (
                prev_para[0] == para[0]
                or self._paragraph(text, prev_span.mark_end - 1)[0] == para[0]
            )
            adjacent = text[prev_para[1] : para[0]].strip() == "" and para[0] > prev_para[0]
            starts_para = text[para[0] : span.mark_start].strip() == ""
            if span.continues or same or (adjacent and starts_para):
                return Attribution(
                    last.speaker,
                    last.mention,
                    None,
                    None,
                    round(last.confidence * 0.9, 2),
                    -1,
                    False,
                    last.person,
                )
        # "She claimed Labour had opposed her. “The country is coming together ...”": the
        # person the sentence before introduces, in the same paragraph
        first = parse.token_at(span.mark_start)
        if first is None:
            return Attribution()
        sent = parse.tokens[first].sent
        if sent > 0 and text[para[0] : span.mark_start].strip():
            if not quote_is_partial(text, span):
                spoken = self._last_attributed(sent, para[0], previous)
                if spoken is not None:
                    return spoken
            a, b = parse.sents[sent - 1]
            if parse.tokens[a].start >= para[0]:
                for i in range(a, b):
                    if parse.tokens[i].dep != "ROOT" or self.doc.in_quote[i] >= 0:
                        continue
                    subj = self._subject_of(i)
                    if subj is None:
                        continue
                    res = self.resolve(subj, previous[-1] if previous else None)
                    if res.person is not None:
                        res.confidence = round(res.confidence * 0.6, 2)
                        return res
        return Attribution()

    def _last_attributed(
        self, sent: int, para_start: int, previous: list[Attribution]
    ) -> Attribution | None:
        """The speaker of the latest verb of saying before sentence `sent` in its paragraph
        ("Berg said the vote was close. Lindgren walked out. “...”" is Berg's)."""
        parse = self.doc.parse
        last = previous[-1] if previous else None
        for s in range(sent - 1, -1, -1):
            a, b = parse.sents[s]
            if parse.tokens[a].start < para_start:
                break
            for i in range(b - 1, a - 1, -1):
                t = parse.tokens[i]
                if self.doc.in_quote[i] >= 0 or t.pos not in ("VERB", "AUX"):
                    continue
                if not is_cue(parse, i) or is_future(parse, i, self.doc.in_quote):
                    continue
                if any(parse.tokens[c].dep == "neg" for c in parse.children[i]):
                    continue
                found = self._from_cue(i, last)
                if found is None or found.speaker is None or found.confidence < 0.6:
                    continue
                return Attribution(
                    found.speaker, found.mention, None, None,
                    round(found.confidence * 0.6, 2), -1, False, found.person,
                )  # fmt: skip
        return None

    def _via(
        self, n: int, result: Attribution, sents: set[int], previous: list[Attribution]
    ) -> str | None:
        """The outlet credited for quote n.

        A credit in the quote's own sentence(s) counts. So does one in the sentence just
        before it in the paragraph, when it is an "according to X" or "X reported" credit, or
        when the quote has a cue of its own and the credit's sentence gives the same speaker's
        words to a medium ("... she told the BBC. She said “...”"); likewise the sentence just
        after ("“...?” asked X. “...,” he told Sahel Weekly."). A quote with no cue of its own
        takes only its own sentence's credit.
        """
        parse = self.doc.parse
        span = self.spans[n]
        skip = self._quoted
        para = self._paragraph(parse.text, span.mark_start)
        para_end = self._paragraph(parse.text, max(span.mark_end - 1, span.mark_start))[1]
        own_sents = set(sents)
        if result.cue_at >= 0:
            own_sents.add(parse.tokens[result.cue_at].sent)
        named = result.own_cue and result.cue != "according to" and result.speaker is not None
        credits: list[Credit] = []
        for s in sorted(own_sents):
            a, b = parse.sents[s]
            credits += credits_in(parse, a, b, skip, speaker_named=named)
        # a medium's "said" that is the quote's own cue makes it the speaker, not a relay
        credits = [c for c in credits if c.kind != SAID or c.at != result.cue_at]
        if credits:
            return credits[0].outlet
        neighbours = [min(own_sents) - 1, max(own_sents) + 1]
        for k, s in enumerate(neighbours):
            if not 0 <= s < len(parse.sents):
                continue
            a, b = parse.sents[s]
            if parse.tokens[a].start < para[0] or parse.tokens[a].start >= para_end:
                continue
            for credit in credits_in(parse, a, b, skip):
                if credit.kind in (ACCORDING, REPORTED) and k == 0:
                    return credit.outlet
                if credit.kind == TOLD and result.own_cue and result.speaker:
                    subj = self._subject_of(credit.at)
                    if subj is None:
                        continue
                    other = self.resolve(subj, previous[-1] if previous else None)
                    if other.speaker == result.speaker:
                        return credit.outlet
        return None
