// Deterministic benchmark articles in the native JSON format (offsets in Unicode code points):
// paragraphs of ~600 characters, non-overlapping spans on word boundaries, three labels, seeded.

const WORDS = [
  'military', 'cooperation', 'Tehran', 'Moscow', 'minister', 'defense', 'général', 'Šojgu',
  'meeting', 'agreement', 'forces', 'exercise', 'border', 'regional', 'security', 'council',
  'training', 'ground', 'Kharbmaidon', 'Tajikistan', 'Afghanistan', 'CSTO', 'naval', 'drills',
  'relations', 'embassy', 'delegation', '“partner”', 'talks', 'the', 'of', 'and', 'in', 'on',
  'a', 'with', 'said', '😀', 'café', 'Bagheri', 'Shoigu', 'Gerasimov', 'Xinhua', 'IRNA',
];
const LABELS = ['Person', 'Place', 'Event'];
const PARAGRAPH_CHARS = 600;

/** A small fast PRNG (mulberry32): the same seed gives the same article. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const codePoints = (word) => Array.from(word).length;

/** Builds an article of about `chars` code points with `spans` annotations, in paragraphs of
 * about 600 code points, or all in one line with `oneLine`. */
export function generateArticle({ chars, spans, seed = 42, oneLine = false }) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const parts = [];
  const words = []; // { start, end, word, lastInParagraph }
  let offset = 0;
  while (offset < chars) {
    let paragraph = 0;
    while (oneLine ? offset < chars : paragraph < PARAGRAPH_CHARS) {
      const word = pick(WORDS);
      const length = codePoints(word);
      words.push({ start: offset, end: offset + length, word, lastInParagraph: false });
      parts.push(word, ' ');
      offset += length + 1;
      paragraph += length + 1;
    }
    parts[parts.length - 1] = '\n';
    words[words.length - 1].lastInParagraph = true;
  }
  const text = parts.join('');
  // Spans spread over the whole text: span i starts somewhere in its own slice of the words.
  const gap = words.length / spans;
  if (gap < 3) throw new Error('too many spans for this length');
  const annotations = [];
  for (let i = 0; i < spans; i += 1) {
    const first = Math.floor(i * gap) + Math.floor(next() * (Math.floor(gap) - 1));
    const two = !words[first].lastInParagraph && next() < 0.3;
    const last = two ? first + 1 : first;
    annotations.push({
      id: i,
      start: words[first].start,
      end: words[last].end,
      label: LABELS[i % LABELS.length],
      text: two ? `${words[first].word} ${words[last].word}` : words[first].word,
    });
  }
  return {
    format: 'article-annotator',
    version: 1,
    offset_unit: 'codepoint',
    document: { id: `bench-${chars}`, title: `Benchmark article, ${chars} characters`, text },
    labels: [
      { name: 'Person', color: '#ffc9a0', key: '1' },
      { name: 'Place', color: '#a8e6b4', key: '2' },
      { name: 'Event', color: '#a9d4ff', key: '3' },
    ],
    annotations,
  };
}

/** A doccano JSONL corpus of `count` articles of about `chars` code points with `spans` spans
 * each (offsets in code points), every article seeded differently. */
export function generateCorpus({ count, chars, spans }) {
  const lines = [];
  for (let i = 0; i < count; i += 1) {
    const article = generateArticle({ chars, spans, seed: 1000 + i });
    lines.push(JSON.stringify({
      id: `article-${i + 1}`,
      title: `Corpus article ${i + 1}`,
      text: article.document.text,
      label: article.annotations.map((a) => [a.start, a.end, a.label]),
    }));
  }
  return `${lines.join('\n')}\n`;
}

/** Three annotators' doccano files of the same `count` articles of about `chars` code points
 * with `spans` spans each (offsets in code points): alice's spans as generated; bob's with every
 * fourth span's label changed and every fifth one missed; carol's with every third span grown by
 * the word before it (where there is one) and every seventh one missed. */
export function generateAnnotators({ count, chars, spans }) {
  const LABELS_ROUND = ['Person', 'Place', 'Event'];
  const files = { alice: [], bob: [], carol: [] };
  for (let i = 0; i < count; i += 1) {
    const article = generateArticle({ chars, spans, seed: 5000 + i });
    const text = article.document.text;
    const base = article.annotations.map((a) => [a.start, a.end, a.label]);
    const line = (label) => JSON.stringify({ id: `article-${i + 1}`, title: `Article ${i + 1}`, text, label });
    files.alice.push(line(base));
    files.bob.push(line(base
      .filter((_, n) => n % 5 !== 4)
      .map(([s, e, l], n) => [s, e, n % 4 === 3 ? LABELS_ROUND[(LABELS_ROUND.indexOf(l) + 1) % 3] : l])));
    const points = Array.from(text);
    files.carol.push(line(base
      .filter((_, n) => n % 7 !== 6)
      .map(([s, e, l], n) => {
        if (n % 3 !== 2) return [s, e, l];
        // The word before, unless a line starts between or another span holds it.
        let before = s - 2;
        while (before >= 0 && points[before] !== ' ' && points[before] !== '\n') before -= 1;
        const free = base.every(([, end]) => end <= before + 1 || end > s);
        return before >= 0 && points[before] === ' ' && free ? [before + 1, e, l] : [s, e, l];
      })));
  }
  return Object.entries(files).map(([name, lines]) => ({ name: `${name}.jsonl`, content: `${lines.join('\n')}\n` }));
}
